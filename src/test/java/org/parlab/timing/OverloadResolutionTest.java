package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which {@code Bench.time} and {@code Bench.task} overload javac picks for the lambdas people write: compiles a one-call class against
 * the library and reads the called method's descriptor from the class file.
 */
class OverloadResolutionTest {
    /** The end of the called method's descriptor: {@code time} returns a Timing, {@code task} a TimedTask. */
    private static final String SUPPLIER = "Ljava/util/function/Supplier;)Lorg/parlab/timing/T";
    private static final String RUNNABLE = "Ljava/lang/Runnable;)Lorg/parlab/timing/T";

    @TempDir
    Path dir;

    /** Compiles {@code call} in a class with a few helpers; returns javac's errors, or the class file's text. */
    private String compile(String call) throws IOException, URISyntaxException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "needs a JDK");
        String source = """
                import java.util.*;
                import java.util.concurrent.atomic.AtomicInteger;
                import org.parlab.timing.Bench;
                class Call {
                    static int x;
                    static double sum(double[] d) { double s = 0; for (double v : d) s += v; return s; }
                    static void sleep(long ms) { }
                    static int overloaded() { return 1; }
                    static int overloaded(int a) { return a; }
                    static void run(double[] data, AtomicInteger counter, List<Integer> list) {
                        %s;
                    }
                }
                """.formatted(call);
        Path file = dir.resolve("Call.java");
        Files.writeString(file, source);
        String classpath = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-classpath", classpath, "-d", dir.toString(), "--release", "17"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile()))
                .call();
        if (!ok) {
            return "ERROR " + errors;
        }
        return new String(Files.readAllBytes(dir.resolve("Call.class")), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Bench.time(\"a\", () -> sum(data))                        | Supplier",
            "Bench.task(\"a\", () -> sum(data)).warmups(3).repeats(7).run()     | Supplier",
            "Bench.task(\"a\", () -> sum(data)).callsPerSample(100).run()       | Supplier",
            "Bench.time(\"a\", () -> x++)                              | Supplier",
            "Bench.time(\"a\", counter::incrementAndGet)               | Supplier",
            "Bench.time(\"a\", () -> { return sum(data); })            | Supplier",
            "Bench.time(\"a\", () -> list.add(1))                      | Supplier",
            "Bench.time(\"a\", () -> { x++; })                         | Runnable",
            "Bench.task(\"a\", () -> { x++; }).warmups(3).repeats(7).run()      | Runnable",
            "Bench.task(\"a\", () -> { x++; }).callsPerSample(100).run()        | Runnable",
            "Bench.time(\"a\", () -> sleep(20))                        | Runnable",
            "Bench.time(\"a\", () -> Arrays.sort(data))                | Runnable",
            "Bench.time(\"a\", list::clear)                            | Runnable",
            "Bench.task(\"a\", () -> sleep(20)).warmups(0).repeats(5).run()     | Runnable"})
    void commonLambdasResolveWithoutAmbiguity(String call, String expected) throws Exception {
        String result = compile(call);
        assertFalse(result.startsWith("ERROR"), result);
        assertEquals(expected.equals("Supplier"), result.contains(SUPPLIER), "Supplier overload");
        assertEquals(expected.equals("Runnable"), result.contains(RUNNABLE), "Runnable overload");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Bench.time(\"a\", null)",
            "Bench.task(\"a\", null)",
            "Bench.time(\"a\", Call::overloaded)"})
    void aBareNullOrAnOverloadedMethodReferenceIsAmbiguous(String call) throws Exception {
        String result = compile(call);
        assertTrue(result.startsWith("ERROR") && result.contains("ambiguous"), result);
    }
}
