package org.parlab.timing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times a task the way the course compares speeds: a few warm-up runs (the JIT compiles hot code during
 * them), then repeated timed runs whose median is the number to compare.
 *
 * <pre>{@code
 * Timing t = Bench.time("sum", () -> sum(data));   // a value: the Supplier overload consumes it
 * t.medianMs();                                    // milliseconds per call
 * t.summary();  // sum: 593 µs ± 12.1 µs per call (median ± MAD of 7 runs, 100 calls each)
 *
 * Bench.task("sum", () -> sum(data)).warmups(1).repeats(9).run();   // the same, with its options set
 * Bench.interleave(tasks).warmups(1).repeats(9).run();              // several tasks, round by round
 * }</pre>
 *
 * One shape throughout: a builder ({@link TimedTask}, {@link Interleaved}, {@link Sandwich}) whose options
 * return a new builder, and {@code run()} that measures; {@code time(label, work)} is the one-task shortcut
 * with the defaults ({@value #DEFAULT_WARMUPS} warm-ups, {@value #DEFAULT_REPEATS} timed samples).
 *
 * <h2>Calls per sample</h2>
 * A call that lasts a microsecond cannot be timed alone: the clock's resolution and the cost of reading it
 * are of the same order. So, like IPython's {@code %timeit}, one timed sample may run the task several times
 * in a row, and {@link Timing#samplesMs()} holds the sample's time divided by its calls. Unless told how many
 * calls a sample makes, {@code time} <em>calibrates</em> after the warm-ups: it times 1 call, then 10, 100,
 * … in a row until one batch lasts at least {@value #MIN_SAMPLE_MS} ms (or reaches
 * {@value #MAX_CALLS_PER_SAMPLE} calls), and takes that batch size. Calibration therefore runs the task
 * 1 + 10 + … + {@code callsPerSample} = (10 × {@code callsPerSample} − 1) / 9 extra times (once for a task
 * of 2 ms or more), on top of {@code warmups + repeats × callsPerSample}.
 *
 * <h2>Runnable or Supplier</h2>
 * A task that computes a value and drops it may be compiled away. Give {@code time} a lambda that returns the
 * value, {@code () -> sum(data)}, and Java picks the {@code Supplier} overload, which feeds every result into
 * a {@link Blackhole}; a lambda with a statement block and no {@code return}, {@code () -> { x++; }}, or a
 * call of a {@code void} method picks the {@code Runnable} one. (Java cannot choose for a method reference
 * to an <em>overloaded</em> method or a bare {@code null}: write a lambda, or cast.)
 */
public final class Bench {
    /**
     * After the warm-ups, timing waits (at most this long) until the JIT compiler's background threads are
     * idle: they compile what the warm-ups made hot, and on a two-core machine they would take a core from
     * the first timed runs.
     */
    static final java.time.Duration QUIET_WAIT = java.time.Duration.ofSeconds(1);

    /** Warm-up runs by default. */
    public static final int DEFAULT_WARMUPS = 3;
    /** Timed runs by default. */
    public static final int DEFAULT_REPEATS = 7;
    /** Calibration picks the smallest power of 10 calls per sample whose sample lasts at least this long. */
    public static final double MIN_SAMPLE_MS = 2.0;
    /** The most calls one sample may make (10⁷), chosen or calibrated. */
    public static final int MAX_CALLS_PER_SAMPLE = 10_000_000;
    /** Most warm-up runs. */
    static final int MAX_WARMUPS = 1000;
    /** Most timed runs. */
    static final int MAX_REPEATS = 1000;
    /** {@code callsPerSample} meaning: calibrate. */
    static final int AUTO_CALLS = 0;

    private static final long MIN_SAMPLE_NANOS = (long) (MIN_SAMPLE_MS * 1e6);

    private Bench() {
    }

    /**
     * Times {@code task} with the defaults ({@value #DEFAULT_WARMUPS} warm-ups, {@value #DEFAULT_REPEATS} timed
     * samples, calibrated calls per sample): {@code Bench.task(label, task).run()}. Use
     * {@link #task(String, Runnable)} to set them.
     *
     * @return the timing, in milliseconds per call
     * @throws IllegalArgumentException if {@code label} is blank or {@code task} is null
     * @throws IllegalStateException    if the thread is interrupted (checked between runs and samples)
     */
    public static Timing time(String label, Runnable task) {
        return task(label, task).run();
    }

    /**
     * Times {@code work} with the defaults ({@value #DEFAULT_WARMUPS} warm-ups, {@value #DEFAULT_REPEATS} timed
     * samples, calibrated calls per sample), feeding every result into a {@link Blackhole} so that the JIT
     * cannot drop the work: {@code Bench.task(label, work).run()}. Use {@link #task(String, Supplier)} to set
     * them.
     *
     * @return the timing, in milliseconds per call
     * @throws IllegalArgumentException if {@code label} is blank or {@code work} is null
     * @throws IllegalStateException    if the thread is interrupted (checked between runs and samples)
     */
    public static Timing time(String label, Supplier<?> work) {
        return task(label, work).run();
    }

    /**
     * A task to time, configured fluently: {@code Bench.task("sum", () -> sum(data)).warmups(1).repeats(9).run()},
     * with {@code .callsPerSample(n)} to skip calibration (see {@link TimedTask}).
     *
     * @throws IllegalArgumentException if {@code label} is blank or {@code task} is null
     */
    public static TimedTask task(String label, Runnable task) {
        return TimedTask.of(label, task);
    }

    /**
     * A task whose every result, of the warm-ups and calibration too, goes into a {@link Blackhole}: see
     * {@link #task(String, Runnable)}. Consuming a result costs a nanosecond or two per call (and boxing, if
     * the work returns a primitive): measurable only for work of a few nanoseconds.
     *
     * @throws IllegalArgumentException if {@code label} is blank or {@code work} is null
     */
    public static TimedTask task(String label, Supplier<?> work) {
        return TimedTask.of(label, work, new Blackhole());
    }

    /**
     * {@code task(label, work)} with the blackhole given and the counts set ({@code callsPerSample}
     * {@value #AUTO_CALLS} calibrates). Package-private so that tests can count what {@code sink} consumed.
     */
    static Timing time(String label, int warmups, int repeats, int callsPerSample, Supplier<?> work,
                       Blackhole sink) {
        TimedTask t = TimedTask.of(label, work, sink).warmups(warmups).repeats(repeats);
        return (callsPerSample == AUTO_CALLS ? t : t.callsPerSample(callsPerSample)).run();
    }

    /**
     * Times several tasks <em>interleaved</em>: each round runs every task once, in order, so a burst of
     * noise (another process, a GC, the JIT compiling in the background) hits all of them alike and the
     * ratios of their medians stay fair. Use it whenever a notebook compares tasks:
     * {@code Bench.interleave(tasks).warmups(2).repeats(9).run()}, with {@code .pauseBetween(...)} and
     * {@code .showProgress()} where a cell needs them (see {@link Interleaved}).
     *
     * <p>Every sample is one call ({@link Timing#callsPerSample()} is 1, no calibration): interleaving is for
     * tasks long enough to time one call at a time (a millisecond or more). Each task runs exactly
     * {@code warmups + repeats} times (by default {@value #DEFAULT_WARMUPS} and {@value #DEFAULT_REPEATS}, as
     * for {@link #time}). A task's result is not consumed: add it to a sink the notebook keeps, as in
     * {@code () -> sink[0] += work()}.
     *
     * @param tasks label → task, timed in the map's iteration order (use a {@code LinkedHashMap}, or the
     *              two-task form)
     * @throws IllegalArgumentException if {@code tasks} is null or empty, or holds a blank label or null task
     */
    public static Interleaved interleave(Map<String, Runnable> tasks) {
        return Interleaved.of(tasks);
    }

    /**
     * Two tasks, interleaved, {@code labelA}'s first in every round: see {@link #interleave(Map)}.
     *
     * @throws IllegalArgumentException if a label is blank, a task is null, or the labels are equal
     */
    public static Interleaved interleave(String labelA, Runnable taskA, String labelB, Runnable taskB) {
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
        return Interleaved.of(tasks);
    }

    /**
     * Compares tasks with a baseline, each task's run between two baseline runs, counting only the rounds in
     * which the machine kept its speed: see {@link Sandwich}.
     * {@code Bench.sandwich("plain", () -> plainMs()).versus("profiled", () -> profiledMs()).rounds(5).run()}.
     *
     * @param baselineLabel a name for the baseline
     * @param baselineMs    runs the baseline once and returns its time in milliseconds
     * @throws IllegalArgumentException if {@code baselineLabel} is blank or {@code baselineMs} is null
     */
    public static Sandwich sandwich(String baselineLabel, java.util.function.DoubleSupplier baselineMs) {
        return Sandwich.of(baselineLabel, baselineMs);
    }

    static Timing measure(String label, int warmups, int repeats, int callsPerSample, Runnable task) {
        MeasurementWindow.mark();
        for (int i = 0; i < warmups; i++) {
            task.run();
            checkInterrupted();
        }
        Jit.awaitQuiet(QUIET_WAIT);
        int calls = callsPerSample == AUTO_CALLS ? calibrate(task) : callsPerSample;
        List<Double> samples = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) {
            samples.add(runNanos(task, calls) / 1e6 / calls);
            checkInterrupted();
        }
        return new Timing(label, samples, calls);
    }

    /** 1, 10, 100, … calls in a row until a batch lasts {@link #MIN_SAMPLE_MS} or has the most calls allowed. */
    private static int calibrate(Runnable task) {
        int calls = 1;
        while (true) {
            long nanos = runNanos(task, calls);
            checkInterrupted();
            if (nanos >= MIN_SAMPLE_NANOS || calls >= MAX_CALLS_PER_SAMPLE) {
                return calls;
            }
            calls *= 10;
        }
    }

    private static long runNanos(Runnable task, int calls) {
        long t0 = System.nanoTime();
        for (int c = 0; c < calls; c++) {
            task.run();
        }
        return System.nanoTime() - t0;
    }

    static void checkLabelAndTask(String label, String taskName, Object task) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (task == null) {
            throw new IllegalArgumentException(taskName + " must not be null");
        }
    }

    static void checkCounts(int warmups, int repeats) {
        if (warmups < 0 || warmups > MAX_WARMUPS) {
            throw new IllegalArgumentException("warmups must be in [0, " + MAX_WARMUPS + "], got " + warmups);
        }
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be in [1, " + MAX_REPEATS + "], got " + repeats);
        }
    }

    static void checkCallsPerSample(int callsPerSample) {
        if (callsPerSample < 1 || callsPerSample > MAX_CALLS_PER_SAMPLE) {
            throw new IllegalArgumentException("callsPerSample must be in [1, " + MAX_CALLS_PER_SAMPLE + "], got "
                    + callsPerSample);
        }
    }

    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted: timing stopped");
        }
    }
}
