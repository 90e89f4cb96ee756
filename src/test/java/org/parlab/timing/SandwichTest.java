package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

/**
 * The sandwich rule with scripted times (so every case is exact), plus one run on real work.
 */
class SandwichTest {

    /** Returns the given times in turn, and records the label of every call. */
    private static DoubleSupplier script(List<String> calls, String label, double... ms) {
        Iterator<Double> it = java.util.Arrays.stream(ms).boxed().iterator();
        return () -> {
            calls.add(label);
            return it.next();
        };
    }

    @Test
    void aSteadyMachineNeedsExactlyTheRoundsWanted() {
        List<String> calls = new ArrayList<>();
        SandwichResult r = Bench.sandwich("plain", script(calls, "plain", 10, 10, 10, 10))
                .versus("task", script(calls, "task", 12, 12, 12)).rounds(3).run();
        assertEquals(List.of("plain", "task", "plain", "task", "plain", "task", "plain"), calls);
        assertEquals(3, r.steadyCount("task"));
        assertTrue(r.complete());
        assertEquals(1.2, r.ratio("task"), 1e-12);
        assertEquals(12, r.ms("task"), 1e-12);
        assertEquals(10, r.baselineMs("task"), 1e-12);
    }

    @Test
    void aRoundWhoseBaselinesDisagreeIsLeftOutAndRunAgain() {
        List<String> calls = new ArrayList<>();
        // round 2: the machine slowed down 2x after the task (baseline 10 -> 20), round 3: back (20 -> 10)
        SandwichResult r = Bench.sandwich("plain", script(calls, "plain", 10, 10, 20, 10, 10))
                .versus("task", script(calls, "task", 11, 40, 30, 11)).rounds(2).run();
        assertEquals(4, r.rounds("task").size());
        assertEquals(List.of(true, false, false, true), r.rounds("task").stream().map(SandwichRound::steady).toList());
        assertEquals(2, r.steadyCount("task"));
        assertEquals(1.1, r.ratio("task"), 1e-12, "the slowed rounds (2.83x, 2.12x) must not count");
    }

    @Test
    void theRatioIsAgainstTheGeometricMeanOfTheBaselinesAround() {
        SandwichResult r = Bench.sandwich("plain", script(new ArrayList<>(), "plain", 10, 10.4))
                .versus("task", script(new ArrayList<>(), "task", 20.4)).rounds(1).run();
        SandwichRound round = r.rounds().get(0);
        assertTrue(round.steady());
        assertEquals(Math.sqrt(10 * 10.4), round.baselineMs(), 1e-12);
        assertEquals(20.4 / Math.sqrt(10 * 10.4), r.ratio("task"), 1e-12);
    }

    @Test
    void toleranceDecidesWhatCountsAsSteady() {
        // the baselines differ by 15 %: not steady at the default 10 %, steady at 20 %
        SandwichResult strict = Bench.sandwich("plain", script(new ArrayList<>(), "plain", 10, 11.5))
                .versus("task", script(new ArrayList<>(), "task", 10)).rounds(1).maxRounds(1).run();
        assertEquals(0, strict.steadyCount("task"));
        assertTrue(Double.isNaN(strict.ratio("task")));
        assertFalse(strict.complete());
        SandwichResult loose = Bench.sandwich("plain", script(new ArrayList<>(), "plain", 10, 11.5))
                .versus("task", script(new ArrayList<>(), "task", 10)).rounds(1).tolerance(0.2).run();
        assertEquals(1, loose.steadyCount("task"));
    }

    @Test
    void aMachineThatNeverSettlesStopsAtMaxRounds() {
        double[] speed = {10};
        int[] calls = {0};
        SandwichResult r = Bench.sandwich("plain", () -> speed[0] *= 1.5)
                .versus("task", () -> { calls[0]++; return 5; }).rounds(2).maxRounds(7).run();
        assertEquals(7, calls[0]);
        assertEquals(0, r.steadyCount("task"));
        assertFalse(r.complete());
        // the default limit: 5 x rounds
        assertEquals(10, Bench.sandwich("plain", () -> 1).rounds(2).effectiveMaxRounds());
    }

    @Test
    void maxSpreadRunsMoreRoundsWhileTheSteadyRatiosDisagree() {
        // ratios 1.0, 1.3, 0.5, 1.0, 1.0: a change of speed inside two task runs, unseen by the baselines
        double[] task = {10, 13, 5, 10, 10};
        SandwichResult plain = Bench.sandwich("plain", () -> 10).versus("task", script(new ArrayList<>(), "task", task))
                .rounds(3).run();
        assertEquals(3, plain.rounds("task").size());
        assertEquals(0.3, plain.spread("task"), 1e-12, "MAD 0.3 around the median 1.0");
        assertTrue(plain.complete(), "without maxSpread, 3 steady rounds are enough");
        SandwichResult strict = Bench.sandwich("plain", () -> 10).versus("task", script(new ArrayList<>(), "task", task))
                .rounds(3).maxSpread(0.1).run();
        assertEquals(5, strict.rounds("task").size(), "spread 0.3 after 3 rounds, 0.15 after 4, 0 after 5");
        assertEquals(0, strict.spread("task"), 1e-12);
        assertTrue(strict.settled("task"));
        assertEquals(1.0, strict.ratio("task"), 1e-12);
        // a machine that never settles: the rounds run out, and the result says so
        double[] drift = {10 / 1.3};
        SandwichResult never = Bench.sandwich("plain", () -> 10).versus("task", () -> drift[0] *= 1.3)
                .rounds(3).maxRounds(6).maxSpread(0.1).run();
        assertEquals(6, never.rounds("task").size());
        assertFalse(never.settled("task"));
        assertFalse(never.complete());
    }

    @Test
    void severalTasksShareTheBaselineRunsBetweenThemAndGetATable() {
        List<String> calls = new ArrayList<>();
        SandwichResult r = Bench.sandwich("plain", script(calls, "plain", 10, 10, 30, 10, 10, 10, 10))
                .versus("a", script(calls, "a", 12, 12, 12))
                .versus("b", script(calls, "b", 15, 15, 15)).rounds(2).run();
        assertEquals(List.of("plain", "a", "plain", "b", "plain", "a", "plain", "b", "plain", "a", "plain", "b",
                "plain"), calls);
        // baselines 10 a 10 b 30 a 10 b 10 a 10 b 10: a's second and b's first round straddle the 30
        assertEquals(List.of(true, false, true), r.rounds("a").stream().map(SandwichRound::steady).toList());
        assertEquals(List.of(false, true, true), r.rounds("b").stream().map(SandwichRound::steady).toList());
        Table t = r.toTable();
        assertEquals(3, t.rowCount());
        assertEquals(List.of("round", "a", "b"), t.columnNames());
        assertEquals(1, t.doubleColumn("a").countMissing());
        assertEquals(1, t.doubleColumn("b").countMissing());
        assertEquals(1.2, t.doubleColumn("a").get(0), 1e-12);
        assertTrue(r.toString().contains("a 1.200× (2 of 3 rounds steady, spread 0.000)"), r.toString());
    }

    @Test
    void badTimesAndMissingTasksGetClearErrors() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> Bench.sandwich("plain", () -> 1).run());
        assertTrue(none.getMessage().contains("versus"), none.getMessage());
        for (double bad : new double[]{0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Bench.sandwich("plain", () -> 1).versus("task", () -> bad).run());
            assertTrue(e.getMessage().contains("'task' returned"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Bench.sandwich("plain", () -> 1).versus("plain", () -> 1));
        assertThrows(IllegalArgumentException.class,
                () -> Bench.sandwich("plain", () -> 1).versus("a", () -> 1).versus("a", () -> 1));
        assertThrows(IllegalArgumentException.class, () -> Bench.sandwich("plain", () -> 1).tolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Bench.sandwich("plain", () -> 1).tolerance(1.5));
        assertThrows(IllegalArgumentException.class, () -> Bench.sandwich("plain", () -> 1).maxSpread(0));
        assertThrows(IllegalArgumentException.class, () -> Bench.sandwich("plain", () -> 1).maxSpread(Double.NaN));
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> Bench.sandwich("plain", () -> 1).rounds(5).maxRounds(4));
        assertTrue(tooFew.getMessage().startsWith("maxRounds"), tooFew.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> Bench.sandwich("plain", () -> 1).maxRounds(6).rounds(7));
        assertTrue(tooMany.getMessage().startsWith("rounds"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Bench.sandwich("plain", () -> 1).versus("a", () -> 1).run().ratio("b"));
    }

    @Test
    void showProgressPrintsTheSteadyRoundsAfterEachRound() {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Bench.sandwich("plain", script(new ArrayList<>(), "plain", 10, 20, 20))
                    .versus("a", script(new ArrayList<>(), "a", 10, 10)).rounds(1).showProgress().run();
        } finally {
            System.setOut(old);
        }
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("round 1: steady rounds so far {a=0}"), text);
        assertTrue(text.contains("round 2: steady rounds so far {a=1}"), text);
    }

    @Test
    void anInterruptStopsTheSandwich() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(IllegalStateException.class,
                    () -> Bench.sandwich("plain", () -> 1).versus("a", () -> 1).rounds(3).run());
        } finally {
            Thread.interrupted();
        }
    }

    private static long spin(long n) {
        long s = 0;
        for (long i = 0; i < n; i++) {
            s += (i * 31) ^ (s >>> 3);
        }
        return s;
    }

    @Test
    void twiceTheWorkReadsAboutTwice() {
        long n = 2_000_000;
        long[] sink = {0};
        Bench.task("warm-up", () -> sink[0] += spin(n) + spin(2 * n)).warmups(5).repeats(1).run();
        SandwichResult r = Bench.sandwich("n", () -> Bench.task("n", () -> spin(n)).warmups(0).repeats(3).callsPerSample(1).run().medianMs())
                .versus("2n", () -> Bench.task("2n", () -> spin(2 * n)).warmups(0).repeats(3).callsPerSample(1).run().medianMs())
                .rounds(5).run();
        // a noisy machine fails rounds, it does not move the median of the steady ones much
        assertTrue(r.steadyCount("2n") >= 3, r::toString);
        assertTrue(r.ratio("2n") > 1.6 && r.ratio("2n") < 2.5, r::toString);
    }
}
