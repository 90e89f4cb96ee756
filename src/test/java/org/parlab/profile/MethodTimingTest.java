package org.parlab.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** JFR's method timing: exact counts of the methods named, and clear errors for bad names. */
class MethodTimingTest {
    static double step(double x) {
        return x * 1.0001 + 1;
    }

    static double loop(int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += step(i);
        }
        return s;
    }

    @Test
    void countsEveryCallExactly() {
        assumeTrue(MethodTiming.isAvailable(), "JFR method timing needs Java 25+");
        loop(100_000); // compiled before timing, as a lesson's warm-up does
        MethodTiming.Result r = MethodTiming.of(MethodTimingTest.class.getName() + "::step",
                MethodTimingTest.class.getName() + "::loop").run(() -> loop(12_345) + loop(10));
        MethodTime step = r.time(MethodTimingTest.class.getName() + ".step");
        assertEquals(12_355, step.invocations(), r.methods().toString());
        assertEquals(2, r.time(MethodTimingTest.class.getName() + ".loop").invocations());
        assertTrue(step.minimumMs() <= step.averageMs() && step.averageMs() <= step.maximumMs(), step.toString());
        assertEquals(2, r.table().rowCount());
        assertTrue(r.wallMs() > 0);
    }

    @Test
    void aCellMethodIsLookedUpInTheKernel() {
        CellMethods.resolveWith(name -> name.equals("step") ? List.of("REPL.$JShell$3", "REPL.$JShell$9") : List.of());
        try {
            assertEquals("REPL.$JShell$9::step;java.lang.Math::sqrt", MethodTiming.of("step", "java.lang.Math::sqrt").filter());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodTiming.of("nosuch").filter());
            assertTrue(e.getMessage().contains("no method 'nosuch' is defined in a cell"), e.getMessage());
        } finally {
            CellMethods.resolveWith(name -> List.of());
        }
        assertEquals("step", MethodTiming.displayName("REPL.$JShell$9", "step"));
        assertEquals("java.lang.Math.sqrt", MethodTiming.displayName("java.lang.Math", "sqrt"));
    }

    @Test
    void badNamesAreRefusedWithTheName() {
        for (String[] bad : new String[][] {{}, {"a b"}, {""}, {null}, {"x::"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodTiming.of(bad));
            assertTrue(e.getMessage().startsWith("methods"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MethodTiming.of("step").run(null));
        assertThrows(IllegalArgumentException.class, () -> CellMethods.resolveWith(null));
    }
}
