package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** GilRun.breakdown splits a run's wall time into holding the lock and the gaps between holds. */
class GilBreakdownTest {
    @Test
    void holdingPlusGapsIsTheWallTime() {
        GilRun run = new GilRun("w", true, 2, false, 5, 10.0,
                List.of(new Segment(0, Segment.Kind.HOLD, 0, 4_000_000), new Segment(1, Segment.Kind.HOLD, 5_000_000,
                        9_000_000)), 1, 1, 0);
        GilRun.Breakdown b = run.breakdown("two holds");
        assertEquals("two holds", b.run());
        assertEquals(8.0, b.holdingMs(), 1e-9);
        assertEquals(2.0, b.gapMs(), 1e-9);
        assertEquals(10.0, b.wallMs(), 1e-9);
        assertEquals(1, b.switches());
    }

    @Test
    void aRealRunHoldsTheLockForMostOfItsTime() {
        GilRun run = Gil.simulate(Workload.cpuBound(Duration.ofMillis(10))).threads(2).run();
        GilRun.Breakdown b = run.breakdown("real");
        assertEquals(run.wallMs(), b.holdingMs() + b.gapMs(), 1e-9);
        assertTrue(b.holdingMs() > 0 && b.holdingMs() <= run.wallMs() + 1e-9, b::toString);
    }
}
