package org.parlab.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkersTest {

    private static long liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix + "-")).count();
    }

    @Test
    void runsTheTaskOnceOnEveryWorkerWithItsIndex() {
        Set<Integer> indexes = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        String name;
        try (Workers w = Workers.start(4)) {
            name = w.name();
            w.runOnEach(i -> {
                indexes.add(i);
                threads.add(Thread.currentThread().getName());
                assertTrue(Thread.currentThread().isDaemon());
            });
            assertEquals(Set.of(0, 1, 2, 3), indexes);
            assertTrue(threads.stream().allMatch(t -> t.startsWith(w.name() + "-")), threads.toString());
            assertEquals(4, w.count());
        }
        assertEquals(0, liveThreadsNamed(name), "close() ends every worker");
    }

    @Test
    void aFailingWorkerFailsTheCallWithItsOwnException() {
        IllegalStateException boom = new IllegalStateException("boom");
        try (Workers w = Workers.start(2)) {
            var thrown = assertThrows(IllegalStateException.class, () -> w.runOnEach(i -> {
                if (i == 1) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
            // the team still works afterwards
            w.runOnEach(i -> { });
        }
    }

    @Test
    void interruptingTheCallerCancelsTheWorkers() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicReference<Throwable> callerSaw = new AtomicReference<>();
        try (Workers w = Workers.start(2)) {
            Thread caller = new Thread(() -> {
                try {
                    w.runOnEach(i -> {
                        started.countDown();
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (Throwable t) {
                    callerSaw.set(t);
                }
            });
            caller.start();
            assertTrue(started.await(10, TimeUnit.SECONDS));
            caller.interrupt();
            caller.join(10_000);
            assertTrue(callerSaw.get() instanceof CancellationException, String.valueOf(callerSaw.get()));
        }
    }

    @Test
    void aClosedTeamRefusesWork() {
        Workers w = Workers.start(1);
        w.close();
        assertTrue(w.isClosed());
        var e = assertThrows(IllegalStateException.class, () -> w.runOnEach(i -> { }));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
        w.close(); // twice is fine
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, Workers.MAX_WORKERS + 1})
    void rejectsBadCounts(int bad) {
        var e = assertThrows(IllegalArgumentException.class, () -> Workers.start(bad));
        assertEquals("count must be between 1 and " + Workers.MAX_WORKERS + ", got " + bad, e.getMessage());
    }

    @Test
    void rejectsNullTask() {
        try (Workers w = Workers.start(1)) {
            var e = assertThrows(IllegalArgumentException.class, () -> w.runOnEach(null));
            assertEquals("task must not be null", e.getMessage());
        }
    }
}
