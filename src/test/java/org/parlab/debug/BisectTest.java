package org.parlab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BisectTest {
    @Test
    void findsTheFirstFailingInputInLogSteps() {
        for (int firstBad = 1; firstBad <= 1000; firstBad++) {
            int fb = firstBad;
            Bisect.Result r = Bisect.firstFailing(0, 1000, n -> n >= fb);
            assertEquals(firstBad, r.first());
            assertTrue(r.steps() <= Bisect.maxSteps(1000), "steps " + r.steps());
            assertTrue(r.steps() >= Bisect.maxSteps(1000) - 1, "steps " + r.steps());
        }
    }

    @Test
    void neverTestsTheEnds() {
        Bisect.Result r = Bisect.firstFailing(0, 1, n -> { throw new AssertionError("tested " + n); });
        assertEquals(1, r.first());
        assertEquals(0, r.steps());
    }

    @Test
    void maxStepsIsTheCeilingOfLog2() {
        assertEquals(0, Bisect.maxSteps(1));
        assertEquals(1, Bisect.maxSteps(2));
        assertEquals(2, Bisect.maxSteps(3));
        assertEquals(10, Bisect.maxSteps(1024));
        assertEquals(11, Bisect.maxSteps(1025));
        assertEquals(20, Bisect.maxSteps(1_000_000));
    }

    @Test
    void refusesBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> Bisect.firstFailing(5, 5, n -> true));
        assertThrows(IllegalArgumentException.class, () -> Bisect.firstFailing(0, 5, null));
        assertThrows(IllegalArgumentException.class, () -> Bisect.maxSteps(0));
    }
}
