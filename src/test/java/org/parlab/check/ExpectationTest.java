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

    /**
     * whenCoresFree with the core-capacity probe replaced: what two threads got is what decides once the load
     * readings let the check through (they skip first, with their own reason, on a busy machine).
     */
    private static Expectation gatedWithCapacity(double cores) {
        var saved = Expectation.capacityProbe;
        int[] asked = {0};
        Expectation.capacityProbe = n -> {
            asked[0] = n;
            return new org.parlab.CoreCapacity(n, cores, 7.0, 7.0 * n / cores);
        };
        try {
            Expectation e = Expect.atLeast(1.5).whenCoresFree(2);
            assumeTrue(e.applies() || e.skipReason().contains("threads of square roots"),
                    "the machine is busy: " + e.skipReason());
            assertEquals(2, asked[0], "the probe runs as many threads as the claim needs cores");
            return e;
        } finally {
            Expectation.capacityProbe = saved;
        }
    }

    @Test
    void aClaimOnTwoCoresIsSkippedWhenTwoThreadsGetOneCoreThoughNoProgramIsBusy() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 processors");
        Expectation e = gatedWithCapacity(1.02);
        assertFalse(e.applies());
        assertTrue(e.skipReason().startsWith("needs 2 cores, but 2 threads of square roots got 1.0 cores")
                && e.skipReason().contains("shared below the operating system"), e.skipReason());
    }

    @Test
    void aClaimOnTwoCoresIsJudgedWhenTwoThreadsGetThem() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 processors");
        assertTrue(gatedWithCapacity(1.6).applies()); // the line is n − ½ cores
        assertTrue(gatedWithCapacity(1.95).applies());
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
