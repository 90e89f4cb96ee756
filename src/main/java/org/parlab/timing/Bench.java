package org.parlab.timing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Times several tasks <em>interleaved</em>: each round runs every task once, in order, so a burst of
     * noise (another process, a GC, the JIT compiling in the background) hits all of them alike and the
     * ratios of their medians stay fair. Use it whenever a notebook compares tasks.
     *
     * @param tasks label → task, timed in the map's iteration order (use a {@code LinkedHashMap}, or the
     *              two-task overload)
     * @return label → timing, in the same order
     * @throws IllegalArgumentException if {@code tasks} is null or empty, holds a blank label or null task,
     *                                  or {@code warmups}/{@code repeats} are out of range
     */
    public static Map<String, Timing> interleaved(int warmups, int repeats, Map<String, Runnable> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks must hold at least one label → task");
        }
        tasks.forEach((label, task) -> {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("tasks: every label must be non-blank");
            }
            if (task == null) {
                throw new IllegalArgumentException("tasks: the task for '" + label + "' is null");
            }
        });
        if (warmups < 0 || warmups > 1000) {
            throw new IllegalArgumentException("warmups must be in [0, 1000], got " + warmups);
        }
        if (repeats < 1 || repeats > 1000) {
            throw new IllegalArgumentException("repeats must be in [1, 1000], got " + repeats);
        }
        for (int i = 0; i < warmups; i++) {
            for (Runnable task : tasks.values()) {
                task.run();
                checkInterrupted();
            }
        }
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        tasks.keySet().forEach(label -> samples.put(label, new ArrayList<>(repeats)));
        for (int i = 0; i < repeats; i++) {
            for (Map.Entry<String, Runnable> e : tasks.entrySet()) {
                long t0 = System.nanoTime();
                e.getValue().run();
                samples.get(e.getKey()).add((System.nanoTime() - t0) / 1e6);
                checkInterrupted();
            }
        }
        Map<String, Timing> result = new LinkedHashMap<>();
        samples.forEach((label, s) -> result.put(label, new Timing(label, s)));
        return result;
    }

    /** Two tasks, interleaved: see {@link #interleaved(int, int, Map)}. Labels must differ. */
    public static Map<String, Timing> interleaved(int warmups, int repeats, String labelA, Runnable taskA,
                                                  String labelB, Runnable taskB) {
        if (labelA == null || labelA.isBlank()) {
            throw new IllegalArgumentException("labelA must not be blank");
        }
        if (labelB == null || labelB.isBlank()) {
            throw new IllegalArgumentException("labelB must not be blank");
        }
        if (taskA == null) {
            throw new IllegalArgumentException("taskA must not be null");
        }
        if (taskB == null) {
            throw new IllegalArgumentException("taskB must not be null");
        }
        if (labelA.equals(labelB)) {
            throw new IllegalArgumentException("labelB must differ from labelA, both are '" + labelA + "'");
        }
        Map<String, Runnable> tasks = new LinkedHashMap<>();
        tasks.put(labelA, taskA);
        tasks.put(labelB, taskB);
        return interleaved(warmups, repeats, tasks);
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted: timing stopped");
        }
    }
}
