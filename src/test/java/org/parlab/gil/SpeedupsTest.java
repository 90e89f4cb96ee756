package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Speedups: queries by (workload, gil, threads) that never throw for a missing count; immutability; charts. */
class SpeedupsTest {
    private static Speedup row(String workload, boolean gil, int threads, double speedup) {
        return new Speedup(workload, gil, threads, 100 * speedup, 100, speedup,
                workload + (gil ? ", with GIL" : ", without GIL"));
    }

    private static final Speedups ROWS = Speedups.of(row("CPU-bound", true, 1, 1.0), row("CPU-bound", false, 1, 1.0),
            row("CPU-bound", true, 3, 0.9), row("CPU-bound", false, 3, 1.9), row("I/O-bound", true, 3, 2.8));

    @Test
    void atFindsWhatWasMeasuredAndIsEmptyOtherwise() {
        assertEquals(0.9, ROWS.at("CPU-bound", true, 3).getAsDouble());
        assertEquals(1.9, ROWS.at("CPU-bound", false, 3).getAsDouble());
        assertTrue(ROWS.at("CPU-bound", true, 2).isEmpty(), "no 2-thread row: empty, no exception");
        assertTrue(ROWS.at("I/O-bound", false, 3).isEmpty());
        assertTrue(ROWS.at("nothing", true, 1).isEmpty());
        assertEquals("I/O-bound", ROWS.find("I/O-bound", true, 3).orElseThrow().workload());
    }

    @Test
    void filtersKeepOrder() {
        assertEquals(3, ROWS.withGil().size());
        assertEquals(2, ROWS.withoutGil().size());
        assertEquals(4, ROWS.workload("CPU-bound").size());
        assertEquals(List.of(3, 3), ROWS.withGil().atLeastThreads(2).stream().map(Speedup::threads).toList());
        assertTrue(ROWS.atLeastThreads(4).isEmpty());
        assertEquals(List.of("CPU-bound", "I/O-bound"), ROWS.workloads());
        assertArrayEquals(new int[]{1, 3}, ROWS.threadCounts());
    }

    @Test
    void isImmutableAndCopiesItsInput() {
        List<Speedup> source = new ArrayList<>(List.of(row("CPU-bound", true, 1, 1.0)));
        Speedups s = Speedups.of(source);
        source.clear();
        assertEquals(1, s.size());
        assertThrows(UnsupportedOperationException.class, () -> s.add(row("x", true, 1, 1)));
        assertThrows(UnsupportedOperationException.class, () -> s.remove(0));
        Speedups more = s.and(List.of(row("CPU-bound", true, 2, 0.9)));
        assertEquals(1, s.size());
        assertEquals(2, more.size());
        assertEquals(0.9, more.at("CPU-bound", true, 2).getAsDouble());
        assertTrue(Speedups.of().isEmpty());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Speedups.of((List<Speedup>) null));
        assertThrows(IllegalArgumentException.class, () -> Speedups.of(row("x", true, 1, 1), null));
        assertThrows(IllegalArgumentException.class, () -> ROWS.and(null));
    }

    @Test
    void sideBySideMatchesWhatBothSidesMeasured() {
        Speedups cpython = Speedups.of(new Speedup("CPU-bound", true, 3, 90, 100, 0.9, "CPU-bound, CPython"),
                new Speedup("CPU-bound", true, 2, 90, 100, 0.9, "CPU-bound, CPython"),
                new Speedup("CPU-bound", false, 3, 190, 100, 1.9, "CPU-bound, CPython free-threaded"));
        List<Speedups.SideBySide> rows = ROWS.sideBySide(cpython);
        assertEquals(List.of(new Speedups.SideBySide("CPU-bound", 3, 0.9, 0.9, 1.9)), rows);
        assertTrue(ROWS.sideBySide(Speedups.of()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ROWS.sideBySide(null));
    }
}
