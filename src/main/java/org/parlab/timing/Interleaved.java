package org.parlab.timing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Several tasks timed <em>interleaved</em>, configured fluently and started with {@link #run()}:
 *
 * <pre>{@code
 * Map<String, Timing> t = Bench.interleave(tasks).warmups(1).repeats(9)
 *         .pauseBetween(Duration.ofMillis(150)).showProgress().run();
 * }</pre>
 *
 * Each round runs every task once, in the map's order, so a burst of noise hits all of them alike. Each
 * sample is one call. A pause between tasks lets the threads a task woke (a BLAS library's workers spin for
 * a while before they sleep) settle before the next task is timed; it is not part of any sample.
 */
public final class Interleaved {
    /** The longest pause between tasks. */
    public static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    /** The options, validated together; {@code progress} null prints nothing. */
    private record Settings(int warmups, int repeats, Duration pause, PrintStream progress) {
        Settings {
            Bench.checkCounts(warmups, repeats);
            if (pause == null || pause.isNegative() || pause.compareTo(MAX_PAUSE) > 0) {
                throw new IllegalArgumentException("pauseBetween must be between 0 and " + MAX_PAUSE.toSeconds()
                        + " s, got " + pause);
            }
        }

        Settings warmups(int n) {
            return new Settings(n, repeats, pause, progress);
        }

        Settings repeats(int n) {
            return new Settings(warmups, n, pause, progress);
        }

        Settings pause(Duration d) {
            return new Settings(warmups, repeats, d, progress);
        }

        Settings progress(PrintStream out) {
            return new Settings(warmups, repeats, pause, out);
        }
    }

    private final Map<String, Runnable> tasks;
    private final Settings settings;

    private Interleaved(Map<String, Runnable> tasks, Settings settings) {
        this.tasks = tasks;
        this.settings = settings;
    }

    static Interleaved of(Map<String, Runnable> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks must hold at least one label → task");
        }
        Map<String, Runnable> copy = new LinkedHashMap<>();
        tasks.forEach((label, task) -> {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("tasks: every label must be non-blank");
            }
            if (task == null) {
                throw new IllegalArgumentException("tasks: the task for '" + label + "' is null");
            }
            copy.put(label, task);
        });
        return new Interleaved(copy, new Settings(Bench.DEFAULT_WARMUPS, Bench.DEFAULT_REPEATS, Duration.ZERO, null));
    }

    /** Untimed rounds before the timed ones (default {@value Bench#DEFAULT_WARMUPS}). */
    public Interleaved warmups(int count) {
        return with(settings.warmups(count));
    }

    /** Timed rounds (default {@value Bench#DEFAULT_REPEATS}). */
    public Interleaved repeats(int count) {
        return with(settings.repeats(count));
    }

    /** A pause before every task, warm-ups included, untimed (default none). */
    public Interleaved pauseBetween(Duration duration) {
        return with(settings.pause(duration));
    }

    /** Prints one short progress line per round to {@code System.out} (for cells that take more than seconds). */
    public Interleaved showProgress() {
        return with(settings.progress(System.out));
    }

    private Interleaved with(Settings changed) {
        return new Interleaved(tasks, changed);
    }

    /** How long the pauses alone will take: (warm-up + timed rounds) × tasks × pause. */
    public Duration totalPause() {
        return settings.pause().multipliedBy((long) (settings.warmups() + settings.repeats()) * tasks.size());
    }

    /**
     * Runs the warm-up rounds, waits for the JIT to go quiet, runs the timed rounds.
     *
     * @return label → timing, in the tasks' order
     * @throws IllegalStateException if the calling thread is interrupted (the cell's interrupt button)
     */
    public Map<String, Timing> run() {
        MeasurementWindow.mark();
        long start = System.nanoTime();
        for (int i = 0; i < settings.warmups(); i++) {
            for (Runnable task : tasks.values()) {
                pause();
                task.run();
                Bench.checkInterrupted();
            }
            report("warm-up " + (i + 1) + "/" + settings.warmups(), start);
        }
        Jit.awaitQuiet(Bench.QUIET_WAIT);
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        tasks.keySet().forEach(label -> samples.put(label, new ArrayList<>(settings.repeats())));
        for (int i = 0; i < settings.repeats(); i++) {
            for (Map.Entry<String, Runnable> e : tasks.entrySet()) {
                pause();
                long t0 = System.nanoTime();
                e.getValue().run();
                samples.get(e.getKey()).add((System.nanoTime() - t0) / 1e6);
                Bench.checkInterrupted();
            }
            report("round " + (i + 1) + "/" + settings.repeats(), start);
        }
        Map<String, Timing> result = new LinkedHashMap<>();
        samples.forEach((label, s) -> result.put(label, new Timing(label, s)));
        return result;
    }

    private void pause() {
        Duration pause = settings.pause();
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Bench.checkInterrupted();
        }
    }

    private void report(String what, long start) {
        PrintStream progress = settings.progress();
        if (progress != null) {
            progress.printf(Locale.ROOT, "%s done (%.1f s)%n", what, (System.nanoTime() - start) / 1e9);
            progress.flush();
        }
    }
}
