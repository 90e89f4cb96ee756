package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Calls per sample, median absolute deviation, spread, the summary line and the table of a {@link Timing}. */
class TimingStatsTest {
    private static final String WARNING = ": the machine was busy or the work varies; rerun, or raise repeats";

    private static List<Double> parse(String samples) {
        List<Double> out = new ArrayList<>();
        for (String s : samples.trim().split("\\s+")) {
            out.add(Double.parseDouble(s));
        }
        return out;
    }

    // ---------------------------------------------------------------- constructors

    @Test
    void theTwoArgumentConstructorMeansOneCallPerSample() {
        Timing t = new Timing("t", List.of(1.0, 2.0));
        assertEquals(1, t.callsPerSample());
        assertEquals(new Timing("t", List.of(1.0, 2.0), 1), t);
        assertEquals(100, new Timing("t", List.of(1.0), 100).callsPerSample());
        assertEquals(Bench.MAX_CALLS_PER_SAMPLE, new Timing("t", List.of(1.0), 10_000_000).callsPerSample());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_000_001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void callsPerSampleOutOfRangeIsRejected(int calls) {
        assertEquals("callsPerSample must be in [1, 10000000], got " + calls, assertThrows(
                IllegalArgumentException.class, () -> new Timing("t", List.of(1.0), calls)).getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blankLabelIsRejected(String label) {
        assertEquals("label must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new Timing(label, List.of(1.0))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Timing(label, List.of(1.0), 10));
    }

    @Test
    void nullAndNonFiniteSamplesAreRejected() {
        assertEquals("samplesMs[1] must be a finite number, got null", assertThrows(IllegalArgumentException.class,
                () -> new Timing("t", Arrays.asList(1.0, null))).getMessage());
        assertEquals("samplesMs[0] must be a finite number, got NaN", assertThrows(IllegalArgumentException.class,
                () -> new Timing("t", List.of(Double.NaN))).getMessage());
        assertEquals("samplesMs[2] must be a finite number, got Infinity", assertThrows(
                IllegalArgumentException.class,
                () -> new Timing("t", List.of(1.0, 2.0, Double.POSITIVE_INFINITY), 10)).getMessage());
        assertEquals("samplesMs must hold at least one sample", assertThrows(IllegalArgumentException.class,
                () -> new Timing("t", List.of(), 10)).getMessage());
    }

    // ---------------------------------------------------------------- MAD, spread, trustworthy

    @ParameterizedTest(name = "[{0}] -> median {1}, MAD {2}, spread {3}")
    @CsvSource({
            "1 1 1 1 10,      1,   0,   0",
            "1 2 3 4 5,       3,   1,   0.3333333333333333",
            "5,               5,   0,   0",
            "1 2 3 4,         2.5, 1,   0.4",
            "9 10 11,         10,  1,   0.1",
            "10 10 10 12 8,   10,  0,   0",
            "0 0 0 1,         0,   0,   0",
            "2 4,             3,   1,   0.3333333333333333",
            "0.5 0.5 0.5 0.6, 0.5, 0,   0"})
    void medianAbsoluteDeviationAndSpread(String samples, double median, double mad, double spread) {
        Timing t = new Timing("t", parse(samples));
        assertEquals(median, t.medianMs(), 1e-12);
        assertEquals(mad, t.madMs(), 1e-12);
        assertEquals(spread, t.spread(), 1e-12);
        assertEquals(spread <= Timing.MAX_TRUSTED_SPREAD, t.trustworthy());
    }

    @Test
    void trustworthyUpToATenthAndNotBeyond() {
        assertEquals(0.1, Timing.MAX_TRUSTED_SPREAD);
        assertTrue(new Timing("t", parse("9 10 11")).trustworthy(), "spread exactly 0.1");
        assertFalse(new Timing("t", parse("8.9 10 11.1")).trustworthy(), "spread 0.11");
        assertTrue(new Timing("t", parse("1 1 1 1 10")).trustworthy(), "one wild sample does not count");
        assertFalse(new Timing("t", parse("1 2 3 4 5")).trustworthy());
        assertTrue(new Timing("t", parse("42")).trustworthy(), "one sample has spread 0");
    }

    @Test
    void spreadIsInfiniteOnlyForAZeroMedianWithScatter() {
        Timing t = new Timing("t", parse("-1 0 1"));
        assertEquals(Double.POSITIVE_INFINITY, t.spread());
        assertFalse(t.trustworthy());
        assertTrue(t.summary().endsWith(" ⚠ spread ∞ %" + WARNING), t::summary);
    }

    @Test
    void callsPerSampleDoesNotChangeTheStatistics() {
        Timing one = new Timing("t", parse("1 2 3 4 5"));
        Timing many = new Timing("t", parse("1 2 3 4 5"), 1000);
        assertEquals(one.medianMs(), many.medianMs());
        assertEquals(one.madMs(), many.madMs());
        assertEquals(one.spread(), many.spread());
    }

    // ---------------------------------------------------------------- summary

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0            | 0 ns",
            "-0.0         | 0 ns",
            "1.23e-7      | 0.123 ns",
            "0.000593     | 593 ns",
            "0.0012345    | 1.23 µs",
            "0.0121       | 12.1 µs",
            "0.1          | 100 µs",
            "0.593        | 593 µs",
            "0.9999       | 1 ms",
            "1.5          | 1.5 ms",
            "2            | 2 ms",
            "12.345       | 12.3 ms",
            "999.5        | 1 s",
            "1234.5       | 1.23 s",
            "60000        | 60 s",
            "1234000      | 1230 s",
            "-1.5         | -1.5 ms"})
    void durationsInTheirUnitWithThreeSignificantDigits(double ms, String text) {
        assertEquals(text, Timing.formatMs(ms));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0.35               | 35 %",
            "0.354              | 35 %",
            "0.355              | 36 %",
            "0.3333333333333333 | 33 %",
            "0.104              | 10.4 %",
            "0.1001             | 10.1 %",
            "0.1096             | 11 %",
            "2.5                | 250 %",
            "0                  | 0 %"})
    void spreadAsAPercentage(double spread, String text) {
        assertEquals(text, Timing.formatPercent(spread));
    }

    @Test
    void summaryLikeTimeit() {
        Timing t = new Timing("sum", List.of(0.5809, 0.5809, 0.593, 0.593, 0.6051, 0.6051, 0.7), 100);
        assertEquals("sum: 593 µs ± 12.1 µs per call (median ± MAD of 7 runs, 100 calls each)", t.summary());
        assertEquals(t.summary(), t.toString());
    }

    @Test
    void summaryOfOneRunOfOneCall() {
        assertEquals("one: 20 ms ± 0 ns per call (median ± MAD of 1 run, 1 call each)",
                new Timing("one", List.of(20.0)).summary());
    }

    @Test
    void summaryGroupsThousandsOfCalls() {
        assertEquals("fast: 12.3 ns ± 0 ns per call (median ± MAD of 3 runs, 10,000 calls each)",
                new Timing("fast", List.of(1.23e-5, 1.23e-5, 1.23e-5), 10_000).summary());
        assertEquals("slow: 1.5 s ± 0 ns per call (median ± MAD of 3 runs, 1 call each)",
                new Timing("slow", List.of(1500.0, 1500.0, 1510.0)).summary());
    }

    @Test
    void summaryWarnsWhenNotTrustworthy() {
        Timing t = new Timing("t", parse("1 2 3 4 5"));
        assertEquals("t: 3 ms ± 1 ms per call (median ± MAD of 5 runs, 1 call each) ⚠ spread 33 %" + WARNING,
                t.summary());
        assertEquals(t.summary(), t.toString());
        Timing justOver = new Timing("u", parse("8.9 10 11.1"), 10);
        assertTrue(justOver.summary().endsWith("10 calls each) ⚠ spread 11 %" + WARNING), justOver::summary);
    }

    @Test
    void noWarningWhenTrustworthy() {
        assertFalse(new Timing("t", parse("9 10 11")).summary().contains("⚠"));
        assertFalse(new Timing("t", parse("1 1 1 1 10")).summary().contains("⚠"));
    }

    // ---------------------------------------------------------------- table

    @Test
    void toTableHasOneRowPerTimingAndTheDocumentedColumns() {
        Timing a = new Timing("a", parse("1 2 3 4 5"));
        Timing b = new Timing("b", parse("0.25 0.5"), 1000);
        Table t = Timing.toTable(List.of(a, b));
        assertEquals("timings", t.name());
        assertEquals(List.of("label", "median_ms", "mad_ms", "spread", "min_ms", "runs", "calls_per_run"),
                t.columnNames());
        assertInstanceOf(StringColumn.class, t.column("label"));
        assertInstanceOf(DoubleColumn.class, t.column("median_ms"));
        assertInstanceOf(DoubleColumn.class, t.column("mad_ms"));
        assertInstanceOf(DoubleColumn.class, t.column("spread"));
        assertInstanceOf(DoubleColumn.class, t.column("min_ms"));
        assertInstanceOf(IntColumn.class, t.column("runs"));
        assertInstanceOf(IntColumn.class, t.column("calls_per_run"));
        assertEquals(2, t.rowCount());
        assertEquals(List.of("a", "b"), t.stringColumn("label").asList());
        assertEquals(List.of(3.0, 0.375), t.doubleColumn("median_ms").asList());
        assertEquals(List.of(1.0, 0.125), t.doubleColumn("mad_ms").asList());
        assertEquals(1 / 3.0, t.doubleColumn("spread").get(0), 1e-12);
        assertEquals(1 / 3.0, t.doubleColumn("spread").get(1), 1e-12);
        assertEquals(List.of(1.0, 0.25), t.doubleColumn("min_ms").asList());
        assertEquals(List.of(5, 2), t.intColumn("runs").asList());
        assertEquals(List.of(1, 1000), t.intColumn("calls_per_run").asList());
    }

    @Test
    void toTableWithAName() {
        Table t = Timing.toTable("sums", List.of(new Timing("x", List.of(2.0))));
        assertEquals("sums", t.name());
        assertEquals(1, t.rowCount());
        assertEquals(7, t.columnCount());
    }

    @Test
    void toTableRejectsNullEmptyAndNullRowsAndBlankNames() {
        assertEquals("timings must hold at least one timing, got null",
                assertThrows(IllegalArgumentException.class, () -> Timing.toTable(null)).getMessage());
        assertEquals("timings must hold at least one timing, got an empty list",
                assertThrows(IllegalArgumentException.class, () -> Timing.toTable(List.of())).getMessage());
        assertEquals("timings must hold at least one timing, got null",
                assertThrows(IllegalArgumentException.class, () -> Timing.toTable("n", null)).getMessage());
        assertEquals("timings[1] must not be null", assertThrows(IllegalArgumentException.class,
                () -> Timing.toTable(Arrays.asList(new Timing("x", List.of(1.0)), null))).getMessage());
        assertEquals("name must not be blank", assertThrows(IllegalArgumentException.class,
                () -> Timing.toTable(" ", List.of(new Timing("x", List.of(1.0))))).getMessage());
        assertEquals("name must not be blank", assertThrows(IllegalArgumentException.class,
                () -> Timing.toTable(null, List.of(new Timing("x", List.of(1.0))))).getMessage());
    }

    @Test
    void aMeasuredTimingGoesIntoATable() {
        Timing t = Bench.task("loop", () -> Math.sqrt(2)).warmups(1).repeats(3).callsPerSample(10).run();
        Table table = Timing.toTable(List.of(t));
        assertEquals(List.of(3), table.intColumn("runs").asList());
        assertEquals(List.of(10), table.intColumn("calls_per_run").asList());
        assertEquals(t.medianMs(), table.doubleColumn("median_ms").get(0));
    }
}
