package org.parlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectationTest {

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
