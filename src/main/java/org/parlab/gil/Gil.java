package org.parlab.gil;

import java.time.Duration;
import java.util.Arrays;

/**
 * A simulator of CPython's global interpreter lock (GIL), for comparing "interpreted" threads that must share
 * one lock with plain Java threads that need none.
 *
 * <pre>{@code
 * GilRun run = Gil.simulate(Workload.cpuBound(Duration.ofMillis(60))).threads(2).run();
 * run.timeline(0, 50)                                    // who held the lock when
 * Speedup s = Gil.simulate(w).threads(4).withoutGil().speedup(3);
 * }</pre>
 *
 * The lock follows CPython's hand-off protocol ({@link Interpreter} explains what holds it and what releases
 * it); nothing in it imitates a measured number.
 */
public final class Gil {
    /** Most threads a lesson may ask for in one measurement ({@link #requireThreads}). */
    public static final int MAX_LESSON_THREADS = 16;

    private Gil() {
    }

    /**
     * Refuses a lesson's list of thread counts up front unless it holds 1 to {@value #MAX_LESSON_THREADS}
     * distinct counts, each between 1 and {@value #MAX_LESSON_THREADS}: more threads than that only queue for the
     * lock (with the GIL) or for the cores (without it), and make a lesson run for minutes.
     *
     * @param name   the parameter's name, for the message (e.g. {@code "THREADS"})
     * @param counts the thread counts
     * @return the counts, ascending (a copy)
     * @throws IllegalArgumentException naming the parameter and its values when they are out of range
     */
    public static int[] requireThreads(String name, int[] counts) {
        org.parlab.check.Parameters.require(name, counts, 1, MAX_LESSON_THREADS);
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(name + " = " + Arrays.toString(counts) + " lists " + sorted[i]
                        + " threads twice; list each count once");
            }
        }
        return sorted;
    }


    /** A simulation of {@code workload}: by default 2 threads, with the GIL, a 5 ms switch interval. */
    public static GilSimulation simulate(Workload workload) {
        return new GilSimulation(workload);
    }
}
