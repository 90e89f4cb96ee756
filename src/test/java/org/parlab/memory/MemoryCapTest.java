package org.parlab.memory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sizes that cannot fit are refused before anything is allocated, with the numbers. */
class MemoryCapTest {

    @Test
    void aHeapSizeTenTimesTheLimitIsRefusedWithTheNumbers() {
        long tooMuch = Runtime.getRuntime().maxMemory() * 10;
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Memory.requireHeap("N boxed numbers", tooMuch));
        assertTrue(e.getMessage().startsWith("bytes: N boxed numbers needs " + Memory.human(tooMuch)),
                e::getMessage);
        assertTrue(e.getMessage().contains("heap limit is " + Memory.human(Runtime.getRuntime().maxMemory())),
                e::getMessage);
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 10_000_000, "refusing allocated " + (after - before) + " bytes");
        assertDoesNotThrow(() -> Memory.requireHeap("a small array", 1_000_000));
    }

    @Test
    void anOffHeapSizeAboveNd4jsCapIsRefused() {
        long max = org.bytedeco.javacpp.Pointer.maxBytes();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Memory.requireOffHeap("three 20000×20000 matrices", Math.max(max, 1) * 2));
        assertTrue(e.getMessage().startsWith("bytes: three 20000×20000 matrices needs"), e::getMessage);
        assertDoesNotThrow(() -> Memory.requireOffHeap("a small matrix", 8 * 100 * 100));
    }

    @Test
    void overflowedAndBlankArgumentsAreNamed() {
        int n = 100_000;
        long overflowed = n * n * 8; // int arithmetic: overflows to a negative number
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Memory.requireHeap("matrix", overflowed))
                .getMessage().startsWith("bytes must be ≥ 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Memory.requireHeap(" ", 1))
                .getMessage().startsWith("what"));
    }

    @Test
    void humanSizes() {
        assertEquals("999 B", Memory.human(999));
        assertEquals("1.50 KB", Memory.human(1500));
        assertEquals("768 MB", Memory.human(768_000_000));
        assertEquals("80.0 GB", Memory.human(80_000_000_000L));
    }
}
