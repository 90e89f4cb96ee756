package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The bundled script through CPython: its build information, the free-threaded run, the thread counts asked for. */
class CPythonTest {
    @Test
    void interpreterSaysWhatItIs() {
        assumeTrue(CPython.available(), "no Python 3");
        CPython.Build b = CPython.interpreter();
        assertTrue(b.version().matches("3\\.\\d+.*"), b::toString);
        assertEquals(CPython.python(), b.executable());
        if (!b.freeThreaded()) {
            assertTrue(b.gilEnabled(), "a default build always has its GIL on: " + b);
        }
    }

    @Test
    void measuresOnlyTheThreadCountsAskedFor() {
        assumeTrue(CPython.available(), "no Python 3");
        Speedups s = CPython.gil().threads(1, 3).repeats(1).cpuWork(Duration.ofMillis(5))
                .io(1, Duration.ofMillis(1), Duration.ofMillis(1)).nativeSections(1, Duration.ofMillis(1),
                        Duration.ofMillis(1)).switchInterval(Duration.ofMillis(2)).measure();
        assertEquals(6, s.size());
        assertTrue(s.at("CPU-bound", true, 3).isPresent());
        assertTrue(s.at("CPU-bound", true, 2).isEmpty());
        assertTrue(s.stream().allMatch(Speedup::gil));
        assertEquals("I/O-bound, CPython", s.find("I/O-bound", true, 1).orElseThrow().series());
    }

    @Test
    void freeThreadedRunsCpuBoundWithoutTheGilOrSaysItNeedsTheBuild() {
        assumeTrue(CPython.available(), "no Python 3");
        CPython ft = CPython.freeThreaded().threads(1, 2).repeats(1).cpuWork(Duration.ofMillis(5));
        if (CPython.interpreter().freeThreaded()) {
            Speedups s = ft.measure();
            assertEquals(2, s.size());
            assertTrue(s.stream().noneMatch(Speedup::gil));
            assertEquals("CPU-bound, CPython free-threaded", s.get(0).series());
        } else {
            String m = assertThrows(IllegalStateException.class, ft::measure).getMessage();
            assertTrue(m.contains("free-threaded"), m);
        }
    }

    @Test
    void switchIntervalIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> CPython.gil().switchInterval(Duration.ofNanos(1)));
        assertThrows(IllegalArgumentException.class, () -> CPython.gil().switchInterval(null));
        assertFalse(CPython.gil().switchInterval(Duration.ofMillis(1)) == null);
    }
}
