package org.parlab.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.parlab.debug.ThreadCensus;

class ScalingTest {

    @Test
    void runsEveryPieceOncePerRunAndTheSerialPartEveryTime() {
        LongAdder pieces = new LongAdder();
        AtomicInteger serial = new AtomicInteger();
        ScalingResult r = Scaling.of("count", 10, i -> pieces.increment()).serialPart(serial::incrementAndGet)
                .workers(2, 3).warmups(1).repeats(2).run();
        // 3 configurations × (1 warm-up + 2 timed) runs
        assertEquals(3 * 3, serial.get());
        assertEquals(3 * 3 * 10, pieces.sum());
        assertEquals(List.of(1, 2, 3), r.points().stream().map(ScalingPoint::workers).toList());
        assertEquals(1.0, r.speedup(1), 1e-12);
        assertEquals(r.speedup(2) / 2, r.efficiency(2), 1e-12);
        assertEquals(3, r.toTable().rowCount());
        assertTrue(r.plot().png().length > 1000);
        assertEquals(3, r.largestUpTo(3).orElseThrow().workers());
        assertEquals(2, r.largestUpTo(2).orElseThrow().workers());
        assertEquals(3, r.largestUpTo(100).orElseThrow().workers());
        assertTrue(r.largestUpTo(1).isEmpty(), "the serial baseline is not a parallel point");
    }

    @Test
    void leavesNoThreadBehind() {
        ThreadCensus before = ThreadCensus.take();
        Scaling.of("nothing", 4, i -> { }).workers(4).warmups(0).repeats(1).run();
        assertEquals(List.of(), before.newThreadsAlive());
    }

    @Test
    void aFailingPieceFailsTheRunAndStillClosesTheTeams() {
        ThreadCensus before = ThreadCensus.take();
        var e = assertThrows(IllegalStateException.class, () -> Scaling.of("boom", 4, i -> {
            throw new IllegalStateException("piece " + i);
        }).workers(2).run());
        assertTrue(e.getMessage().startsWith("piece"));
        assertEquals(List.of(), before.newThreadsAlive());
    }

    @Test
    void rejectsBadArgumentsAndNamesThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scaling.of(" ", 1, i -> { })).getMessage()
                .startsWith("label"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scaling.of("x", 0, i -> { })).getMessage()
                .startsWith("pieces"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scaling.of("x", 1, null)).getMessage()
                .startsWith("piece"));
        Scaling s = Scaling.of("x", 1, i -> { });
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.workers(1)).getMessage().startsWith("workers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.workers()).getMessage().startsWith("workers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.repeats(0)).getMessage().startsWith("repeats"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.warmups(-1)).getMessage().startsWith("warmups"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.serialPart(null)).getMessage()
                .startsWith("serialPart"));
        ScalingResult r = s.workers(2).warmups(0).repeats(1).run();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.at(5)).getMessage().startsWith("workers"));
    }
}
