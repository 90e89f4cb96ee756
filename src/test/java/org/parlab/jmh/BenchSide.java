package org.parlab.jmh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.parlab.jmh.SumWorkloads.Workload;
import org.parlab.timing.Bench;
import org.parlab.timing.Timing;

/**
 * The {@code Bench} side of the comparison, started by {@link Compare} in a fresh JVM (like a JMH fork), with
 * the same JVM options. It prints one tab-separated line per timing on standard output,
 * {@code RESULT <kind> <workload> <callsPerSample> <sample ms>,<sample ms>,...}; logging goes to standard error.
 *
 * <ul>
 *   <li>{@code BenchSide time WORKLOAD}: {@code Bench.time(label, () -> w.method())} with its defaults
 *       (3 warm-ups, calibrated calls per sample, 7 timed samples): the API under test ({@code time}); then,
 *       to tell a short warm-up from other causes, 2 s of back-to-back calls and the same timing again
 *       ({@code warmed}).</li>
 *   <li>{@code BenchSide interleaved WORKLOAD...}: {@code Bench.interleave(tasks).warmups(3).repeats(9)} over
 *       the workloads, one call per sample, as lesson 04 times them (its {@code WARMUPS} and {@code REPEATS}).</li>
 * </ul>
 */
public final class BenchSide {
    /** Lesson 04's {@code WARMUPS} and {@code REPEATS}, for the interleaved timing. */
    static final int LESSON_WARMUPS = 3;
    static final int LESSON_REPEATS = 9;
    /** The extra warm-up before the {@code warmed} timing: 2 s of back-to-back calls. */
    static final long WARM_NANOS = 2_000_000_000L;

    private BenchSide() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !(args[0].equals("time") || args[0].equals("interleaved"))) {
            System.err.println("usage: BenchSide time WORKLOAD | BenchSide interleaved WORKLOAD...");
            System.exit(2);
        }
        SumWorkloads w = new SumWorkloads();
        if (args[0].equals("time")) {
            if (args.length != 2) {
                System.err.println("BenchSide time takes one workload");
                System.exit(2);
            }
            Workload workload = Workload.valueOf(args[1]);
            Supplier<Double> task = workload.task(w);
            Timing t = Bench.time(workload.label(), task);
            print("time", workload, t);
            // then, for the report's diagnosis only: the same after WARM_NANOS more of back-to-back calls
            double sink = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < WARM_NANOS) {
                sink += task.get();
            }
            print("warmed", workload, Bench.time(workload.label(), task));
            System.err.println("(sink " + sink + ")");
        } else {
            double[] sink = new double[1];   // as the notebook: results flow here
            Map<String, Runnable> tasks = new LinkedHashMap<>();
            Map<String, Workload> byLabel = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                Workload workload = Workload.valueOf(args[i]);
                Supplier<Double> task = workload.task(w);
                tasks.put(workload.label(), () -> sink[0] += task.get());
                byLabel.put(workload.label(), workload);
            }
            Map<String, Timing> timings = Bench.interleave(tasks).warmups(LESSON_WARMUPS).repeats(LESSON_REPEATS).run();
            timings.forEach((label, t) -> print("interleaved", byLabel.get(label), t));
            System.err.println("(sink " + sink[0] + ")");
        }
        System.out.flush();
        System.exit(0);   // ND4J's native threads must not keep the JVM alive
    }

    private static void print(String kind, Workload workload, Timing t) {
        System.out.println(String.join("\t", "RESULT", kind, workload.name(), Integer.toString(t.callsPerSample()),
                format(t.samplesMs())));
    }

    private static String format(List<Double> samples) {
        return samples.stream().map(s -> String.format(Locale.ROOT, "%.6g", s)).collect(Collectors.joining(","));
    }
}
