package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A running simulation lets the JVM reach safepoints promptly. Its threads spin in compiled loops for seconds; a
 * loop the JIT compiles without safepoint polls makes every other thread that needs a safepoint (a GC, a stack
 * dump, a time-out firing) wait until the loop ends: a 200 ms time-out once fired after 19.8 s.
 */
class GilSafepointTest {

    @Test
    void stackDumpsStayFastWhileSimulatedThreadsSpin() throws Exception {
        // let the JIT compile the interpreter loops fully (C2), as in a long notebook session
        for (int i = 0; i < 20; i++) {
            Gil.simulate(Workload.cpuBound(Duration.ofMillis(20))).threads(2).withoutGil().run();
            Gil.simulate(Workload.cpuBound(Duration.ofMillis(20))).threads(2).run();
        }
        for (boolean gil : new boolean[] {false, true}) {
            GilSimulation sim = Gil.simulate(Workload.cpuBound(Duration.ofSeconds(20))).threads(2)
                    .timeout(Duration.ofMillis(1500));
            GilSimulation s = gil ? sim : sim.withoutGil();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    s.run();
                } catch (IllegalStateException expectedTimeout) {
                    // the time-out ends the 20 s workload
                }
            });
            Thread.sleep(300);
            long worstMs = 0;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                Thread.getAllStackTraces(); // needs a safepoint
                worstMs = Math.max(worstMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
                Thread.sleep(100);
            }
            run.get(30, TimeUnit.SECONDS);
            long w = worstMs;
            assertTrue(w < 1000, () -> "gil=" + gil + ": a stack dump waited " + w + " ms for the simulated threads");
        }
        GilTestSupport.assertNoSimThreadsAlive();
    }
}
