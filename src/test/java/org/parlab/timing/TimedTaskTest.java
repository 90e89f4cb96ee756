package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@link Bench#task}: the one-task builder, in the shape of {@link Interleaved}. */
class TimedTaskTest {

    @Test
    void optionsReturnANewBuilderAndLeaveTheOldOneAsItWas() {
        AtomicInteger calls = new AtomicInteger();
        TimedTask base = Bench.task("count", calls::incrementAndGet).callsPerSample(1);
        TimedTask more = base.warmups(2).repeats(5);
        assertNotSame(base, more);
        assertEquals("TimedTask[count, warmups=3, repeats=7, callsPerSample=1]", base.toString());
        assertEquals("TimedTask[count, warmups=2, repeats=5, callsPerSample=1]", more.toString());

        more.run();
        assertEquals(2 + 5, calls.get(), "warm-ups + repeats × 1 call");
        calls.set(0);
        base.run();
        assertEquals(3 + 7, calls.get(), "the first builder kept the defaults");
    }

    @Test
    void aConfiguredTaskCanRunAgain() {
        AtomicInteger calls = new AtomicInteger();
        TimedTask t = Bench.task("again", () -> { calls.incrementAndGet(); }).warmups(0).repeats(3).callsPerSample(2);
        Timing first = t.run();
        Timing second = t.run();
        assertEquals(2 * (3 * 2), calls.get());
        assertEquals(3, first.repeats());
        assertEquals(3, second.repeats());
        assertEquals(2, second.callsPerSample());
    }

    @Test
    void timeIsTaskRunWithTheDefaults() {
        AtomicInteger calls = new AtomicInteger();
        Timing t = Bench.time("defaults", () -> { calls.incrementAndGet(); sleepMs(3); });
        assertEquals(Bench.DEFAULT_REPEATS, t.repeats());
        assertEquals(1, t.callsPerSample(), "a 3 ms task needs one call per sample");
        assertEquals(Bench.DEFAULT_WARMUPS + 1 + Bench.DEFAULT_REPEATS, calls.get(), "warm-ups, 1 calibration call, samples");
    }

    @Test
    void aBadOptionNamesItselfAndKeepsNoHalfBuiltState() {
        TimedTask t = Bench.task("x", () -> 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.repeats(0));
        assertTrue(e.getMessage().startsWith("repeats must be in [1, 1000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.warmups(-1));
        assertTrue(e.getMessage().startsWith("warmups must be in [0, 1000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.callsPerSample(0));
        assertTrue(e.getMessage().startsWith("callsPerSample must be in [1, "), e.getMessage());
        assertEquals("TimedTask[x, warmups=3, repeats=7, callsPerSample=calibrated]", t.toString());
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
