package org.parlab.blas;

import org.parlab.timing.Timing;

/**
 * One configuration of an oversubscription grid: {@code javaThreads} Java threads share out a batch of
 * products, each product running on at most {@code blasThreads} BLAS threads.
 *
 * @param javaThreads   Java threads that call BLAS at the same time
 * @param blasThreads   BLAS threads each call may use ({@link Blas#limit(int)})
 * @param blas          the series label for charts, e.g. {@code "1 BLAS thread per call"}
 * @param threadsWanted Java threads × BLAS threads: the threads that want a core at once
 * @param medianMs      the median time of one batch, in milliseconds
 * @param spreadPercent the scatter of the batch's rounds (MAD / median), in percent
 * @param gflops        the batch's rate, in GFLOP/s (the batch's floating-point operations / median time)
 */
public record GridPoint(int javaThreads, int blasThreads, String blas, int threadsWanted, double medianMs,
                        double spreadPercent, double gflops) {

    /**
     * A grid point from a batch's timing.
     *
     * @param flops the floating-point operations of one batch (e.g. {@code 2.0 * n * n * n * products})
     * @throws IllegalArgumentException if a thread count is below 1, {@code timing} is null or {@code flops} ≤ 0
     */
    public static GridPoint of(int javaThreads, int blasThreads, Timing timing, double flops) {
        if (javaThreads < 1 || blasThreads < 1) {
            throw new IllegalArgumentException("javaThreads and blasThreads must be at least 1, got " + javaThreads
                    + " and " + blasThreads);
        }
        if (timing == null) {
            throw new IllegalArgumentException("timing must not be null");
        }
        if (!(flops > 0)) {
            throw new IllegalArgumentException("flops must be > 0, got " + flops);
        }
        double ms = timing.medianMs();
        return new GridPoint(javaThreads, blasThreads, blasThreads + " BLAS thread" + (blasThreads > 1 ? "s" : "")
                + " per call", javaThreads * blasThreads, ms, 100 * timing.spread(), flops / (ms / 1e3) / 1e9);
    }

    /** The configuration's name, {@link ProductGrid#label(int, int)}, e.g. {@code "8 Java × 1 BLAS"}. */
    public String name() {
        return ProductGrid.label(javaThreads, blasThreads);
    }

    /** Whether more threads want a core than there are {@code cores}: Java threads × BLAS threads &gt; cores. */
    public boolean oversubscribes(int cores) {
        return threadsWanted > cores;
    }
}
