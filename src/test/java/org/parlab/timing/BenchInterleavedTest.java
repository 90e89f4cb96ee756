package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BenchInterleavedTest {
    private static final Runnable NOTHING = () -> { };

    private static void assertNames(String name, String message) {
        assertNotNull(message, "exception has no message");
        Pattern word = Pattern.compile("(?<![A-Za-z])" + Pattern.quote(name) + "(?![A-Za-z])");
        assertTrue(word.matcher(message).find(), () -> "message should name '" + name + "': " + message);
    }

    private static List<String> expectedOrder(int rounds, String... labels) {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Collections.addAll(order, labels);
        }
        return order;
    }

    @ParameterizedTest(name = "warmups={0}, repeats={1}")
    @CsvSource({"0, 1", "0, 4", "2, 1", "3, 5", "1000, 1", "0, 1000"})
    void twoTasksAlternateAndRunWarmupsPlusRepeatsTimes(int warmups, int repeats) {
        List<String> calls = new ArrayList<>();
        Map<String, Timing> t = Bench.interleave("A", () -> calls.add("A"), "B",
                () -> calls.add("B")).warmups(warmups).repeats(repeats).run();
        assertEquals(expectedOrder(warmups + repeats, "A", "B"), calls);
        assertEquals(List.of("A", "B"), new ArrayList<>(t.keySet()));
        for (Map.Entry<String, Timing> e : t.entrySet()) {
            assertEquals(e.getKey(), e.getValue().label());
            assertEquals(repeats, e.getValue().repeats());
            assertEquals(repeats, e.getValue().samplesMs().size());
            assertTrue(e.getValue().samplesMs().stream().allMatch(ms -> ms >= 0), e.getValue()::toString);
        }
    }

    @ParameterizedTest(name = "warmups={0}, repeats={1}")
    @CsvSource({"0, 1", "1, 3", "4, 2"})
    void mapTasksRunInInsertionOrder(int warmups, int repeats) {
        List<String> calls = new ArrayList<>();
        Map<String, Runnable> tasks = new LinkedHashMap<>();
        for (String label : new String[] {"zeta", "alpha", "mid", "beta"}) {
            tasks.put(label, () -> calls.add(label));
        }
        Map<String, Timing> t = Bench.interleave(tasks).warmups(warmups).repeats(repeats).run();
        assertEquals(expectedOrder(warmups + repeats, "zeta", "alpha", "mid", "beta"), calls);
        assertEquals(List.of("zeta", "alpha", "mid", "beta"), new ArrayList<>(t.keySet()));
        t.values().forEach(timing -> assertEquals(repeats, timing.repeats()));
    }

    @Test
    void singleTaskMapBehavesLikeTime() {
        int[] runs = {0};
        Map<String, Timing> t = Bench.interleave(Map.of("only", () -> runs[0]++)).warmups(2).repeats(3).run();
        assertEquals(5, runs[0]);
        assertEquals(1, t.size());
        assertEquals(3, t.get("only").repeats());
    }

    @Test
    void defaultsAreThoseOfTime() {
        int[] runs = {0};
        Map<String, Timing> t = Bench.interleave(Map.of("only", () -> runs[0]++)).run();
        assertEquals(Bench.DEFAULT_WARMUPS + Bench.DEFAULT_REPEATS, runs[0]);
        assertEquals(Bench.DEFAULT_REPEATS, t.get("only").repeats());
    }

    @Test
    void resultIsIndependentOfTheInputMap() {
        Map<String, Runnable> tasks = new LinkedHashMap<>();
        tasks.put("a", NOTHING);
        Map<String, Timing> t = Bench.interleave(tasks).warmups(0).repeats(2).run();
        tasks.put("b", NOTHING);
        assertEquals(List.of("a"), new ArrayList<>(t.keySet()));
    }

    static Stream<Arguments> badArguments() {
        Map<String, Runnable> ok = Map.of("a", NOTHING);
        Map<String, Runnable> blank = new LinkedHashMap<>();
        blank.put("a", NOTHING);
        blank.put("  ", NOTHING);
        Map<String, Runnable> nullLabel = new HashMap<>();
        nullLabel.put(null, NOTHING);
        Map<String, Runnable> nullTask = new LinkedHashMap<>();
        nullTask.put("a", NOTHING);
        nullTask.put("b", null);
        return Stream.of(
                arguments("map null", "tasks", (Executable) () -> Bench.interleave(null).warmups(0).repeats(1).run()),
                arguments("map empty", "tasks",
                        (Executable) () -> Bench.interleave(Map.of()).warmups(0).repeats(1).run()),
                arguments("map blank label", "label",
                        (Executable) () -> Bench.interleave(blank).warmups(0).repeats(1).run()),
                arguments("map null label", "label",
                        (Executable) () -> Bench.interleave(nullLabel).warmups(0).repeats(1).run()),
                arguments("map null task", "task",
                        (Executable) () -> Bench.interleave(nullTask).warmups(0).repeats(1).run()),
                arguments("map warmups -1", "warmups",
                        (Executable) () -> Bench.interleave(ok).warmups(-1).repeats(1).run()),
                arguments("map warmups 1001", "warmups",
                        (Executable) () -> Bench.interleave(ok).warmups(1001).repeats(1).run()),
                arguments("map repeats 0", "repeats",
                        (Executable) () -> Bench.interleave(ok).warmups(0).repeats(0).run()),
                arguments("map repeats 1001", "repeats",
                        (Executable) () -> Bench.interleave(ok).warmups(0).repeats(1001).run()),
                arguments("pair equal labels", "labelB",
                        (Executable) () -> Bench.interleave("x", NOTHING, "x", NOTHING).warmups(0).repeats(1).run()),
                arguments("pair blank labelA", "labelA",
                        (Executable) () -> Bench.interleave(" ", NOTHING, "b", NOTHING).warmups(0).repeats(1).run()),
                arguments("pair null labelB", "labelB",
                        (Executable) () -> Bench.interleave("a", NOTHING, null, NOTHING).warmups(0).repeats(1).run()),
                arguments("pair both labels null", "labelA",
                        (Executable) () -> Bench.interleave(null, NOTHING, null, NOTHING).warmups(0).repeats(1).run()),
                arguments("pair null taskA", "taskA",
                        (Executable) () -> Bench.interleave("a", null, "b", NOTHING).warmups(0).repeats(1).run()),
                arguments("pair null taskB", "taskB",
                        (Executable) () -> Bench.interleave("a", NOTHING, "b", null).warmups(0).repeats(1).run()),
                arguments("pair warmups -1", "warmups",
                        (Executable) () -> Bench.interleave("a", NOTHING, "b", NOTHING).warmups(-1).repeats(1).run()),
                arguments("pair repeats 0", "repeats",
                        (Executable) () -> Bench.interleave("a", NOTHING, "b", NOTHING).warmups(0).repeats(0).run()),
                arguments("pair repeats 1001", "repeats",
                        (Executable) () -> Bench.interleave("a", NOTHING, "b", NOTHING).repeats(1001).run()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void rejectsBadArguments(String description, String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, description);
        assertNames(argument, e.getMessage());
    }

    @Test
    void badArgumentsRunNothing() {
        List<String> calls = new ArrayList<>();
        assertThrows(IllegalArgumentException.class,
                () -> Bench.interleave("a", () -> calls.add("a"), "b", () -> calls.add("b")).repeats(0).run());
        Map<String, Runnable> withNull = new LinkedHashMap<>();
        withNull.put("a", () -> calls.add("a"));
        withNull.put("b", null);
        assertThrows(IllegalArgumentException.class, () -> Bench.interleave(withNull).warmups(1).repeats(1).run());
        assertEquals(List.of(), calls);
    }

    @Test
    void interruptedCallerStopsTiming() {
        List<String> calls = new ArrayList<>();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bench.interleave("a",
                    () -> {
                        calls.add("a");
                        Thread.currentThread().interrupt();
                    }, "b", () -> calls.add("b")).warmups(0).repeats(5).run());
            assertTrue(e.getMessage().contains("interrupted"), e::getMessage);
            assertEquals(List.of("a"), calls);
        } finally {
            Thread.interrupted(); // clear the flag for the following tests
        }
    }
}
