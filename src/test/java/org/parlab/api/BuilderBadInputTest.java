package org.parlab.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parlab.chart.Plot;
import org.parlab.check.Expect;
import org.parlab.gil.CPython;
import org.parlab.gil.Gil;
import org.parlab.gil.Workload;
import org.parlab.parallel.Scaling;
import org.parlab.profile.Profiler;
import org.parlab.timing.Bench;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The fluent builders' instance methods ({@code .repeats(0)}, {@code .title(null)}, {@code .every(null)}...) with
 * the same student mistakes as {@link BadInputTableTest}: null for every reference, zero for every number. Each
 * call must work or throw an {@link IllegalArgumentException} whose message starts with the option's (the
 * method's) or an argument's name. Every
 * public instance method a builder declares is in the table, found by reflection; a new builder goes in
 * {@link #BUILDERS}.
 */
class BuilderBadInputTest {
    static final Map<Class<?>, Supplier<Object>> BUILDERS = Map.of(
            Profiler.class, Profiler::sampling,
            CPython.class, CPython::gil,
            org.parlab.gil.GilSimulation.class, () -> Gil.simulate(Workload.cpuBound(Duration.ofMillis(1))),
            Scaling.class, () -> Scaling.of("work", 4, i -> { }),
            org.parlab.timing.Interleaved.class, () -> Bench.interleave(Map.of("a", () -> { })),
            org.parlab.timing.TimedTask.class, () -> Bench.task("a", () -> { }),
            org.parlab.timing.Sandwich.class, () -> Bench.sandwich("plain", () -> 1.0),
            org.parlab.check.Expectation.class, () -> Expect.atLeast(1),
            Plot.class, () -> Plot.line(Table.create("t", DoubleColumn.create("x", 1.0, 2.0),
                    DoubleColumn.create("y", 1.0, 2.0)), "x", "y"));

    /** Methods that run the measurement rather than configure it: called with good input elsewhere. */
    static final List<String> NOT_CONFIGURATION = List.of("run", "runSerially", "speedup", "measure", "chart",
            "toString", "hashCode", "equals");

    static Stream<Arguments> builderMethods() {
        List<Arguments> rows = new ArrayList<>();
        BUILDERS.forEach((type, make) -> {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()
                        || m.getParameterCount() == 0 || NOT_CONFIGURATION.contains(m.getName())) {
                    continue;
                }
                rows.add(Arguments.of(type.getSimpleName() + "." + m.getName() + "(" + m.getParameterCount()
                        + " args)", make, m));
            }
        });
        assertTrue(rows.size() > 20, "too few builder methods found: " + rows.size());
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builderMethods")
    void nullsAndZerosGetAClearErrorNamingTheArgument(String label, Supplier<Object> make, Method m)
            throws Exception {
        Object[] args = Stream.of(m.getParameterTypes()).map(BadInputTableTest::zeroOrNull).toArray();
        // a builder's option is named after its method (".repeats(0)": "repeats must be ..."), or its argument
        List<String> names = new ArrayList<>(Stream.of(m.getParameters()).map(p -> p.getName()).toList());
        names.add(m.getName());
        try {
            m.invoke(make.get(), args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof IllegalArgumentException)) {
                fail(label + " threw " + cause + " instead of an IllegalArgumentException", cause);
            }
            String message = String.valueOf(cause.getMessage());
            assertTrue(names.stream().anyMatch(message::startsWith),
                    label + ": the message should start with the argument's name " + names + ", was: " + message);
        }
    }
}
