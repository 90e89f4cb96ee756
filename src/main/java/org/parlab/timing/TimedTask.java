package org.parlab.timing;

import java.util.function.Supplier;

/**
 * One task to time, configured fluently and started with {@link #run()}, in the same shape as
 * {@link Interleaved} for several tasks:
 *
 * <pre>{@code
 * Timing t = Bench.task("sum", () -> sum(data)).warmups(1).repeats(9).run();
 * Timing u = Bench.task("tiny", () -> Math.sqrt(x)).callsPerSample(1000).run();  // no calibration
 * }</pre>
 *
 * {@link Bench#time(String, Supplier)} is {@code Bench.task(label, work).run()}: the defaults are
 * {@value Bench#DEFAULT_WARMUPS} warm-ups, {@value Bench#DEFAULT_REPEATS} timed samples and calibrated calls
 * per sample (see {@link Bench}). A builder is immutable: every option returns a new one, so a cell can keep
 * a configured task and run it again.
 */
public final class TimedTask {
    /** The options, validated together: {@code callsPerSample} {@link Bench#AUTO_CALLS} calibrates. */
    private record Settings(int warmups, int repeats, int callsPerSample) {
        Settings {
            Bench.checkCounts(warmups, repeats);
            if (callsPerSample != Bench.AUTO_CALLS) {
                Bench.checkCallsPerSample(callsPerSample);
            }
        }

        Settings warmups(int n) {
            return new Settings(n, repeats, callsPerSample);
        }

        Settings repeats(int n) {
            return new Settings(warmups, n, callsPerSample);
        }

        Settings callsPerSample(int n) {
            return new Settings(warmups, repeats, n);
        }
    }

    private final String label;
    private final Runnable task;     // a Supplier's result goes into a Blackhole inside this Runnable
    private final Settings settings;

    private TimedTask(String label, Runnable task, Settings settings) {
        this.label = label;
        this.task = task;
        this.settings = settings;
    }

    static TimedTask of(String label, Runnable task) {
        Bench.checkLabelAndTask(label, "task", task);
        return new TimedTask(label, task, new Settings(Bench.DEFAULT_WARMUPS, Bench.DEFAULT_REPEATS, Bench.AUTO_CALLS));
    }

    static TimedTask of(String label, Supplier<?> work, Blackhole sink) {
        Bench.checkLabelAndTask(label, "work", work);
        if (sink == null) {
            throw new IllegalArgumentException("sink must not be null");
        }
        return of(label, () -> sink.consume(work.get()));
    }

    /**
     * Untimed runs before calibration and timing (default {@value Bench#DEFAULT_WARMUPS}): the JIT compiles
     * the hot code during them.
     *
     * @throws IllegalArgumentException unless 0 ≤ {@code count} ≤ 1000
     */
    public TimedTask warmups(int count) {
        return with(settings.warmups(count));
    }

    /**
     * Timed samples; their median is the number to compare (default {@value Bench#DEFAULT_REPEATS}).
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code count} ≤ 1000
     */
    public TimedTask repeats(int count) {
        return with(settings.repeats(count));
    }

    /**
     * Calls in a row per timed sample, instead of calibrating (see {@link Bench}): the task then runs exactly
     * {@code warmups + repeats × count} times.
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code count} ≤ 10⁷
     */
    public TimedTask callsPerSample(int count) {
        Bench.checkCallsPerSample(count);
        return with(settings.callsPerSample(count));
    }

    private TimedTask with(Settings changed) {
        return new TimedTask(label, task, changed);
    }

    /**
     * Runs the warm-ups, waits for the JIT to go quiet, calibrates (unless {@link #callsPerSample(int)} was
     * set) and runs the timed samples. The task runs {@code warmups} + (10 × c − 1) / 9 + {@code repeats} × c
     * times when calibrated, where c = {@link Timing#callsPerSample()}.
     *
     * @return the timing, in milliseconds per call
     * @throws IllegalStateException if the thread is interrupted (checked between runs and samples)
     */
    public Timing run() {
        return Bench.measure(label, settings.warmups(), settings.repeats(), settings.callsPerSample(), task);
    }

    @Override
    public String toString() {
        return "TimedTask[" + label + ", warmups=" + settings.warmups() + ", repeats=" + settings.repeats()
                + ", callsPerSample=" + (settings.callsPerSample() == Bench.AUTO_CALLS ? "calibrated"
                : settings.callsPerSample()) + "]";
    }
}
