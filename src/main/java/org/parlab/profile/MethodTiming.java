package org.parlab.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Exact call counts and times of chosen methods, from JDK Flight Recorder's method timing (JEP 520, JDK 25): the
 * JVM's deterministic profiler, the counterpart of Python's cProfile beside {@link Profiler}'s sampling. JFR
 * rewrites the bytecode of the methods named, so that each call records its entry and exit; the cost is paid at
 * every call, which is what makes it exact and what makes short calls slower while it runs.
 *
 * <pre>{@code
 * MethodTiming.Result r = MethodTiming.of("step").run(() -> untraced());
 * r.time("step").invocations()   // every call, counted
 * r.table()                      // calls, mean, min, max and total per method
 * }</pre>
 *
 * A method is named as {@code name} (a method defined in a cell of this kernel), {@code pkg.Class::name}, or
 * {@code pkg.Class} (all its methods).
 */
public final class MethodTiming {
    /** The JFR event (JDK 25+). */
    public static final String EVENT = "jdk.MethodTiming";
    /** At most this many methods per timing: each adds code to every call of it. */
    public static final int MAX_METHODS = 20;

    private final List<String> names;

    private MethodTiming(List<String> names) {
        this.names = names;
    }

    /** Whether this JVM has JFR method timing (JDK 25 and later). */
    public static boolean isAvailable() {
        try {
            return FlightRecorder.getFlightRecorder().getEventTypes().stream().map(EventType::getName)
                    .anyMatch(EVENT::equals);
        } catch (RuntimeException | LinkageError e) { // JFR not usable in this JVM
            return false;
        }
    }

    /**
     * A timing of the methods named.
     *
     * @throws IllegalArgumentException if no method, more than {@value #MAX_METHODS}, or a blank or malformed name
     *                                  is given
     */
    public static MethodTiming of(String... methods) {
        if (methods == null || methods.length == 0) {
            throw new IllegalArgumentException("methods must name at least one method, e.g. MethodTiming.of(\"step\")");
        }
        if (methods.length > MAX_METHODS) {
            throw new IllegalArgumentException("methods must name at most " + MAX_METHODS + " methods, got " + methods.length);
        }
        List<String> names = new ArrayList<>();
        for (String m : methods) {
            if (m == null || !m.strip().matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*(::[\\p{L}_$<][\\p{L}\\p{N}_$>]*)?")) {
                throw new IllegalArgumentException("methods: '" + m + "' is not a method name, pkg.Class::method or pkg.Class");
            }
            names.add(m.strip());
        }
        return new MethodTiming(List.copyOf(names));
    }

    /** The filter JFR gets: each name as a class or {@code Class::method}, cell methods looked up in the kernel. */
    String filter() {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            if (n.contains("::") || n.contains(".")) {
                parts.add(n);
                continue;
            }
            List<String> classes = CellMethods.classesDefining(n);
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("methods: no method '" + n + "' is defined in a cell of this kernel; "
                        + "name others as pkg.Class::" + n);
            }
            parts.add(classes.get(classes.size() - 1) + "::" + n);
        }
        return String.join(";", parts);
    }

    /**
     * Runs {@code code} once with the methods timed, and returns what JFR counted.
     *
     * @throws UnsupportedOperationException on a JDK without method timing (before 25)
     */
    public Result run(Code code) {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        if (!isAvailable()) {
            throw new UnsupportedOperationException("JFR method timing needs Java 25 or newer; this kernel runs Java "
                    + Runtime.version().feature());
        }
        String filter = filter();
        Recordings.Result r = Recordings.run(code, rec -> rec.enable(EVENT).with("filter", filter)
                .with("period", "endChunk"));
        Map<String, MethodTime> times = new LinkedHashMap<>();
        for (RecordedEvent e : r.events()) {
            if (!e.getEventType().getName().equals(EVENT)) {
                continue;
            }
            RecordedMethod m = e.getValue("method");
            String name = displayName(m.getType().getName(), m.getName());
            long calls = e.getLong("invocations");
            MethodTime t = new MethodTime(name, calls, ms(e.getDuration("minimum")), ms(e.getDuration("average")),
                    ms(e.getDuration("maximum")));
            times.merge(name, t, MethodTiming::combine); // overloads, and a method seen in two chunks
        }
        return new Result(r.value(), r.wallNanos() / 1e6, List.copyOf(times.values()));
    }

    private static MethodTime combine(MethodTime a, MethodTime b) {
        long calls = a.invocations() + b.invocations();
        double mean = calls == 0 ? 0 : (a.totalMs() + b.totalMs()) / calls;
        return new MethodTime(a.method(), calls, Math.min(a.minimumMs(), b.minimumMs()), mean,
                Math.max(a.maximumMs(), b.maximumMs()));
    }

    private static double ms(Duration d) {
        return d == null ? Double.NaN : d.toNanos() / 1e6;
    }

    /** {@code step} for a cell's method ({@code REPL.$JShell$41.step}), {@code pkg.Class.method} otherwise. */
    static String displayName(String type, String method) {
        return type.startsWith("REPL.") ? method : type + "." + method;
    }

    /**
     * What one timed run produced.
     *
     * @param value   what the code returned
     * @param wallMs  the run's wall time, with the timing's own cost in it
     * @param methods per method timed that was called: its calls and times
     */
    public record Result(Object value, double wallMs, List<MethodTime> methods) {
        /**
         * The timing of method {@code name} (as {@link MethodTime#method()} shows it).
         *
         * @throws IllegalArgumentException if the method was not timed or never called
         */
        public MethodTime time(String name) {
            return methods.stream().filter(m -> m.method().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("name: no calls of '" + name + "' were timed; timed: "
                            + methods.stream().map(MethodTime::method).toList()));
        }

        /** One row per method: calls, mean, minimum, maximum and total time. */
        public Table table() {
            StringColumn method = StringColumn.create("method");
            LongColumn calls = LongColumn.create("calls");
            DoubleColumn mean = DoubleColumn.create("mean_us");
            DoubleColumn min = DoubleColumn.create("min_us");
            DoubleColumn max = DoubleColumn.create("max_us");
            DoubleColumn total = DoubleColumn.create("total_ms");
            for (MethodTime m : methods) {
                method.append(m.method());
                calls.append(m.invocations());
                mean.append(m.averageMs() * 1000);
                min.append(m.minimumMs() * 1000);
                max.append(m.maximumMs() * 1000);
                total.append(m.totalMs());
            }
            return Table.create("method timing (JFR, exact)", method, calls, mean, min, max, total);
        }
    }
}
