package org.parlab.profile;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.parlab.display.Notebook;
import org.parlab.timing.Bench;
import org.parlab.timing.Timing;

/**
 * What the kernel's {@code %timeit}, {@code %%timeit}, {@code %%prun} and {@code %%memit} magics run, and their
 * last results, for code that wants to check them:
 *
 * <pre>{@code
 * %%timeit -r 9
 * sumBoxed(list);
 * }</pre>
 * then {@code Magics.lastTiming().medianMs()} in the next cell.
 *
 * <ul>
 * <li>{@code %timeit [-r runs] [-n calls] [-w warm-ups] expression} and {@code %%timeit} (the cell's statements):
 *     warms the code up (at least {@code -w} calls, default 3, and at least 0.3 s, so the JIT has compiled it),
 *     times {@code -r} runs (default 7) with {@link Bench} and prints one line, {@code 1.23 µs ± 0.02 µs per call
 *     (median ± MAD of 7 runs, 100,000 calls each)}. Without {@code -n} a run makes as many calls as fit in about
 *     20 ms.</li>
 * <li>{@code %%prun [-i interval-ms] [-l rows] [-m method]} (and {@code %prun expression}): profiles once with
 *     {@link Profiler}; prints a summary line and shows the hot-methods table, the hot lines of {@code -m method}
 *     and the flame graph.</li>
 * <li>{@code %%memit [-l rows] [-r runs]} (and {@code %memit expression}): runs once under
 *     {@link Allocations#profile}; prints bytes allocated, peak heap and increment, and shows the top allocation
 *     sites. With {@code -r}, runs the code that many times under {@link Allocations#profileRetained}, a line per
 *     run with the bytes it left reachable (retained), so a leak shows as retained memory that grows run after
 *     run; the sites shown are the last run's.</li>
 * </ul>
 * The code runs on the cell's thread and sees the variables and methods of earlier cells; an exception it throws
 * becomes the cell's error. (JJava's magic parser drops double quotes from a line magic's arguments: put code
 * with string literals in a cell magic.)
 */
public final class Magics {
    /** Usage of {@code %timeit}. */
    public static final String TIMEIT_USAGE = "%timeit [-r runs] [-n calls] [-w warm-ups] expression";
    /** Usage of {@code %%prun}. */
    public static final String PRUN_USAGE = "%%prun [-i interval-ms] [-l rows] [-m method]";
    /** Usage of {@code %%memit}. */
    public static final String MEMIT_USAGE = "%%memit [-l rows] [-r runs]";

    static final Map<String, int[]> TIMEIT_NUMBERS = Map.of("r", new int[] {1, 1000}, "n",
            new int[] {1, Bench.MAX_CALLS_PER_SAMPLE}, "w", new int[] {0, 1000});
    static final Map<String, int[]> PRUN_NUMBERS = Map.of("i", new int[] {1, 1000}, "l", new int[] {1, 1000});
    static final Map<String, int[]> MEMIT_NUMBERS = Map.of("l", new int[] {1, 1000}, "r", new int[] {1, 100});

    /** {@code %timeit} warms the code up for at least this long (and at least {@code -w} calls). */
    static final long WARMUP_NANOS = 300_000_000L;
    /** Without {@code -n}, {@code %timeit} makes each timed run last about this long. */
    static final long RUN_NANOS = 20_000_000L;

    private static volatile Timing lastTiming;
    private static volatile Profile lastProfile;
    private static volatile AllocationProfile lastAllocations;
    private static volatile List<AllocationProfile> lastMemitRuns;

    private Magics() {
    }

    /** Parses {@code %timeit}'s options. */
    public static MagicOptions timeitOptions(List<String> args) {
        return MagicOptions.parse("%timeit", args, TIMEIT_NUMBERS, List.of(), TIMEIT_USAGE);
    }

    /** Parses {@code %%prun}'s options. */
    public static MagicOptions prunOptions(List<String> args) {
        return MagicOptions.parse("%prun", args, PRUN_NUMBERS, List.of("m"), PRUN_USAGE);
    }

    /** Parses {@code %%memit}'s options. */
    public static MagicOptions memitOptions(List<String> args) {
        return MagicOptions.parse("%memit", args, MEMIT_NUMBERS, List.of(), MEMIT_USAGE);
    }

    /** Runs {@code %timeit}/{@code %%timeit} on {@code code}: times it, prints the summary, returns the timing. */
    public static Timing timeit(MagicOptions o, String label, Code code) {
        require("o", o);
        require("label", label);
        require("code", code);
        int warmups = o.number("w", Bench.DEFAULT_WARMUPS);
        int runs = o.number("r", Bench.DEFAULT_REPEATS);
        java.util.function.Supplier<Object> work = () -> Recordings.invoke(code);
        // warm up by time as well as by count, so the JIT has compiled the code before the first timed run
        org.parlab.timing.Blackhole hole = new org.parlab.timing.Blackhole();
        long calls = 0;
        long t0 = System.nanoTime();
        long elapsed = 0;
        while (calls < warmups || (elapsed < WARMUP_NANOS && calls < Bench.MAX_CALLS_PER_SAMPLE)) {
            hole.consume(work.get());
            calls++;
            elapsed = System.nanoTime() - t0;
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("%timeit was interrupted");
            }
        }
        int n;
        if (o.numbers().containsKey("n")) {
            n = o.number("n", 1);
        } else { // like IPython: enough calls per run for the run to last RUN_NANOS
            double perCall = (double) elapsed / Math.max(1, calls);
            n = (int) Math.max(1, Math.min(Bench.MAX_CALLS_PER_SAMPLE, Math.ceil(RUN_NANOS / Math.max(1, perCall))));
        }
        Timing t = Bench.task(label, work).warmups(0).repeats(runs).callsPerSample(n).run();
        lastTiming = t;
        System.out.println(timeitLine(t));
        System.out.flush();
        return t;
    }

    /**
     * IPython's line, {@code 1.23 µs ± 0.02 µs per call (median ± MAD of 7 runs, 100,000 calls each)}: the
     * timing's {@link Timing#perCall()}.
     */
    public static String timeitLine(Timing t) {
        require("t", t);
        return t.perCall();
    }

    /** Runs {@code %%prun}: profiles {@code code} once, prints the summary, shows the tables and the flame graph. */
    public static Profile prun(MagicOptions o, Code code) {
        return prun(o, code, m -> null);
    }

    /**
     * {@link #prun(MagicOptions, Code)}, with a way to find the source of a method named by {@code -m}: the
     * kernel passes one that looks methods defined in cells up in JShell.
     */
    public static Profile prun(MagicOptions o, Code code, java.util.function.Function<String, MethodSource> sources) {
        require("o", o);
        require("code", code);
        require("sources", sources);
        Profile p = Profiler.sampling().every(Duration.ofMillis(o.number("i", 10))).run(code);
        lastProfile = p;
        System.out.println(p.summary());
        System.out.flush();
        Notebook.display(p.hotMethods(o.number("l", 12)));
        String m = o.text("m");
        if (m != null && p.sampleCount() > 0) {
            MethodSource src = sources.apply(m);
            Notebook.display(src == null ? p.hotLines(m) : p.hotLines(m, src.lineOffset(), src.lines()));
        }
        if (p.sampleCount() > 0) {
            Notebook.display(p.flameGraph());
        }
        return p;
    }

    /**
     * The source of a method, for hot lines with code.
     *
     * @param lines      the method's source lines
     * @param lineOffset what to subtract from the JVM's line numbers to get 1-based indexes into {@code lines}
     */
    public record MethodSource(List<String> lines, int lineOffset) {
    }

    /** Runs {@code %%memit}: profiles the allocations of {@code code}, prints the summary, shows the sites. */
    public static AllocationProfile memit(MagicOptions o, Code code) {
        require("o", o);
        require("code", code);
        AllocationProfile a;
        if (o.numbers().containsKey("r")) {
            int runs = o.number("r", 1);
            List<AllocationProfile> all = new java.util.ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                AllocationProfile p = Allocations.profileRetained(code);
                all.add(p);
                System.out.printf("run %d: allocated %s, retained %s%n", run, AllocationProfile.mb(p.allocatedBytes()),
                        AllocationProfile.mb(p.retainedBytes()));
            }
            a = all.get(all.size() - 1);
            lastMemitRuns = List.copyOf(all);
        } else {
            a = Allocations.profile(code);
            lastMemitRuns = List.of(a);
        }
        lastAllocations = a;
        System.out.println(a.summary());
        System.out.flush();
        if (!a.sites().isEmpty()) {
            Notebook.display(a.topSites(o.number("l", 8)));
        }
        return a;
    }

    /** The result of the last {@code %timeit}/{@code %%timeit}. */
    public static Timing lastTiming() {
        return requireRun(lastTiming, "%timeit");
    }

    /** The result of the last {@code %%prun}. */
    public static Profile lastProfile() {
        return requireRun(lastProfile, "%%prun");
    }

    /** The result of the last {@code %%memit}. */
    public static AllocationProfile lastAllocations() {
        return requireRun(lastAllocations, "%%memit");
    }

    /**
     * Every run of the last {@code %%memit}, first to last: one without {@code -r}, {@code -r} of them with it
     * (each with its {@link AllocationProfile#retainedBytes()}).
     */
    public static List<AllocationProfile> lastMemitRuns() {
        return requireRun(lastMemitRuns, "%%memit");
    }

    private static void require(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static <T> T requireRun(T value, String magic) {
        if (value == null) {
            throw new IllegalStateException("no " + magic + " has run yet in this kernel");
        }
        return value;
    }
}
