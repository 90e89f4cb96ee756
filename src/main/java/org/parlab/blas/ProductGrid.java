package org.parlab.blas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parlab.timing.Timing;

/**
 * The results of an oversubscription grid (every combination of Java threads and BLAS threads per call, on
 * the same batch of products), queried by the parameters that made it. Lookups never assume a thread count:
 * {@link #at} is empty for a combination the grid did not run, and {@link #nearest} picks the closest one it
 * did.
 *
 * <pre>{@code
 * Map<String, Runnable> runs = new LinkedHashMap<>();
 * for (int j : JAVA_THREADS) for (int t : BLAS_THREADS) runs.put(ProductGrid.label(j, t), () -> ...);
 * ProductGrid grid = ProductGrid.of(Bench.interleave(runs).run(), JAVA_THREADS, BLAS_THREADS, flops);
 * GridPoint best = grid.best();
 * }</pre>
 */
public final class ProductGrid {
    private final List<GridPoint> points;

    private ProductGrid(List<GridPoint> points) {
        this.points = List.copyOf(points);
    }

    /** The name of a configuration, used as the key of its timing: {@code "8 Java × 1 BLAS"}. */
    public static String label(int javaThreads, int blasThreads) {
        return javaThreads + " Java × " + blasThreads + " BLAS";
    }

    /**
     * A grid from timings keyed by {@link #label(int, int)}, one per combination of {@code javaThreads} and
     * {@code blasThreads} (duplicates counted once), in that order.
     *
     * @param flops floating-point operations of one batch
     * @throws IllegalArgumentException if an array is null or empty, or a combination has no timing
     */
    public static ProductGrid of(Map<String, Timing> timings, int[] javaThreads, int[] blasThreads, double flops) {
        if (timings == null || javaThreads == null || blasThreads == null || javaThreads.length == 0
                || blasThreads.length == 0) {
            throw new IllegalArgumentException("timings and both thread-count arrays must be given and not empty");
        }
        List<GridPoint> pts = new ArrayList<>();
        for (int j : Arrays.stream(javaThreads).distinct().toArray()) {
            for (int t : Arrays.stream(blasThreads).distinct().toArray()) {
                Timing timing = timings.get(label(j, t));
                if (timing == null) {
                    throw new IllegalArgumentException("no timing for '" + label(j, t) + "'; timings has "
                            + timings.keySet());
                }
                pts.add(GridPoint.of(j, t, timing, flops));
            }
        }
        return new ProductGrid(pts);
    }

    /**
     * A grid of the given points.
     *
     * @throws IllegalArgumentException if {@code points} is null or empty
     */
    public static ProductGrid of(List<GridPoint> points) {
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("points must not be null or empty");
        }
        return new ProductGrid(points);
    }

    /** Every configuration, in the order they were given. */
    public List<GridPoint> points() {
        return points;
    }

    /** The configuration with exactly these thread counts, or empty when the grid did not run it. */
    public Optional<GridPoint> at(int javaThreads, int blasThreads) {
        return points.stream().filter(p -> p.javaThreads() == javaThreads && p.blasThreads() == blasThreads)
                .findFirst();
    }

    /**
     * The configuration closest to these thread counts: the BLAS count nearest {@code blasThreads}, then among
     * those the Java count nearest {@code javaThreads} (on a tie, the smaller count).
     */
    public GridPoint nearest(int javaThreads, int blasThreads) {
        return points.stream().min(Comparator.<GridPoint>comparingInt(p -> Math.abs(p.blasThreads() - blasThreads))
                .thenComparingInt(p -> p.blasThreads())
                .thenComparingInt(p -> Math.abs(p.javaThreads() - javaThreads))
                .thenComparingInt(GridPoint::javaThreads)).orElseThrow();
    }

    /** The fastest configuration (highest rate). */
    public GridPoint best() {
        return points.stream().max(Comparator.comparingDouble(GridPoint::gflops)).orElseThrow();
    }

    /** The fastest configuration with exactly {@code blasThreads} BLAS threads per call, or empty if none ran. */
    public Optional<GridPoint> bestWith(int blasThreads) {
        return points.stream().filter(p -> p.blasThreads() == blasThreads)
                .max(Comparator.comparingDouble(GridPoint::gflops));
    }

    /** The slowest configuration (lowest rate). */
    public GridPoint worst() {
        return points.stream().min(Comparator.comparingDouble(GridPoint::gflops)).orElseThrow();
    }

    /**
     * The most oversubscribed corner: the most Java threads, and among those the most BLAS threads per call
     * (so the most threads wanting a core).
     */
    public GridPoint mostThreads() {
        return points.stream().max(Comparator.comparingInt(GridPoint::javaThreads)
                .thenComparingInt(GridPoint::blasThreads)).orElseThrow();
    }

    @Override
    public String toString() {
        return "ProductGrid" + points.stream().map(GridPoint::name).toList();
    }
}
