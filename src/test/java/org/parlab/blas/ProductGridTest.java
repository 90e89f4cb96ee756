package org.parlab.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parlab.timing.Timing;

/** Pure Java: no native library needed. */
class ProductGridTest {

    private static Timing ms(double... samples) {
        return new Timing("t", java.util.Arrays.stream(samples).boxed().toList());
    }

    /** Java 1, 3 × BLAS 1, 4: times chosen so that 3 Java × 1 BLAS is fastest and 3 × 4 slowest. */
    private static ProductGrid grid() {
        Map<String, Timing> t = new LinkedHashMap<>();
        t.put("1 Java × 1 BLAS", ms(100, 100, 100));
        t.put("1 Java × 4 BLAS", ms(80, 80, 80));
        t.put("3 Java × 1 BLAS", ms(50, 50, 50));
        t.put("3 Java × 4 BLAS", ms(200, 200, 200));
        return ProductGrid.of(t, new int[] {1, 3, 3}, new int[] {1, 4}, 1e9);
    }

    @Test
    void labelNamesBothCounts() {
        assertEquals("8 Java × 1 BLAS", ProductGrid.label(8, 1));
        assertEquals("8 Java × 1 BLAS", grid().at(3, 1).orElseThrow().name().replace("3", "8"));
    }

    @Test
    void pointsFollowTheParametersAndComputeTheRate() {
        ProductGrid g = grid();
        assertEquals(4, g.points().size(), "duplicates in JAVA_THREADS count once");
        GridPoint p = g.at(3, 1).orElseThrow();
        assertEquals(50, p.medianMs(), 1e-9);
        assertEquals(20.0, p.gflops(), 1e-9);   // 1e9 flops in 50 ms
        assertEquals(3, p.threadsWanted());
        assertEquals("1 BLAS thread per call", p.blas());
        assertEquals("4 BLAS threads per call", g.at(1, 4).orElseThrow().blas());
        assertEquals(0, p.spreadPercent(), 1e-9);
    }

    @Test
    void lookupsNeverAssumeAThreadCount() {
        ProductGrid g = grid();
        assertTrue(g.at(4, 1).isEmpty(), "4 Java threads were not in the grid");
        assertEquals("3 Java × 1 BLAS", g.nearest(4, 1).name());
        assertEquals("1 Java × 1 BLAS", g.nearest(2, 1).name(), "a tie goes to the smaller count");
        assertEquals("3 Java × 1 BLAS", g.nearest(8, 2).name(), "BLAS 2 is nearest 1");
    }

    @Test
    void bestWorstAndCorner() {
        ProductGrid g = grid();
        assertEquals("3 Java × 1 BLAS", g.best().name());
        assertEquals("3 Java × 4 BLAS", g.worst().name());
        assertEquals("3 Java × 4 BLAS", g.mostThreads().name());
        assertEquals("3 Java × 1 BLAS", g.bestWith(1).orElseThrow().name());
        assertTrue(g.bestWith(2).isEmpty());
        assertTrue(g.mostThreads().oversubscribes(2));
        assertFalse(g.at(1, 1).orElseThrow().oversubscribes(2));
    }

    @Test
    void refusesMissingTimingsAndBadInput() {
        Map<String, Timing> t = Map.of("1 Java × 1 BLAS", ms(1));
        var e = assertThrows(IllegalArgumentException.class, () -> ProductGrid.of(t, new int[] {1, 2}, new int[] {1}, 1));
        assertTrue(e.getMessage().contains("2 Java × 1 BLAS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProductGrid.of(t, new int[0], new int[] {1}, 1));
        assertThrows(IllegalArgumentException.class, () -> ProductGrid.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> GridPoint.of(0, 1, ms(1), 1));
        assertThrows(IllegalArgumentException.class, () -> GridPoint.of(1, 1, ms(1), 0));
    }

    @Test
    void openBlasKeepsSmallProductsOnOneThread() {
        assertFalse(Blas.splitsProduct(64, 64, 64), "64³ = 262,144 is the threshold itself");
        assertTrue(Blas.splitsProduct(65, 65, 65));
        assertTrue(Blas.splitsProduct(256, 256, 256));
        assertFalse(Blas.splitsProduct(1, 100_000, 2));
        assertTrue(Blas.splitsProduct(100_000, 100_000, 100_000), "no overflow");
        assertThrows(IllegalArgumentException.class, () -> Blas.splitsProduct(-1, 2, 2));
    }
}
