package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The hand-off protocol respects the switch interval; a thread alone is never asked to drop the lock. */
class GilSwitchIntervalTest {
    private static final Workload CPU_80MS = Workload.cpuBound(Duration.ofMillis(80));

    @Test
    void defaultSwitchIntervalIsCPythonsFiveMilliseconds() {
        assertEquals(Duration.ofMillis(5), GilSimulation.DEFAULT_SWITCH_INTERVAL);
        GilRun run = Gil.simulate(Workload.of("noop", in -> { })).threads(1).run();
        assertEquals(5.0, run.switchIntervalMs(), 1e-9);
    }

    @Test
    void medianHoldIsAboutTheSwitchInterval() {
        GilSimulation sim = Gil.simulate(CPU_80MS).threads(2).switchInterval(Duration.ofMillis(5));
        GilRun run = GilTestSupport.firstSatisfying(3, sim::run,
                r -> r.medianHoldMs() >= 0.8 * 5 && r.medianHoldMs() <= 4 * 5);
        double median = run.medianHoldMs();
        assertEquals(5.0, run.switchIntervalMs(), 1e-9);
        assertTrue(median >= 0.8 * 5, () -> "median hold " + median + " ms < 0.8 × 5 ms: " + run);
        assertTrue(median <= 4 * 5, () -> "median hold " + median + " ms > 4 × 5 ms: " + run);
        assertTrue(run.dropRequests() > 0, run::toString);
        assertTrue(run.switches() > 2, run::toString);
        assertEquals(0, run.overlappingHolds());
    }

    @Test
    void shorterIntervalMeansMoreSwitches() {
        // 80 ms of CPU time per thread, whatever the calibration; up to 3 attempts against bursts of noise
        GilSimulation sim = Gil.simulate(GilTestSupport.cpuTimeBound(Duration.ofMillis(80))).threads(2);
        GilRun[] pair = GilTestSupport.firstSatisfying(3,
                () -> new GilRun[] {sim.switchInterval(Duration.ofMillis(2)).run(),
                    sim.switchInterval(Duration.ofMillis(10)).run()},
                p -> p[0].switches() >= 2 * p[1].switches() && p[0].medianHoldMs() < p[1].medianHoldMs());
        GilRun fast = pair[0];
        GilRun slow = pair[1];
        assertEquals(2.0, fast.switchIntervalMs(), 1e-9);
        assertEquals(10.0, slow.switchIntervalMs(), 1e-9);
        assertTrue(fast.switches() >= 2 * slow.switches(),
                () -> "2 ms interval: " + fast + "; 10 ms interval: " + slow);
        assertTrue(fast.medianHoldMs() < slow.medianHoldMs(),
                () -> "2 ms interval: " + fast.medianHoldMs() + " ms; 10 ms: " + slow.medianHoldMs() + " ms");
    }

    @Test
    void oneThreadAloneNeverSwitches() {
        GilRun run = Gil.simulate(CPU_80MS).threads(1).switchInterval(Duration.ofMillis(1)).run();
        assertTrue(run.switches() <= 1, run::toString);
        assertEquals(0, run.dropRequests(), run::toString);
        assertEquals(1, run.holds().size(), run::toString);
        GilTestSupport.assertSegmentInvariants(run);
    }

    @Test
    void serialRunOnOneThreadNeverSwitches() {
        GilRun run = Gil.simulate(Workload.cpuBound(Duration.ofMillis(10))).threads(4)
                .switchInterval(Duration.ofMillis(1)).runSerially();
        assertTrue(run.switches() <= 1, run::toString);
        assertEquals(0, run.dropRequests(), run::toString);
        assertEquals(4, run.holds().size(), "one hold per task: " + run);
        assertTrue(run.segments().stream().noneMatch(s -> s.kind() == Segment.Kind.WAIT), run::toString);
    }
}
