package org.parlab.parallel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.parlab.timing.Bench;
import org.parlab.timing.Timing;

/**
 * Measures how a job scales with workers: a serial baseline on the calling thread, then the same job shared
 * out over teams of 2, 4, … workers, all interleaved and repeated, compared by medians.
 *
 * <pre>{@code
 * ScalingResult r = Scaling.of("sum of roots", 64, i -> sink.add(work(i))).workers(2, 4).run();
 * r.speedup(2);   // serial median / median with 2 workers
 * r.plot();       // measured speed-up next to the ideal
 * }</pre>
 *
 * A job is {@code pieces} independent pieces; {@code piece.accept(i)} runs piece i. Workers take the next
 * piece from a shared counter until none is left, so an uneven piece does not leave a worker idle at the end.
 * An optional serial part runs on the calling thread before the pieces, in every run (Amdahl's serial fraction).
 * The teams are started before timing and closed afterwards: no thread outlives {@link #run()}.
 */
public final class Scaling {
    /** The most pieces a job may have. */
    public static final int MAX_PIECES = 10_000_000;

    /**
     * The options; each option's method validates its value and names it. {@code serialPart} null: none;
     * {@code workers} the team sizes besides the serial baseline.
     */
    private record Settings(Runnable serialPart, int[] workers, int warmups, int repeats) {
        Settings serialPart(Runnable part) {
            return new Settings(part, workers, warmups, repeats);
        }

        Settings workers(int[] counts) {
            return new Settings(serialPart, counts, warmups, repeats);
        }

        Settings warmups(int n) {
            return new Settings(serialPart, workers, n, repeats);
        }

        Settings repeats(int n) {
            return new Settings(serialPart, workers, warmups, n);
        }
    }

    private final String label;
    private final int pieces;
    private final IntConsumer piece;
    private final Settings settings;

    private Scaling(String label, int pieces, IntConsumer piece, Settings settings) {
        this.label = label;
        this.pieces = pieces;
        this.piece = piece;
        this.settings = settings;
    }

    /**
     * A job of {@code pieces} independent pieces, by default measured with 1 (serial) and
     * {@code availableProcessors()} workers, {@value Bench#DEFAULT_WARMUPS} warm-up and
     * {@value Bench#DEFAULT_REPEATS} timed rounds (the defaults of every timer in {@link Bench}).
     *
     * @throws IllegalArgumentException if {@code label} is blank, {@code piece} null, or {@code pieces} not in
     *                                  [1, {@link #MAX_PIECES}]
     */
    public static Scaling of(String label, int pieces, IntConsumer piece) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (pieces < 1 || pieces > MAX_PIECES) {
            throw new IllegalArgumentException("pieces must be between 1 and " + MAX_PIECES + ", got " + pieces);
        }
        if (piece == null) {
            throw new IllegalArgumentException("piece must not be null");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new Scaling(label, pieces, piece, new Settings(null, cores > 1 ? new int[] {cores} : new int[0],
                Bench.DEFAULT_WARMUPS, Bench.DEFAULT_REPEATS));
    }

    /** Worker counts to measure besides the serial baseline (each ≥ 2; duplicates dropped). */
    public Scaling workers(int... counts) {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("workers: give at least one count");
        }
        for (int c : counts) {
            if (c < 2 || c > Workers.MAX_WORKERS) {
                throw new IllegalArgumentException("workers: each count must be between 2 and " + Workers.MAX_WORKERS
                        + " (1 is the serial baseline, always measured), got " + c);
            }
        }
        return with(settings.workers(Arrays.stream(counts).distinct().toArray()));
    }

    /** A part of the job that runs on the calling thread before the pieces, in every run. */
    public Scaling serialPart(Runnable part) {
        if (part == null) {
            throw new IllegalArgumentException("serialPart must not be null");
        }
        return with(settings.serialPart(part));
    }

    /** Timed rounds (default {@value Bench#DEFAULT_REPEATS}). */
    public Scaling repeats(int count) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("repeats must be between 1 and 1000, got " + count);
        }
        return with(settings.repeats(count));
    }

    /** Untimed rounds first (default {@value Bench#DEFAULT_WARMUPS}). */
    public Scaling warmups(int count) {
        if (count < 0 || count > 1000) {
            throw new IllegalArgumentException("warmups must be between 0 and 1000, got " + count);
        }
        return with(settings.warmups(count));
    }

    private Scaling with(Settings changed) {
        return new Scaling(label, pieces, piece, changed);
    }

    /** Runs the measurement. */
    public ScalingResult run() {
        org.parlab.timing.MeasurementWindow.mark();
        List<Workers> teams = new ArrayList<>();
        try {
            Map<String, Runnable> tasks = new LinkedHashMap<>();
            tasks.put("1", this::runSerially);
            for (int w : settings.workers()) {
                Workers team = Workers.start(w);
                teams.add(team);
                tasks.put(Integer.toString(w), () -> runOn(team));
            }
            Map<String, Timing> t = Bench.interleave(tasks).warmups(settings.warmups()).repeats(settings.repeats())
                    .pauseBetween(Duration.ofMillis(20)).run();
            double serial = t.get("1").medianMs();
            List<ScalingPoint> points = new ArrayList<>();
            for (Map.Entry<String, Timing> e : t.entrySet()) {
                int n = Integer.parseInt(e.getKey());
                double ms = e.getValue().medianMs();
                points.add(new ScalingPoint(n, ms, e.getValue().spread(), serial / ms, serial / ms / n));
            }
            return new ScalingResult(label, Runtime.getRuntime().availableProcessors(), points);
        } finally {
            teams.forEach(Workers::close);
        }
    }

    private void runSerially() {
        if (settings.serialPart() != null) {
            settings.serialPart().run();
        }
        for (int i = 0; i < pieces; i++) {
            piece.accept(i);
        }
    }

    private void runOn(Workers team) {
        if (settings.serialPart() != null) {
            settings.serialPart().run();
        }
        AtomicInteger next = new AtomicInteger();
        team.runOnEach(w -> {
            for (int i; (i = next.getAndIncrement()) < pieces; ) {
                piece.accept(i);
            }
        });
    }
}
