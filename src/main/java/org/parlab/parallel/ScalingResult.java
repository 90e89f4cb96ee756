package org.parlab.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.parlab.chart.Plot;
import org.parlab.table.Tables;

import tech.tablesaw.api.Table;

/**
 * What {@link Scaling#run()} measured: the serial baseline and one {@link ScalingPoint} per worker count.
 *
 * @param label  what was measured
 * @param cores  processors available to the JVM during the run
 * @param points the serial baseline (workers = 1) first, then each worker count in the order asked
 */
public record ScalingResult(String label, int cores, List<ScalingPoint> points) {

    public ScalingResult {
        points = List.copyOf(points);
    }

    /** The point measured with {@code workers} workers. */
    public ScalingPoint at(int workers) {
        return points.stream().filter(p -> p.workers() == workers).findFirst().orElseThrow(
                () -> new IllegalArgumentException("workers: no measurement with " + workers + " workers; measured "
                        + points.stream().map(ScalingPoint::workers).toList()));
    }

    /** Speed-up with {@code workers} workers over the serial baseline. */
    public double speedup(int workers) {
        return at(workers).speedup();
    }

    /**
     * The parallel point (workers ≥ 2) with the most workers not above {@code maxWorkers}, or empty when no
     * parallel count that small was measured. Lets a notebook ask for "the run with as many workers as cores"
     * whatever worker counts its parameters chose, instead of a lookup that throws.
     */
    public Optional<ScalingPoint> largestUpTo(int maxWorkers) {
        return points.stream().filter(p -> p.workers() >= 2 && p.workers() <= maxWorkers)
                .max(java.util.Comparator.comparingInt(ScalingPoint::workers));
    }

    /** Parallel efficiency with {@code workers} workers: speed-up / workers. */
    public double efficiency(int workers) {
        return at(workers).efficiency();
    }

    /** The points as a table. */
    public Table toTable() {
        return Tables.of(label + " on " + cores + " cores", points);
    }

    /** Measured speed-up against the number of workers, next to the ideal (speed-up = workers) and the cores. */
    public Plot plot() {
        record Line(int workers, double speedup, String series) {}
        List<Line> rows = new ArrayList<>();
        for (ScalingPoint p : points) {
            rows.add(new Line(p.workers(), p.speedup(), "measured"));
        }
        return Plot.line(rows, "workers", "speedup").by("series").title(label + ": speed-up")
                .xLabel("workers").yLabel("speed-up over serial")
                .ideal("ideal: min(workers, " + cores + " cores)", n -> Math.min(n, cores));
    }
}
