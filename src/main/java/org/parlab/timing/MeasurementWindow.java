package org.parlab.timing;

import java.util.function.Supplier;

/**
 * When the measurement a check is about to judge began. The library's measuring entry points ({@code Bench},
 * the GIL simulator, {@code CpuUse}, {@code Scaling}, the CPython runs) {@link #mark() mark} their start; a
 * core guard reads the window from the first mark after the previous judgement up to now (through
 * {@link MachineLoad#busiestOfMeasurement}), so that it weighs the load of the measurement itself rather than of a fixed stretch
 * of time before the check: a one-second burst half a minute ago, in another cell, says nothing about it.
 * Several checks of one measurement share its window; a measurement that does not mark extends the window of
 * the one before, which errs on the side of looking at more load, not less.
 *
 * <p>A check that measures its value again (because the machine was busy) takes that measurement
 * {@link #aside(Supplier) aside}: in a window of its own, after which the window of the measurement it
 * interrupted is back. The checks that follow judge values of that earlier measurement, and their guard must
 * weigh its load, not the load of a quieter moment in which one of them was measured again.
 */
public final class MeasurementWindow {
    private static long start = Long.MIN_VALUE;
    private static boolean judged = true;

    private MeasurementWindow() {
    }

    /**
     * Runs {@code measureAndJudge} (a measurement and the judgement of its value) in a window of its own, then
     * returns to the window that was open or last judged before, as if the measurement had not happened.
     *
     * @throws IllegalArgumentException if {@code measureAndJudge} is null
     */
    public static <T> T aside(Supplier<T> measureAndJudge) {
        if (measureAndJudge == null) {
            throw new IllegalArgumentException("measureAndJudge must not be null");
        }
        long savedStart;
        boolean savedJudged;
        synchronized (MeasurementWindow.class) {
            savedStart = start;
            savedJudged = judged;
            judged = true; // the next mark opens the window of this measurement
        }
        try {
            return measureAndJudge.get();
        } finally {
            synchronized (MeasurementWindow.class) {
                start = savedStart;
                judged = savedJudged;
            }
        }
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
