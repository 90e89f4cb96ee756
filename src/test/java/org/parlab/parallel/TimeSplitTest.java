package org.parlab.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.parlab.debug.ThreadCensus;

class TimeSplitTest {
    private static double sink;

    @Test
    void sleepingTasksShowAsWaiting() {
        TimeSplit s = TimeSplit.measure(2, 10, () -> {
            try { Thread.sleep(20); } catch (InterruptedException e) { throw new IllegalStateException(e); }
        });
        assertTrue(s.waitShare() > 0.6, s.toString());
        assertTrue(s.cpuShare() < 0.3, s.toString());
        assertTrue(s.wallMs() >= 5 * 20 * 0.9, s.toString());
    }

    @Test
    void computingTasksShowAsComputingOrReady() {
        TimeSplit s = TimeSplit.measure(1, 20, () -> {
            double x = 0.5;
            for (int k = 0; k < 500_000; k++) x = 3.9 * x * (1 - x);
            sink += x;
        });
        assertTrue(s.waitShare() < 0.3, s.toString());
        assertEquals(1, s.cpuShare() + s.waitShare() + s.readyShare(), 1e-9);
    }

    @Test
    void runsEveryTaskOnceAndLeavesNoThread() {
        ThreadCensus before = ThreadCensus.take();
        AtomicInteger runs = new AtomicInteger();
        TimeSplit s = TimeSplit.measure(3, 7, runs::incrementAndGet);
        assertEquals(7, runs.get());
        assertEquals(3, s.threads());
        assertEquals(List.of(), before.newThreadsAlive());
    }

    @Test
    void aFailingTaskFailsTheMeasurement() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TimeSplit.measure(2, 4, () -> { throw new ArithmeticException("boom"); }));
        assertTrue(e.getCause() instanceof ArithmeticException);
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> TimeSplit.measure(0, 1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> TimeSplit.measure(1, 0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> TimeSplit.measure(1, 1, null));
    }
}
