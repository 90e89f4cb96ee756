package org.parlab.timing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Compares tasks with a <em>baseline</em> on a machine whose speed changes while you measure, configured
 * fluently and started with {@link #run()}:
 *
 * <pre>{@code
 * SandwichResult r = Bench.sandwich("plain", () -> Bench.time("plain", work).medianMs())
 *         .versus("profiled", () -> timeUnderTheProfiler())
 *         .rounds(5).run();
 * r.ratio("profiled");   // median of (profiled time / plain time around it), over the steady rounds
 * }</pre>
 *
 * <h2>Why</h2>
 * A shared machine (a laptop, a cloud VM, a CI runner with two vCPUs) does not run at one speed: for a tenth
 * of a second at a time everything on it may take 1.35× or 2× as long, because another process or another
 * tenant of the host got the core. Timing task A now and task B a moment later then compares the machine's
 * two moments, not A and B. Interleaving A and B helps, but a slow moment that covers one run and not the
 * other still moves the ratio.
 *
 * <h2>How</h2>
 * Every run of a task sits between two runs of the baseline: B A₁ B A₂ B … (the baseline run after one task
 * is the one before the next). A task's run <em>counts</em> only when the two baseline runs around it agree
 * within the {@link #tolerance(double) tolerance} (default 10 %): then the machine kept its speed through the
 * sandwich, and the task's time divided by the geometric mean of the two baseline times is a fair ratio.
 * Otherwise the round is recorded as unsteady and left out. Rounds go on until every task has
 * {@link #rounds(int) rounds} steady ones (and, if {@link #maxSpread(double)} is set, their ratios agree), or
 * {@link #maxRounds(int) maxRounds} rounds have run.
 *
 * <p>What it cannot see: a slow moment that falls inside one task's run and misses both baseline runs. The
 * median over several steady rounds is what protects against those, and {@link #maxSpread(double)} runs more
 * rounds while they are too many.
 *
 * <p>Each task is a {@link DoubleSupplier} that runs once and returns <em>its own</em> time in milliseconds,
 * so it can time exactly the part that matters (for example the work inside a profiler, not starting the
 * profiler): {@code () -> Bench.task("plain", work).warmups(1).repeats(9).run().medianMs()} or {@code () -> run().wallMs()}.
 */
public final class Sandwich {
    /** Default tolerance: the two baseline runs around a task must agree within 10 %. */
    public static final double DEFAULT_TOLERANCE = 0.10;
    /** Default number of steady rounds wanted per task. */
    public static final int DEFAULT_ROUNDS = 5;
    /** Unless set, at most this many times {@code rounds} rounds run. */
    public static final int DEFAULT_MAX_ROUNDS_FACTOR = 5;
    /** The most rounds a sandwich may run. */
    public static final int MAX_ROUNDS = 1000;

    /**
     * The options: {@code maxRounds} 0 means {@value #DEFAULT_MAX_ROUNDS_FACTOR} × {@code rounds}, {@code maxSpread}
     * infinity no limit, {@code progress} null prints nothing. Each option's method validates its own value
     * (against the others where they depend on each other) and names it.
     */
    private record Settings(double tolerance, int rounds, int maxRounds, double maxSpread, PrintStream progress) {
        static final Settings DEFAULTS = new Settings(DEFAULT_TOLERANCE, DEFAULT_ROUNDS, 0, Double.POSITIVE_INFINITY,
                null);

        Settings tolerance(double t) {
            return new Settings(t, rounds, maxRounds, maxSpread, progress);
        }

        Settings rounds(int n) {
            return new Settings(tolerance, n, maxRounds, maxSpread, progress);
        }

        Settings maxRounds(int n) {
            return new Settings(tolerance, rounds, n, maxSpread, progress);
        }

        Settings maxSpread(double m) {
            return new Settings(tolerance, rounds, maxRounds, m, progress);
        }

        Settings progress(PrintStream out) {
            return new Settings(tolerance, rounds, maxRounds, maxSpread, out);
        }
    }

    private final String baselineLabel;
    private final DoubleSupplier baseline;
    private final Map<String, DoubleSupplier> tasks;
    private final Settings settings;

    private Sandwich(String baselineLabel, DoubleSupplier baseline, Map<String, DoubleSupplier> tasks,
                     Settings settings) {
        this.baselineLabel = baselineLabel;
        this.baseline = baseline;
        this.tasks = tasks;
        this.settings = settings;
    }

    static Sandwich of(String baselineLabel, DoubleSupplier baselineMs) {
        if (baselineLabel == null || baselineLabel.isBlank()) {
            throw new IllegalArgumentException("baselineLabel must not be blank");
        }
        if (baselineMs == null) {
            throw new IllegalArgumentException("baselineMs must not be null");
        }
        return new Sandwich(baselineLabel, baselineMs, Map.of(), Settings.DEFAULTS);
    }

    /**
     * Adds a task to compare with the baseline; tasks run in the order added, each between two baseline runs.
     *
     * @param label a name for the task, unique, different from the baseline's
     * @param ms    runs the task once and returns its time in milliseconds (finite, &gt; 0)
     */
    public Sandwich versus(String label, DoubleSupplier ms) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (label.equals(baselineLabel) || tasks.containsKey(label)) {
            throw new IllegalArgumentException("label '" + label + "' is already used in this sandwich");
        }
        if (ms == null) {
            throw new IllegalArgumentException("ms must not be null (the task for '" + label + "')");
        }
        Map<String, DoubleSupplier> more = new LinkedHashMap<>(tasks);
        more.put(label, ms);
        return new Sandwich(baselineLabel, baseline, more, settings);
    }

    /**
     * How far the two baseline runs around a task may differ, as a fraction, for the round to count
     * (default {@value #DEFAULT_TOLERANCE}): a round counts when {@code |after / before − 1| ≤ tolerance}.
     *
     * @throws IllegalArgumentException unless 0 &lt; {@code tolerance} ≤ 1
     */
    public Sandwich tolerance(double tolerance) {
        if (!(tolerance > 0 && tolerance <= 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1], got " + tolerance);
        }
        return with(settings.tolerance(tolerance));
    }

    /**
     * Steady rounds wanted for every task (default {@value #DEFAULT_ROUNDS}).
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code count} ≤ {@value #MAX_ROUNDS}, and no more than
     *                                  {@link #maxRounds(int) maxRounds} if that was set
     */
    public Sandwich rounds(int count) {
        if (count < 1 || count > MAX_ROUNDS) {
            throw new IllegalArgumentException("rounds must be in [1, " + MAX_ROUNDS + "], got " + count);
        }
        if (settings.maxRounds() != 0 && count > settings.maxRounds()) {
            throw new IllegalArgumentException("rounds must be at most maxRounds (" + settings.maxRounds() + "), got "
                    + count);
        }
        return with(settings.rounds(count));
    }

    /**
     * The most rounds to run while waiting for steady ones (default {@value #DEFAULT_MAX_ROUNDS_FACTOR} ×
     * {@code rounds}, at most {@value #MAX_ROUNDS}). A machine that keeps changing speed ends the sandwich
     * here, with fewer steady rounds than wanted: see {@link SandwichResult#steadyCount(String)}.
     *
     * @throws IllegalArgumentException unless {@code rounds} ≤ {@code count} ≤ {@value #MAX_ROUNDS}
     */
    public Sandwich maxRounds(int count) {
        if (count < settings.rounds() || count > MAX_ROUNDS) {
            throw new IllegalArgumentException("maxRounds must be in [rounds = " + settings.rounds() + ", " + MAX_ROUNDS
                    + "], got " + count);
        }
        return with(settings.maxRounds(count));
    }

    /**
     * Also keep going (up to {@code maxRounds}) while a task's steady ratios scatter by more than this:
     * {@link SandwichResult#spread(String)}, their median absolute deviation over their median (default: no
     * limit). The baseline runs catch a change of speed that spans a round, not one that falls inside a single
     * run of the task; on a machine that changes speed every tenth of a second such runs leave ratios of 0.5
     * or 2 among ratios of 1.0, and more rounds let the steady majority decide the median.
     *
     * @throws IllegalArgumentException unless 0 &lt; {@code maxSpread} ≤ 1
     */
    public Sandwich maxSpread(double maxSpread) {
        if (!(maxSpread > 0 && maxSpread <= 1)) {
            throw new IllegalArgumentException("maxSpread must be in (0, 1], got " + maxSpread);
        }
        return with(settings.maxSpread(maxSpread));
    }

    /** Prints one short progress line per round to {@code System.out} (for sandwiches that take seconds). */
    public Sandwich showProgress() {
        return with(settings.progress(System.out));
    }

    private Sandwich with(Settings changed) {
        return new Sandwich(baselineLabel, baseline, tasks, changed);
    }

    /** The most rounds {@link #run()} will run. */
    public int effectiveMaxRounds() {
        return settings.maxRounds() != 0 ? settings.maxRounds()
                : Math.min(MAX_ROUNDS, DEFAULT_MAX_ROUNDS_FACTOR * settings.rounds());
    }

    /**
     * Runs the baseline, then rounds of (task, baseline) for every task, until each task has {@code rounds}
     * steady rounds or {@code maxRounds} rounds have run. No warm-up: warm the code up before.
     *
     * @throws IllegalStateException if no task was added with {@link #versus(String, DoubleSupplier)}, if a
     *                               task returns a time that is not a finite number &gt; 0, or if the calling
     *                               thread is interrupted (the cell's interrupt button)
     */
    public SandwichResult run() {
        MeasurementWindow.mark();
        if (tasks.isEmpty()) {
            throw new IllegalStateException("nothing to compare with '" + baselineLabel
                    + "': add a task with versus(label, ms)");
        }
        long start = System.nanoTime();
        int limit = effectiveMaxRounds();
        List<SandwichRound> done = new ArrayList<>();
        double before = measure(baselineLabel, baseline);
        for (int round = 1; round <= limit && !result(done).complete(); round++) {
            for (Map.Entry<String, DoubleSupplier> task : tasks.entrySet()) {
                double ms = measure(task.getKey(), task.getValue());
                double after = measure(baselineLabel, baseline);
                done.add(new SandwichRound(round, task.getKey(), before, ms, after,
                        Math.abs(after / before - 1) <= settings.tolerance()));
                before = after;
            }
            PrintStream progress = settings.progress();
            if (progress != null) {
                SandwichResult sofar = result(done);
                Map<String, Integer> steady = new LinkedHashMap<>();
                tasks.keySet().forEach(label -> steady.put(label, sofar.steadyCount(label)));
                progress.printf(Locale.ROOT, "round %d: steady rounds so far %s (%.1f s)%n", round, steady,
                        (System.nanoTime() - start) / 1e9);
                progress.flush();
            }
        }
        return result(done);
    }

    private SandwichResult result(List<SandwichRound> done) {
        return new SandwichResult(baselineLabel, List.copyOf(tasks.keySet()), settings.tolerance(), settings.rounds(),
                settings.maxSpread(), done);
    }

    private static double measure(String label, DoubleSupplier task) {
        double ms = task.getAsDouble();
        Bench.checkInterrupted();
        if (!(ms > 0) || Double.isInfinite(ms)) {
            throw new IllegalStateException("the task '" + label + "' returned " + ms
                    + " ms: it must return its own time in milliseconds, a finite number > 0");
        }
        return ms;
    }

    @Override
    public String toString() {
        Settings s = settings;
        return "Sandwich[" + baselineLabel + " around " + tasks.keySet() + ", " + s.rounds() + " steady rounds within "
                + Math.round(s.tolerance() * 100) + " %"
                + (s.maxSpread() < Double.POSITIVE_INFINITY ? ", spread ≤ " + s.maxSpread() : "")
                + ", at most " + effectiveMaxRounds() + " rounds]";
    }
}
