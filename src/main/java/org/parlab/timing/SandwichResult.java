package org.parlab.timing;

import java.util.List;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a {@link Sandwich} measured: every round, steady or not, and the medians over the steady ones.
 *
 * @param baseline    the baseline's label
 * @param labels      the tasks' labels, in the order they ran
 * @param tolerance   how far the baseline runs around a task could differ for the round to count
 * @param roundsWanted steady rounds that were wanted per task
 * @param maxSpread   how far the steady ratios of a task could scatter ({@link #spread(String)}) for the
 *                    sandwich to stop ({@code Infinity}: no limit)
 * @param rounds      every round, in the order run
 */
public record SandwichResult(String baseline, List<String> labels, double tolerance, int roundsWanted,
                             double maxSpread, List<SandwichRound> rounds) {

    public SandwichResult {
        labels = List.copyOf(labels);
        rounds = List.copyOf(rounds);
    }

    /** The rounds of one task, steady or not. */
    public List<SandwichRound> rounds(String label) {
        requireLabel(label);
        return rounds.stream().filter(r -> r.label().equals(label)).toList();
    }

    /** The steady rounds of one task: those that count. */
    public List<SandwichRound> steadyRounds(String label) {
        return rounds(label).stream().filter(SandwichRound::steady).toList();
    }

    /** How many of a task's rounds were steady (may be fewer than wanted if the machine kept changing speed). */
    public int steadyCount(String label) {
        return steadyRounds(label).size();
    }

    /**
     * How much a task's steady ratios scatter, relative to their median: their median absolute deviation /
     * their median (as {@link Timing#spread()}); NaN if no round was steady. A machine that changes speed
     * <em>within</em> a task's run (which the baseline runs around it cannot see) leaves ratios far from the
     * others, and a large spread.
     */
    public double spread(String label) {
        double[] ratios = steadyRounds(label).stream().mapToDouble(SandwichRound::ratio).toArray();
        if (ratios.length == 0) {
            return Double.NaN;
        }
        double m = Timing.median(ratios);
        double[] deviations = java.util.Arrays.stream(ratios).map(r -> Math.abs(r - m)).toArray();
        return Timing.median(deviations) / m;
    }

    /**
     * Whether a task's ratio can be trusted: it got the steady rounds wanted, and their {@link #spread(String)}
     * is at most {@code maxSpread}.
     */
    public boolean settled(String label) {
        return steadyCount(label) >= roundsWanted && spread(label) <= maxSpread;
    }

    /** Whether every task {@link #settled(String) settled}. */
    public boolean complete() {
        return labels.stream().allMatch(this::settled);
    }

    /** Median over the steady rounds of the task's time / the baseline's time around it; NaN if none was steady. */
    public double ratio(String label) {
        return orNaN(steadyRounds(label).stream().mapToDouble(SandwichRound::ratio).toArray());
    }

    /** Median over the steady rounds of the task's time, in ms; NaN if none was steady. */
    public double ms(String label) {
        return orNaN(steadyRounds(label).stream().mapToDouble(SandwichRound::ms).toArray());
    }

    /** Median over the task's steady rounds of the baseline's time around it, in ms; NaN if none was steady. */
    public double baselineMs(String label) {
        return orNaN(steadyRounds(label).stream().mapToDouble(SandwichRound::baselineMs).toArray());
    }

    /**
     * One row per round, one column per task: the task's ratio to the baseline around it, or a blank when the
     * round was not steady.
     */
    public Table toTable() {
        Table t = Table.create("time / " + baseline + " time around it (blank: the machine changed speed, round"
                + " not counted)", IntColumn.create("round"));
        for (String label : labels) {
            t.addColumns(DoubleColumn.create(label));
        }
        int last = rounds.stream().mapToInt(SandwichRound::round).max().orElse(0);
        for (int round = 1; round <= last; round++) {
            t.intColumn("round").append(round);
            for (String label : labels) {
                final int n = round;
                DoubleColumn c = t.doubleColumn(label);
                rounds.stream().filter(r -> r.round() == n && r.label().equals(label)).findFirst()
                        .filter(SandwichRound::steady)
                        .ifPresentOrElse(r -> c.append(r.ratio()), c::appendMissing);
            }
        }
        return t;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("versus " + baseline + ":");
        for (String label : labels) {
            sb.append(String.format(java.util.Locale.ROOT, " %s %.3f× (%d of %d rounds steady, spread %.3f);",
                    label, ratio(label), steadyCount(label), rounds(label).size(), spread(label)));
        }
        return sb.substring(0, sb.length() - 1);
    }

    private void requireLabel(String label) {
        if (label == null || !labels.contains(label)) {
            throw new IllegalArgumentException("label must be one of " + labels + ", got " + label);
        }
    }

    private static double orNaN(double[] values) {
        return values.length == 0 ? Double.NaN : Timing.median(values);
    }
}
