package org.parlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectationTest {

    /** The capacity gate of whenCoresFree, with the probe replaced by one that reports {@code cores}. */
    private static String shortfallWith(double cores, int needed) {
        var saved = Expectation.capacityProbe;
        int[] asked = {0};
        Expectation.capacityProbe = n -> {
            asked[0] = n;
            return new org.parlab.CoreCapacity(n, cores, 7.0, 7.0 * n / cores);
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
                + " multiply-adds got 1.0 cores")
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
        Expectation.capacityProbe = n -> new org.parlab.CoreCapacity(n, 1.0, 7.0, 14.0);
        try {
            Expectation e = Expect.atLeast(1.5).whenCoresFree(2).judging(1.2);
            assertFalse(e.applies());
            assertTrue(e.skipReason().contains("threads of multiply-adds got 1.0 cores")
                    || e.skipReason().contains("other processes kept"), e.skipReason());
        } finally {
            Expectation.capacityProbe = saved;
        }
    }

    /**
     * The probe runs only where the verdict depends on it: a lower bound that the value meets is its own
     * evidence (fewer cores cannot raise a speed-up), a missed one and every other kind of bound ask first.
     */
    @Test
    void theCapacityProbeRunsOnlyWhereTheVerdictDependsOnIt() {
        var saved = Expectation.capacityProbe;
        int[] probes = {0};
        Expectation.capacityProbe = n -> {
            probes[0]++;
            return new org.parlab.CoreCapacity(n, 1.0, 7.0, 14.0);
        };
        try {
            // built directly with the capacity gate, so that the load readings of this machine play no part
            Expectation atLeast = Expect.atLeast(1.5).needingCapacity(2);
            assertSame(atLeast, atLeast.judging(1.9));
            assertEquals(0, probes[0], "a met lower bound needs no probe");
            Expectation missed = atLeast.judging(1.1);
            assertEquals(Expectation.PROBES, probes[0], "short cores are probed again before the claim is skipped");
            assertFalse(missed.applies(), "a missed lower bound with short cores is not a verdict");
            assertTrue(missed.skipReason().contains("2 threads of multiply-adds got 1.0"),
                    missed.skipReason());
            Expectation greater = Expect.greaterThan(1.3).needingCapacity(2);
            assertSame(greater, greater.judging(1.4));
            assertEquals(Expectation.PROBES, probes[0], "greaterThan is a lower bound too");
            Expectation upper = Expect.lessThan(0.3).needingCapacity(2);
            assertFalse(upper.judging(0.1).applies(), "a met upper bound may be met because cores were short");
            assertFalse(Expect.near(1.8, 0.2).needingCapacity(2).judging(1.8).applies());
            assertEquals(3 * Expectation.PROBES, probes[0]);
            assertSame(atLeast, atLeast.judging(Double.NaN), "NaN is refused by the check, not probed");
            assertEquals(3 * Expectation.PROBES, probes[0]);
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
            Expectation.capacityProbe = n -> ++tries[0] == 1 ? new org.parlab.CoreCapacity(n, 1.0, 8, 16)
                    : new org.parlab.CoreCapacity(n, 1.9, 8, 8.4);
            assertNull(Expectation.capacityShortfall(2), "the second try found both cores");
            assertEquals(2, tries[0]);
            Expectation.capacityProbe = n -> new org.parlab.CoreCapacity(n, 1.0, 8, 16, 1.9, 0.9, "C2 CompilerThre");
            String kernel = Expectation.capacityShortfall(2);
            assertTrue(kernel.contains("other threads of this kernel 0.9 cores: C2 CompilerThre")
                    && kernel.contains("this kernel's own threads took the rest"), kernel);
            Expectation.capacityProbe = n -> new org.parlab.CoreCapacity(n, 1.0, 8, 16, 1.0, 0.0, "");
            String held = Expectation.capacityShortfall(2);
            assertTrue(held.contains("CPU time 1.0 cores") && held.contains("held back below the operating system"),
                    held);
            Expectation.capacityProbe = n -> new org.parlab.CoreCapacity(n, 1.0, 8, 16, 2.0, 0.0, "");
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
