package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every task of a run completes, exactly once, on the thread index it was given. */
class GilCompletionTest {

    private static Set<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} threads, gil={1}")
    @CsvSource({"1, true", "2, true", "3, true", "8, true", "1, false", "2, false", "3, false", "8, false"})
    void eachTaskRunsExactlyOnce(int threads, boolean gil) {
        AtomicInteger calls = new AtomicInteger();
        Set<Integer> indices = ConcurrentHashMap.newKeySet();
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        Workload counting = Workload.of("counting", in -> {
            calls.incrementAndGet();
            indices.add(in.index());
            threadNames.add(Thread.currentThread().getName());
            in.bytecodes(2_000);
            in.nativeCode(100);
            in.blockingIo(Duration.ZERO);
        });
        GilSimulation sim = Gil.simulate(counting).threads(threads);
        sim = gil ? sim.withGil() : sim.withoutGil();

        GilRun parallel = sim.run();
        assertEquals(threads, calls.get(), "run() calls the task once per thread");
        assertEquals(range(threads), indices);
        assertEquals(threads, threadNames.size(), "one Java thread per task: " + threadNames);
        assertTrue(threadNames.stream().allMatch(n -> n.startsWith(GilTestSupport.SIM_THREAD_PREFIX)), threadNames::toString);
        assertEquals(threads, parallel.threads());
        assertFalse(parallel.serial());
        assertEquals(gil, parallel.gil());
        assertEquals("counting", parallel.workload());

        calls.set(0);
        indices.clear();
        threadNames.clear();
        GilRun serial = sim.runSerially();
        assertEquals(threads, calls.get(), "runSerially() calls the task once per thread index");
        assertEquals(range(threads), indices);
        assertEquals(1, threadNames.size(), "all tasks on one Java thread: " + threadNames);
        assertEquals(threads, serial.threads());
        assertTrue(serial.serial());
        assertEquals(gil, serial.gil());
        GilTestSupport.assertNoSimThreadsAlive();
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3})
    void ioWaitsAreRecordedForEveryThread(int threads) {
        GilRun run = Gil.simulate(Workload.ioBound(3, Duration.ofMillis(3), Duration.ofMillis(1))).threads(threads)
                .run();
        for (int t = 0; t < threads; t++) {
            final int thread = t;
            long ios = run.segments().stream().filter(s -> s.thread() == thread && s.kind() == Segment.Kind.IO).count();
            assertEquals(3, ios, () -> "I/O waits of thread " + thread + ": " + run.segments());
            assertTrue(run.holds().stream().anyMatch(s -> s.thread() == thread), () -> "thread " + thread);
        }
        assertTrue(run.segments().stream().noneMatch(s -> s.kind() == Segment.Kind.NATIVE), run::toString);
        GilTestSupport.assertSegmentInvariants(run);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void nativeSectionsAreRecordedForEveryThread(int threads) {
        GilRun run = Gil.simulate(Workload.nativeSections(4, Duration.ofMillis(2), Duration.ofMillis(1)))
                .threads(threads).run();
        for (int t = 0; t < threads; t++) {
            final int thread = t;
            long nat = run.segments().stream().filter(s -> s.thread() == thread && s.kind() == Segment.Kind.NATIVE)
                    .count();
            assertEquals(4, nat, () -> "native sections of thread " + thread + ": " + run.segments());
        }
        assertTrue(run.segments().stream().noneMatch(s -> s.kind() == Segment.Kind.IO), run::toString);
        GilTestSupport.assertSegmentInvariants(run);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 4})
    void serialIoRunRecordsEveryTaskIndex(int threads) {
        GilRun run = Gil.simulate(Workload.ioBound(2, Duration.ofMillis(2), Duration.ZERO)).threads(threads)
                .runSerially();
        Set<Integer> withIo = run.segments().stream().filter(s -> s.kind() == Segment.Kind.IO)
                .map(Segment::thread).collect(Collectors.toSet());
        assertEquals(range(threads), withIo);
        GilTestSupport.assertSegmentInvariants(run);
    }
}
