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
 * {@code python3} on the PATH. Immutable; every option returns a new instance.
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

    private CPython(int[] threads, int repeats, Duration cpuWork, int ioWaits, Duration ioWait, Duration ioCpu,
                    int nativeCalls, Duration nativeWork, Duration nativeCpu) {
        this.threads = threads;
        this.repeats = repeats;
        this.cpuWork = cpuWork;
        this.ioWaits = ioWaits;
        this.ioWait = ioWait;
        this.ioCpu = ioCpu;
        this.nativeCalls = nativeCalls;
        this.nativeWork = nativeWork;
        this.nativeCpu = nativeCpu;
    }

    /** The default experiment: 1, 2 and 4 threads, 3 rounds, the notebook's default work sizes. */
    public static CPython gil() {
        return new CPython(new int[]{1, 2, 4}, 3, Duration.ofMillis(60), 5, Duration.ofMillis(10),
                Duration.ofMillis(1), 10, Duration.ofMillis(5), Duration.ofMillis(1));
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
        return new CPython(counts.clone(), repeats, cpuWork, ioWaits, ioWait, ioCpu, nativeCalls, nativeWork, nativeCpu);
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
        return new CPython(threads, n, cpuWork, ioWaits, ioWait, ioCpu, nativeCalls, nativeWork, nativeCpu);
    }

    /** Work of each CPU-bound thread. */
    public CPython cpuWork(Duration work) {
        return new CPython(threads, repeats, Workload.requireDuration("work", work), ioWaits, ioWait, ioCpu,
                nativeCalls, nativeWork, nativeCpu);
    }

    /** The I/O-bound workload: as {@link Workload#ioBound}. */
    public CPython io(int waits, Duration wait, Duration cpuBetween) {
        Workload.requireCount("waits", waits);
        return new CPython(threads, repeats, cpuWork, waits, Workload.requireDuration("wait", wait),
                Workload.requireDuration("cpuBetween", cpuBetween), nativeCalls, nativeWork, nativeCpu);
    }

    /** The native-section workload: as {@link Workload#nativeSections}. */
    public CPython nativeSections(int calls, Duration nativeWork, Duration interpretedWork) {
        Workload.requireCount("calls", calls);
        return new CPython(threads, repeats, cpuWork, ioWaits, ioWait, ioCpu, calls,
                Workload.requireDuration("nativeWork", nativeWork),
                Workload.requireDuration("interpretedWork", interpretedWork));
    }

    /**
     * Runs the script and returns one {@link Speedup} per workload and thread count (series
     * {@code "<workload>, CPython"}). Stops the Python process if the calling thread is interrupted.
     *
     * @throws IllegalStateException if Python cannot be started or the script fails
     */
    public List<Speedup> measure() {
        List<String> args = List.of("--tsv",
                "--threads", Arrays.stream(threads).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                "--repeats", Integer.toString(repeats), "--cpu-ms", ms(cpuWork),
                "--io-waits", Integer.toString(ioWaits), "--io-wait-ms", ms(ioWait), "--io-cpu-ms", ms(ioCpu),
                "--native-calls", Integer.toString(nativeCalls), "--native-ms", ms(nativeWork),
                "--native-cpu-ms", ms(nativeCpu));
        List<Speedup> result = new ArrayList<>();
        for (String line : Python.runScript(CPython.class, "cpython_gil.py", args, TIME_LIMIT)) {
            String[] f = line.strip().split("\t");
            if (f.length != 4) {
                continue;
            }
            double s = Double.parseDouble(f[2]);
            double par = Double.parseDouble(f[3]);
            result.add(new Speedup(f[0], true, Integer.parseInt(f[1]), s, par, s / par, f[0] + ", CPython"));
        }
        return result;
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.4f", d.toNanos() / 1e6);
    }
}
