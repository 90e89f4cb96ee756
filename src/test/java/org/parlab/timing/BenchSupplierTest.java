package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The Supplier overloads, the blackhole they feed, and calls per sample (explicit and calibrated). */
class BenchSupplierTest {
    private static final Runnable NOTHING = () -> { };
    private static final Supplier<Object> CONSTANT = () -> 42;

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void assertNames(String name, String message) {
        assertNotNull(message, "exception has no message");
        Pattern word = Pattern.compile("(?<![A-Za-z])" + Pattern.quote(name) + "(?![A-Za-z])");
        assertTrue(word.matcher(message).find(), () -> "message should name '" + name + "': " + message);
    }

    // ---------------------------------------------------------------- the one absolute time

    @Test
    void aSleepOf20MsMeasuresAbout20Ms() {
        Timing t = Bench.task("sleep", () -> sleep(20)).warmups(0).repeats(5).run();
        assertEquals(5, t.repeats());
        assertEquals(1, t.callsPerSample(), t::summary);
        assertTrue(t.medianMs() >= 19 && t.medianMs() <= 60, t::summary);
    }

    // ---------------------------------------------------------------- counts and the blackhole

    @ParameterizedTest(name = "warmups={0}, repeats={1}, callsPerSample={2}")
    @CsvSource({"0, 1, 1", "0, 1, 10", "3, 7, 1", "2, 5, 100", "1000, 1, 3", "0, 1000, 1", "1, 2, 10000"})
    void explicitCallsPerSampleRunsTheWorkWarmupsPlusRepeatsTimesCalls(int warmups, int repeats,
                                                                      int callsPerSample) {
        AtomicInteger calls = new AtomicInteger();
        Blackhole sink = new Blackhole();
        Timing t = Bench.time("count", warmups, repeats, callsPerSample, calls::incrementAndGet, sink);
        assertEquals(warmups + (long) repeats * callsPerSample, calls.get());
        assertEquals(calls.get(), sink.consumed(), "every result goes into the blackhole");
        assertEquals(repeats, t.repeats());
        assertEquals(callsPerSample, t.callsPerSample());
    }

    @ParameterizedTest(name = "warmups={0}, repeats={1}")
    @CsvSource({"0, 1", "3, 7", "10, 3"})
    void calibratedRunsTheWorkWarmupsPlusCalibrationPlusRepeatsTimesCalls(int warmups, int repeats) {
        AtomicInteger calls = new AtomicInteger();
        Blackhole sink = new Blackhole();
        Timing t = Bench.time("count", warmups, repeats, Bench.AUTO_CALLS, calls::incrementAndGet, sink);
        int c = t.callsPerSample();
        assertEquals(warmups + BenchTest.calibrationCalls(c) + (long) repeats * c, calls.get());
        assertEquals(calls.get(), sink.consumed(), "every result goes into the blackhole");
    }

    @Test
    void publicSupplierOverloadsCountLikeTheRunnableOnes() {
        AtomicInteger calls = new AtomicInteger();
        Timing t = Bench.task("count", calls::incrementAndGet).warmups(2).repeats(3).callsPerSample(5).run();
        assertEquals(2 + 3 * 5, calls.get());
        assertEquals(5, t.callsPerSample());
        calls.set(0);
        t = Bench.task("count", calls::incrementAndGet).warmups(2).repeats(3).run();
        assertEquals(2 + BenchTest.calibrationCalls(t.callsPerSample()) + 3L * t.callsPerSample(), calls.get());
        calls.set(0);
        t = Bench.time("count", calls::incrementAndGet);
        assertEquals(Bench.DEFAULT_WARMUPS + BenchTest.calibrationCalls(t.callsPerSample())
                + (long) Bench.DEFAULT_REPEATS * t.callsPerSample(), calls.get());
        assertEquals(Bench.DEFAULT_REPEATS, t.repeats());
    }

    @Test
    void nullResultsAreConsumedToo() {
        Blackhole sink = new Blackhole();
        Bench.time("null", 1, 2, 3, () -> null, sink);
        assertEquals(1 + 2 * 3, sink.consumed());
    }

    @Test
    void theLargestCallsPerSampleIsAccepted() {
        Blackhole sink = new Blackhole();
        Timing t = Bench.time("max", 0, 1, Bench.MAX_CALLS_PER_SAMPLE, CONSTANT, sink);
        assertEquals(Bench.MAX_CALLS_PER_SAMPLE, t.callsPerSample());
        assertEquals(Bench.MAX_CALLS_PER_SAMPLE, sink.consumed());
    }

    // ---------------------------------------------------------------- calibration

    @Test
    void calibrationGivesManyCallsForATrivialTask() {
        int[] counter = {0};
        Timing r = Bench.task("runnable", () -> {
            counter[0]++;
        }).warmups(3).repeats(3).run();
        Timing s = Bench.task("supplier", () -> counter[0]++).warmups(3).repeats(3).run();
        assertTrue(r.callsPerSample() > 1, r::summary);
        assertTrue(s.callsPerSample() > 1, s::summary);
        assertTrue(r.callsPerSample() <= Bench.MAX_CALLS_PER_SAMPLE);
        BenchTest.calibrationCalls(r.callsPerSample()); // asserts a power of 10
        BenchTest.calibrationCalls(s.callsPerSample());
    }

    @Test
    void calibrationGivesOneCallForA5MsSleep() {
        Timing r = Bench.task("sleep", () -> sleep(5)).warmups(0).repeats(2).run();
        assertEquals(1, r.callsPerSample(), r::summary);
        AtomicInteger calls = new AtomicInteger();
        Timing s = Bench.task("sleep", () -> {
            sleep(5);
            return calls.incrementAndGet();
        }).warmups(0).repeats(2).run();
        assertEquals(1, s.callsPerSample(), s::summary);
        assertEquals(1 + 2, calls.get(), "one calibration call, then one call per sample");
    }

    @Test
    void samplesArePerCall() {
        // every call records when it ran: a sample's per-call time is its batch's span divided by its calls
        int calls = 10;
        int repeats = 3;
        List<long[]> spans = new ArrayList<>();
        Timing t = Bench.task("spin", () -> {
            long start = System.nanoTime();
            spin(200_000);
            long[] span = {start, System.nanoTime()};
            spans.add(span);
            return span;
        }).warmups(0).repeats(repeats).callsPerSample(calls).run();
        assertEquals(calls * repeats, spans.size());
        for (int r = 0; r < repeats; r++) {
            int i = r;
            double batchMs = (spans.get(i * calls + calls - 1)[1] - spans.get(i * calls)[0]) / 1e6;
            double sample = t.samplesMs().get(i);
            assertTrue(sample * calls >= batchMs, () -> "sample " + i + " covers its calls: " + t.samplesMs());
            assertTrue(sample <= 2 * batchMs / calls, () -> "sample " + i + " is per call: " + t.samplesMs()
                    + ", batch " + batchMs + " ms");
        }
    }

    @Test
    void interleavedKeepsOneCallPerSample() {
        Map<String, Timing> t = Bench.interleave("a", NOTHING, "b", NOTHING).warmups(1).repeats(3).run();
        t.values().forEach(timing -> assertEquals(1, timing.callsPerSample()));
    }

    // ---------------------------------------------------------------- bad arguments

    static Stream<Arguments> badArguments() {
        Supplier<?> nullWork = null;
        Runnable nullTask = null;
        Blackhole sink = new Blackhole();
        return Stream.of(
                arguments("supplier null work", "work", (Executable) () -> Bench.time("x", nullWork)),
                arguments("task supplier null work", "work", (Executable) () -> Bench.task("x", nullWork).warmups(1).repeats(1).run()),
                arguments("task supplier callsPerSample null work", "work", (Executable) () -> Bench.task("x", nullWork).warmups(1).repeats(1).callsPerSample(1).run()),
                arguments("task runnable callsPerSample null task", "task", (Executable) () -> Bench.task("x", nullTask).warmups(1).repeats(1).callsPerSample(1).run()),
                arguments("supplier null label", "label", (Executable) () -> Bench.time(null, CONSTANT)),
                arguments("supplier blank label", "label", (Executable) () -> Bench.task(" ", CONSTANT).warmups(1).repeats(1).run()),
                arguments("task runnable callsPerSample blank label", "label", (Executable) () -> Bench.task("", NOTHING).warmups(1).repeats(1).callsPerSample(1).run()),
                arguments("supplier repeats 0", "repeats", (Executable) () -> Bench.task("x", CONSTANT).warmups(1).repeats(0).run()),
                arguments("task supplier callsPerSample repeats 0", "repeats", (Executable) () -> Bench.task("x", CONSTANT).warmups(1).repeats(0).callsPerSample(1).run()),
                arguments("runnable repeats 0", "repeats", (Executable) () -> Bench.task("x", NOTHING).warmups(1).repeats(0).run()),
                arguments("task runnable callsPerSample repeats 0", "repeats", (Executable) () -> Bench.task("x", NOTHING).warmups(1).repeats(0).callsPerSample(1).run()),
                arguments("supplier repeats 1001", "repeats", (Executable) () -> Bench.task("x", CONSTANT).warmups(1).repeats(1001).run()),
                arguments("supplier warmups -1", "warmups", (Executable) () -> Bench.task("x", CONSTANT).warmups(-1).repeats(1).run()),
                arguments("supplier warmups 1001", "warmups",
                        (Executable) () -> Bench.task("x", CONSTANT).warmups(1001).repeats(1).callsPerSample(1).run()),
                arguments("supplier callsPerSample 0", "callsPerSample",
                        (Executable) () -> Bench.task("x", CONSTANT).warmups(1).repeats(1).callsPerSample(0).run()),
                arguments("supplier callsPerSample -1", "callsPerSample",
                        (Executable) () -> Bench.task("x", CONSTANT).warmups(1).repeats(1).callsPerSample(-1).run()),
                arguments("supplier callsPerSample 10^7 + 1", "callsPerSample",
                        (Executable) () -> Bench.task("x", CONSTANT).warmups(1).repeats(1).callsPerSample(Bench.MAX_CALLS_PER_SAMPLE + 1).run()),
                arguments("runnable callsPerSample 0", "callsPerSample",
                        (Executable) () -> Bench.task("x", NOTHING).warmups(1).repeats(1).callsPerSample(0).run()),
                arguments("runnable callsPerSample MAX_VALUE", "callsPerSample",
                        (Executable) () -> Bench.task("x", NOTHING).warmups(1).repeats(1).callsPerSample(Integer.MAX_VALUE).run()),
                arguments("sink null", "sink", (Executable) () -> Bench.time("x", 1, 1, 1, CONSTANT, null)),
                arguments("sink-taking callsPerSample -1", "callsPerSample",
                        (Executable) () -> Bench.time("x", 1, 1, -1, CONSTANT, sink)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void rejectsBadArguments(String description, String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, description);
        assertNames(argument, e.getMessage());
    }

    @Test
    void exactMessagesForZeroRepeatsNullWorkAndCalls() {
        assertEquals("repeats must be in [1, 1000], got 0", assertThrows(IllegalArgumentException.class,
                () -> Bench.task("x", CONSTANT).warmups(0).repeats(0).run()).getMessage());
        assertEquals("work must not be null", assertThrows(IllegalArgumentException.class,
                () -> Bench.task("x", (Supplier<?>) null).warmups(0).repeats(1).run()).getMessage());
        assertEquals("callsPerSample must be in [1, 10000000], got 0", assertThrows(IllegalArgumentException.class,
                () -> Bench.task("x", CONSTANT).warmups(0).repeats(1).callsPerSample(0).run()).getMessage());
    }

    @Test
    void badArgumentsRunNothing() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> Bench.task("x", calls::incrementAndGet).warmups(0).repeats(0).run());
        assertThrows(IllegalArgumentException.class, () -> Bench.task("x", calls::incrementAndGet).warmups(5).repeats(1).callsPerSample(0).run());
        assertThrows(IllegalArgumentException.class, () -> Bench.task(" ", calls::incrementAndGet).warmups(5).repeats(1).callsPerSample(1).run());
        assertEquals(0, calls.get());
    }

    // ---------------------------------------------------------------- interruption

    @Test
    void anInterruptDuringWarmupsStopsTheSupplierOverload() {
        AtomicInteger runs = new AtomicInteger();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bench.task("x", () -> {
                Thread.currentThread().interrupt();
                return runs.incrementAndGet();
            }).warmups(3).repeats(7).run());
            assertTrue(e.getMessage().contains("interrupted"), e::getMessage);
            assertEquals(1, runs.get(), "stops after the first run");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptDuringCalibrationStopsAfterTheFirstBatch() {
        AtomicInteger runs = new AtomicInteger();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bench.task("x", () -> {
                runs.incrementAndGet();
                Thread.currentThread().interrupt();
            }).warmups(0).repeats(7).run());
            assertTrue(e.getMessage().contains("interrupted"), e::getMessage);
            assertEquals(1, runs.get(), "the first calibration batch is one call");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptStopsBetweenSamplesNotWithinOne() {
        AtomicInteger runs = new AtomicInteger();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bench.task("x",
                    () -> {
                        Thread.currentThread().interrupt();
                        return runs.incrementAndGet();
                    }).warmups(0).repeats(7).callsPerSample(5).run());
            assertTrue(e.getMessage().contains("interrupted"), e::getMessage);
            assertEquals(5, runs.get(), "the first sample completes, then timing stops");
        } finally {
            Thread.interrupted();
        }
    }
}
