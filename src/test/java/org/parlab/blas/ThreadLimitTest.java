package org.parlab.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The limiter against ND4J's real pools (loads the native libraries). */
class ThreadLimitTest {
    private int blasBefore;
    private int nd4jBefore;

    @BeforeEach
    void setUp() {
        // a known starting point that differs from 1, so a forgotten restore shows
        Nd4j.factory().blas().setMaxThreads(3);
        Nd4j.getEnvironment().setMaxMasterThreads(2);
        blasBefore = Blas.threads();
        nd4jBefore = Nd4j.getEnvironment().maxMasterThreads();
        assertEquals(0, ThreadLimit.openCount(), "a limit leaked from another test");
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, ThreadLimit.openCount(), "a limit was left open");
        int cores = Runtime.getRuntime().availableProcessors();
        Nd4j.factory().blas().setMaxThreads(cores);
        Nd4j.getEnvironment().setMaxMasterThreads(cores);
    }

    @Test
    void limitsInsideTheBlockAndRestoresAfterIt() {
        try (ThreadLimit limit = Blas.limit(1)) {
            assertEquals(1, Blas.threads());
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
            assertEquals(1, limit.blasThreads());
            assertEquals(blasBefore, limit.previousBlasThreads());
            assertEquals(nd4jBefore, limit.previousNd4jThreads());
            // products still compute, and correctly, on one thread
            var a = Nd4j.rand(DataType.DOUBLE, 64, 64);
            var eye = Nd4j.eye(64).castTo(DataType.DOUBLE);
            assertTrue(a.mmul(eye).equalsWithEps(a, 1e-12));
        }
        assertEquals(blasBefore, Blas.threads());
        assertEquals(nd4jBefore, Nd4j.getEnvironment().maxMasterThreads());
    }

    @Test
    void libnd4jCannotGoAboveItsPoolSize() {
        int pool = Nd4j.getEnvironment().maxThreads();
        try (ThreadLimit limit = Blas.limit(pool + 3)) {
            assertEquals(pool + 3, limit.requestedNd4jThreads());
            assertEquals(pool, limit.nd4jThreads());
            assertEquals(pool + 3, limit.blasThreads(), "OpenBLAS takes counts above the cores");
        }
    }

    @Test
    void restoresWhenTheBlockThrows() {
        RuntimeException boom = new RuntimeException("boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
            try (ThreadLimit ignored = Blas.limit(2, 1)) {
                assertEquals(2, Blas.threads());
                assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
                throw boom;
            }
        });
        assertEquals(boom, thrown);
        assertEquals(blasBefore, Blas.threads());
        assertEquals(nd4jBefore, Nd4j.getEnvironment().maxMasterThreads());
    }

    @Test
    void withThreadsRestoresAfterNormalAndExceptionalExit() {
        assertEquals(1, Blas.withThreads(1, () -> Blas.threads()));
        assertEquals(blasBefore, Blas.threads());
        assertThrows(IllegalStateException.class, () -> Blas.withThreads(1, (Runnable) () -> {
            throw new IllegalStateException("x");
        }));
        assertEquals(blasBefore, Blas.threads());
    }

    @Test
    void nestedLimitsRestoreInOrder() {
        try (ThreadLimit outer = Blas.limit(2)) {
            try (ThreadLimit inner = Blas.limit(1)) {
                assertEquals(1, Blas.threads());
                assertEquals(2, inner.previousBlasThreads());
            }
            assertEquals(2, Blas.threads());
            assertFalse(outer.isClosed());
        }
        assertEquals(blasBefore, Blas.threads());
    }

    @Test
    void closingOutOfOrderLeavesTheNewestOpenLimitInForceThenTheBaseline() {
        ThreadLimit first = Blas.limit(2);
        ThreadLimit second = Blas.limit(1);
        first.close();
        assertEquals(1, Blas.threads(), "the newer limit is still open");
        second.close();
        assertEquals(blasBefore, Blas.threads());
        second.close(); // twice: nothing happens
        assertEquals(blasBefore, Blas.threads());
        assertTrue(first.isClosed() && second.isClosed());
    }

    @Test
    void twoThreadsUsingLimitsAtOnceEndAtTheBaseline() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier bothOpen = new CyclicBarrier(2);
                CountDownLatch firstClosed = new CountDownLatch(1);
                // thread A opens 1 and closes first; thread B opens 2 and closes after A: their blocks overlap
                Future<Integer> a = pool.submit(() -> {
                    try (ThreadLimit ignored = Blas.limit(1)) {
                        bothOpen.await(5, TimeUnit.SECONDS);
                    } finally {
                        firstClosed.countDown();
                    }
                    return Blas.threads();
                });
                Future<Integer> b = pool.submit(() -> {
                    try (ThreadLimit ignored = Blas.limit(2)) {
                        bothOpen.await(5, TimeUnit.SECONDS);
                        assertTrue(firstClosed.await(5, TimeUnit.SECONDS));
                        return Blas.threads(); // B's limit is the only one open now
                    }
                });
                int seenByA = a.get(10, TimeUnit.SECONDS);
                int seenByB = b.get(10, TimeUnit.SECONDS);
                assertEquals(2, seenByB);
                assertTrue(seenByA == 2 || seenByA == blasBefore, "after A closed: " + seenByA);
                assertEquals(blasBefore, Blas.threads(), "round " + round);
                assertEquals(nd4jBefore, Nd4j.getEnvironment().maxMasterThreads(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, ThreadLimit.MAX_THREADS + 1})
    void rejectsCountsOutOfRangeAndNamesTheArgument(int bad) {
        var e1 = assertThrows(IllegalArgumentException.class, () -> Blas.limit(bad));
        assertTrue(e1.getMessage().startsWith("threads must be between 1 and"), e1.getMessage());
        assertTrue(e1.getMessage().endsWith("got " + bad), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Blas.limit(bad, 1));
        assertTrue(e2.getMessage().startsWith("blasThreads"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> Blas.limit(1, bad));
        assertTrue(e3.getMessage().startsWith("nd4jThreads"), e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class, () -> Blas.withThreads(bad, () -> 1));
        assertTrue(e4.getMessage().startsWith("threads"), e4.getMessage());
        assertEquals(blasBefore, Blas.threads(), "a refused limit changes nothing");
        assertEquals(0, ThreadLimit.openCount());
    }

    @Test
    void rejectsNullWork() {
        var e = assertThrows(IllegalArgumentException.class, () -> Blas.withThreads(1, (Runnable) null));
        assertEquals("work must not be null", e.getMessage());
        assertEquals(blasBefore, Blas.threads());
    }
}
