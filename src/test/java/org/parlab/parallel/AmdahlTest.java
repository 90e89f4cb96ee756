package org.parlab.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmdahlTest {
    @Test
    void knownValues() {
        assertEquals(1.0, Amdahl.speedup(0.3, 1), 1e-12);
        assertEquals(4.0, Amdahl.speedup(0.0, 4), 1e-12);
        assertEquals(1.0, Amdahl.speedup(1.0, 64), 1e-12);
        assertEquals(1 / (0.1 + 0.9 / 8), Amdahl.speedup(0.1, 8), 1e-12);
        assertEquals(10.0, Amdahl.limit(0.1), 1e-12);
        assertTrue(Double.isInfinite(Amdahl.limit(0.0)));
        assertTrue(Amdahl.speedup(0.05, 1000) < Amdahl.limit(0.05));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
    void rejectsFractionsOutsideZeroOne(double bad) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Amdahl.speedup(bad, 2)).getMessage()
                .startsWith("serialFraction"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Amdahl.limit(bad)).getMessage()
                .startsWith("serialFraction"));
    }

    @Test
    void rejectsZeroWorkers() {
        assertEquals("workers must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Amdahl.speedup(0.5, 0)).getMessage());
    }
}
