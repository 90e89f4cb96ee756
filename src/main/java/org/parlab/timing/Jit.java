package org.parlab.timing;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

/**
 * The JIT compiler, seen from a notebook. After every cell, JShell's compiler has just run, and the JVM's JIT
 * compiles its hot methods on background threads for a while: on a two-core machine those threads take a core
 * away from whatever is measured next. {@link #awaitQuiet(Duration)} waits for them to finish first.
 */
public final class Jit {
    private static final long POLL_MS = 20;
    private static final int QUIET_POLLS = 3;

    private Jit() {
    }

    /**
     * Waits until the JIT has compiled nothing for {@value #QUIET_POLLS} × {@value #POLL_MS} ms, or until
     * {@code atMost} has passed. "Nothing" means both that no compilation finished (the JVM's compilation-time
     * counter, which moves only when one does) and that the compiler threads used no CPU (their clocks in
     * {@code /proc/self/task}, on Linux): one large method can keep a C2 thread busy for seconds without
     * finishing, and the counter alone would call that quiet.
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
        long lastTicks = compilerTicks();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            long now = jit.getTotalCompilationTime();
            long ticks = compilerTicks();
            quiet = now == last && ticks == lastTicks ? quiet + 1 : 0;
            last = now;
            lastTicks = ticks;
            if (quiet >= QUIET_POLLS) {
                return true;
            }
        }
        return false;
    }

    /** CPU clock ticks of the JIT's compiler threads so far (HotSpot's "C1/C2 CompilerThread"), 0 off Linux. */
    static long compilerTicks() {
        return ThreadTicks.byName().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
