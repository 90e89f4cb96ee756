package org.parlab.gil;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.RandomAccess;

/**
 * An immutable list of measured {@link Speedup}s that a lesson can query by what was measured, so that no
 * lookup helper has to be declared in a notebook and no lookup throws when a thread count is missing:
 *
 * <pre>{@code
 * Speedups cpu = Gil.simulate(Workload.cpuBound(Duration.ofMillis(60))).speedups(3, THREADS);
 * OptionalDouble two = cpu.at("CPU-bound", true, 2);     // empty when THREADS lacks 2
 * for (Speedup s : cpu.withGil()) ...                    // only what was measured
 * }</pre>
 *
 * It is a {@link List}, so it goes straight into {@code Tables.of(...)} and {@code Plot.line(...)}; every
 * method that would change it throws {@link UnsupportedOperationException}; {@link #and} returns a new one.
 */
public final class Speedups extends AbstractList<Speedup> implements RandomAccess {
    private static final Speedups EMPTY = new Speedups(List.of());

    private final List<Speedup> rows;

    private Speedups(List<Speedup> rows) {
        this.rows = rows;
    }

    /**
     * The given speed-ups, in this order.
     *
     * @throws IllegalArgumentException if {@code rows} is null or holds a null
     */
    public static Speedups of(Collection<? extends Speedup> rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null (use Speedups.of() for none)");
        }
        List<Speedup> copy = new ArrayList<>(rows.size());
        for (Speedup s : rows) {
            if (s == null) {
                throw new IllegalArgumentException("rows must not hold null");
            }
            copy.add(s);
        }
        return copy.isEmpty() ? EMPTY : new Speedups(List.copyOf(copy));
    }

    /** The given speed-ups, in this order (none: an empty collection). */
    public static Speedups of(Speedup... rows) {
        return of(rows == null ? null : Arrays.asList(rows));
    }

    @Override
    public Speedup get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** These speed-ups followed by {@code more}'s (a new collection; neither is changed). */
    public Speedups and(Collection<? extends Speedup> more) {
        if (more == null) {
            throw new IllegalArgumentException("more must not be null");
        }
        List<Speedup> all = new ArrayList<>(rows);
        all.addAll(more);
        return of(all);
    }

    /**
     * The first speed-up measured for {@code workload} with ({@code gil} true) or without the GIL at
     * {@code threads} threads, or empty when none was measured (for instance when the lesson's THREADS lacks
     * that count).
     */
    public Optional<Speedup> find(String workload, boolean gil, int threads) {
        for (Speedup s : rows) {
            if (s.workload().equals(workload) && s.gil() == gil && s.threads() == threads) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The speed-up ({@code serial / threaded}) of {@link #find}, or empty when none was measured. */
    public OptionalDouble at(String workload, boolean gil, int threads) {
        Optional<Speedup> s = find(workload, gil, threads);
        return s.isPresent() ? OptionalDouble.of(s.get().speedup()) : OptionalDouble.empty();
    }

    /** Only the speed-ups of {@code workload} (e.g. {@code "CPU-bound"}), in order. */
    public Speedups workload(String workload) {
        return of(rows.stream().filter(s -> s.workload().equals(workload)).toList());
    }

    /** Only the speed-ups measured with the GIL (the simulated one, or CPython's). */
    public Speedups withGil() {
        return of(rows.stream().filter(Speedup::gil).toList());
    }

    /** Only the speed-ups measured without a GIL (plain Java threads, or free-threaded CPython). */
    public Speedups withoutGil() {
        return of(rows.stream().filter(s -> !s.gil()).toList());
    }

    /** Only the speed-ups at {@code min} threads or more (the ones a claim about several threads can judge). */
    public Speedups atLeastThreads(int min) {
        return of(rows.stream().filter(s -> s.threads() >= min).toList());
    }

    /** The workloads measured, in the order they first appear. */
    public List<String> workloads() {
        return List.copyOf(new LinkedHashSet<>(rows.stream().map(Speedup::workload).toList()));
    }

    /** The thread counts measured, ascending, each once. */
    public int[] threadCounts() {
        return rows.stream().mapToInt(Speedup::threads).distinct().sorted().toArray();
    }

    /**
     * One row of the simulator next to CPython ({@link #sideBySide}).
     *
     * @param workload         the workload's name
     * @param threads          number of threads
     * @param simulatorWithGil the simulator's speed-up with the GIL
     * @param cpython          CPython's speed-up
     * @param javaWithoutGil   the speed-up of plain Java threads (the simulator without the GIL)
     */
    public record SideBySide(String workload, int threads, double simulatorWithGil, double cpython,
                             double javaWithoutGil) {
    }

    /**
     * These (simulator) speed-ups next to {@code cpython}'s: one row for every CPython speed-up measured with the
     * GIL for which this collection holds the same workload and thread count both with and without the GIL; a
     * count measured on one side only is left out (no row, no exception).
     *
     * @throws IllegalArgumentException if {@code cpython} is null
     */
    public List<SideBySide> sideBySide(Collection<? extends Speedup> cpython) {
        if (cpython == null) {
            throw new IllegalArgumentException("cpython must not be null (use Speedups.of() for none)");
        }
        List<SideBySide> rows = new ArrayList<>();
        for (Speedup c : cpython) {
            OptionalDouble with = c.gil() ? at(c.workload(), true, c.threads()) : OptionalDouble.empty();
            OptionalDouble without = at(c.workload(), false, c.threads());
            if (with.isPresent() && without.isPresent()) {
                rows.add(new SideBySide(c.workload(), c.threads(), with.getAsDouble(), c.speedup(),
                        without.getAsDouble()));
            }
        }
        return List.copyOf(rows);
    }
}
