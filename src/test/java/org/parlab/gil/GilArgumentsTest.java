package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad arguments fail fast with an IllegalArgumentException that names the argument. */
class GilArgumentsTest {
    private static final Workload NOOP = Workload.of("noop", in -> { });
    private static final GilSimulation SIM = Gil.simulate(NOOP);
    private static final Workload.Task TASK = in -> { };

    /** Asserts {@code message} contains {@code name} as a whole word. */
    static void assertNames(String name, String message) {
        assertNotNull(message, "exception has no message");
        Pattern word = Pattern.compile("(?<![A-Za-z])" + Pattern.quote(name) + "(?![A-Za-z])");
        assertTrue(word.matcher(message).find(), () -> "message should name '" + name + "': " + message);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                arguments("Gil.simulate(null)", "workload", (Executable) () -> Gil.simulate(null)),
                arguments("threads(0)", "threads", (Executable) () -> SIM.threads(0)),
                arguments("threads(-1)", "threads", (Executable) () -> SIM.threads(-1)),
                arguments("threads(65)", "threads", (Executable) () -> SIM.threads(GilSimulation.MAX_THREADS + 1)),
                arguments("switchInterval(null)", "interval", (Executable) () -> SIM.switchInterval(null)),
                arguments("switchInterval(0)", "interval", (Executable) () -> SIM.switchInterval(Duration.ZERO)),
                arguments("switchInterval(-1 ms)", "interval",
                        (Executable) () -> SIM.switchInterval(Duration.ofMillis(-1))),
                arguments("switchInterval(50 µs)", "interval",
                        (Executable) () -> SIM.switchInterval(Duration.ofNanos(50_000))),
                arguments("switchInterval(2 s)", "interval", (Executable) () -> SIM.switchInterval(Duration.ofSeconds(2))),
                arguments("timeout(null)", "limit", (Executable) () -> SIM.timeout(null)),
                arguments("timeout(0)", "limit", (Executable) () -> SIM.timeout(Duration.ZERO)),
                arguments("timeout(11 min)", "limit", (Executable) () -> SIM.timeout(Duration.ofMinutes(11))),
                arguments("speedup(0)", "repeats", (Executable) () -> SIM.speedup(0)),
                arguments("speedup(101)", "repeats", (Executable) () -> SIM.speedup(101)),
                arguments("Workload.of(null, task)", "name", (Executable) () -> Workload.of(null, TASK)),
                arguments("Workload.of(\"\", task)", "name", (Executable) () -> Workload.of("", TASK)),
                arguments("Workload.of(\"  \", task)", "name", (Executable) () -> Workload.of("  ", TASK)),
                arguments("Workload.of(\"x\", null)", "task", (Executable) () -> Workload.of("x", null)),
                arguments("cpuBound(null)", "work", (Executable) () -> Workload.cpuBound(null)),
                arguments("cpuBound(-1 ms)", "work", (Executable) () -> Workload.cpuBound(Duration.ofMillis(-1))),
                arguments("cpuBound(2 min)", "work", (Executable) () -> Workload.cpuBound(Duration.ofMinutes(2))),
                arguments("ioBound(0, …)", "waits",
                        (Executable) () -> Workload.ioBound(0, Duration.ofMillis(10), Duration.ZERO)),
                arguments("ioBound(10001, …)", "waits",
                        (Executable) () -> Workload.ioBound(10_001, Duration.ofMillis(10), Duration.ZERO)),
                arguments("ioBound(5, null, 0)", "wait", (Executable) () -> Workload.ioBound(5, null, Duration.ZERO)),
                arguments("ioBound(5, -1 ms, 0)", "wait",
                        (Executable) () -> Workload.ioBound(5, Duration.ofMillis(-1), Duration.ZERO)),
                arguments("ioBound(5, 10 ms, null)", "cpuBetween",
                        (Executable) () -> Workload.ioBound(5, Duration.ofMillis(10), null)),
                arguments("nativeSections(0, …)", "calls",
                        (Executable) () -> Workload.nativeSections(0, Duration.ofMillis(1), Duration.ZERO)),
                arguments("nativeSections(1, null, 0)", "nativeWork",
                        (Executable) () -> Workload.nativeSections(1, null, Duration.ZERO)),
                arguments("nativeSections(1, 1 ms, null)", "interpretedWork",
                        (Executable) () -> Workload.nativeSections(1, Duration.ofMillis(1), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void rejectsBadArgument(String call, String argument, Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable, call);
        assertNames(argument, e.getMessage());
    }

    static Stream<Arguments> badInterpreterCalls() {
        return Stream.of(
                arguments("bytecodes(-1)", "count", (Workload.Task) in -> in.bytecodes(-1)),
                arguments("blockingIo(null)", "wait", (Workload.Task) in -> in.blockingIo(null)),
                arguments("blockingIo(-1 ms)", "wait", (Workload.Task) in -> in.blockingIo(Duration.ofMillis(-1))),
                arguments("blockingIo(2 min)", "wait", (Workload.Task) in -> in.blockingIo(Duration.ofMinutes(2))),
                arguments("nativeCode(-1)", "units", (Workload.Task) in -> in.nativeCode(-1)));
    }

    @ParameterizedTest(name = "{0}, with GIL")
    @MethodSource("badInterpreterCalls")
    void badInterpreterCallFailsTheRunWithGil(String call, String argument, Workload.Task task) {
        assertRunFailsWithArgument(Gil.simulate(Workload.of(call, task)).threads(2).withGil(), argument);
    }

    @ParameterizedTest(name = "{0}, without GIL")
    @MethodSource("badInterpreterCalls")
    void badInterpreterCallFailsTheRunWithoutGil(String call, String argument, Workload.Task task) {
        assertRunFailsWithArgument(Gil.simulate(Workload.of(call, task)).threads(2).withoutGil(), argument);
    }

    private static void assertRunFailsWithArgument(GilSimulation sim, String argument) {
        for (Executable run : new Executable[] {sim::run, sim::runSerially}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, run);
            IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause(),
                    () -> "cause of " + e);
            assertNames(argument, cause.getMessage());
        }
        GilTestSupport.assertNoSimThreadsAlive();
    }

    @Test
    void timelineRejectsBadRanges() {
        GilRun run = Gil.simulate(NOOP).threads(1).run();
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> run.timeline(-1, 10));
        assertNames("fromMs", negative.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> run.timeline(10, 10));
        assertNames("toMs", empty.getMessage());
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class, () -> run.timeline(20, 10));
        assertNames("toMs", reversed.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> run.timeline(Double.NaN, 10));
        assertNames("fromMs", nan.getMessage());
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertNotNull(SIM.threads(1));
        assertNotNull(SIM.threads(GilSimulation.MAX_THREADS));
        assertNotNull(SIM.switchInterval(Duration.ofNanos(100_000)));
        assertNotNull(SIM.switchInterval(Duration.ofSeconds(1)));
        assertNotNull(SIM.timeout(Duration.ofMillis(1)));
        assertNotNull(SIM.timeout(Duration.ofMinutes(10)));
        assertNotNull(Workload.cpuBound(Duration.ZERO));
        assertNotNull(Workload.ioBound(1, Duration.ZERO, Duration.ZERO));
        assertNotNull(Workload.nativeSections(10_000, Duration.ZERO, Duration.ZERO));
        Workload w = Workload.of("mine", TASK);
        assertSame(TASK, w.task());
    }

    @Test
    void optionsReturnNewSimulationsAndLeaveTheOriginalUnchanged() {
        GilSimulation base = Gil.simulate(NOOP);
        GilSimulation other = base.threads(3).withoutGil().switchInterval(Duration.ofMillis(1));
        assertTrue(base != other);
        GilRun run = base.run();
        assertTrue(run.gil());
        assertTrue(run.threads() == 2, "default is 2 threads: " + run);
        assertTrue(run.switchIntervalMs() == 5.0, run::toString);
    }
}
