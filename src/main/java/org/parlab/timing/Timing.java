package org.parlab.timing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Repeated wall-clock measurements of one task. A sample may time several calls in a row (see
 * {@link Bench}); {@code samplesMs} holds the time <em>per call</em>, the sample's time divided by
 * {@code callsPerSample}.
 *
 * <pre>{@code
 * Timing t = Bench.time("sum", () -> sum(data));
 * t.medianMs();     // the number to compare
 * t.trustworthy();  // false if the samples scatter by more than 10 % of the median
 * t                 // sum: 593 µs ± 12.1 µs per call (median ± MAD of 7 runs, 100 calls each)
 * }</pre>
 *
 * @param label          what was timed
 * @param samplesMs      one duration per repeat, in milliseconds per call, in the order measured
 * @param callsPerSample how many calls each sample timed in a row, 1 to {@value Bench#MAX_CALLS_PER_SAMPLE}
 */
public record Timing(String label, List<Double> samplesMs, int callsPerSample) {

    /** The largest {@link #spread()} of a {@link #trustworthy()} timing: 0.1, the MAD is at most 10 % of the median. */
    public static final double MAX_TRUSTED_SPREAD = 0.1;

    /** Name of the table made by {@link #toTable(List)}. */
    public static final String TABLE_NAME = "timings";

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    /**
     * Checks the arguments and copies {@code samplesMs}.
     *
     * @throws IllegalArgumentException if {@code label} is blank, {@code samplesMs} is null, empty or holds a
     *                                  null or non-finite value, or {@code callsPerSample} is not in [1, 10⁷]
     */
    public Timing {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (samplesMs == null || samplesMs.isEmpty()) {
            throw new IllegalArgumentException("samplesMs must hold at least one sample");
        }
        for (int i = 0; i < samplesMs.size(); i++) {
            Double s = samplesMs.get(i);
            if (s == null || !Double.isFinite(s)) {
                throw new IllegalArgumentException("samplesMs[" + i + "] must be a finite number, got " + s);
            }
        }
        if (callsPerSample < 1 || callsPerSample > Bench.MAX_CALLS_PER_SAMPLE) {
            throw new IllegalArgumentException("callsPerSample must be in [1, " + Bench.MAX_CALLS_PER_SAMPLE
                    + "], got " + callsPerSample);
        }
        samplesMs = List.copyOf(samplesMs);
    }

    /**
     * A timing whose every sample is one call ({@code callsPerSample} = 1).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Timing(String label, List<Double> samplesMs) {
        this(label, samplesMs, 1);
    }

    /** The median sample: the number to compare, robust to a noisy neighbour. */
    public double medianMs() {
        return median(samplesMs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The fastest sample. */
    public double minMs() {
        return samplesMs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** The slowest sample. */
    public double maxMs() {
        return samplesMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** Number of samples. */
    public int repeats() {
        return samplesMs.size();
    }

    /**
     * The median absolute deviation: the median of |sample − {@link #medianMs()}|, unscaled. Like the median,
     * one wild sample does not move it: for samples 1, 1, 1, 1, 10 it is 0; for 1, 2, 3, 4, 5 it is 1.
     */
    public double madMs() {
        double m = medianMs();
        return median(samplesMs.stream().mapToDouble(s -> Math.abs(s - m)).toArray());
    }

    /**
     * How much the samples scatter, relative to their median: {@link #madMs()} / {@link #medianMs()}; 0 for one
     * sample, or when the MAD is 0. (Infinite only if the median is 0 and the MAD is not, which needs negative
     * samples.)
     */
    public double spread() {
        if (repeats() == 1) {
            return 0;
        }
        double mad = madMs();
        if (mad == 0) {
            return 0;
        }
        double m = Math.abs(medianMs());
        return m == 0 ? Double.POSITIVE_INFINITY : mad / m;
    }

    /** Whether the samples agree: {@link #spread()} ≤ {@value #MAX_TRUSTED_SPREAD}. */
    public boolean trustworthy() {
        return spread() <= MAX_TRUSTED_SPREAD;
    }

    /**
     * One line, as IPython's {@code %timeit} prints it, with units chosen for each number (ns, µs, ms, s; 3
     * significant digits):
     * {@code sum: 593 µs ± 12.1 µs per call (median ± MAD of 7 runs, 100 calls each)}. When the timing is not
     * {@link #trustworthy()} it goes on with
     * {@code  ⚠ spread 35 %: the machine was busy or the work varies; rerun, or raise repeats}.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder(label).append(": ").append(perCall());
        if (!trustworthy()) {
            sb.append(" ⚠ spread ").append(formatPercent(spread()))
                    .append(": the machine was busy or the work varies; rerun, or raise repeats");
        }
        return sb.toString();
    }

    /**
     * The measurement part of {@link #summary()}, without the label or the spread warning:
     * {@code 593 µs ± 12.1 µs per call (median ± MAD of 7 runs, 100 calls each)} (the {@code %timeit} magic's line).
     */
    public String perCall() {
        int runs = repeats();
        return formatMs(medianMs()) + " ± " + formatMs(madMs()) + " per call (median ± MAD of " + runs
                + (runs == 1 ? " run, " : " runs, ") + String.format(Locale.ROOT, "%,d", callsPerSample)
                + (callsPerSample == 1 ? " call each)" : " calls each)");
    }

    /** The {@link #summary()}. */
    @Override
    public String toString() {
        return summary();
    }

    /**
     * {@code timings} as a table named {@value #TABLE_NAME}: see {@link #toTable(String, List)}.
     *
     * @throws IllegalArgumentException if {@code timings} is null, empty or holds null
     */
    public static Table toTable(List<Timing> timings) {
        return toTable(TABLE_NAME, timings);
    }

    /**
     * {@code timings} as a table, one row each, in order, with columns {@code label} (string),
     * {@code median_ms}, {@code mad_ms}, {@code spread}, {@code min_ms} (doubles; milliseconds per call),
     * {@code runs} and {@code calls_per_run} (ints).
     *
     * @throws IllegalArgumentException if {@code name} is blank, or {@code timings} is null, empty or holds null
     */
    public static Table toTable(String name, List<Timing> timings) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (timings == null || timings.isEmpty()) {
            throw new IllegalArgumentException("timings must hold at least one timing, got "
                    + (timings == null ? "null" : "an empty list"));
        }
        for (int i = 0; i < timings.size(); i++) {
            if (timings.get(i) == null) {
                throw new IllegalArgumentException("timings[" + i + "] must not be null");
            }
        }
        StringColumn label = StringColumn.create("label");
        DoubleColumn median = DoubleColumn.create("median_ms");
        DoubleColumn mad = DoubleColumn.create("mad_ms");
        DoubleColumn spread = DoubleColumn.create("spread");
        DoubleColumn min = DoubleColumn.create("min_ms");
        IntColumn runs = IntColumn.create("runs");
        IntColumn calls = IntColumn.create("calls_per_run");
        for (Timing t : timings) {
            label.append(t.label());
            median.append(t.medianMs());
            mad.append(t.madMs());
            spread.append(t.spread());
            min.append(t.minMs());
            runs.append(t.repeats());
            calls.append(t.callsPerSample());
        }
        return Table.create(name, label, median, mad, spread, min, runs, calls);
    }

    /**
     * A duration for people, as {@code %timeit} writes it: 3 significant digits in the largest unit of ns, µs,
     * ms and s that keeps the number at least 1 ({@code 593 µs}, {@code 12.1 ms}, {@code 1.5 s}, {@code 0 ns}).
     */
    static String formatMs(double ms) {
        if (ms == 0) {
            return "0 ns";
        }
        if (!Double.isFinite(ms)) {
            return ms + " ms";
        }
        // round first, so that 999.96 µs becomes 1 ms rather than "1000 µs"
        BigDecimal seconds = new BigDecimal(Double.toString(ms)).movePointLeft(3).round(THREE_DIGITS);
        BigDecimal a = seconds.abs();
        int shift;
        String unit;
        if (a.compareTo(BigDecimal.ONE) >= 0) {
            shift = 0;
            unit = "s";
        } else if (a.compareTo(new BigDecimal("0.001")) >= 0) {
            shift = 3;
            unit = "ms";
        } else if (a.compareTo(new BigDecimal("0.000001")) >= 0) {
            shift = 6;
            unit = "µs";
        } else {
            shift = 9;
            unit = "ns";
        }
        return seconds.movePointRight(shift).stripTrailingZeros().toPlainString() + " " + unit;
    }

    /**
     * A spread as a percentage: whole percent, but below 11 % one decimal rounded up, so that a spread just over
     * {@link #MAX_TRUSTED_SPREAD} never reads as 10 % (0.1001 is {@code 10.1 %}, 0.354 is {@code 35 %}).
     */
    static String formatPercent(double spread) {
        if (Double.isInfinite(spread)) {
            return "∞ %";
        }
        BigDecimal p = new BigDecimal(Double.toString(spread)).movePointRight(2);
        p = p.abs().compareTo(BigDecimal.valueOf(11)) < 0 ? p.setScale(1, RoundingMode.UP)
                : p.setScale(0, RoundingMode.HALF_UP);
        return p.stripTrailingZeros().toPlainString() + " %";
    }

    /** The median of {@code values} (the mean of the middle two for an even count); also used by {@link SandwichResult}. */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
