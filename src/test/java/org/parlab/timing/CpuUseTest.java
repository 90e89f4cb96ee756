package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class CpuUseTest {
    private static final Blackhole SINK = new Blackhole();

    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        SINK.consume(x);
    }

    @Test
    void aBusyBlockUsesCpuAndASleepingOneAlmostNone() {
        CpuUse busy = CpuUse.measure(() -> spin(300));
        CpuUse idle = CpuUse.measure(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.wallMs() >= 300, "wall " + busy.wallMs());
        // even on a loaded machine a spinning thread gets a good share of a core; never more than all cores
        assertTrue(busy.cpuPerWall() >= 0.3, busy.toString());
        assertTrue(busy.cpuPerWall() <= busy.cores() * 1.1 + 0.1, busy.toString());
        assertTrue(idle.cpuPerWall() < busy.cpuPerWall(), idle + " vs " + busy);
        assertEquals(busy.cpuPerWall() / busy.cores(), busy.utilization(), 1e-12);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void linuxReportsSystemTimeAndContextSwitches() {
        CpuUse use = CpuUse.measure(() -> {
            for (int i = 0; i < 50; i++) {
                try {
                    Thread.sleep(1); // each sleep is a voluntary context switch
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertTrue(use.contextSwitches() >= 50, "switches " + use.contextSwitches());
        assertTrue(use.contextSwitchesPerSecond() > 0);
        assertTrue(use.systemMs() >= 0 && use.systemMs() <= use.cpuMs() + 1e-9, use.toString());
        assertTrue(use.systemShare() >= 0 && use.systemShare() <= 1, use.toString());
    }

    @Test
    void rejectsNull() {
        var e = assertThrows(IllegalArgumentException.class, () -> CpuUse.measure(null));
        assertEquals("block must not be null", e.getMessage());
    }
}
