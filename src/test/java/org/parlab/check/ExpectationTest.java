package org.parlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parlab.timing.CoreCapacity;
import org.parlab.timing.MachineLoad;

class ExpectationTest {

    /** The capacity gate of whenCoresFree, with the probe replaced by one that reports {@code cores}. */
    private static String shortfallWith(double cores, int needed) {
        var saved = Expectation.capacityProbe;
        int[] asked = {0};
        Expectation.capacityProbe = (n, work) -> {
            asked[0] = n;
            return new CoreCapacity(n, cores, 7.0, 7.0 * n / cores);
        };
        try {
            String reason = Expectation.capacityShortfall(needed);
            assertEquals(needed < 2 ? 0 : needed, asked[0], "the probe runs as many threads as the claim needs cores");
            return reason;
        } finally {
            Expectation.capacityProbe = saved;
        }
    }

    @Test
    void aClaimOnTwoCoresIsSkippedWhenTwoThreadsGetOneCoreThoughNoProgramIsBusy() {
        String reason = shortfallWith(1.02, 2);
        assertTrue(reason != null && reason.startsWith("needs 2 cores, but in 3 tries over 0.5 s 2 threads of"
                + " dependent multiply-adds got 1.0 cores")
                && reason.contains("shared below the operating system"), reason);
        assertTrue(shortfallWith(1.4, 2) != null);
        assertTrue(shortfallWith(2.4, 3) != null); // the line is n − ½ cores
    }

    @Test
    void aClaimIsJudgedWhenItsThreadsGetTheirCores() {
        assertNull(shortfallWith(1.6, 2));
        assertNull(shortfallWith(1.95, 2));
        assertNull(shortfallWith(2.6, 3));
        assertNull(shortfallWith(0.1, 1)); // one core: nothing to share, no probe
    }

    /** The whole gate on this machine: judged or skipped, the probe's reason only when the load readings pass. */
    @Test
    void whenCoresFreeAsksTheProbeAfterTheLoadReadings() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 processors");
        var saved = Expectation.capacityProbe;
        Expectation.capacityProbe = (n, work) -> new CoreCapacity(n, 1.0, 7.0, 14.0);
        try {
            Expectation e = Expect.atLeast(1.5).whenCoresFree(2).judging(1.2);
            assertFalse(e.applies());
            assertTrue(e.skipReason().contains("threads of dependent multiply-adds got 1.0 cores")
                    || e.skipReason().contains("other processes kept"), e.skipReason());
        } finally {
            Expectation.capacityProbe = saved;
        }
    }

    /** whenCoresFree asks the probe for every verdict: it does not know which way the cores move the value. */
    @Test
    void whenCoresFreeProbesEveryVerdict() {
        var saved = Expectation.capacityProbe;
        int[] probes = {0};
        Expectation.capacityProbe = oneCoreCounting(probes);
        try {
            Expectation e = Expect.atLeast(1.1).needingCapacity(2);
            assertFalse(e.judging(1.9).applies(), "a met lower bound of an unknown quantity is probed too");
            assertEquals(Expectation.PROBES, probes[0], "short cores are probed again before the claim is skipped");
            assertTrue(e.judging(1.9).skipReason().contains("2 threads of dependent multiply-adds got 1.0"));
        } finally {
            Expectation.capacityProbe = saved;
        }
    }

    /** A probe that finds n threads getting one core's worth, and counts its calls in {@code probes[0]}. */
    private static BiFunction<Integer, CoreCapacity.Work, CoreCapacity>
            oneCoreCounting(int[] probes) {
        return (n, work) -> {
            probes[0]++;
            return new CoreCapacity(n, 1.0, 8.0, 16.0);
        };
    }

    private static MachineLoad othersBusy(double others) {
        return new MachineLoad(Duration.ofMillis(250), 2, others, 0, true);
    }

    /**
     * A speed-up's verdict that rests on a high value (a lower bound met, an upper bound missed) needs one free
     * core for the baseline and no probe; one that rests on a low value needs the cores free and the probe.
     */
    @Test
    void aSpeedupIsJudgedByWhichWayTheLoadCouldHaveMovedIt() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 processors");
        var saved = Expectation.capacityProbe;
        int[] probes = {0};
        Expectation.capacityProbe = oneCoreCounting(probes);
        try {
            Expectation nogil = Expect.atLeast(1.6);
            // a browser on 0.6 cores: a met lower bound stands (the baseline had a whole core), without a probe
            assertTrue(nogil.speedupOn(2, othersBusy(0.6), null).judging(1.88).applies());
            assertEquals(0, probes[0]);
            // less than one core free: the baseline waited too, the ratio is the scheduler's
            Expectation starved = nogil.speedupOn(2, othersBusy(0.3), othersBusy(1.5)).judging(1.88);
            assertFalse(starved.applies());
            assertTrue(starved.skipReason().contains("whole core is free for the one-thread run")
                    && starved.skipReason().contains("1.5 of 2 cores busy"), starved.skipReason());
            // missed while a core was busy: not a verdict
            Expectation missed = nogil.speedupOn(2, othersBusy(0.6), null).judging(1.3);
            assertTrue(missed.skipReason().startsWith("needs 2 free cores, but other processes kept 0.6"),
                    missed.skipReason());
            assertEquals(0, probes[0], "the load decides before the probe is asked");
            // missed by less than the cores taken explain (1.43 with 0.24 of 2 cores stolen: up to 1.62 on idle
            // ones): inconclusive; missed by more: a verdict
            Expectation explained = nogil.speedupOn(2, othersBusy(0.24), null).judging(1.43);
            assertTrue(explained.skipReason().startsWith("1.43 missed ≥ 1.6, but other processes kept 0.2 of 2"
                    + " cores busy"), explained.skipReason());
            assertEquals(0, probes[0]);
            Expectation.capacityProbe = (n, work) -> new CoreCapacity(n, 1.95, 8.0, 8.2);
            assertTrue(nogil.speedupOn(2, othersBusy(0.24), null).judging(1.2).applies(), "1.2 × 2 / 1.76 < 1.6");
            Expectation.capacityProbe = oneCoreCounting(probes);
            // missed on free cores: the probe is asked, and short cores skip it
            assertFalse(nogil.speedupOn(2, othersBusy(0.0), null).judging(1.3).applies());
            assertEquals(Expectation.PROBES, probes[0]);

            Expectation gil = Expect.atMost(1.1);
            // the GIL's speed-up above its bound on a machine with a free core: a verdict, no probe needed
            Expectation broken = gil.speedupOn(2, othersBusy(0.8), null).judging(1.76);
            assertTrue(broken.applies());
            assertEquals(Expectation.PROBES, probes[0]);
            // ... and with three other lessons running: the scheduler's share, skipped
            assertFalse(gil.speedupOn(2, othersBusy(1.6), null).judging(1.76).applies());
            // met while a core was busy: a parallel run could not have shown more either
            assertTrue(gil.speedupOn(2, othersBusy(0.8), null).judging(1.0).skipReason().startsWith("needs 2 free"));
            // met on free cores: the probe is asked
            gil.speedupOn(2, othersBusy(0.0), null).judging(1.0);
            assertEquals(2 * Expectation.PROBES, probes[0]);
        } finally {
            Expectation.capacityProbe = saved;
        }
    }

    /** Cores that come back by the second try are judged; the reason of a skip says what took them. */
    @Test
    void theProbeTriesAgainAndNamesWhatTookTheCores() {
        var saved = Expectation.capacityProbe;
        int[] tries = {0};
        try {
            Expectation.capacityProbe = (n, work) -> ++tries[0] == 1 ? new CoreCapacity(n, 1.0, 8, 16)
                    : new CoreCapacity(n, 1.9, 8, 8.4);
            assertNull(Expectation.capacityShortfall(2), "the second try found both cores");
            assertEquals(2, tries[0]);
            Expectation.capacityProbe = (n, work) -> new CoreCapacity(n, 1.0, 8, 16, 1.9, 0.9, "C2 CompilerThre");
            String kernel = Expectation.capacityShortfall(2);
            assertTrue(kernel.contains("other threads of this kernel 0.9 cores: C2 CompilerThre")
                    && kernel.contains("this kernel's own threads took the rest"), kernel);
            Expectation.capacityProbe = (n, work) -> new CoreCapacity(n, 1.0, 8, 16, 1.0, 0.0, "");
            String held = Expectation.capacityShortfall(2);
            assertTrue(held.contains("CPU time 1.0 cores") && held.contains("held back below the operating system"),
                    held);
            Expectation.capacityProbe = (n, work) -> new CoreCapacity(n, 1.0, 8, 16, 2.0, 0.0, "");
            String shared = Expectation.capacityShortfall(2);
            assertTrue(shared.contains("ran the whole time but did the work of fewer cores"), shared);
        } finally {
            Expectation.capacityProbe = saved;
        }
    }

    @Test
    void onlyIfTrueKeepsTheExpectationApplying() {
        Expectation e = Expect.atMost(1.1);
        Expectation same = e.onlyIf(true, "needs 2 cores");
        assertSame(e, same);
        assertTrue(same.applies());
        assertNull(same.skipReason());
    }

    @Test
    void onlyIfFalseMakesASkippedCopyWithTheSameTest() {
        Expectation e = Expect.atLeast(1.5);
        Expectation skipped = e.onlyIf(false, "needs at least 2 cores");
        assertFalse(skipped.applies());
        assertEquals("needs at least 2 cores", skipped.skipReason());
        assertEquals("≥ 1.5", skipped.description());
        assertEquals("≥ 1.5 (skipped: needs at least 2 cores)", skipped.toString());
        assertTrue(skipped.test(2));
        assertFalse(skipped.test(1));
        assertTrue(e.applies(), "the original is unchanged");
    }

    @Test
    void theFirstFalseConditionWins() {
        Expectation e = Expect.atLeast(1.5).onlyIf(false, "first").onlyIf(false, "second").onlyIf(true, "third");
        assertEquals("first", e.skipReason());
        Expectation later = Expect.atLeast(1.5).onlyIf(true, "first").onlyIf(false, "second");
        assertEquals("second", later.skipReason());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void onlyIfNeedsAReason(String reason) {
        for (boolean condition : new boolean[]{true, false}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Expect.atMost(1).onlyIf(condition, reason));
            assertTrue(e.getMessage().startsWith("reason"), e::getMessage);
        }
    }
}
