package org.parlab.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryTest {
    private static final int N = 100_000;

    @Test
    void anArrayOfDoublesCostsEightBytesPerElement() {
        Memory.Allocation<double[]> a = Memory.allocation(() -> new double[N]);
        assertEquals(N, a.value().length);
        // 8 bytes per element plus a 16-byte header; allow a little for anything else on this thread
        assertTrue(a.bytesPer(N) >= 8.0 && a.bytesPer(N) < 8.5, () -> "bytes per element: " + a.bytesPer(N));
    }

    @Test
    void boxesCostMoreThanTwiceThePrimitives() {
        Memory.Allocation<List<Double>> boxed = Memory.allocation(() -> {
            List<Double> l = new ArrayList<>(N);
            for (int i = 0; i < N; i++) {
                l.add(i + 0.5);
            }
            return l;
        });
        assertTrue(boxed.bytesPer(N) >= 16, () -> "bytes per element: " + boxed.bytesPer(N));
    }

    @Test
    void theValueIsReturnedAsIs() {
        Object o = new Object();
        assertSame(o, Memory.allocation(() -> o).value());
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Memory.allocation(null));
        assertTrue(e.getMessage().startsWith("work"));
        Memory.Allocation<Object> a = Memory.allocation(Object::new);
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> a.bytesPer(0));
        assertTrue(e2.getMessage().startsWith("elements"));
    }
}
