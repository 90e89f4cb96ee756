package org.parlab.gil;

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
    private Gil() {
    }

    /** A simulation of {@code workload}: by default 2 threads, with the GIL, a 5 ms switch interval. */
    public static GilSimulation simulate(Workload workload) {
        return new GilSimulation(workload);
    }
}
