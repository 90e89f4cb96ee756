package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BlackholeTest {

    @Test
    void aNewBlackholeHasConsumedNothing() {
        assertEquals(0, new Blackhole().consumed());
    }

    @Test
    void everyOverloadConsumesAnyValue() {
        Blackhole bh = new Blackhole();
        for (int v : new int[] {Integer.MIN_VALUE, -1, 0, 1, 2, Integer.MAX_VALUE}) {
            bh.consume(v);
        }
        for (long v : new long[] {Long.MIN_VALUE, -1, 0, 1, 2, Long.MAX_VALUE}) {
            bh.consume(v);
        }
        for (double v : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 0, 1, 2, Double.MAX_VALUE}) {
            bh.consume(v);
        }
        bh.consume(true);
        bh.consume(false);
        bh.consume((Object) null);
        bh.consume("x");
        bh.consume(new int[1000]);
        bh.consume(1.5f);         // widened to double
        bh.consume('c');          // widened to int
        assertEquals(6 + 6 + 7 + 2 + 3 + 2, bh.consumed());
    }

    @Test
    void manyObjectsGoThroughTheRareStorePath() {
        Blackhole bh = new Blackhole();
        for (int i = 0; i < 1_000_000; i++) {
            bh.consume(new Object());
        }
        assertEquals(1_000_000, bh.consumed());
    }

    @Test
    void blackholesCountIndependently() {
        Blackhole a = new Blackhole();
        Blackhole b = new Blackhole();
        a.consume(1);
        a.consume(2L);
        b.consume(3.0);
        assertEquals(2, a.consumed());
        assertEquals(1, b.consumed());
    }
}
