package org.parlab.parallel;

/**
 * Amdahl's law: if a fraction {@code s} of a job's time on one worker cannot be parallelized, {@code n} workers
 * speed the whole job up by at most {@code 1 / (s + (1 − s) / n)}, and never by more than {@code 1 / s}.
 */
public final class Amdahl {
    private Amdahl() {
    }

    /**
     * The predicted speed-up of a job with serial fraction {@code serialFraction} on {@code workers} workers.
     *
     * @throws IllegalArgumentException unless 0 ≤ {@code serialFraction} ≤ 1 and {@code workers} ≥ 1
     */
    public static double speedup(double serialFraction, int workers) {
        if (!(serialFraction >= 0 && serialFraction <= 1)) {
            throw new IllegalArgumentException("serialFraction must be in [0, 1], got " + serialFraction);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        return 1.0 / (serialFraction + (1 - serialFraction) / workers);
    }

    /**
     * The largest speed-up any number of workers can give: {@code 1 / serialFraction} (infinite for 0).
     *
     * @throws IllegalArgumentException unless 0 ≤ {@code serialFraction} ≤ 1
     */
    public static double limit(double serialFraction) {
        if (!(serialFraction >= 0 && serialFraction <= 1)) {
            throw new IllegalArgumentException("serialFraction must be in [0, 1], got " + serialFraction);
        }
        return 1.0 / serialFraction;
    }
}
