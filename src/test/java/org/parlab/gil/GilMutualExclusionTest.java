package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulated GIL never has two holders at once, whatever the workload. */
class GilMutualExclusionTest {

    static Stream<Arguments> workloads() {
        Supplier<Workload> cpu = () -> Workload.cpuBound(Duration.ofMillis(30));
        Supplier<Workload> io = () -> Workload.ioBound(5, Duration.ofMillis(4), Duration.ofMillis(1));
        Supplier<Workload> nat = () -> Workload.nativeSections(5, Duration.ofMillis(3), Duration.ofMillis(1));
        return Stream.of(
                arguments("CPU-bound", cpu, 2), arguments("CPU-bound", cpu, 4),
                arguments("I/O-bound", io, 2), arguments("I/O-bound", io, 4),
                arguments("native sections", nat, 2), arguments("native sections", nat, 4));
    }

    @ParameterizedTest(name = "{0}, {2} threads")
    @MethodSource("workloads")
    void neverTwoHoldersAtOnce(String name, Supplier<Workload> workload, int threads) {
        GilRun run = Gil.simulate(workload.get()).threads(threads).withGil().run();

        assertEquals(0, run.overlappingHolds(), run::toString);
        assertFalse(run.holds().isEmpty(), run::toString);
        GilTestSupport.assertSegmentInvariants(run);
        assertEquals(name, run.workload());
        assertEquals(threads, run.threads());
        assertTrue(run.gil());
        assertFalse(run.serial());
        assertTrue(run.wallMs() > 0, run::toString);
        for (Segment s : run.holds()) {
            assertEquals(Segment.Kind.HOLD, s.kind());
        }
    }

    @Test
    void everyThreadHoldsTheLockAtSomePoint() {
        GilRun run = Gil.simulate(Workload.cpuBound(Duration.ofMillis(30))).threads(4).run();
        for (int t = 0; t < 4; t++) {
            final int thread = t;
            assertTrue(run.holds().stream().anyMatch(s -> s.thread() == thread), () -> "thread " + thread
                    + " never held the lock: " + run);
        }
        GilTestSupport.assertSegmentInvariants(run);
    }

    @Test
    void serialRunAlsoRecordsDisjointHolds() {
        GilRun run = Gil.simulate(Workload.nativeSections(3, Duration.ofMillis(2), Duration.ofMillis(1))).threads(3)
                .runSerially();
        assertTrue(run.serial());
        assertEquals(0, run.overlappingHolds(), run::toString);
        GilTestSupport.assertSegmentInvariants(run);
    }

    @Test
    void sameWorkGivesTheSameChecksumInEveryMode() {
        Workload w = Workload.nativeSections(3, Duration.ofMillis(2), Duration.ofMillis(2));
        GilSimulation sim = Gil.simulate(w).threads(3);
        long withGil = sim.run().checksum();
        assertEquals(withGil, sim.runSerially().checksum(), "serial run does the same work");
        assertEquals(withGil, sim.withoutGil().run().checksum(), "run without the GIL does the same work");
        assertEquals(withGil, sim.withoutGil().runSerially().checksum());
    }
}
