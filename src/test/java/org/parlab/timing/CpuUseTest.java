package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
            spin(100); // Linux counts a process's CPU time in 10 ms ticks: give it some to count
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

    /**
     * Two CPU-bound child processes started together keep two cores busy; the same two one after the other
     * keep one. The JVM's own CPU time stays out of it.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void childProcessesRunningSideBySideKeepSeveralCoresBusy() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores");
        MachineLoad.startSampling();
        List<Double> atOnce = new ArrayList<>(), inTurn = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            inTurn.add(CpuUse.measure(() -> children(1, 2)).childrenPerWall());
            atOnce.add(CpuUse.measure(() -> children(2, 1)).childrenPerWall());
        }
        Collections.sort(atOnce);
        Collections.sort(inTurn);
        double together = atOnce.get(1), apart = inTurn.get(1);
        assertTrue(apart > 0.5 && apart < 1.15, "two children in turn: " + inTurn);
        // another program on one of the cores makes the two children share the other: that proves nothing
        MachineLoad load = MachineLoad.busiestRecent(Duration.ofSeconds(5));
        assumeTrue(together >= 1.5 || load == null || load.othersCores() < 0.3,
                () -> "the machine was busy (" + load + "); at once: " + atOnce);
        assertTrue(together >= 1.5, "two children at once: " + atOnce + ", load " + load);
    }

    /** Starts {@code atOnce} CPU-bound shell loops of about 0.4 s together, {@code times} times over. */
    private static void children(int atOnce, int times) {
        try {
            for (int t = 0; t < times; t++) {
                List<Process> started = new ArrayList<>();
                for (int i = 0; i < atOnce; i++) {
                    started.add(new ProcessBuilder("/bin/sh", "-c",
                            "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").start());
                }
                for (Process p : started) {
                    assertEquals(0, p.waitFor());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBlockWithoutChildrenHasNoChildrenTime() {
        CpuUse use = CpuUse.measure(() -> spin(50));
        assertTrue(Double.isNaN(use.childrenMs()) || use.childrenMs() == 0, use.toString());
    }

    @Test
    void rejectsNull() {
        var e = assertThrows(IllegalArgumentException.class, () -> CpuUse.measure(null));
        assertEquals("block must not be null", e.getMessage());
    }
}
