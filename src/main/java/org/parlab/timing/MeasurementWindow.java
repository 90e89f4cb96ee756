package org.parlab.timing;

/**
 * When the measurement a check is about to judge began. The library's measuring entry points ({@code Bench},
 * the GIL simulator, {@code CpuUse}, {@code Scaling}, the CPython runs) {@link #mark() mark} their start; a
 * core guard reads the window from the first mark after the previous judgement up to now (through
 * {@link MachineLoad#busiestOfMeasurement}), so that it weighs the load of the measurement itself rather than of a fixed stretch
 * of time before the check: a one-second burst half a minute ago, in another cell, says nothing about it.
 * Several checks of one measurement share its window; a measurement that does not mark extends the window of
 * the one before, which errs on the side of looking at more load, not less.
 */
public final class MeasurementWindow {
    private static long start = Long.MIN_VALUE;
    private static boolean judged = true;

    private MeasurementWindow() {
    }

    /** Marks the start of a measurement: the first mark after a judgement opens a new window. */
    public static synchronized void mark() {
        if (judged) {
            start = System.nanoTime();
            judged = false;
        }
    }

    /**
     * The start (a {@link System#nanoTime()}) of the measurement a judgement now covers: the first mark after the
     * previous judgement, or, when nothing marked since, that judgement's own window; empty when there is no
     * mark within {@code maxNanos} (the caller then falls back on a stricter look at the last {@code maxNanos}).
     * Closes the window: the next mark opens a new one.
     *
     * @throws IllegalArgumentException if {@code maxNanos} is not positive
     */
    static synchronized java.util.OptionalLong start(long maxNanos) {
        if (maxNanos <= 0) {
            throw new IllegalArgumentException("maxNanos must be positive, got " + maxNanos);
        }
        long now = System.nanoTime();
        judged = true;
        return start == Long.MIN_VALUE || now - start > maxNanos ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(start);
    }
}
