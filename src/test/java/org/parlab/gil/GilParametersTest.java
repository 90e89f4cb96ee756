package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A lesson's parameters are refused up front, with the parameter's name and the numbers. */
class GilParametersTest {
    @Test
    void threadsInRangeComeBackSorted() {
        int[] given = {4, 1, 2};
        assertArrayEquals(new int[]{1, 2, 4}, Gil.requireThreads("THREADS", given));
        assertArrayEquals(new int[]{4, 1, 2}, given, "the caller's array is not changed");
        assertArrayEquals(new int[]{1, 16}, Gil.requireThreads("THREADS", new int[]{1, 16}));
    }

    @Test
    void threadsOutOfRangeEmptyOrTwiceAreRefusedWithTheNumbers() {
        String big = assertThrows(IllegalArgumentException.class,
                () -> Gil.requireThreads("THREADS", new int[]{1, 2, 32})).getMessage();
        assertTrue(big.startsWith("THREADS") && big.contains("32") && big.contains("16"), big);
        String zero = assertThrows(IllegalArgumentException.class,
                () -> Gil.requireThreads("THREADS", new int[]{0, 2})).getMessage();
        assertTrue(zero.contains("got 0"), zero);
        assertThrows(IllegalArgumentException.class, () -> Gil.requireThreads("THREADS", new int[0]));
        assertThrows(IllegalArgumentException.class, () -> Gil.requireThreads("THREADS", null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gil.requireThreads(null, new int[]{1}))
                .getMessage().startsWith("name"));
        String twice = assertThrows(IllegalArgumentException.class,
                () -> Gil.requireThreads("THREADS", new int[]{2, 2})).getMessage();
        assertTrue(twice.contains("twice"), twice);
    }

    @Test
    void speedupsMeasuresEachCountWithAndWithoutTheGil() {
        Speedups s = Gil.simulate(Workload.cpuBound(Duration.ofMillis(2))).speedups(1, 1, 2);
        assertEquals(4, s.size());
        assertTrue(s.at("CPU-bound", true, 2).isPresent());
        assertTrue(s.at("CPU-bound", false, 1).isPresent());
        assertTrue(s.at("CPU-bound", true, 4).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Gil.simulate(Workload.cpuBound(Duration.ofMillis(1)))
                .speedups(1));
        assertThrows(IllegalArgumentException.class, () -> Gil.simulate(Workload.cpuBound(Duration.ofMillis(1)))
                .speedups(0, 2));
    }
}
