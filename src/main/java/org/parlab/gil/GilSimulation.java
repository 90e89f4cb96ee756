package org.parlab.gil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.parlab.timing.Bench;
import org.parlab.timing.Jit;
import org.parlab.timing.SandwichResult;
import org.parlab.timing.SandwichRound;
import org.parlab.timing.Timing;

/**
 * One simulation set-up: a workload, a number of threads, with or without the GIL, a switch interval.
 * Immutable; each option returns a new simulation. Made by {@link Gil#simulate(Workload)}.
 *
 * <p>Every run starts its own threads and stops them before it returns: when the calling thread is
 * interrupted (■ in the notebook), when a task fails, or after the {@link #timeout(Duration) time-out}.
 */
public final class GilSimulation {
    /** CPython's default switch interval ({@code sys.getswitchinterval()} = 0.005). */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);
    /** Most threads a simulation may start. */
    public static final int MAX_THREADS = 64;
    private static final Duration QUIET_WAIT = Duration.ofSeconds(1);
    /** Steady rounds of a speed-up must agree this well (median absolute deviation / median). */
    private static final double MAX_SPREAD = 0.05;

    /** The options, validated together (each check names the option's argument, as the option's Javadoc says). */
    private record Settings(int threads, boolean gil, Duration switchInterval, Duration timeout) {
        Settings {
            if (threads < 1 || threads > MAX_THREADS) {
                throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
            }
            Workload.requireSwitchInterval(switchInterval);
            if (timeout == null || timeout.compareTo(Duration.ofMillis(1)) < 0
                    || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("limit must be between 1 ms and 10 minutes, got " + timeout);
            }
        }

        Settings threads(int n) {
            return new Settings(n, gil, switchInterval, timeout);
        }

        Settings gil(boolean on) {
            return new Settings(threads, on, switchInterval, timeout);
        }

        Settings switchInterval(Duration d) {
            return new Settings(threads, gil, d, timeout);
        }

        Settings timeout(Duration d) {
            return new Settings(threads, gil, switchInterval, d);
        }
    }

    private final Workload workload;
    private final Settings settings;

    GilSimulation(Workload workload) {
        this(requireWorkload(workload), new Settings(2, true, DEFAULT_SWITCH_INTERVAL, Duration.ofSeconds(60)));
    }

    private GilSimulation(Workload workload, Settings settings) {
        this.workload = workload;
        this.settings = settings;
    }

    private static Workload requireWorkload(Workload w) {
        if (w == null) {
            throw new IllegalArgumentException("workload must not be null");
        }
        return w;
    }

    /**
     * Number of threads, each running the workload once.
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code n} ≤ {@value #MAX_THREADS}
     */
    public GilSimulation threads(int n) {
        return with(settings.threads(n));
    }

    /** The threads share the simulated GIL (the default). */
    public GilSimulation withGil() {
        return with(settings.gil(true));
    }

    /** No lock at all: plain Java threads running the same work. */
    public GilSimulation withoutGil() {
        return with(settings.gil(false));
    }

    /**
     * How long a thread may hold the lock while another waits before it is asked to drop it (CPython's
     * {@code sys.setswitchinterval}).
     *
     * @throws IllegalArgumentException unless 0.1 ms ≤ {@code interval} ≤ 1 s
     */
    public GilSimulation switchInterval(Duration interval) {
        return with(settings.switchInterval(interval));
    }

    /**
     * The longest a run may take before its threads are stopped and it fails (default 60 s).
     *
     * @throws IllegalArgumentException unless 1 ms ≤ {@code limit} ≤ 10 min
     */
    public GilSimulation timeout(Duration limit) {
        return with(settings.timeout(limit));
    }

    private GilSimulation with(Settings changed) {
        return new GilSimulation(workload, changed);
    }

    /**
     * Runs the workload on {@code threads} threads at once, after waiting (up to 1 s) for the JIT compiler's
     * background threads to finish, so they do not take a core from the simulated threads.
     */
    public GilRun run() {
        org.parlab.timing.MeasurementWindow.mark();
        settle();
        return execute(false);
    }

    /** Runs the same {@code threads} tasks one after another on a single thread: the baseline. */
    public GilRun runSerially() {
        org.parlab.timing.MeasurementWindow.mark();
        settle();
        return execute(true);
    }

    private static volatile boolean warm;

    /**
     * Before a measurement: the first time in this JVM, exercises the simulator's own code (lock hand-offs,
     * I/O and native sections) so the JIT compiles it now rather than during the measurement; then waits for
     * the JIT's background threads to finish.
     */
    private static void settle() {
        if (!warm) {
            synchronized (GilSimulation.class) {
                if (!warm) {
                    // sized once, here: each bytecodesFor call re-checks the calibration (about 20 ms)
                    long interpreted = Workload.bytecodesFor("warm-up", Duration.ofMillis(60));
                    long compiled = Workload.bytecodesFor("warm-up", Duration.ofMillis(5));
                    Workload mix = Workload.of("warm-up", in -> {
                        in.bytecodes(interpreted);
                        in.blockingIo(Duration.ofMillis(1));
                        in.nativeCode(compiled);
                    });
                    GilSimulation w = new GilSimulation(mix).threads(2).switchInterval(Duration.ofMillis(1));
                    w.execute(false);
                    w.execute(true);
                    warm = true;
                }
            }
        }
        Jit.awaitQuiet(QUIET_WAIT);
    }

    /**
     * Measures the speed-up of {@link #run()} over {@link #runSerially()}. After one untimed warm-up round,
     * every threaded run sits between two serial runs ({@link Bench#sandwich}), and counts only when those two
     * agree within 10 %: otherwise the machine changed speed during the round (another process took a core
     * for a moment) and the round is run again, up to 4 × {@code repeats} rounds; rounds also go on while the
     * steady rounds' ratios scatter by more than 5 % (a slow moment inside one threaded run, which the serial
     * runs around it cannot see: {@link org.parlab.timing.Sandwich#maxSpread(double)}). The speed-up is the median
     * serial time (geometric mean of the runs around each threaded run) over the median threaded time, over
     * the {@code repeats} steady rounds (over the steady rounds there are if the machine never settled; over
     * all rounds if none was steady).
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code repeats} ≤ 100
     */
    public Speedup speedup(int repeats) {
        if (repeats < 1 || repeats > 100) {
            throw new IllegalArgumentException("repeats must be in [1, 100], got " + repeats);
        }
        org.parlab.timing.MeasurementWindow.mark();
        settle();
        execute(true);  // warm-up round
        execute(false);
        Jit.awaitQuiet(QUIET_WAIT);
        SandwichResult r = Bench.sandwich("serial", () -> execute(true).wallMs())
                .versus("threaded", () -> execute(false).wallMs())
                .rounds(repeats).maxSpread(MAX_SPREAD).maxRounds(4 * repeats).run();
        List<SandwichRound> used = r.steadyCount("threaded") > 0 ? r.steadyRounds("threaded") : r.rounds("threaded");
        double s = new Timing("serial", used.stream().map(SandwichRound::baselineMs).toList()).medianMs();
        double p = new Timing("threaded", used.stream().map(SandwichRound::ms).toList()).medianMs();
        return new Speedup(workload.name(), settings.gil(), settings.threads(), s, p, s / p,
                workload.name() + (settings.gil() ? ", with GIL" : ", without GIL"));
    }

    /**
     * Measures {@link #speedup(int)} at each of {@code threads} thread counts, with the GIL and then without
     * it (the same switch interval and workload), in that order.
     *
     * <pre>{@code
     * Speedups cpu = Gil.simulate(Workload.cpuBound(CPU_WORK)).switchInterval(SWITCH_INTERVAL).speedups(3, THREADS);
     * }</pre>
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code repeats} ≤ 100 and {@code threads} holds at least one
     *                                  count, each in [1, {@value #MAX_THREADS}]
     */
    public Speedups speedups(int repeats, int... threads) {
        if (threads == null || threads.length == 0) {
            throw new IllegalArgumentException("threads must hold at least one thread count");
        }
        for (int n : threads) {
            threads(n);  // validates
        }
        if (repeats < 1 || repeats > 100) {
            throw new IllegalArgumentException("repeats must be in [1, 100], got " + repeats);
        }
        List<Speedup> rows = new ArrayList<>();
        for (int n : threads) {
            rows.add(threads(n).withGil().speedup(repeats));
            rows.add(threads(n).withoutGil().speedup(repeats));
        }
        return Speedups.of(rows);
    }

    private GilRun execute(boolean serially) {
        long start = System.nanoTime();
        GilLock lock = settings.gil() ? new GilLock(settings.switchInterval().toNanos(), start) : null;
        int threads = settings.threads();
        int workers = serially ? 1 : threads;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(workers);
        long[] ends = new long[workers];
        long[] checksums = new long[threads];
        List<Thread> started = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            final int worker = w;
            Runnable body = () -> {
                ready.countDown();
                try {
                    go.await();
                    int first = serially ? 0 : worker;
                    int last = serially ? threads - 1 : worker;
                    for (int task = first; task <= last; task++) {
                        Interpreter in = new Interpreter(task, lock);
                        try {
                            in.acquire();
                            workload.task().run(in);
                        } finally {
                            in.releaseQuietly();
                        }
                        checksums[task] = in.checksum();
                    }
                } catch (InterruptedException | CancellationException e) {
                    failure.compareAndSet(null, new CancellationException("stopped"));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    ends[worker] = System.nanoTime();
                    done.countDown();
                }
            };
            Thread t = new Thread(body, "gil-sim-" + w);
            t.setDaemon(true);
            started.add(t);
            t.start();
        }
        long t0;
        try {
            ready.await();
            t0 = System.nanoTime();
            if (lock != null) {
                lock.startClock(t0);
            }
            go.countDown();
            long deadline = t0 + settings.timeout().toNanos();
            // wait in short slices, so a failed thread or the time-out is noticed at once
            while (!done.await(5, TimeUnit.MILLISECONDS)) {
                Throwable f = failure.get();
                if (f != null && !(f instanceof CancellationException)) {
                    stopAll(started);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    stopAll(started);
                    throw new IllegalStateException("the simulation ran longer than its time-out of "
                            + settings.timeout().toMillis() + " ms and was stopped (raise it with .timeout(...))");
                }
            }
            for (Thread t : started) {
                t.join(); // all have counted down; this only makes their end visible
            }
        } catch (InterruptedException e) {
            stopAll(started);
            Thread.currentThread().interrupt();
            throw new CancellationException("simulation interrupted; its threads were stopped");
        }
        long last = t0;
        for (long e : ends) {
            last = Math.max(last, e);
        }
        long wallNs = last - t0;
        Throwable f = failure.get();
        if (f != null) {
            if (f instanceof CancellationException) {
                throw new CancellationException("simulation stopped");
            }
            throw new IllegalStateException("a simulated thread failed: " + f, f);
        }
        long sum = 0;
        for (long c : checksums) {
            sum += c;
        }
        return new GilRun(workload.name(), settings.gil(), threads, serially, settings.switchInterval().toNanos() / 1e6, wallNs / 1e6,
                lock == null ? List.of() : lock.segments(), lock == null ? 0 : lock.switches(),
                lock == null ? 0 : lock.forcedDrops(), sum);
    }

    private static void stopAll(List<Thread> threads) {
        threads.forEach(Thread::interrupt);
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join(2000);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Gil.simulate(" + workload.name() + ").threads(" + settings.threads() + ")"
                + (settings.gil() ? "" : ".withoutGil()")
                + ".switchInterval(" + settings.switchInterval().toNanos() / 1e6 + " ms)";
    }
}
