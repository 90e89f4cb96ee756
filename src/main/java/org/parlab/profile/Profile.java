package org.parlab.profile;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link Profiler} sampled, and the usual views of it.
 *
 * <ul>
 * <li>{@link #hotMethods()}: per method, the samples in which it was running ({@code self}) and in which it was
 *     on the stack at all ({@code total}), like Python's cProfile {@code tottime} and {@code cumtime}.</li>
 * <li>{@link #hotLines(String)}: where inside one method, by line number, like line_profiler.</li>
 * <li>{@link #flameGraph()}: every sampled stack at once, callers above callees (an icicle graph).</li>
 * </ul>
 *
 * @param samples    the stack samples of the profiled code
 * @param intervalMs the sampling interval, in milliseconds
 * @param wallMs     how long the code ran, in milliseconds
 * @param value      what the code returned (kept so the JIT cannot drop the work), or null
 */
public record Profile(List<StackSample> samples, double intervalMs, double wallMs, Object value) {
    /** Validates and copies. */
    public Profile {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        samples = List.copyOf(samples);
    }

    /** The number of samples. */
    public int sampleCount() {
        return samples.size();
    }

    /** Per method: self and total samples and their share of all samples, hottest (self) first. */
    public Table hotMethods() {
        return hotMethods(Integer.MAX_VALUE);
    }

    /**
     * The {@code top} hottest methods by self samples (ties: by total): columns {@code method}, {@code where}
     * (package, or {@code cell}), {@code self}, {@code self_pct}, {@code total}, {@code total_pct}.
     *
     * @throws IllegalArgumentException if {@code top} &lt; 1
     */
    public Table hotMethods(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be ≥ 1, got " + top);
        }
        Map<String, int[]> counts = new LinkedHashMap<>(); // name -> {self, total}
        Map<String, String> where = new LinkedHashMap<>();
        for (StackSample s : samples) {
            Frame topFrame = s.top();
            counts.computeIfAbsent(topFrame.displayName(), k -> new int[2])[0]++;
            Set<String> seen = new HashSet<>();
            for (Frame f : s.frames()) {
                String name = f.displayName();
                where.putIfAbsent(name, f.where());
                if (seen.add(name)) {
                    counts.computeIfAbsent(name, k -> new int[2])[1]++;
                }
            }
        }
        List<Map.Entry<String, int[]>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                .thenComparingInt(e -> -e.getValue()[1]));
        StringColumn method = StringColumn.create("method");
        StringColumn pkg = StringColumn.create("where");
        IntColumn self = IntColumn.create("self");
        DoubleColumn selfPct = DoubleColumn.create("self_pct");
        IntColumn total = IntColumn.create("total");
        DoubleColumn totalPct = DoubleColumn.create("total_pct");
        int n = Math.max(1, samples.size());
        for (Map.Entry<String, int[]> e : rows.subList(0, Math.min(top, rows.size()))) {
            method.append(e.getKey());
            pkg.append(where.getOrDefault(e.getKey(), ""));
            self.append(e.getValue()[0]);
            selfPct.append(round1(100.0 * e.getValue()[0] / n));
            total.append(e.getValue()[1]);
            totalPct.append(round1(100.0 * e.getValue()[1] / n));
        }
        return Table.create("hot methods (" + samples.size() + " samples)", method, pkg, self, selfPct, total,
                totalPct);
    }

    /**
     * The method with the most self samples (see {@link Frame#displayName()}), or {@code ""} without samples.
     */
    public String hottestMethod() {
        Table t = hotMethods(1);
        return t.rowCount() == 0 ? "" : t.stringColumn("method").get(0);
    }

    /**
     * The share of samples, 0–1, in which {@code method} was running (self) or, with {@code total}, on the stack.
     * {@code method} is matched as in {@link #hotLines(String)}.
     *
     * @throws IllegalArgumentException if {@code method} is blank
     */
    public double share(String method, boolean total) {
        requireMethod(method);
        if (samples.isEmpty()) {
            return 0;
        }
        int hits = 0;
        for (StackSample s : samples) {
            if (total ? s.frames().stream().anyMatch(f -> matches(f, method)) : matches(s.top(), method)) {
                hits++;
            }
        }
        return (double) hits / samples.size();
    }

    /**
     * Where inside {@code method} the time went: per line number, the samples in which that line of the method
     * was executing (itself or through a call), most first. Columns {@code line}, {@code samples}, {@code pct}
     * (of the samples that include the method). {@code method} is a {@link Frame#displayName() display name}
     * ({@code work} for a method defined in a cell, {@code ArrayList.add}), a fully qualified
     * {@code java.util.ArrayList.add}, or a bare method name.
     *
     * @throws IllegalArgumentException if {@code method} is blank or was never sampled
     */
    public Table hotLines(String method) {
        return hotLines(method, 0, List.of());
    }

    /**
     * {@link #hotLines(String)} for code compiled from source the caller has: each line number minus
     * {@code lineOffset} is a 1-based index into {@code source}, and a {@code code} column shows that line. The
     * kernel's {@code %%prun -m method} uses it for methods defined in cells (JShell compiles a snippet inside a
     * generated class, a few lines down).
     *
     * @throws IllegalArgumentException if {@code method} is blank or was never sampled, or {@code source} is null
     */
    public Table hotLines(String method, int lineOffset, List<String> source) {
        if (source == null) {
            throw new IllegalArgumentException("source must not be null (List.of() for none)");
        }
        requireMethod(method);
        Map<Integer, Integer> lines = new LinkedHashMap<>();
        int within = 0;
        for (StackSample s : samples) {
            for (Frame f : s.frames()) {
                if (matches(f, method)) {
                    lines.merge(f.line(), 1, Integer::sum);
                    within++;
                    break;
                }
            }
        }
        if (within == 0) {
            throw new IllegalArgumentException("method '" + method + "' does not appear in any of the "
                    + samples.size() + " samples; the hottest are " + hotMethods(5).stringColumn("method").asList());
        }
        List<Map.Entry<Integer, Integer>> rows = new ArrayList<>(lines.entrySet());
        rows.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed());
        IntColumn line = IntColumn.create("line");
        IntColumn count = IntColumn.create("samples");
        DoubleColumn pct = DoubleColumn.create("pct");
        StringColumn code = StringColumn.create("code");
        for (Map.Entry<Integer, Integer> e : rows) {
            int l = e.getKey() < 0 ? e.getKey() : e.getKey() - lineOffset;
            line.append(l);
            count.append(e.getValue());
            pct.append(round1(100.0 * e.getValue() / within));
            code.append(l >= 1 && l <= source.size() ? source.get(l - 1).strip() : "");
        }
        return source.isEmpty() ? Table.create("hot lines of " + method, line, count, pct)
                : Table.create("hot lines of " + method, line, count, pct, code);
    }

    /**
     * The flame graph (icicle style: the profiled code at the top, what it calls below; width = share of
     * samples), 960 pixels wide. Orange: code from notebook cells; yellow: the JDK; green: libraries; red: native.
     */
    public BufferedImage flameGraph() {
        return FlameGraph.draw(this, 960);
    }

    /** One line, like IPython's: samples, interval, wall time and the hottest method with its self share. */
    public String summary() {
        if (samples.isEmpty()) {
            return String.format("no samples in %.0f ms (interval %.0f ms): profile longer-running work", wallMs,
                    intervalMs);
        }
        String hot = hottestMethod();
        return String.format("%d samples in %.0f ms (every %.0f ms); hottest: %s (%.0f%% self, %.0f%% total)",
                samples.size(), wallMs, intervalMs, hot, 100 * share(hot, false), 100 * share(hot, true));
    }

    @Override
    public String toString() {
        return summary();
    }

    static boolean matches(Frame f, String method) {
        return f.displayName().equals(method) || (f.type() + "." + f.method()).equals(method)
                || f.method().equals(method);
    }

    private static void requireMethod(String method) {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method must name a method, got " + (method == null ? "null" : "''"));
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
