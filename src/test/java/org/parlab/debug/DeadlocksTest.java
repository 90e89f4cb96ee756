package org.parlab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

class DeadlocksTest {

    private static Thread locker(String name, ReentrantLock first, ReentrantLock second, CountDownLatch bothHoldOne) {
        Thread t = new Thread(() -> {
            try {
                first.lockInterruptibly();
                try {
                    bothHoldOne.countDown();
                    bothHoldOne.await();
                    second.lockInterruptibly();
                    second.unlock();
                } finally {
                    first.unlock();
                }
            } catch (InterruptedException e) {
                // the way out of the deadlock
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    @Test
    void findsBothThreadsOfADeadlockAndNothingOnceTheyAreInterrupted() throws Exception {
        assertFalse(Deadlocks.find().found(), "a deadlock before the test: " + Deadlocks.find());
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch latch = new CountDownLatch(2);
        Thread t1 = locker("test-left", a, b, latch);
        Thread t2 = locker("test-right", b, a, latch);
        t1.start();
        t2.start();
        DeadlockReport report = Deadlocks.await(Duration.ofSeconds(10));
        assertTrue(report.found(), "no deadlock found");
        assertEquals(List.of("test-left", "test-right"), report.threadNames().stream().sorted().toList());
        for (DeadlockReport.Entry e : report.threads()) {
            assertTrue(e.waitsFor().contains("ReentrantLock"), e.waitsFor());
            assertTrue(e.heldBy().startsWith("test-"), e.heldBy());
            assertTrue(e.waitingAt().contains("lambda"), e.waitingAt());
        }
        assertEquals(2, report.toTable().rowCount());
        assertTrue(report.toString().startsWith("deadlock between 2 threads"));

        t1.interrupt();
        t2.interrupt();
        t1.join(5000);
        t2.join(5000);
        assertFalse(t1.isAlive() || t2.isAlive());
        assertFalse(Deadlocks.find().found());
        assertEquals("no deadlock", Deadlocks.find().toString());
    }

    @Test
    void awaitGivesUpAfterItsTimeout() {
        long t0 = System.nanoTime();
        assertFalse(Deadlocks.await(Duration.ofMillis(100)).found());
        assertTrue((System.nanoTime() - t0) / 1e6 >= 90);
    }

    @Test
    void rejectsBadTimeouts() {
        assertThrows(IllegalArgumentException.class, () -> Deadlocks.await(null));
        assertThrows(IllegalArgumentException.class, () -> Deadlocks.await(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> Deadlocks.await(Duration.ofHours(1)));
    }
}
