package org.parlab.timing;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The JIT compiler, seen from a notebook. After every cell, JShell's compiler has just run, and the JVM's JIT
 * compiles its hot methods on background threads for a while: on a two-core machine those threads take a core
 * away from whatever is measured next. {@link #awaitQuiet(Duration)} waits for them to finish first.
 */
public final class Jit {
    private static final long POLL_MS = 10;
    private static final int QUIET_POLLS = 3;

    private Jit() {
    }

    /**
     * Waits until the JIT has compiled nothing for {@value #QUIET_POLLS} × {@value #POLL_MS} ms, or until
     * {@code atMost} has passed.
     *
     * @return true if the JIT went quiet, false if the time ran out (or the JVM does not report compilation time)
     * @throws IllegalArgumentException unless 0 ≤ {@code atMost} ≤ 1 minute
     */
    public static boolean awaitQuiet(Duration atMost) {
        if (atMost == null || atMost.isNegative() || atMost.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("atMost must be between 0 and 1 minute, got " + atMost);
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return false;
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        long last = jit.getTotalCompilationTime();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            long now = jit.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
            if (quiet >= QUIET_POLLS) {
                return true;
            }
        }
        return false;
    }
}
