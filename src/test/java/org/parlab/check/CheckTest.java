package org.parlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parlab.check.Expect.atLeast;
import static org.parlab.check.Expect.atMost;
import static org.parlab.check.Expect.between;
import static org.parlab.check.Expect.exactly;
import static org.parlab.check.Expect.greaterThan;
import static org.parlab.check.Expect.lessThan;
import static org.parlab.check.Expect.near;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parlab.display.Notebook;

class CheckTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureStdout() {
        assertFalse(Notebook.inKernel(), "these tests expect to run outside a kernel");
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(originalOut);
    }

    private String out() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return out().lines().toList();
    }

    private static CheckResult last() {
        List<CheckResult> all = Check.results();
        return all.get(all.size() - 1);
    }

    // ---------------------------------------------------------------- pass, fail, skip

    @Test
    void passingCheckPrintsOneTickLineAndRecordsTheResult() {
        int before = Check.results().size();
        Check.check("gil.cpu.speedup", 0.93, atMost(1.1));
        assertEquals(List.of("✔ gil.cpu.speedup = 0.93  (expected ≤ 1.1)"), lines());
        assertEquals(before + 1, Check.results().size());
        CheckResult r = last();
        assertEquals("gil.cpu.speedup", r.name());
        assertEquals(0.93, r.value());
        assertEquals("≤ 1.1", r.expected());
        assertEquals(CheckResult.Status.PASSED, r.status());
        assertTrue(r.ok());
        assertNull(r.reason());
    }

    /** A speed-up whose cores turn out short: a met lower bound is passed, a missed one skipped with the probe's reason. */
    @Test
    void aCheckAsksTheCoresOnlyWhenItsVerdictDependsOnThem() {
        var saved = Expectation.capacityProbe;
        Expectation.capacityProbe = (n, work) -> new org.parlab.timing.CoreCapacity(n, 1.0, 8.0, 16.0);
        try {
            Check.check("nogil.cpu.speedup", 1.9, atLeast(1.6).speedupOn(2, null, null));
            assertEquals(CheckResult.Status.PASSED, last().status());
            Check.check("nogil.cpu.speedup", 1.2, atLeast(1.6).speedupOn(2, null, null));
            assertEquals(CheckResult.Status.SKIPPED, last().status());
            assertTrue(last().reason().contains("2 threads of dependent multiply-adds got 1.0 cores"), last().reason());
        } finally {
            Expectation.capacityProbe = saved;
        }
    }

    /** A probe that finds the cores short for its first {@code shortCalls} calls, then whole. */
    private static java.util.function.BiFunction<Integer, org.parlab.timing.CoreCapacity.Work,
            org.parlab.timing.CoreCapacity> shortThenWhole(int shortCalls, int[] calls) {
        return (n, work) -> new org.parlab.timing.CoreCapacity(n, calls[0]++ < shortCalls ? 1.0 : n, 8.0, 16.0);
    }

    /** A value skipped for the machine is measured again, and the new value is judged with a fresh guard. */
    @Test
    void aCheckSkippedForTheMachineMeasuresAgainAndJudgesTheNewValue() {
        var saved = Expectation.capacityProbe;
        var pause = Check.beforeRemeasuring;
        int[] probes = {0};
        int[] measured = {0};
        Expectation.capacityProbe = shortThenWhole(Expectation.PROBES, probes); // one judgement's worth of tries
        Check.beforeRemeasuring = java.time.Duration.ofMillis(1);
        try {
            Check.check("nogil.cpu.speedup", 1.2, () -> { measured[0]++; return 1.3; },
                    atLeast(1.6).speedupOn(2, null, null));
            assertEquals(1, measured[0], "measured again once");
            assertEquals(CheckResult.Status.FAILED, last().status(), "the cores were there for the second value");
            assertEquals(1.3, last().value());
            assertTrue(lines().get(0).startsWith("↻ nogil.cpu.speedup = 1.2 not judged: needs 2 cores"), out());
            assertTrue(lines().get(0).endsWith("Measuring again (2 of 3)"), out());
        } finally {
            Expectation.capacityProbe = saved;
            Check.beforeRemeasuring = pause;
        }
    }

    /** Cores short at every measurement: at most MEASUREMENTS measurements, then skipped with the last reason. */
    @Test
    void aCheckMeasuresAtMostThreeTimesAndThenSkips() {
        var saved = Expectation.capacityProbe;
        var pause = Check.beforeRemeasuring;
        int[] probes = {0};
        int[] measured = {0};
        Expectation.capacityProbe = shortThenWhole(Integer.MAX_VALUE, probes);
        Check.beforeRemeasuring = java.time.Duration.ofMillis(1);
        try {
            Check.check("nogil.cpu.speedup", 1.2, () -> { measured[0]++; return 1.25; },
                    atLeast(1.6).speedupOn(2, null, null));
            assertEquals(Check.MEASUREMENTS - 1, measured[0]);
            assertEquals(3 * Expectation.PROBES, probes[0], "each value probed as a first one was");
            assertEquals(CheckResult.Status.SKIPPED, last().status());
            assertEquals(1.25, last().value());
            assertTrue(last().reason().contains("2 threads of dependent multiply-adds got 1.0 cores"), last().reason());
            assertEquals(2, lines().stream().filter(l -> l.startsWith("↻ ")).count(), out());
        } finally {
            Expectation.capacityProbe = saved;
            Check.beforeRemeasuring = pause;
        }
    }

    /** A condition on the measurement is read again for the value measured again, after that measurement. */
    @Test
    void aConditionOnTheMeasurementIsReadAgainForEachNewValue() {
        var saved = Expectation.capacityProbe;
        var pause = Check.beforeRemeasuring;
        int[] probes = {0};
        boolean[] disturbed = {false};
        Expectation.capacityProbe = shortThenWhole(Expectation.PROBES, probes);
        Check.beforeRemeasuring = java.time.Duration.ofMillis(1);
        try {
            // 0.5 is short of the bound on cores found short; the second measurement finds them, but its own
            // reading is disturbed: skipped for that reason
            Check.check("mandelbrot.parallel_vs_core_capacity", 0.5, () -> { disturbed[0] = true; return 0.95; },
                    atLeast(0.75).speedupOn(2, null, null)
                            .onlyIf(() -> !disturbed[0], () -> "the reading was disturbed"));
            assertEquals(CheckResult.Status.SKIPPED, last().status(), out());
            assertEquals("the reading was disturbed", last().reason());
            assertEquals(0.95, last().value());
            // a condition false at the first measurement is a skip that stays: nothing is measured again
            int[] measured = {0};
            Check.check("boundary.value", 2.0, () -> { measured[0]++; return 1.0; },
                    atMost(1.1).speedupOn(2, null, null).onlyIf(() -> false, () -> "a precondition"));
            assertEquals(CheckResult.Status.SKIPPED, last().status());
            assertEquals(0, measured[0]);
            var e = assertThrows(IllegalArgumentException.class, () -> atMost(1).onlyIf(null, () -> "why"));
            assertTrue(e.getMessage().contains("condition"), e.getMessage());
        } finally {
            Expectation.capacityProbe = saved;
            Check.beforeRemeasuring = pause;
        }
    }

    /** A verdict, or a skip that stays (a precondition, too few cores), is never measured again. */
    @Test
    void onlyASkipForTheMachineIsMeasuredAgain() {
        int[] measured = {0};
        Check.check("boundary.value", 1.0, () -> { measured[0]++; return 2.0; }, atMost(1.1));
        assertEquals(CheckResult.Status.PASSED, last().status());
        Check.check("boundary.value", 2.0, () -> { measured[0]++; return 1.0; }, atMost(1.1));
        assertEquals(CheckResult.Status.FAILED, last().status());
        Check.check("boundary.value", 2.0, () -> { measured[0]++; return 1.0; },
                atMost(1.1).onlyIf(false, "needs something this machine lacks"));
        assertEquals(CheckResult.Status.SKIPPED, last().status());
        Check.check("boundary.value", 2.0, () -> { measured[0]++; return 1.0; }, atMost(1.1).speedupOn(4096));
        assertEquals(CheckResult.Status.SKIPPED, last().status());
        assertFalse(atMost(1.1).speedupOn(4096).skippedForMachine());
        assertEquals(0, measured[0]);
        assertFalse(out().contains("↻"), out());
    }

    @Test
    void aMissingMeasureAgainIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Check.check("boundary.value", 1.0, null, atMost(1.1)));
        assertTrue(e.getMessage().contains("measureAgain"), e.getMessage());
    }

    @Test
    void aValueOnTheBoundaryPasses() {
        Check.check("boundary.value", 1.1, atMost(1.1));
        assertTrue(lines().get(0).startsWith("✔ "), out());
        assertTrue(last().ok());
    }

    @Test
    void failingCheckReportsACrossLineAndDoesNotThrow() {
        int before = Check.results().size();
        Check.check("blas.cpu_per_wall", 1.2, atLeast(1.4));   // the lesson goes on after a ✘
        CheckResult r = last();
        assertEquals(CheckResult.Status.FAILED, r.status());
        assertFalse(r.ok());
        assertEquals("blas.cpu_per_wall", r.name());
        assertEquals(1.2, r.value());
        assertEquals("≥ 1.4", r.expected());
        assertEquals("✘ blas.cpu_per_wall = 1.2  (expected ≥ 1.4)", r.line());
        assertEquals(List.of(r.line()), lines(), "the failure is reported");
        assertEquals(before + 1, Check.results().size());
        assertTrue(r.html().contains("did not hold"), r.html());
    }

    // ---------------------------------------------------------------- exercises

    @Test
    void aBlankAnswerReportsUnansweredWhateverTheMeasurement() {
        for (Expectation e : List.of(near(Double.NaN, 0.25), atMost(Double.NaN), atLeast(Double.NaN),
                lessThan(Double.NaN), greaterThan(Double.NaN), exactly(Double.NaN), between(Double.NaN, 2),
                near(Double.NaN, 0.25).whenCoresFree(64), atMost(Double.NaN).onlyIf(false, "n/a"))) {
            captured.reset();
            Check.check("ex.prediction", 2.5, e);
            CheckResult r = last();
            assertEquals(CheckResult.Status.UNANSWERED, r.status(), e.toString());
            assertFalse(r.ok());
            assertEquals(List.of("○ ex.prediction: answer the exercise, then run this cell"), lines());
            assertEquals("unanswered", r.toJson().get("status"));
            assertNull(r.toJson().get("value"), "the measurement would give the answer away");
            assertTrue(r.html().contains("#888"), r.html());
        }
        Check.check("ex.measured_from_answer", Double.NaN, near(Double.NaN, 0.1));   // NaN measured: fine here
        assertEquals(CheckResult.Status.UNANSWERED, last().status());
    }

    @Test
    void anAnsweredPredictionIsJudged() {
        Check.check("ex.prediction", 2.5, near(2.4, 0.25));
        assertEquals(CheckResult.Status.PASSED, last().status());
        Check.check("ex.prediction", 2.5, near(1.0, 0.25));
        assertEquals(CheckResult.Status.FAILED, last().status());
        assertThrows(IllegalArgumentException.class, () -> near(Double.NaN, 0), "a bad tolerance is still refused");
        assertThrows(IllegalArgumentException.class, () -> atMost(Double.POSITIVE_INFINITY));
    }

    @Test
    void choicePassesOnTheMeasuredOptionIgnoringCaseAndBlanks() {
        Check.choice("ex.faster", " Pool ", "pool", "pool", "threads");
        CheckResult r = last();
        assertEquals(CheckResult.Status.PASSED, r.status());
        assertEquals("pool", r.answer());
        assertEquals("✔ ex.faster: you answered 'pool', and the measurement says 'pool'", r.line());
        assertEquals("pool", r.toJson().get("answer"));
        Check.choice("ex.faster", "threads", "pool", "pool", "threads");
        assertEquals(CheckResult.Status.FAILED, last().status());
        assertEquals("✘ ex.faster: you answered 'threads', but the measurement says 'pool'", last().line());
    }

    @Test
    void aBlankOrUnknownChoiceIsUnansweredAndNamesTheOptions() {
        Check.choice("ex.faster", "", "pool", "pool", "threads");
        assertEquals(CheckResult.Status.UNANSWERED, last().status());
        assertEquals("one of \"pool\", \"threads\"", last().expected(), "the measured option stays hidden");
        assertTrue(last().line().contains("\"pool\", \"threads\""), last().line());
        Check.choice("ex.faster", null, "pool", "pool", "threads");
        assertEquals(CheckResult.Status.UNANSWERED, last().status());
        Check.choice("ex.faster", "forkjoin", "pool", "pool", "threads");
        assertEquals(CheckResult.Status.UNANSWERED, last().status());
        assertTrue(last().line().startsWith("○ ex.faster: \"forkjoin\" is not one of"), last().line());
    }

    @Test
    void choiceRefusesBadOptionsByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Check.choice("ex.c", "a", "a", "a"));
        assertTrue(e.getMessage().startsWith("options"), e::getMessage);
        e = assertThrows(IllegalArgumentException.class, () -> Check.choice("ex.c", "a", "c", "a", "b"));
        assertTrue(e.getMessage().startsWith("measured must be one of"), e::getMessage);
        e = assertThrows(IllegalArgumentException.class, () -> Check.choice("ex.c", "a", "a", "a", " "));
        assertTrue(e.getMessage().startsWith("options"), e::getMessage);
        e = assertThrows(IllegalArgumentException.class, () -> Check.choice("bad name", "a", "a", "a", "b"));
        assertTrue(e.getMessage().startsWith("name"), e::getMessage);
    }

    @Test
    void checkWhoseConditionIsFalseIsSkippedNotPassed() {
        int before = Check.results().size();
        Check.check("blas.threads.speedup", 3.0, atLeast(1.5).onlyIf(false, "needs at least 2 cores"));
        CheckResult r = last();
        assertEquals(before + 1, Check.results().size());
        assertEquals(CheckResult.Status.SKIPPED, r.status());
        assertFalse(r.ok());
        assertEquals("needs at least 2 cores", r.reason());
        assertEquals(3.0, r.value());
        assertEquals("≥ 1.5", r.expected());
        assertEquals(List.of("– blas.threads.speedup skipped: needs at least 2 cores  (measured 3)"), lines());
    }

    @Test
    void aSkippedCheckDoesNotFailEvenWhenTheValueMisses() {
        Check.check("skipped.miss", 0.1, atLeast(1.5).onlyIf(false, "single core"));
        assertEquals(CheckResult.Status.SKIPPED, last().status());
        assertTrue(lines().get(0).startsWith("– "), out());
    }

    @Test
    void conditionTrueChecksNormally() {
        Check.check("applies.here", 1.9, between(1.6, 2.2).onlyIf(true, "needs 2 cores"));
        assertEquals(CheckResult.Status.PASSED, last().status());
        Check.check("applies.here", 2.3, between(1.6, 2.2).onlyIf(true, "needs 2 cores"));
        assertEquals(CheckResult.Status.FAILED, last().status());
    }

    @Test
    void booleanCheckPassesOnTrueAndFailsOnFalse() {
        Check.check("bool.claim", true);
        CheckResult r = last();
        assertTrue(r.ok());
        assertEquals(1.0, r.value());
        assertEquals("true", r.expected());
        assertEquals("✔ bool.claim = 1  (expected true)", lines().get(0));
        Check.check("bool.claim", false);
        assertEquals(0.0, last().value());
        assertEquals("✘ bool.claim = 0  (expected true)", last().line());
    }

    @Test
    void resultsIsAnUnmodifiableSnapshotInOrder() {
        Check.check("order.first", 1, atMost(2));
        Check.check("order.second", 1, atMost(2));
        List<CheckResult> all = Check.results();
        assertEquals("order.first", all.get(all.size() - 2).name());
        assertEquals("order.second", all.get(all.size() - 1).name());
        assertThrows(UnsupportedOperationException.class, () -> all.add(all.get(0)));
        Check.check("order.third", 1, atMost(2));
        assertEquals(all.size() + 1, Check.results().size(), "the snapshot does not grow");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gil.cpu.speedup", "a", "_x", "0", "A-b_c.9", "blas.cpu_per_wall"})
    void wellFormedNamesAreAccepted(String name) {
        Check.check(name, 1, atMost(2));
        assertEquals(name, last().name());
    }

    // ---------------------------------------------------------------- bad arguments

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ".gil", "-gil", "gil speedup", "gil/cpu", "gil:cpu", "spëedup", " gil", "gil\n"})
    void malformedNamesAreRejected(String name) {
        int before = Check.results().size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Check.check(name, 1, atMost(2)));
        assertTrue(e.getMessage().startsWith("name must be a dotted identifier"), e::getMessage);
        assertTrue(e.getMessage().endsWith("got: " + name), e::getMessage);
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> Check.check(name, true));
        assertTrue(b.getMessage().startsWith("name"), b::getMessage);
        assertEquals(before, Check.results().size(), "nothing is recorded");
        assertEquals("", out(), "nothing is printed");
    }

    @Test
    void nullExpectationIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Check.check("gil.cpu.speedup", 1, null));
        assertTrue(e.getMessage().startsWith("expected must not be null"), e::getMessage);
        assertEquals("", out());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteMeasuredValuesAreRejected(double measured) {
        int before = Check.results().size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Check.check("gil.cpu.speedup", measured, atMost(1.1)));
        assertTrue(e.getMessage().startsWith("measured value for check 'gil.cpu.speedup' must be a finite number"),
                e::getMessage);
        assertTrue(e.getMessage().contains(Double.toString(measured)), e::getMessage);
        assertEquals(before, Check.results().size());
        // a skipped claim may have nothing to show (e.g. an OS that does not count context switches)
        Check.check("gil.cpu.speedup", measured, atMost(1.1).onlyIf(false, "n/a"));
        assertEquals(CheckResult.Status.SKIPPED, last().status());
    }

    // ---------------------------------------------------------------- skip

    @Test
    void skipRecordsASkippedResultWithoutValue() {
        int before = Check.results().size();
        Check.skip("numa.bandwidth", "needs 2 NUMA nodes");
        assertEquals(before + 1, Check.results().size());
        CheckResult r = last();
        assertEquals(CheckResult.Status.SKIPPED, r.status());
        assertFalse(r.ok());
        assertTrue(Double.isNaN(r.value()));
        assertEquals("", r.expected());
        assertEquals("needs 2 NUMA nodes", r.reason());
        assertEquals(List.of("– numa.bandwidth skipped: needs 2 NUMA nodes"), lines());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void skipNeedsAReason(String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Check.skip("numa.bandwidth", reason));
        assertEquals("reason must say why check 'numa.bandwidth' is skipped", e.getMessage());
        assertEquals("", out());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"bad name", ".x"})
    void skipNeedsAWellFormedName(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.skip(name, "why"));
        assertTrue(e.getMessage().startsWith("name must be a dotted identifier"), e::getMessage);
    }
}
