package org.parlab.gil;

/**
 * One interval in a simulated thread's life, in nanoseconds since the run started.
 *
 * @param thread  index of the simulated thread, from 0
 * @param kind    holding the lock, waiting to take it, waiting on I/O or running native code (lock released)
 * @param startNs start, ns since the run started
 * @param endNs   end, ns since the run started
 */
public record Segment(int thread, Kind kind, long startNs, long endNs) {
    /** What the thread was doing. */
    public enum Kind {
        /** holding the lock and running interpreted code */
        HOLD,
        /** waiting to take the lock */
        WAIT,
        /** blocked on I/O with the lock released */
        IO,
        /** running native code with the lock released */
        NATIVE
    }

    /** Length in milliseconds. */
    public double durationMs() {
        return (endNs - startNs) / 1e6;
    }
}
