package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InterleavedTest {

    @Test
    void runsRoundsInOrderAndLeavesThePauseOutOfTheSamples() {
        List<String> calls = new ArrayList<>();
        Map<String, Runnable> tasks = new LinkedHashMap<>();
        tasks.put("a", () -> calls.add("a"));
        tasks.put("b", () -> calls.add("b"));
        Map<String, Timing> t = Bench.interleave(tasks).warmups(1).repeats(3).pauseBetween(Duration.ofMillis(30)).run();
        assertEquals(List.of("a", "b", "a", "b", "a", "b", "a", "b"), calls);
        assertEquals(List.of("a", "b"), List.copyOf(t.keySet()));
        for (Timing timing : t.values()) {
            assertEquals(3, timing.repeats());
            // each sample is one near-empty call: the 30 ms pause before it is not in it
            assertTrue(timing.maxMs() < 25, timing.toString());
        }
    }

    @Test
    void showProgressPrintsOneLinePerRound() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Bench.interleave(Map.of("x", () -> { })).warmups(2).repeats(3).showProgress().run();
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(5, text.lines().count(), text);
        assertTrue(text.contains("warm-up 2/2 done"), text);
        assertTrue(text.contains("round 3/3 done"), text);
    }

    @Test
    void totalPauseCountsEveryTaskOfEveryRound() {
        var i = Bench.interleave(Map.of("x", () -> { }, "y", () -> { })).warmups(1).repeats(4)
                .pauseBetween(Duration.ofMillis(100));
        assertEquals(Duration.ofMillis(1000), i.totalPause());
    }

    @Test
    void rejectsBadSettingsAndNamesThem() {
        var base = Bench.interleave(Map.of("x", () -> { }));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.repeats(0)).getMessage().startsWith("repeats"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.warmups(-1)).getMessage().startsWith("warmups"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.pauseBetween(null)).getMessage()
                .startsWith("pauseBetween"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.pauseBetween(Duration.ofMillis(-1)))
                .getMessage().startsWith("pauseBetween"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.pauseBetween(Duration.ofMinutes(1)))
                .getMessage().startsWith("pauseBetween"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bench.interleave(null)).getMessage()
                .startsWith("tasks"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bench.interleave(Map.of())).getMessage()
                .startsWith("tasks"));
    }
}
