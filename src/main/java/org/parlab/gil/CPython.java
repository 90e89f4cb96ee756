package org.parlab.gil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.parlab.Python;

/**
 * CPython's real GIL, measured from Java: runs a small Python script ({@code cpython_gil.py}, shipped in the
 * library) with the same workloads as the simulator and returns its speed-ups, so a notebook can put the
 * simulator next to the real thing on the same machine.
 *
 * <pre>{@code
 * if (CPython.available())
 *     List<Speedup> real = CPython.gil().threads(1, 2, 4).cpuWork(Duration.ofMillis(60)).measure();
 * }</pre>
 *
 * The Python interpreter is {@code $PARLAB_PYTHON} (the kernel sets it to the Python that runs Jupyter), else
 * {@code python3} on the PATH. When that is a free-threaded build (PEP 703: {@code python3.13t},
 * {@code python3.14t}; see {@link #interpreter()}), {@link #gil()} runs it with its GIL turned on
 * ({@code -X gil=1}) and {@link #freeThreaded()} with it off, so both can be measured with one interpreter.
 * Immutable; every option returns a new instance.
 */
public final class CPython {
    private static final Duration TIME_LIMIT = Duration.ofMinutes(3);

    private final int[] threads;
    private final int repeats;
    private final Duration cpuWork;
    private final int ioWaits;
    private final Duration ioWait;
    private final Duration ioCpu;
    private final int nativeCalls;
    private final Duration nativeWork;
    private final Duration nativeCpu;
    private final Duration switchInterval;
    private final boolean withGil;

    /**
     * What {@code $PARLAB_PYTHON} is.
     *
     * @param executable    the interpreter's command
     * @param version       e.g. {@code "3.14.0"}
     * @param freeThreaded  built without the GIL (PEP 703: {@code python3.14t}); {@code sys._is_gil_enabled()}
     *                      can then be false
     * @param gilEnabled    {@code sys._is_gil_enabled()} when started plainly (true on every default build)
     */
    public record Build(String executable, String version, boolean freeThreaded, boolean gilEnabled) {
    }

    private CPython(int[] threads, int repeats, Duration cpuWork, int ioWaits, Duration ioWait, Duration ioCpu,
                    int nativeCalls, Duration nativeWork, Duration nativeCpu) {
        this(threads, repeats, cpuWork, ioWaits, ioWait, ioCpu, nativeCalls, nativeWork, nativeCpu, null, true);
    }

    private CPython(int[] threads, int repeats, Duration cpuWork, int ioWaits, Duration ioWait, Duration ioCpu,
                    int nativeCalls, Duration nativeWork, Duration nativeCpu, Duration switchInterval,
                    boolean withGil) {
        this.threads = threads;
        this.repeats = repeats;
        this.cpuWork = cpuWork;
        this.ioWaits = ioWaits;
        this.ioWait = ioWait;
        this.ioCpu = ioCpu;
        this.nativeCalls = nativeCalls;
        this.nativeWork = nativeWork;
        this.nativeCpu = nativeCpu;
        this.switchInterval = switchInterval;
        this.withGil = withGil;
    }

    /**
     * The default experiment, with the GIL: 1, 2 and 4 threads, 3 rounds, the notebook's default work sizes, all
     * three workloads.
     */
    public static CPython gil() {
        return new CPython(new int[]{1, 2, 4}, 3, Duration.ofMillis(60), 5, Duration.ofMillis(10),
                Duration.ofMillis(1), 10, Duration.ofMillis(5), Duration.ofMillis(1));
    }

    /**
     * The free-threaded experiment: CPU-bound threads only, in {@code $PARLAB_PYTHON} with its GIL turned off
     * ({@code -X gil=0}), series {@code "CPU-bound, CPython free-threaded"}, {@link Speedup#gil()} false. Needs a
     * free-threaded build ({@link #interpreter()}); on a default build {@link #measure()} fails, saying so.
     */
    public static CPython freeThreaded() {
        CPython g = gil();
        return new CPython(g.threads, g.repeats, g.cpuWork, g.ioWaits, g.ioWait, g.ioCpu, g.nativeCalls,
                g.nativeWork, g.nativeCpu, null, false);
    }

    /**
     * Asks {@code $PARLAB_PYTHON} what it is: version, free-threaded build or not, GIL on or off by default.
     *
     * @throws IllegalStateException if Python cannot be started or the script fails
     */
    public static Build interpreter() {
        String version = "?";
        boolean free = false;
        boolean enabled = true;
        for (String line : Python.runScript(CPython.class, "cpython_gil.py", List.of("--info"), Duration.ofSeconds(30))) {
            String[] f = line.strip().split("\t");
            if (f.length == 2) {
                switch (f[0]) {
                    case "version" -> version = f[1];
                    case "free_threaded" -> free = f[1].equals("1");
                    case "gil_enabled" -> enabled = f[1].equals("1");
                    default -> { }
                }
            }
        }
        return new Build(Python.executable(), version, free, enabled);
    }

    /** True when a Python 3 interpreter can be started. */
    public static boolean available() {
        return Python.available();
    }

    /** The Python interpreter used: {@code $PARLAB_PYTHON}, else {@code python3}. */
    public static String python() {
        return Python.executable();
    }

    /**
     * Thread counts to measure.
     *
     * @throws IllegalArgumentException if empty or a count is outside [1, 64]
     */
    public CPython threads(int... counts) {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("counts must hold at least one thread count");
        }
        for (int c : counts) {
            if (c < 1 || c > GilSimulation.MAX_THREADS) {
                throw new IllegalArgumentException("counts must be in [1, " + GilSimulation.MAX_THREADS + "], got " + c);
            }
        }
        return new CPython(counts.clone(), repeats, cpuWork, ioWaits, ioWait, ioCpu, nativeCalls, nativeWork, nativeCpu,
                switchInterval, withGil);
    }

    /**
     * Timed rounds per measurement (medians are reported).
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code n} ≤ 50
     */
    public CPython repeats(int n) {
        if (n < 1 || n > 50) {
            throw new IllegalArgumentException("n must be in [1, 50], got " + n);
        }
        return new CPython(threads, n, cpuWork, ioWaits, ioWait, ioCpu, nativeCalls, nativeWork, nativeCpu,
                switchInterval, withGil);
    }

    /** Work of each CPU-bound thread. */
    public CPython cpuWork(Duration work) {
        return new CPython(threads, repeats, Workload.requireDuration("work", work), ioWaits, ioWait, ioCpu,
                nativeCalls, nativeWork, nativeCpu, switchInterval, withGil);
    }

    /** The I/O-bound workload: as {@link Workload#ioBound}. */
    public CPython io(int waits, Duration wait, Duration cpuBetween) {
        Workload.requireCount("waits", waits);
        return new CPython(threads, repeats, cpuWork, waits, Workload.requireDuration("wait", wait),
                Workload.requireDuration("cpuBetween", cpuBetween), nativeCalls, nativeWork, nativeCpu, switchInterval,
                withGil);
    }

    /** The native-section workload: as {@link Workload#nativeSections}. */
    public CPython nativeSections(int calls, Duration nativeWork, Duration interpretedWork) {
        Workload.requireCount("calls", calls);
        return new CPython(threads, repeats, cpuWork, ioWaits, ioWait, ioCpu, calls,
                Workload.requireDuration("nativeWork", nativeWork),
                Workload.requireDuration("interpretedWork", interpretedWork), switchInterval, withGil);
    }

    /**
     * CPython's switch interval for the run ({@code sys.setswitchinterval}), as
     * {@link GilSimulation#switchInterval}; by default Python's own (5 ms).
     *
     * @throws IllegalArgumentException unless 0.1 ms ≤ {@code interval} ≤ 1 s
     */
    public CPython switchInterval(Duration interval) {
        if (interval == null || interval.compareTo(Duration.ofNanos(100_000)) < 0
                || interval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("interval must be between 0.1 ms and 1 s, got " + interval);
        }
        return new CPython(threads, repeats, cpuWork, ioWaits, ioWait, ioCpu, nativeCalls, nativeWork, nativeCpu,
                interval, withGil);
    }

    /**
     * Runs the script and returns one {@link Speedup} per workload and thread count (series
     * {@code "<workload>, CPython"}, or {@code "CPU-bound, CPython free-threaded"} for {@link #freeThreaded()}).
     * Stops the Python process if the calling thread is interrupted.
     *
     * @throws IllegalStateException if Python cannot be started or the script fails (for
     *                               {@link #freeThreaded()}: also when the interpreter has a GIL build)
     */
    public Speedups measure() {
        org.parlab.timing.MeasurementWindow.mark();
        List<String> args = new ArrayList<>(List.of("--tsv", "--gil", withGil ? "on" : "off",
                "--workloads", withGil ? "cpu,io,native" : "cpu",
                "--threads", Arrays.stream(threads).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                "--repeats", Integer.toString(repeats), "--cpu-ms", ms(cpuWork),
                "--io-waits", Integer.toString(ioWaits), "--io-wait-ms", ms(ioWait), "--io-cpu-ms", ms(ioCpu),
                "--native-calls", Integer.toString(nativeCalls), "--native-ms", ms(nativeWork),
                "--native-cpu-ms", ms(nativeCpu)));
        if (switchInterval != null) {
            args.addAll(List.of("--switch-interval-ms", ms(switchInterval)));
        }
        List<Speedup> result = new ArrayList<>();
        for (String line : Python.runScript(CPython.class, "cpython_gil.py", args, TIME_LIMIT)) {
            String[] f = line.strip().split("\t");
            if (f.length != 4) {
                continue;
            }
            double s = Double.parseDouble(f[2]);
            double par = Double.parseDouble(f[3]);
            result.add(new Speedup(f[0], withGil, Integer.parseInt(f[1]), s, par, s / par,
                    f[0] + (withGil ? ", CPython" : ", CPython free-threaded")));
        }
        return Speedups.of(result);
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.4f", d.toNanos() / 1e6);
    }
}
