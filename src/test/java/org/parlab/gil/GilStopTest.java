package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run stops all its threads when interrupted, when a task fails and at its time-out. */
class GilStopTest {
    private static final Duration LONG = Duration.ofSeconds(20);

    @AfterEach
    void noThreadLeftBehind() {
        GilTestSupport.assertNoSimThreadsAlive();
    }

    private static Supplier<GilSimulation> simulation(String kind) {
        return switch (kind) {
            case "cpu, with GIL" -> () -> Gil.simulate(Workload.cpuBound(LONG)).threads(2).withGil();
            case "cpu, without GIL" -> () -> Gil.simulate(Workload.cpuBound(LONG)).threads(2).withoutGil();
            case "cpu, 4 threads, 1 ms interval" -> () -> Gil.simulate(Workload.cpuBound(LONG)).threads(4)
                    .switchInterval(Duration.ofMillis(1));
            case "blocking I/O, with GIL" -> () -> Gil.simulate(Workload.of("sleep", in -> in.blockingIo(LONG)))
                    .threads(2);
            case "blocking I/O, without GIL" -> () -> Gil.simulate(Workload.of("sleep", in -> in.blockingIo(LONG)))
                    .threads(2).withoutGil();
            case "I/O-bound mix, with GIL" -> () -> Gil.simulate(
                    Workload.ioBound(10_000, Duration.ofMillis(2), Duration.ofMillis(1))).threads(3);
            case "native code, with GIL" -> () -> Gil.simulate(
                    Workload.nativeSections(2, Duration.ofSeconds(20), Duration.ofMillis(1))).threads(2);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cpu, with GIL", "cpu, without GIL", "cpu, 4 threads, 1 ms interval",
        "blocking I/O, with GIL", "blocking I/O, without GIL", "I/O-bound mix, with GIL", "native code, with GIL"})
    void interruptingRunStopsAllThreads(String kind) throws InterruptedException {
        GilSimulation sim = simulation(kind).get(); // builds the workload (and calibrates) before timing starts
        Throwable thrown = GilTestSupport.interruptAfter(200, 3000, sim::run);
        assertInstanceOf(CancellationException.class, thrown, () -> "run() threw " + thrown);
        GilTestSupport.assertNoSimThreadsAlive();
    }

    @Test
    void interruptingSerialRunStopsItsThread() throws InterruptedException {
        GilSimulation sim = simulation("cpu, with GIL").get();
        Throwable thrown = GilTestSupport.interruptAfter(200, 3000, sim::runSerially);
        assertInstanceOf(CancellationException.class, thrown, () -> "runSerially() threw " + thrown);
        GilTestSupport.assertNoSimThreadsAlive();
    }

    @ParameterizedTest(name = "gil={0}")
    @ValueSource(booleans = {true, false})
    void failingTaskFailsTheRun(boolean gil) {
        RuntimeException boom = new RuntimeException("boom");
        GilSimulation sim = Gil.simulate(Workload.of("boom", in -> {
            in.bytecodes(100);
            throw boom;
        })).threads(3);
        sim = gil ? sim : sim.withoutGil();
        for (Supplier<GilRun> run : java.util.List.<Supplier<GilRun>>of(sim::run, sim::runSerially)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, run::get);
            assertSame(boom, e.getCause(), () -> "cause of " + e);
            assertTrue(e.getMessage().contains("boom"), e::getMessage);
            GilTestSupport.assertNoSimThreadsAlive();
        }
    }

    @ParameterizedTest(name = "gil={0}")
    @ValueSource(booleans = {true, false})
    void failureOfTheFirstThreadStopsTheOthersPromptly(boolean gil) {
        RuntimeException boom = new RuntimeException("first thread failed");
        GilSimulation sim = Gil.simulate(Workload.of("first fails", in -> {
            if (in.index() == 0) {
                throw boom;
            }
            in.blockingIo(LONG);
        })).threads(3);
        sim = gil ? sim : sim.withoutGil();
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, sim::run);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertSame(boom, e.getCause());
        assertTrue(tookMs < 5000, "the run took " + tookMs + " ms to notice the failure");
    }

    /**
     * Documents a bug: GilSimulation.execute joins the worker threads in index order and checks for a failure only
     * after each join returns, so a failure of thread 1 goes unnoticed while thread 0 is still running (here: until
     * its 20 s sleep ends). Enable once the run notices failures as they happen.
     */

    @Test
    void failureOfALaterThreadStopsTheOthersPromptly() {
        RuntimeException boom = new RuntimeException("second thread failed");
        GilSimulation sim = Gil.simulate(Workload.of("second fails", in -> {
            if (in.index() == 1) {
                throw boom;
            }
            in.blockingIo(LONG);
        })).threads(2);
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, sim::run);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertSame(boom, e.getCause());
        assertTrue(tookMs < 5000, "the run took " + tookMs + " ms to notice the failure");
    }

    @ParameterizedTest(name = "gil={0}")
    @ValueSource(booleans = {true, false})
    void timeoutStopsTheRun(boolean gil) {
        GilSimulation sim = Gil.simulate(Workload.cpuBound(LONG)).threads(2).timeout(Duration.ofMillis(200));
        sim = gil ? sim : sim.withoutGil();
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, sim::run);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e.getMessage().contains("time-out"), e::getMessage);
        assertTrue(tookMs < 5000, "the 200 ms time-out took " + tookMs + " ms");
        GilTestSupport.assertNoSimThreadsAlive();
    }

    @Test
    void timeoutStopsABlockedIoRun() {
        GilSimulation sim = Gil.simulate(Workload.of("sleep", in -> in.blockingIo(LONG))).threads(2)
                .timeout(Duration.ofMillis(200));
        IllegalStateException e = assertThrows(IllegalStateException.class, sim::runSerially);
        assertTrue(e.getMessage().contains("time-out"), e::getMessage);
        GilTestSupport.assertNoSimThreadsAlive();
    }

    @Test
    void theCallerRemainsUsableAfterARunFails() {
        GilSimulation bad = Gil.simulate(Workload.of("boom", in -> {
            throw new IllegalStateException("bad");
        })).threads(2);
        assertThrows(IllegalStateException.class, bad::run);
        assertTrue(!Thread.currentThread().isInterrupted(), "a failed run must not leave the caller interrupted");
        GilRun ok = Gil.simulate(Workload.cpuBound(Duration.ofMillis(5))).threads(2).run();
        assertTrue(ok.wallMs() > 0);
    }
}
