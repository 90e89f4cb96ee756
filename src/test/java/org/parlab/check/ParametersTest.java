package org.parlab.check;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void valuesInsideTheRangePassIncludingTheBounds() {
        assertDoesNotThrow(() -> Parameters.require("N", 1, 1, 10));
        assertDoesNotThrow(() -> Parameters.require("N", 10, 1, 10));
        assertDoesNotThrow(() -> Parameters.require("X", 0.5, 0, 1));
        assertDoesNotThrow(() -> Parameters.require("THREADS", new int[] {1, 16}, 1, 16));
        assertDoesNotThrow(() -> Parameters.require("D", Duration.ofMillis(5), Duration.ofMillis(1),
                Duration.ofMillis(20)));
    }

    @Test
    void valuesOutsideAreRefusedNamingTheParameterValueAndRange() {
        assertEquals("N must be in 1-10, got 11",
                assertThrows(IllegalArgumentException.class, () -> Parameters.require("N", 11, 1, 10)).getMessage());
        assertEquals("X must be in 0-1, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Parameters.require("X", Double.NaN, 0, 1))
                        .getMessage());
        assertEquals("THREADS must hold values in 1-16, got 0 in [1, 0]",
                assertThrows(IllegalArgumentException.class,
                        () -> Parameters.require("THREADS", new int[] {1, 0}, 1, 16)).getMessage());
        assertEquals("THREADS must list at least one value in 1-16",
                assertThrows(IllegalArgumentException.class,
                        () -> Parameters.require("THREADS", new int[0], 1, 16)).getMessage());
        assertEquals("D must be in 1 ms-20 ms, got 50 ms",
                assertThrows(IllegalArgumentException.class, () -> Parameters.require("D", Duration.ofMillis(50),
                        Duration.ofMillis(1), Duration.ofMillis(20))).getMessage());
    }

    @Test
    void durationsInMillisecondsAreRefusedWithTheirRange() {
        assertDoesNotThrow(() -> Parameters.requireMillis("IO_CPU", Duration.ofMillis(1), 0.1, 10));
        assertEquals("IO_CPU must be in 0.1-10 ms, got 0.05 ms", assertThrows(IllegalArgumentException.class,
                () -> Parameters.requireMillis("IO_CPU", Duration.ofNanos(50_000), 0.1, 10)).getMessage());
        assertEquals("IO_CPU must be in 0.1-10 ms, got null", assertThrows(IllegalArgumentException.class,
                () -> Parameters.requireMillis("IO_CPU", null, 0.1, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parameters.requireMillis("X", Duration.ZERO, 5, 1));
    }

    @Test
    void aBadCallIsRefusedToo() {
        assertThrows(IllegalArgumentException.class, () -> Parameters.require(" ", 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Parameters.require("N", 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Parameters.require("D", Duration.ZERO, null,
                Duration.ZERO));
    }
}
