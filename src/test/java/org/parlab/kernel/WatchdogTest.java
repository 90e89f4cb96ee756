package org.parlab.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.parlab.agent.CellClasses;

/**
 * The watchdog against JJava's execution model, imitated: cells run on a cached pool of {@code jjava-exec-*}
 * threads, and an interrupt cancels the cell's future. (tests/test_robustness.py checks the real kernel.)
 */
class WatchdogTest {
    private static final ExecutorService CELLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jjava-exec-test-" + System.nanoTime());
        t.setDaemon(true);
        return t;
    });

    /** A runaway loop compiled "from a cell": instrumented as the kernel's agent instruments cells. */
    private static final Class<?> CELL = CellClasses.load("REPL.CellCode");

    static {
        CellClasses.agentInstalled();
        Watchdog.install();
    }

    private static void spin() {
        try {
            CellClasses.call(CELL, "spin");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leavesTheKernelsOwnLoopsAloneWhenTheyAreBusyBetweenCells() throws Exception {
        // JJava's shell loop compiles each cell before a cell thread runs it: busy while no cell runs
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread shell = new Thread(() -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
            double x = 0;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.set(true);
                }
            }
        }, "Shell-7");
        shell.setDaemon(true);
        shell.start();
        shell.join(10_000);
        assertFalse(interrupted.get(), "the watchdog interrupted the kernel's shell loop");
        assertTrue(Watchdog.isKernelLoop(new Thread(() -> { }, "Heartbeat-0")));
        assertFalse(Watchdog.isKernelLoop(new Thread(() -> { }, "my-Shell-0-worker")));
    }

    @Test
    void stopsAnInterruptedCellThatIgnoresTheInterrupt() throws Exception {
        AtomicReference<Thread> cellThread = new AtomicReference<>();
        Future<?> cell = CELLS.submit(() -> {
            cellThread.set(Thread.currentThread());
            spin();
        });
        Thread.sleep(500);
        cell.cancel(true); // what JJava's interrupt does
        // the stopped cell ends; JJava's pool (like this one) keeps the thread, which goes back to waiting
        Thread t = cellThread.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (t.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(t.getState() != Thread.State.RUNNABLE, "the cell thread still runs 5 s after the interrupt");
        assertTrue(Watchdog.stoppedCount() >= 1);
    }

    @Test
    void stopsAThreadAnInterruptedCellLeftBusyOnceNoCellRuns() throws Exception {
        AtomicReference<Thread> runaway = new AtomicReference<>();
        Future<?> cell = CELLS.submit(() -> {
            Thread r = new Thread(WatchdogTest::spin, "left-behind");
            r.setDaemon(true);
            r.start();
            runaway.set(r);
            Thread.sleep(60_000);
            return null;
        });
        Thread.sleep(500);
        cell.cancel(true);
        runaway.get().join(6000);
        assertFalse(runaway.get().isAlive(), "the thread left behind still runs 6 s after its cell ended");
    }

    @Test
    void stopsAVirtualThreadAnInterruptedCellLeftBusy() throws Exception {
        AtomicReference<Thread> runaway = new AtomicReference<>();
        Future<?> cell = CELLS.submit(() -> {
            runaway.set(Thread.ofVirtual().name("left-behind-virtual").start(WatchdogTest::spin));
            Thread.sleep(60_000);
            return null;
        });
        Thread.sleep(500);
        cell.cancel(true);
        runaway.get().join(java.time.Duration.ofSeconds(6));
        assertFalse(runaway.get().isAlive(), "the virtual thread left behind still runs 6 s after its cell ended");
    }

    @Test
    void leavesBusyThreadsAloneWhileTheirCellRuns() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<?> cell = CELLS.submit(() -> {
            Thread w = new Thread(() -> {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                double x = 0;
                while (System.nanoTime() < end) {
                    x += Math.sqrt(x + 1);
                }
            }, "legit-worker");
            w.start();
            worker.set(w);
            w.join(); // the cell waits for its worker, as runOnEach does
            return null;
        });
        cell.get(10, TimeUnit.SECONDS);
        assertTrue(cell.isDone() && !cell.isCancelled());
        assertFalse(worker.get().isAlive());
    }
}
