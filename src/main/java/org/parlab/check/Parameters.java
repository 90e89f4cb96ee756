package org.parlab.check;

import java.time.Duration;
import java.util.Arrays;

/**
 * Refuses a lesson's parameter outside the range its comment states, before anything runs, with a message
 * that names the parameter, its value and the range. Put the calls at the end of a lesson's parameter cell:
 *
 * <pre>{@code
 * int[] THREADS = {1, 2, 4};     // 1-16 threads
 * Parameters.require("THREADS", THREADS, 1, 16);
 * }</pre>
 *
 * Within the range a lesson must run to its end (its checks may then pass, fail or be skipped); outside it the
 * student gets this message instead of an {@link OutOfMemoryError} or a cell that runs for an hour.
 */
public final class Parameters {
    private Parameters() {
    }

    /**
     * @throws IllegalArgumentException if {@code value} is outside [{@code min}, {@code max}]
     */
    public static void require(String name, long value, long min, long max) {
        requireName(name, min <= max);
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + "-" + max + ", got " + value);
        }
    }

    /**
     * @throws IllegalArgumentException if {@code value} is outside [{@code min}, {@code max}] or not a number
     */
    public static void require(String name, double value, double min, double max) {
        requireName(name, min <= max);
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in " + fmt(min) + "-" + fmt(max) + ", got " + fmt(value));
        }
    }

    /**
     * Every element of {@code values} in [{@code min}, {@code max}], and at least one element.
     *
     * @throws IllegalArgumentException if {@code values} is null or empty, or an element is outside the range
     */
    public static void require(String name, int[] values, int min, int max) {
        requireName(name, min <= max);
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + " must list at least one value in " + min + "-" + max);
        }
        for (int v : values) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must hold values in " + min + "-" + max + ", got " + v
                        + " in " + Arrays.toString(values));
            }
        }
    }

    /**
     * @throws IllegalArgumentException if {@code value} is null or outside [{@code min}, {@code max}]
     */
    public static void require(String name, Duration value, Duration min, Duration max) {
        requireName(name, min != null && max != null && min.compareTo(max) <= 0);
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be in " + ms(min) + "-" + ms(max) + ", got "
                    + (value == null ? "null" : ms(value)));
        }
    }

    /**
     * A duration in [{@code minMs}, {@code maxMs}] milliseconds, e.g. {@code requireMillis("IO_CPU", IO_CPU, 0.1,
     * 10)}.
     *
     * @throws IllegalArgumentException if {@code value} is null or outside the range
     */
    public static void requireMillis(String name, Duration value, double minMs, double maxMs) {
        requireName(name, minMs >= 0 && minMs <= maxMs);
        double ms = value == null ? Double.NaN : value.toNanos() / 1e6;
        if (!(ms >= minMs && ms <= maxMs)) {
            throw new IllegalArgumentException(name + " must be in " + fmt(minMs) + "-" + fmt(maxMs) + " ms, got "
                    + (value == null ? "null" : fmt(ms) + " ms"));
        }
    }

    private static void requireName(String name, boolean rangeOk) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must name the parameter, e.g. \"THREADS\"");
        }
        if (!rangeOk) {
            throw new IllegalArgumentException("min must be at most max for parameter " + name);
        }
    }

    private static String ms(Duration d) {
        return fmt(d.toNanos() / 1e6) + " ms";
    }

    private static String fmt(double v) {
        return org.parlab.Numbers.format(v);
    }
}
