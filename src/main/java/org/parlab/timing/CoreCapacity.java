package org.parlab.timing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * How many cores a number of threads really get right now, measured by running them: {@code threads} threads
 * each run the same piece of work at once, and one thread runs that piece alone; the cores delivered are
 * {@code threads × time alone ÷ time together}. The median of three rounds after a warm-up round, about 0.1 s
 * in all.
 *
 * <p>On idle cores the answer is close to {@code threads}. {@link MachineLoad} sees the cores that other
 * programs of this machine take; this sees what nothing inside the machine can count: a host that gives the
 * virtual machine less CPU time than it has vCPUs, or a CPU quota that is spent. The guest's counters show
 * neither: its threads look as if they ran the whole time.
 *
 * <p>The kind of work matters where two vCPUs are the two hyperthreads of one physical core: they share its
 * execution units, and how much one thread slows the other depends on how much of them each one needs. A chain
 * of dependent multiply-adds ({@link Work#DEPENDENT}: an interpreter's loop, the GIL simulator, the logistic
 * map) waits for each result and leaves the units idle between steps, so two such chains share a physical
 * core almost without loss. Arithmetic with many independent operations in flight ({@link Work#INDEPENDENT}:
 * the Mandelbrot loop, numeric kernels) keeps the floating-point units busy, so two such threads on sibling
 * hyperthreads get little more than one core's worth; square roots, through one divider per core, the same.
 * A claim is judged with a probe of its own kind of work: a probe of another kind would skip claims the
 * lesson's own measurement has just shown, or judge claims the cores could not deliver.
 *
 * <p>It also tells what took the cores when they fall short. The probe threads' own CPU clocks show whether
 * they ran the whole time (then the cores were shared below the operating system) or waited for a CPU, and the
 * process's CPU clock minus theirs shows how much the kernel's other threads used meanwhile: the JIT compiler
 * still compiling the last cell, the garbage collector, or a native pool (OpenBLAS, OpenMP) that spins for a
 * while after a call before it sleeps. Those are not other programs, so {@link MachineLoad} does not count them.
 *
 * @param work          the kind of work the threads ran
 * @param threads       how many threads ran together
 * @param cores         the cores they got: threads × aloneMs ÷ togetherMs (median of the rounds)
 * @param aloneMs       one thread alone, median ms
 * @param togetherMs    all threads together, median ms
 * @param cpuCores      the CPU time the threads got while together, in cores (their CPU clocks ÷ wall time)
 * @param kernelCores   cores the other threads of this JVM used meanwhile (process CPU clock minus the threads')
 * @param busiest       the busiest of those other threads by name, e.g. {@code "C2 CompilerThre"}, or empty
 */
public record CoreCapacity(Work work, int threads, double cores, double aloneMs, double togetherMs,
                           double cpuCores, double kernelCores, String busiest) {

    /** The kind of work a probe runs: see the class comment for why it matters. */
    public enum Work {
        /** A chain of dependent 64-bit multiply-adds, each waiting for the one before; about 8 ms a round. */
        DEPENDENT("dependent multiply-adds", 8_000_000),
        /** Eight independent complex squarings side by side (z → z² + c), filling the floating-point units. */
        INDEPENDENT("independent floating-point arithmetic", 1_500_000);

        private final String description;
        private final long steps;

        Work(String description, long steps) {
            this.description = description;
            this.steps = steps;
        }

        /** E.g. {@code "dependent multiply-adds"}. */
        public String description() {
            return description;
        }
    }
    private static final int ROUNDS = 3;
    private static final String PREFIX = "parlab-core-capacity-";

    /** Reads null {@code work} as {@link Work#DEPENDENT} and null {@code busiest} as empty. */
    public CoreCapacity {
        work = work == null ? Work.DEPENDENT : work;
        busiest = busiest == null ? "" : busiest;
    }

    /** A measurement of dependent work with the CPU-clock readings. */
    public CoreCapacity(int threads, double cores, double aloneMs, double togetherMs, double cpuCores,
                        double kernelCores, String busiest) {
        this(Work.DEPENDENT, threads, cores, aloneMs, togetherMs, cpuCores, kernelCores, busiest);
    }

    /** A measurement of dependent work without the CPU-clock readings (as if the threads had all their CPU time). */
    public CoreCapacity(int threads, double cores, double aloneMs, double togetherMs) {
        this(Work.DEPENDENT, threads, cores, aloneMs, togetherMs, threads, 0, "");
    }

    /**
     * Runs the measurement with {@link Work#DEPENDENT} work (about 0.1 s, on {@code threads} cores).
     *
     * @param threads between 1 and the number of processors
     * @throws IllegalArgumentException if {@code threads} is outside that range
     * @throws CancellationException    if the calling thread is interrupted meanwhile
     */
    public static CoreCapacity measure(int threads) {
        return measure(threads, Work.DEPENDENT);
    }

    /**
     * Runs the measurement with {@code work} (about 0.1 s, on {@code threads} cores). When the reading was
     * disturbed ({@link #disturbance()}: this kernel's own threads took cores meanwhile, mostly the JIT compiling
     * what the cells and the probe's own readings just ran, or the one-thread run was slowed), it waits for the
     * JIT and measures again, up to {@value #TRIES} times, and returns the last measurement.
     *
     * @param threads between 1 and the number of processors
     * @param work    the kind of work the claim being judged does
     * @throws IllegalArgumentException if {@code threads} is outside that range or {@code work} is null
     * @throws CancellationException    if the calling thread is interrupted meanwhile
     */
    public static CoreCapacity measure(int threads, Work work) {
        if (work == null) {
            throw new IllegalArgumentException("work must be DEPENDENT or INDEPENDENT, got null");
        }
        CoreCapacity c = measure(threads, work, work.steps);
        for (int t = 1; t < TRIES && c.disturbance().isPresent(); t++) {
            Jit.awaitQuiet(java.time.Duration.ofSeconds(1));
            c = measure(threads, work, work.steps);
        }
        return c;
    }

    /** How many times {@link #measure(int, Work)} measures while the kernel's own threads share the cores. */
    static final int TRIES = 3;
    /** Cores of the kernel's other threads from which a measurement counts as shared with them. */
    static final double KERNEL_SHARE = 0.3;

    /**
     * Whether this kernel's other threads (the JIT compiler, the garbage collector, a spinning native pool)
     * used at least 0.3 of a core while the probe ran: then {@link #cores()} is lower than the cores could
     * deliver, and a claim divided by it would look better than it is.
     */
    public boolean sharedWithKernel() {
        return kernelCores >= KERNEL_SHARE;
    }

    /**
     * Whether the reading can be right: {@code threads} threads cannot get more than {@code threads} cores (10 %
     * allowed for timer noise). More means that the one-thread run they are compared with was slowed (a compile,
     * a moment the host took the core), and the reading says nothing about the cores.
     */
    public boolean plausible() {
        return cores <= threads * 1.1;
    }

    /**
     * Why this reading is not a measure of the cores, or empty: it {@linkplain #sharedWithKernel() shared them
     * with this kernel's own threads}, or it is {@linkplain #plausible() more than the threads can get}.
     */
    public java.util.Optional<String> disturbance() {
        if (sharedWithKernel()) {
            return java.util.Optional.of(String.format(Locale.ROOT, "shared the cores with this kernel's own"
                    + " threads (%.1f cores%s)", kernelCores, busiest.isEmpty() ? "" : ": " + busiest));
        }
        if (!plausible()) {
            return java.util.Optional.of(String.format(Locale.ROOT, "read %.1f cores for %d threads, so the"
                    + " one-thread run it compares with was slowed", cores, threads));
        }
        return java.util.Optional.empty();
    }

    /** {@link #measure(int, Work)} with {@code steps} steps per thread and round (tests use longer rounds). */
    static CoreCapacity measure(int threads, Work work, long steps) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > cpus) {
            throw new IllegalArgumentException("threads must be between 1 and the " + cpus + " processors, got "
                    + threads);
        }
        double[] alone = new double[ROUNDS], together = new double[ROUNDS], ratio = new double[ROUNDS];
        long[] sink = new long[threads];
        long togetherWall = 0, togetherCpu = 0, processCpu0 = 0, probeCpu0 = 0, wall0 = 0;
        Map<String, Long> tasks0 = Map.of();
        warmUp(work, steps);
        LongAdder probeCpu = new LongAdder(); // CPU time of every probe thread, alone rounds included
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms the JIT up and is not counted
            if (round == 0) {
                // the warm-up round made the JIT compile the probe's loop; its compiler threads would take a
                // core from the rounds that count
                Jit.awaitQuiet(java.time.Duration.ofSeconds(1));
                processCpu0 = processCpuNanos();
                probeCpu0 = probeCpu.sum();
                tasks0 = ThreadTicks.byName();
                wall0 = System.nanoTime();
            }
            long one = run(1, work, steps, round, sink, probeCpu)[0];
            long[] many = run(threads, work, steps, round + 1, sink, probeCpu);
            if (round >= 0) {
                alone[round] = one / 1e6;
                together[round] = many[0] / 1e6;
                ratio[round] = threads * (double) one / many[0];
                togetherWall += many[0];
                togetherCpu += many[1];
            }
        }
        double wall = System.nanoTime() - wall0;
        long processCpu = processCpuNanos() - processCpu0;
        double kernel = processCpu0 < 0 ? 0 : Math.max(0, (processCpu - (probeCpu.sum() - probeCpu0)) / wall);
        new Blackhole().consume(Arrays.stream(sink).sum()); // the JIT may not drop the sums
        double cpuCores = togetherCpu < 0 ? threads : (double) togetherCpu / togetherWall;
        return new CoreCapacity(work, threads, median(ratio), median(alone), median(together), cpuCores, kernel,
                busiestOthers(tasks0, ThreadTicks.byName()));
    }

    private static final boolean[] WARM = new boolean[Work.values().length];

    /**
     * The first time in this JVM for a kind of work: calls its loop 40 times on short counts. One call of a long
     * loop is compiled on the fly (on-stack replacement) but leaves the JIT's regular compilation of the method
     * for later, and that compile (about a core for a few hundred ms at C2) came in the middle of the next
     * probe's rounds. Many short calls trigger it now, and the wait for the JIT below lets it finish.
     */
    private static void warmUp(Work work, long steps) {
        synchronized (WARM) {
            if (WARM[work.ordinal()]) {
                return;
            }
            long sum = 0;
            for (int i = 0; i < 40; i++) {
                sum += work == Work.DEPENDENT ? chain(steps / 20, i)
                        : Double.doubleToRawLongBits(squarings(steps / 20, i));
            }
            new Blackhole().consume(sum);
            WARM[work.ordinal()] = true;
        }
    }

    /**
     * Runs {@code threads} probe threads at once; returns {wall ns, their CPU ns during it (−1 if unreadable)}.
     * The calling thread only waits, so every probe thread carries the probe's name.
     */
    private static long[] run(int threads, Work work, long steps, long seed, long[] sink, LongAdder probeCpu) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean clocks = mx.isCurrentThreadCpuTimeSupported();
        LongAdder cpu = new LongAdder();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int slot = i;
            workers[i] = new Thread(() -> {
                long c0 = clocks ? mx.getCurrentThreadCpuTime() : 0;
                sink[slot] += work == Work.DEPENDENT ? chain(steps, seed + slot)
                        : Double.doubleToRawLongBits(squarings(steps, seed + slot));
                if (clocks) {
                    cpu.add(mx.getCurrentThreadCpuTime() - c0);
                }
            }, PREFIX + i);
            workers[i].setDaemon(true);
        }
        long t0 = System.nanoTime();
        for (Thread w : workers) {
            w.start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            for (Thread w : workers) {
                w.interrupt();
            }
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while measuring core capacity");
        }
        long wall = System.nanoTime() - t0;
        probeCpu.add(cpu.sum());
        return new long[] {wall, clocks ? cpu.sum() : -1};
    }

    /** This process's CPU time in ns (every thread, the JVM's own included), or −1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The up to three threads (by name) other than the probe's that used the most CPU between two readings. */
    private static String busiestOthers(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(e -> !e.getKey().startsWith(PREFIX.substring(0, 15))) // Linux keeps 15 characters
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3).map(Map.Entry::getKey).collect(Collectors.joining(", "));
    }

    /**
     * {@code count} dependent multiply-adds: each multiply waits for the last. The step adds a shifted copy of the
     * state, not a constant: the JIT of JDK 25 folds a purely linear recurrence (s·a + c) into a few steps
     * (measured: 40 million steps in 0.7 ms instead of 44 ms).
     */
    private static long chain(long count, long seed) {
        long s = seed;
        for (long k = 0; k < count; k++) {
            s = s * 6364136223846793005L + (s >>> 32);
        }
        return s;
    }

    /**
     * {@code count} steps of z → z² + c on eight points at once, each c inside the Mandelbrot set's main
     * cardioid (the orbits converge and never overflow): 24 multiplications a step that do not wait for each
     * other, more than a core's floating-point units finish in the latency of one.
     */
    private static double squarings(long count, long seed) {
        double d = 1e-6 * (seed & 1023);
        double r0 = 0, i0 = 0, r1 = 0, i1 = 0, r2 = 0, i2 = 0, r3 = 0, i3 = 0;
        double r4 = 0, i4 = 0, r5 = 0, i5 = 0, r6 = 0, i6 = 0, r7 = 0, i7 = 0;
        for (long k = 0; k < count; k++) {
            double t0 = r0 * r0 - i0 * i0 - 0.10 + d;
            i0 = 2 * r0 * i0 + 0.10;
            r0 = t0;
            double t1 = r1 * r1 - i1 * i1 - 0.20 + d;
            i1 = 2 * r1 * i1 + 0.20;
            r1 = t1;
            double t2 = r2 * r2 - i2 * i2 + 0.10 + d;
            i2 = 2 * r2 * i2 + 0.10;
            r2 = t2;
            double t3 = r3 * r3 - i3 * i3 - 0.30 + d;
            i3 = 2 * r3 * i3;
            r3 = t3;
            double t4 = r4 * r4 - i4 * i4 - 0.50 + d;
            i4 = 2 * r4 * i4 + 0.10;
            r4 = t4;
            double t5 = r5 * r5 - i5 * i5 + 0.20 + d;
            i5 = 2 * r5 * i5;
            r5 = t5;
            double t6 = r6 * r6 - i6 * i6 - 0.60 + d;
            i6 = 2 * r6 * i6;
            r6 = t6;
            double t7 = r7 * r7 - i7 * i7 + 0.15 + d;
            i7 = 2 * r7 * i7 + 0.20;
            r7 = t7;
        }
        return r0 + i0 + r1 + i1 + r2 + i2 + r3 + i3 + r4 + i4 + r5 + i5 + r6 + i6 + r7 + i7;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /**
     * E.g. {@code "2 threads of dependent multiply-adds got 1.0 cores (alone 8.1 ms, together 16.3 ms; CPU time
     * 1.0 cores; other threads of this kernel 0.9 cores: C2 CompilerThre)"}.
     */
    @Override
    public String toString() {
        String others = kernelCores < 0.05 ? "" : String.format(Locale.ROOT, "; other threads of this kernel %.1f cores%s",
                kernelCores, busiest.isEmpty() ? "" : ": " + busiest);
        return String.format(Locale.ROOT,
                "%d %s of %s got %.1f cores (alone %.1f ms, together %.1f ms; CPU time %.1f cores%s)",
                threads, threads == 1 ? "thread" : "threads", work.description(), cores, aloneMs, togetherMs,
                cpuCores, others);
    }
}
