package org.parlab.gil;

import java.time.Duration;

/**
 * What each simulated thread does, e.g. {@code Workload.cpuBound(Duration.ofMillis(60))}. The factories size
 * work in milliseconds of this machine's time (calibrated once); {@link #of} takes any code.
 *
 * @param name a short description, used in tables and charts
 * @param task the code one thread runs
 */
public record Workload(String name, Task task) {

    /** The code one simulated thread runs, on its {@link Interpreter}. */
    @FunctionalInterface
    public interface Task {
        /** Runs the task. */
        void run(Interpreter in) throws InterruptedException;
    }

    /** Validates the arguments. */
    public Workload {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
    }

    /** A workload of your own. */
    public static Workload of(String name, Task task) {
        return new Workload(name, task);
    }

    /** Pure interpreted computation lasting about {@code work} on one core: the GIL serialises it. */
    public static Workload cpuBound(Duration work) {
        long bytecodes = bytecodesFor("work", work);
        return new Workload("CPU-bound", in -> in.bytecodes(bytecodes));
    }

    /**
     * {@code waits} blocking waits of {@code wait} each (the lock released), with about {@code cpuBetween} of
     * interpreted work before each: downloading, reading files, querying a database.
     *
     * @throws IllegalArgumentException if {@code waits} is not in [1, 10 000] or a duration is out of range
     */
    public static Workload ioBound(int waits, Duration wait, Duration cpuBetween) {
        requireCount("waits", waits);
        requireDuration("wait", wait);
        long bytecodes = bytecodesFor("cpuBetween", cpuBetween);
        return new Workload("I/O-bound", in -> {
            for (int i = 0; i < waits; i++) {
                in.bytecodes(bytecodes);
                in.blockingIo(wait);
            }
        });
    }

    /**
     * {@code calls} calls into native code of about {@code nativeWork} each (the lock released, like numpy's
     * {@code dot}), with about {@code interpretedWork} of interpreted work before each call.
     *
     * @throws IllegalArgumentException if {@code calls} is not in [1, 10 000] or a duration is out of range
     */
    public static Workload nativeSections(int calls, Duration nativeWork, Duration interpretedWork) {
        requireCount("calls", calls);
        long nativeUnits = bytecodesFor("nativeWork", nativeWork);
        long interpreted = bytecodesFor("interpretedWork", interpretedWork);
        return new Workload("native sections", in -> {
            for (int i = 0; i < calls; i++) {
                in.bytecodes(interpreted);
                in.nativeCode(nativeUnits);
            }
        });
    }

    static long bytecodesFor(String name, Duration d) {
        requireDuration(name, d);
        return Math.round(d.toNanos() / 1e6 * Interpreter.bytecodesPerMs());
    }

    /** Shared by the simulator and {@link CPython}: a count of waits or calls in [1, 10 000]. */
    static void requireCount(String name, int n) {
        if (n < 1 || n > 10_000) {
            throw new IllegalArgumentException(name + " must be in [1, 10000], got " + n);
        }
    }

    /** Shared by the simulator and {@link CPython}: a work size or wait between 0 and 1 minute. */
    /**
     * A switch interval, as {@code sys.setswitchinterval} takes for the course: 0.1 ms to 1 s. Shared by
     * {@link GilSimulation#switchInterval} and {@link CPython#switchInterval}, whose argument is {@code interval}.
     */
    static Duration requireSwitchInterval(Duration interval) {
        if (interval == null || interval.compareTo(Duration.ofNanos(100_000)) < 0
                || interval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("interval must be between 0.1 ms and 1 s, got " + interval);
        }
        return interval;
    }

    static Duration requireDuration(String name, Duration d) {
        if (d == null || d.isNegative() || d.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1 minute, got " + d);
        }
        return d;
    }
}
