package org.parlab.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public static method and public constructor of the library that takes a reference argument, called with
 * the most common student mistake: {@code null} (and zero for every number). It must either work (null or zero
 * can be a valid value) or fail with an {@link IllegalArgumentException} whose message starts with the name of
 * an argument, never with a {@link NullPointerException} from deep inside, and never by crashing.
 *
 * <p>The table is built by reflection over {@code target/classes}, so a new entry point is covered the day it
 * is written. The kernel package (it needs a running kernel) is left out.
 */
class BadInputTableTest {

    static Stream<Arguments> entryPoints() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(org.parlab.Machine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Arguments> rows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/parlab"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replace(".class", "");
                if (name.startsWith("org.parlab.kernel.") || name.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, BadInputTableTest.class.getClassLoader());
                if (!Modifier.isPublic(c.getModifiers())) {
                    continue;
                }
                List<Executable> entries = new ArrayList<>();
                for (Method m : c.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                        entries.add(m);
                    }
                }
                if (!c.isRecord()) { // a record's canonical constructor is plain data
                    for (Constructor<?> k : c.getConstructors()) {
                        entries.add(k);
                    }
                }
                for (Executable e : entries) {
                    if (Stream.of(e.getParameterTypes()).anyMatch(t -> !t.isPrimitive())) {
                        rows.add(Arguments.of(c.getSimpleName() + "." + (e instanceof Method ? e.getName() : "<init>")
                                + "(" + e.getParameterCount() + " args)", e));
                    }
                }
            }
        }
        assertTrue(rows.size() > 40, "too few entry points found: " + rows.size());
        return rows.stream();
    }

    /** The student's mistake for a parameter of type {@code t}: null for a reference, zero for a number. */
    static Object zeroOrNull(Class<?> t) {
        if (!t.isPrimitive()) {
            return null;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == char.class) {
            return (char) 0;
        }
        if (t == double.class) {
            return 0.0;
        }
        if (t == float.class) {
            return 0f;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == short.class) {
            return (short) 0;
        }
        return (byte) 0;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void nullsAndZerosGetAClearErrorNamingTheArgument(String label, Executable entry) throws Exception {
        Object[] args = Stream.of(entry.getParameterTypes()).map(BadInputTableTest::zeroOrNull).toArray();
        List<String> names = Stream.of(entry.getParameters()).map(p -> p.getName()).toList();
        try {
            if (entry instanceof Method m) {
                m.invoke(null, args);
            } else {
                ((Constructor<?>) entry).newInstance(args);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof IllegalArgumentException)) {
                fail(label + " threw " + cause + " instead of an IllegalArgumentException", cause);
            }
            String message = String.valueOf(cause.getMessage());
            assertTrue(names.stream().anyMatch(message::startsWith) || names.get(0).startsWith("arg"),
                    label + ": the message should start with the argument's name " + names + ", was: " + message);
        }
    }
}
