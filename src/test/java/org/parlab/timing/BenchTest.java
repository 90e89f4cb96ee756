package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BenchTest {
    private static final Runnable NOTHING = () -> { };

    @Test
    void defaultsAreThreeWarmupsAndSevenRepeats() {
        assertEquals(3, Bench.DEFAULT_WARMUPS);
        assertEquals(7, Bench.DEFAULT_REPEATS);
        AtomicInteger runs = new AtomicInteger();
        Timing t = Bench.time("count", runs::incrementAndGet);
        int calls = t.callsPerSample();
        assertEquals(Bench.DEFAULT_WARMUPS + calibrationCalls(calls) + (long) Bench.DEFAULT_REPEATS * calls,
                runs.get());
        assertEquals(Bench.DEFAULT_REPEATS, t.repeats());
        assertEquals("count", t.label());
    }

    /** The calls calibration makes before choosing {@code callsPerSample} (a power of 10): 1 + 10 + … + it. */
    static long calibrationCalls(int callsPerSample) {
        assertEquals(1, Long.toString(callsPerSample).replace("0", "").length(),
                "callsPerSample is a power of 10: " + callsPerSample);
        return (10L * callsPerSample - 1) / 9;
    }

    @ParameterizedTest(name = "warmups={0}, repeats={1}")
    @CsvSource({"0, 1", "0, 5", "2, 1", "5, 4", "1000, 1", "0, 1000"})
    void runsTheTaskWarmupsPlusRepeatsTimes(int warmups, int repeats) {
        // one call per sample, so no calibration: exactly warmups + repeats runs
        AtomicInteger runs = new AtomicInteger();
        Timing t = Bench.task("task", () -> {
            runs.incrementAndGet();
        }).warmups(warmups).repeats(repeats).callsPerSample(1).run();
        assertEquals(warmups + repeats, runs.get());
        assertEquals(repeats, t.repeats());
        assertEquals(repeats, t.samplesMs().size());
        assertEquals(1, t.callsPerSample());
    }

    @ParameterizedTest(name = "warmups={0}, repeats={1}")
    @CsvSource({"0, 1", "0, 5", "2, 1", "5, 4", "1000, 1", "0, 30"})
    void withCalibrationRunsTheTaskWarmupsPlusCalibrationPlusRepeatsTimesCalls(int warmups, int repeats) {
        AtomicInteger runs = new AtomicInteger();
        Timing t = Bench.task("task", () -> {
            runs.incrementAndGet();
        }).warmups(warmups).repeats(repeats).run();
        int calls = t.callsPerSample();
        assertEquals(warmups + calibrationCalls(calls) + (long) repeats * calls, runs.get());
        assertEquals(repeats, t.repeats());
        assertEquals(repeats, t.samplesMs().size());
    }

    @Test
    void samplesAreNonNegativeAndConsistent() {
        Timing t = Bench.task("sum", () -> {
            long s = 0;
            for (int i = 0; i < 10_000; i++) {
                s += i;
            }
            if (s < 0) {
                throw new AssertionError();
            }
        }).warmups(1).repeats(9).run();
        for (double ms : t.samplesMs()) {
            assertTrue(ms >= 0, "sample " + ms);
        }
        assertTrue(t.minMs() <= t.medianMs() && t.medianMs() <= t.maxMs(), t::toString);
    }

    @Test
    void onlyTheTimedRunsAreSampled() {
        AtomicInteger calls = new AtomicInteger();
        Timing t = Bench.task("order", calls::incrementAndGet).warmups(4).repeats(3).run();
        assertEquals(4 + calibrationCalls(t.callsPerSample()) + 3L * t.callsPerSample(), calls.get());
        assertEquals(3, t.samplesMs().size());
        Timing once = Bench.task("order", calls::incrementAndGet).warmups(4).repeats(3).callsPerSample(1).run();
        assertEquals(4 + calibrationCalls(t.callsPerSample()) + 3L * t.callsPerSample() + 4 + 3, calls.get());
        assertEquals(3, once.samplesMs().size());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void blankLabelIsRejected(String label) {
        AtomicInteger runs = new AtomicInteger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bench.time(label, runs::incrementAndGet));
        assertEquals("label must not be blank", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bench.task(label, runs::incrementAndGet).warmups(1).repeats(1).run());
        assertEquals(0, runs.get(), "the task never runs");
    }

    @Test
    void nullTaskIsRejected() {
        // a bare null matches both the Runnable and the Supplier overload: the caller must say which
        assertEquals("task must not be null",
                assertThrows(IllegalArgumentException.class, () -> Bench.time("x", (Runnable) null)).getMessage());
        assertEquals("task must not be null", assertThrows(IllegalArgumentException.class,
                () -> Bench.task("x", (Runnable) null).warmups(0).repeats(1).run()).getMessage());
    }

    @ParameterizedTest(name = "warmups={0}, repeats={1}")
    @CsvSource(delimiter = '|', value = {
            "-1          | 7          | warmups must be in [0, 1000], got -1",
            "1001        | 7          | warmups must be in [0, 1000], got 1001",
            "-2147483648 | 7          | warmups must be in [0, 1000], got -2147483648",
            "3           | 0          | repeats must be in [1, 1000], got 0",
            "3           | -1         | repeats must be in [1, 1000], got -1",
            "3           | 1001       | repeats must be in [1, 1000], got 1001",
            "3           | 2147483647 | repeats must be in [1, 1000], got 2147483647"})
    void countsOutOfRangeAreRejected(int warmups, int repeats, String message) {
        AtomicInteger runs = new AtomicInteger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bench.task("x", runs::incrementAndGet).warmups(warmups).repeats(repeats).run());
        assertEquals(message, e.getMessage());
        assertEquals(0, runs.get(), "the task never runs");
    }

    @Test
    void anExceptionFromTheTaskPropagates() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertEquals(boom, assertThrows(IllegalStateException.class,
                () -> Bench.task("x", () -> {
                    throw boom;
                }).warmups(0).repeats(1).run()));
    }

    @Test
    void anInterruptStopsTheTiming() {
        AtomicInteger runs = new AtomicInteger();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bench.task("x", () -> {
                runs.incrementAndGet();
                Thread.currentThread().interrupt();
            }).warmups(3).repeats(7).run());
            assertTrue(e.getMessage().contains("interrupted"), e::getMessage);
            assertEquals(1, runs.get(), "stops after the first run");
        } finally {
            Thread.interrupted(); // clear the flag for the other tests
        }
    }
}
