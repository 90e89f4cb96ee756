package org.parlab.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parlab.timing.Timing;

class MagicsTest {

    @Test
    void optionsComeFirstAndTheRestIsTheExpression() {
        MagicOptions o = Magics.timeitOptions(List.of("-r", "5", "-n", "1_000", "sum(a,", "b)"));
        assertEquals(5, o.number("r", 7));
        assertEquals(1000, o.number("n", 1));
        assertEquals(3, o.number("w", 3));
        assertEquals("sum(a, b)", o.rest());
        assertEquals("x", Magics.prunOptions(List.of("-m", "x")).text("m"));
        assertEquals("-1 + x", Magics.timeitOptions(List.of("-1", "+", "x")).rest()); // not an option: a number
    }

    @Test
    void badOptionsNameTheOptionAndShowTheUsage() {
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> Magics.timeitOptions(List.of("-q", "1", "f()"))).getMessage();
        assertTrue(unknown.contains("unknown option -q") && unknown.contains(Magics.TIMEIT_USAGE), unknown);
        String range = assertThrows(IllegalArgumentException.class,
                () -> Magics.timeitOptions(List.of("-r", "0", "f()"))).getMessage();
        assertTrue(range.contains("-r must be between 1 and 1000, got 0"), range);
        String word = assertThrows(IllegalArgumentException.class,
                () -> Magics.prunOptions(List.of("-i", "fast"))).getMessage();
        assertTrue(word.contains("-i takes a whole number, got 'fast'"), word);
        String missing = assertThrows(IllegalArgumentException.class,
                () -> Magics.memitOptions(List.of("-l"))).getMessage();
        assertTrue(missing.contains("-l needs a value"), missing);
    }

    @Test
    void timeitRunsTheCodeAndKeepsTheResult() {
        int[] calls = {0};
        Timing t = Magics.timeit(Magics.timeitOptions(List.of("-r", "3", "-n", "10")), "count", () -> calls[0]++);
        assertEquals(3, t.repeats());
        assertEquals(10, t.callsPerSample());
        assertTrue(calls[0] >= 3 + 30, "ran " + calls[0] + " times");
        assertEquals(t, Magics.lastTiming());
        assertTrue(Magics.timeitLine(t).matches(".+ per call \\(median ± MAD of 3 runs, 10 calls each\\)"),
                Magics.timeitLine(t));
    }

    @Test
    void theTimeitLineIsTheTimingsSummaryWithoutItsLabel() {
        Timing t = new Timing("sum", java.util.List.of(1.234e-3, 1.3e-3, 1.2e-3), 100);
        assertEquals("1.23 µs ± 34 ns per call (median ± MAD of 3 runs, 100 calls each)", Magics.timeitLine(t));
        assertTrue(t.summary().startsWith("sum: " + Magics.timeitLine(t)), t::summary);
    }
}
