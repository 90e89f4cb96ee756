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

    /** The I/O-bound workload's shape: waits per thread, each wait, CPU work between waits. */
    private record Io(int waits, Duration each, Duration cpu) {
    }

    /** The native-section workload's shape: calls per thread, work inside each call, interpreted work between. */
    private record Natives(int calls, Duration work, Duration cpu) {
    }

    /**
     * The options; each option's method validates its own values and names them. {@code switchInterval} null is
     * Python's own.
     */
    private record Settings(int[] threads, int repeats, Duration cpuWork, Io io, Natives natives,
                            Duration switchInterval, boolean withGil) {
        Settings threads(int[] t) {
            return new Settings(t, repeats, cpuWork, io, natives, switchInterval, withGil);
        }

        Settings repeats(int n) {
            return new Settings(threads, n, cpuWork, io, natives, switchInterval, withGil);
        }

        Settings cpuWork(Duration d) {
            return new Settings(threads, repeats, d, io, natives, switchInterval, withGil);
        }

        Settings io(Io i) {
            return new Settings(threads, repeats, cpuWork, i, natives, switchInterval, withGil);
        }

        Settings natives(Natives n) {
            return new Settings(threads, repeats, cpuWork, io, n, switchInterval, withGil);
        }

        Settings switchInterval(Duration d) {
            return new Settings(threads, repeats, cpuWork, io, natives, d, withGil);
        }

        Settings withGil(boolean on) {
            return new Settings(threads, repeats, cpuWork, io, natives, switchInterval, on);
        }
    }

    private static final Settings DEFAULTS = new Settings(new int[]{1, 2, 4}, 3, Duration.ofMillis(60),
            new Io(5, Duration.ofMillis(10), Duration.ofMillis(1)),
            new Natives(10, Duration.ofMillis(5), Duration.ofMillis(1)), null, true);

    private final Settings settings;

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

    private CPython(Settings settings) {
        this.settings = settings;
    }

    /**
     * The default experiment, with the GIL: 1, 2 and 4 threads, 3 rounds, the notebook's default work sizes, all
     * three workloads.
     */
    public static CPython gil() {
        return new CPython(DEFAULTS);
    }

    /**
     * The free-threaded experiment: CPU-bound threads only, in {@code $PARLAB_PYTHON} with its GIL turned off
     * ({@code -X gil=0}), series {@code "CPU-bound, CPython free-threaded"}, {@link Speedup#gil()} false. Needs a
     * free-threaded build ({@link #interpreter()}); on a default build {@link #measure()} fails, saying so.
     */
    public static CPython freeThreaded() {
        return new CPython(DEFAULTS.withGil(false));
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
        return new CPython(settings.threads(counts.clone()));
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
        return new CPython(settings.repeats(n));
    }

    /** Work of each CPU-bound thread. */
    public CPython cpuWork(Duration work) {
        return new CPython(settings.cpuWork(Workload.requireDuration("work", work)));
    }

    /** The I/O-bound workload: as {@link Workload#ioBound}. */
    public CPython io(int waits, Duration wait, Duration cpuBetween) {
        Workload.requireCount("waits", waits);
        return new CPython(settings.io(new Io(waits, Workload.requireDuration("wait", wait),
                Workload.requireDuration("cpuBetween", cpuBetween))));
    }

    /** The native-section workload: as {@link Workload#nativeSections}. */
    public CPython nativeSections(int calls, Duration nativeWork, Duration interpretedWork) {
        Workload.requireCount("calls", calls);
        return new CPython(settings.natives(new Natives(calls, Workload.requireDuration("nativeWork", nativeWork),
                Workload.requireDuration("interpretedWork", interpretedWork))));
    }

    /**
     * CPython's switch interval for the run ({@code sys.setswitchinterval}), as
     * {@link GilSimulation#switchInterval}; by default Python's own (5 ms).
     *
     * @throws IllegalArgumentException unless 0.1 ms ≤ {@code interval} ≤ 1 s
     */
    public CPython switchInterval(Duration interval) {
        return new CPython(settings.switchInterval(Workload.requireSwitchInterval(interval)));
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
        Settings o = settings;
        List<String> args = new ArrayList<>(List.of("--tsv", "--gil", o.withGil() ? "on" : "off",
                "--workloads", o.withGil() ? "cpu,io,native" : "cpu",
                "--threads", Arrays.stream(o.threads()).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                "--repeats", Integer.toString(o.repeats()), "--cpu-ms", ms(o.cpuWork()),
                "--io-waits", Integer.toString(o.io().waits()), "--io-wait-ms", ms(o.io().each()),
                "--io-cpu-ms", ms(o.io().cpu()),
                "--native-calls", Integer.toString(o.natives().calls()), "--native-ms", ms(o.natives().work()),
                "--native-cpu-ms", ms(o.natives().cpu())));
        if (o.switchInterval() != null) {
            args.addAll(List.of("--switch-interval-ms", ms(o.switchInterval())));
        }
        List<Speedup> result = new ArrayList<>();
        for (String line : Python.runScript(CPython.class, "cpython_gil.py", args, TIME_LIMIT)) {
            String[] f = line.strip().split("\t");
            if (f.length != 4) {
                continue;
            }
            double s = Double.parseDouble(f[2]);
            double par = Double.parseDouble(f[3]);
            result.add(new Speedup(f[0], settings.withGil(), Integer.parseInt(f[1]), s, par, s / par,
                    f[0] + (settings.withGil() ? ", CPython" : ", CPython free-threaded")));
        }
        return Speedups.of(result);
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.4f", d.toNanos() / 1e6);
    }
}
