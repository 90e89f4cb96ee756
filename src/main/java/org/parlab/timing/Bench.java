package org.parlab.timing;

import java.util.ArrayList;
import java.util.List;

/**
 * Times a task the way the course compares speeds: a few warm-up runs (the JIT compiles hot code during
 * them), then repeated timed runs whose median is the number to compare.
 *
 * <pre>{@code
 * Timing t = Bench.time("sum", () -> sum(data));
 * t.medianMs();
 * }</pre>
 */
public final class Bench {
    /** Warm-up runs by default. */
    public static final int DEFAULT_WARMUPS = 3;
    /** Timed runs by default. */
    public static final int DEFAULT_REPEATS = 7;

    private Bench() {
    }

    /** Times {@code task} with {@value #DEFAULT_WARMUPS} warm-ups and {@value #DEFAULT_REPEATS} timed runs. */
    public static Timing time(String label, Runnable task) {
        return time(label, DEFAULT_WARMUPS, DEFAULT_REPEATS, task);
    }

    /**
     * Times {@code task}: {@code warmups} untimed runs, then {@code repeats} timed ones.
     *
     * @throws IllegalArgumentException if {@code label} is blank, {@code task} is null, {@code warmups} is not in
     *                                  [0, 1000] or {@code repeats} not in [1, 1000]
     */
    public static Timing time(String label, int warmups, int repeats, Runnable task) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        if (warmups < 0 || warmups > 1000) {
            throw new IllegalArgumentException("warmups must be in [0, 1000], got " + warmups);
        }
        if (repeats < 1 || repeats > 1000) {
            throw new IllegalArgumentException("repeats must be in [1, 1000], got " + repeats);
        }
        for (int i = 0; i < warmups; i++) {
            task.run();
            checkInterrupted();
        }
        List<Double> samples = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            task.run();
            samples.add((System.nanoTime() - t0) / 1e6);
            checkInterrupted();
        }
        return new Timing(label, samples);
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted: timing stopped");
        }
    }
}
