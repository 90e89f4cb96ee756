package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Without the GIL nothing is recorded: plain Java threads. */
class GilWithoutGilTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cpu", "io", "native"})
    void nothingIsRecorded(String kind) {
        Supplier<Workload> w = switch (kind) {
            case "cpu" -> () -> Workload.cpuBound(Duration.ofMillis(20));
            case "io" -> () -> Workload.ioBound(3, Duration.ofMillis(3), Duration.ofMillis(1));
            default -> () -> Workload.nativeSections(3, Duration.ofMillis(2), Duration.ofMillis(1));
        };
        GilSimulation sim = Gil.simulate(w.get()).threads(2).withoutGil();
        for (GilRun run : new GilRun[] {sim.run(), sim.runSerially()}) {
            assertFalse(run.gil());
            assertTrue(run.segments().isEmpty(), run::toString);
            assertTrue(run.holds().isEmpty());
            assertEquals(0, run.switches());
            assertEquals(0, run.dropRequests());
            assertEquals(0, run.overlappingHolds());
            assertEquals(0.0, run.medianHoldMs());
            assertTrue(run.wallMs() > 0, run::toString);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> run.timeline(0, 50));
            assertTrue(e.getMessage().contains("GIL"), e.getMessage());
            assertTrue(run.toString().contains("without GIL"), run::toString);
        }
    }

    @ParameterizedTest(name = "withGil after withoutGil, {0} threads")
    @ValueSource(ints = {1, 3})
    void withGilRestoresTheLock(int threads) {
        GilRun run = Gil.simulate(Workload.cpuBound(Duration.ofMillis(5))).threads(threads).withoutGil().withGil()
                .run();
        assertTrue(run.gil());
        assertFalse(run.holds().isEmpty(), run::toString);
    }
}
