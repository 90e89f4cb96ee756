package org.parlab.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;
import org.parlab.jmh.SumWorkloads.Workload;
import org.parlab.timing.Timing;

/**
 * Times lesson 04's summations ({@link SumWorkloads}) with JMH and with the course's {@code Bench}, each in
 * fresh JVMs with the kernel's JVM options ({@code kernel/jvm.options}), and writes
 * {@code target/jmh-compare.md} and {@code target/jmh-compare.json}. Run it with {@code ./parlab jmh}.
 *
 * <p>The two sides take turns, so that a change in the machine's background load (another process, or a
 * neighbour in the same L3 cache: the boxed loop's 20 MB live there) hits both alike: per workload,
 * {@value #ROUNDS} rounds of one JMH fork ({@link SumBenchmarks}, average time per call,
 * {@value #WARMUP_ITERATIONS} warm-up + {@value #MEASUREMENT_ITERATIONS} measured one-second iterations)
 * followed by one fresh JVM running {@code Bench.time} on the same method ({@link BenchSide}). JMH's number
 * pools the iterations of all its forks, as JMH does for a run with several forks; Bench's is the median of
 * the rounds' medians. Bench agrees with JMH when it is within {@value #TOLERANCE_PERCENT} % of JMH's mean.
 * Last, one more JVM times the four interleaved as the lesson does
 * ({@code Bench.interleave(...).warmups(3).repeats(9)}, one call per sample), for information.
 *
 * <p>Options: {@code --quick} (1 round of short iterations: checks the wiring, numbers not for reading),
 * {@code --rounds R}, {@code --only BOXED_LOOP,ND4J_SUM} (a subset), {@code --wait-quiet} (before each JVM,
 * wait up to a minute until other processes use less than {@value #QUIET_CORES} core: for a shared machine),
 * {@code --out DIR} (default {@code target}).
 */
public final class Compare {
    static final int ROUNDS = 3;
    static final int WARMUP_ITERATIONS = 5;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final int TOLERANCE_PERCENT = 15;
    static final double TOLERANCE = TOLERANCE_PERCENT / 100.0;

    private Compare() {
    }

    /** JMH's numbers for one workload, pooled over its forks, in ms per call. */
    record JmhNumbers(double meanMs, double errorMs, double medianMs, double minMs, double maxMs, long iterations,
                      List<Double> forkMeansMs) {
    }

    /** One row of the report: a workload's JMH forks, Bench JVMs (one per round), and the interleaved timing. */
    record Row(Workload workload, JmhNumbers jmh, List<Timing> bench, List<Timing> warmed, Timing interleaved,
               double otherCores, double loadBefore) {
        /** The median of the Bench JVMs' medians. */
        double benchMs() {
            return median(bench.stream().mapToDouble(Timing::medianMs).toArray());
        }

        /** The same for the timings after 2 s more warm-up. */
        double warmedMs() {
            return median(warmed.stream().mapToDouble(Timing::medianMs).toArray());
        }

        double ratio() {
            return benchMs() / jmh.meanMs();
        }

        /** Bench against JMH's median iteration, which a noisy second moves less than the mean. */
        double ratioToMedian() {
            return benchMs() / jmh.medianMs();
        }

        boolean agrees() {
            return Math.abs(ratio() - 1) <= TOLERANCE;
        }

        /** Round by round: Bench's median / the JMH fork's mean that ran just before it. */
        List<Double> pairedRatios() {
            List<Double> r = new ArrayList<>();
            for (int i = 0; i < Math.min(bench.size(), jmh.forkMeansMs().size()); i++) {
                r.add(bench.get(i).medianMs() / jmh.forkMeansMs().get(i));
            }
            return r;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean waitQuiet = false;
        int rounds = ROUNDS;
        List<Workload> workloads = new ArrayList<>(List.of(Workload.values()));
        Path out = Path.of("target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> workloads = Arrays.stream(args[++i].split(","))
                        .map(s -> Workload.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
                case "--out" -> out = Path.of(args[++i]);
                case "--wait-quiet" -> waitQuiet = true;
                default -> {
                    System.err.println("usage: Compare [--quick] [--rounds R] [--only WORKLOAD,...] [--wait-quiet]"
                            + " [--out DIR];"
                            + " workloads: " + Arrays.toString(Workload.values()));
                    System.exit(2);
                }
            }
        }
        if (quick) {
            rounds = 1;
        }
        List<String> jvmOptions = kernelJvmOptions(Path.of(System.getProperty("parlab.jvmOptions",
                "kernel/jvm.options")));
        String omp = System.getenv("OMP_WAIT_POLICY");
        if (!"PASSIVE".equals(omp)) {
            System.err.println("warning: OMP_WAIT_POLICY is " + omp + ", not PASSIVE as in the kernel: ND4J's "
                    + "OpenMP threads will spin (./parlab jmh sets it)");
        }
        Settings settings = new Settings(rounds, quick ? 2 : WARMUP_ITERATIONS, quick ? 3 : MEASUREMENT_ITERATIONS,
                quick ? TimeValue.milliseconds(300) : TimeValue.seconds(1), quick, waitQuiet, jvmOptions);

        Instant started = Instant.now();
        double loadAtStart = loadAverage();
        Map<Workload, List<Timing>> bench = new EnumMap<>(Workload.class);
        Map<Workload, List<Timing>> warmed = new EnumMap<>(Workload.class);
        Map<Workload, JmhNumbers> jmh = new EnumMap<>(Workload.class);
        Map<Workload, double[]> load = new EnumMap<>(Workload.class);
        double waitedSeconds = 0;
        for (Workload w : workloads) {
            double before = loadAverage();
            double otherCpu = 0;
            double wall = 0;
            List<BenchmarkResult> forks = new ArrayList<>();
            List<Timing> timings = new ArrayList<>();
            List<Timing> warmedTimings = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                if (waitQuiet) {
                    waitedSeconds += waitForQuiet();
                }
                say("%s, round %d/%d: JMH, one fork of %d + %d iterations of %s", w.label(), r, rounds,
                        settings.warmups(), settings.measurements(), settings.iteration());
                CpuMeter meter = CpuMeter.start();
                forks.add(runJmhFork(w, settings));
                otherCpu += meter.otherCpuSeconds();
                wall += meter.wallSeconds();
                if (waitQuiet) {
                    waitedSeconds += waitForQuiet();
                }
                say("%s, round %d/%d: Bench.time in a fresh JVM", w.label(), r, rounds);
                meter = CpuMeter.start();
                Map<String, Map<Workload, Timing>> side = runBench(jvmOptions, List.of("time", w.name()));
                timings.add(side.get("time").get(w));
                warmedTimings.add(side.get("warmed").get(w));
                otherCpu += meter.otherCpuSeconds();
                wall += meter.wallSeconds();
            }
            jmh.put(w, pool(forks));
            bench.put(w, timings);
            warmed.put(w, warmedTimings);
            load.put(w, new double[] {before, otherCpu / wall});
        }
        say("all: Bench.interleave(...).warmups(%d).repeats(%d) in a fresh JVM, as lesson 04 times them",
                BenchSide.LESSON_WARMUPS, BenchSide.LESSON_REPEATS);
        if (waitQuiet) {
            waitedSeconds += waitForQuiet();
        }
        List<String> interleavedArgs = new ArrayList<>(List.of("interleaved"));
        workloads.forEach(w -> interleavedArgs.add(w.name()));
        Map<Workload, Timing> interleaved = runBench(jvmOptions, interleavedArgs).get("interleaved");
        List<Row> rows = new ArrayList<>();
        for (Workload w : workloads) {
            rows.add(new Row(w, jmh.get(w), bench.get(w), warmed.get(w), interleaved.get(w), load.get(w)[1],
                    load.get(w)[0]));
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1e3;
        double loadAtEnd = loadAverage();

        Files.createDirectories(out);
        String md = markdown(header(started, seconds, loadAtStart, loadAtEnd, settings, waitedSeconds), rows);
        Files.writeString(out.resolve("jmh-compare.md"), md, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("jmh-compare.json"), json(started, seconds, loadAtStart, loadAtEnd, settings,
                waitedSeconds, rows), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        say("wrote %s and %s", out.resolve("jmh-compare.md"), out.resolve("jmh-compare.json"));
        System.exit(0);
    }

    /** How the comparison runs. */
    record Settings(int rounds, int warmups, int measurements, TimeValue iteration, boolean quick,
                    boolean waitQuiet, List<String> jvmOptions) {
    }

    /** Other processes' CPU use below which the machine counts as quiet for {@code --wait-quiet}, in cores. */
    static final double QUIET_CORES = 0.2;
    /** The longest {@code --wait-quiet} waits before a JVM starts. */
    static final Duration MAX_QUIET_WAIT = Duration.ofSeconds(60);

    /**
     * Waits until other processes used less than {@value #QUIET_CORES} cores over a 2-second window (this
     * process idles meanwhile), at most {@link #MAX_QUIET_WAIT}.
     *
     * @return the seconds waited
     */
    static double waitForQuiet() throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            CpuMeter window = CpuMeter.start();
            Thread.sleep(2000);
            double others = window.otherCores();
            double waited = (System.nanoTime() - start) / 1e9;
            if (Double.isNaN(others) || others < QUIET_CORES) {
                return waited;
            }
            if (waited >= MAX_QUIET_WAIT.toSeconds()) {
                System.out.printf(Locale.ROOT, "# jmh-compare: still %.2f cores busy elsewhere after %.0f s; going on%n",
                        others, waited);
                return waited;
            }
            System.out.printf(Locale.ROOT, "# jmh-compare: waiting for a quiet machine (%.2f cores busy elsewhere)%n",
                    others);
        }
    }

    /**
     * The options of {@code kernel/jvm.options} for this JVM, as kernel/install.py reads them: one per line,
     * {@code #} starts a comment, a line {@code NN+: OPTION} applies from Java NN on.
     */
    static List<String> kernelJvmOptions(Path file) throws IOException {
        int feature = Runtime.version().feature();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceFirst("#.*", "").strip())
                .filter(l -> !l.isEmpty())
                .map(l -> {
                    java.util.regex.Matcher m = Pattern.compile("(\\d+)\\+:\\s*(\\S+)").matcher(l);
                    return !m.matches() ? l : feature >= Integer.parseInt(m.group(1)) ? m.group(2) : "";
                })
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /** One JMH fork of {@code w}'s benchmark. */
    private static BenchmarkResult runJmhFork(Workload w, Settings settings) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(SumBenchmarks.class.getName() + "." + w.benchmark()) + "$")
                .forks(1)
                .warmupIterations(settings.warmups())
                .warmupTime(settings.iteration())
                .measurementIterations(settings.measurements())
                .measurementTime(settings.iteration())
                .timeUnit(TimeUnit.MICROSECONDS)
                .jvmArgs(settings.jvmOptions().toArray(String[]::new))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.size() != 1 || results.iterator().next().getBenchmarkResults().size() != 1) {
            throw new IllegalStateException("JMH gave " + results.size() + " results for " + w + ", expected 1 fork");
        }
        return results.iterator().next().getBenchmarkResults().iterator().next();
    }

    /**
     * The forks' measured iterations pooled, as JMH pools the forks of one run: the mean of all iteration
     * scores with its 99.9 % confidence half-width (Student's t), their median, min and max.
     */
    static JmhNumbers pool(List<BenchmarkResult> forks) {
        ListStatistics all = new ListStatistics();
        List<Double> forkMeans = new ArrayList<>();
        for (BenchmarkResult fork : forks) {
            double toMs = toMs(fork.getScoreUnit());
            for (IterationResult it : fork.getIterationResults()) {
                all.addValue(it.getPrimaryResult().getScore() * toMs);
            }
            forkMeans.add(fork.getPrimaryResult().getScore() * toMs);
        }
        double error = all.getN() > 2 ? all.getMeanErrorAt(0.999) : Double.NaN;
        return new JmhNumbers(all.getMean(), error, all.getPercentile(50), all.getMin(), all.getMax(), all.getN(),
                forkMeans);
    }

    private static double toMs(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> throw new IllegalStateException("unexpected JMH unit " + unit);
        };
    }

    /** Runs {@link BenchSide} with {@code args} in a fresh JVM with the kernel's options; its timings by kind. */
    private static Map<String, Map<Workload, Timing>> runBench(List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchSide.class.getName());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Map<Workload, Timing>> timings = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length == 5 && f[0].equals("RESULT")) {
                    Workload w = Workload.valueOf(f[2]);
                    List<Double> samples = Arrays.stream(f[4].split(",")).map(Double::parseDouble).toList();
                    Timing t = new Timing(w.label(), samples, Integer.parseInt(f[3]));
                    timings.computeIfAbsent(f[1], k -> new EnumMap<>(Workload.class)).put(w, t);
                    System.out.println("  " + f[1] + ": " + t.summary());
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the Bench JVM failed: " + command);
        }
        return timings;
    }

    /** The 1-minute load average, or NaN where the OS does not give one. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void say(String format, Object... args) {
        System.out.println("\n# jmh-compare: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.1f ms", ms)
                : ms >= 1 ? String.format(Locale.ROOT, "%.2f ms", ms)
                : String.format(Locale.ROOT, "%.0f µs", ms * 1e3);
    }

    private static String ms3(double ms) {
        return String.format(Locale.ROOT, "%.4g", ms);
    }

    private static String header(Instant started, double seconds, double loadStart, double loadEnd,
                                 Settings st, double waited) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Bench against JMH: lesson 04's sums of ").append(String.format(Locale.ROOT, "%,d", SumWorkloads.N))
                .append(" doubles\n\n");
        if (st.quick()) {
            sb.append("**--quick run: 1 round of short iterations, for checking the wiring; do not read the numbers."
                    + "**\n\n");
        }
        sb.append(String.format(Locale.ROOT, "Run %s, %.0f s; %d cores; load average %.2f at the start, %.2f at the"
                        + " end; %s %s; OMP_WAIT_POLICY=%s.%n%n", started, seconds,
                Runtime.getRuntime().availableProcessors(), loadStart, loadEnd, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getenv("OMP_WAIT_POLICY")));
        sb.append("Every JMH fork and every Bench JVM is a fresh JVM with the kernel's options (`kernel/jvm.options`): `")
                .append(String.join(" ", st.jvmOptions())).append("`. Per workload, ").append(st.rounds())
                .append(" rounds of one JMH fork then one Bench JVM, so that both see the same background load");
        if (st.waitQuiet()) {
            sb.append(String.format(Locale.ROOT, "; before each JVM the runner waited (at most %d s) until other"
                    + " processes used < %.1f core over 2 s: %.0f s of waiting in all", MAX_QUIET_WAIT.toSeconds(),
                    QUIET_CORES, waited));
        }
        sb.append(".\n\n");
        sb.append(String.format(Locale.ROOT, "* **JMH** 1.37: average time per call; per fork %d warm-up + %d"
                + " measured iterations of %s; mean ± error (99.9 %% confidence interval) and median of the %d"
                + " measured iterations of all forks.%n", st.warmups(), st.measurements(), st.iteration(),
                st.rounds() * st.measurements()));
        sb.append("* **Bench**: `Bench.time(label, () -> w.method())` with its defaults: 3 warm-ups, calls per"
                + " sample calibrated to a sample of ≥ 2 ms, median of 7 samples; the median of the ")
                .append(st.rounds()).append(" JVMs' medians (each JVM's median, calls per sample).\n");
        sb.append("* **Bench / JMH** = Bench / JMH mean; agreement means within ±").append(TOLERANCE_PERCENT)
                .append(" %. **Bench / JMH median**: against JMH's median iteration instead, which a noisy second"
                        + " moves less. **paired** = each round's Bench median / the mean of the JMH fork just before"
                        + " it.\n");
        sb.append("* **warmed 2 s more**: for diagnosis, in each Bench JVM after the timing above, 2 s of"
                + " back-to-back calls and `Bench.time` again (median over the JVMs): tells a too-short warm-up"
                + " from other causes.\n");
        sb.append("* **interleaved**: for information, the four timed together as lesson 04 does,"
                + " `Bench.interleave(...).warmups(3).repeats(9)` (one call per sample), in one more fresh JVM.\n");
        sb.append("* **other load**: cores kept busy by other processes while the workload's JVMs ran (all busy"
                + " CPU time in /proc/stat minus this process's and its children's, over wall time).\n");
        return sb.toString();
    }

    static String markdown(String header, List<Row> rows) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        sb.append("| workload | JMH mean ± error | JMH median (min–max) | Bench | Bench / JMH | within 15 %? |"
                + " Bench / JMH median | Bench JVMs: median (calls/sample) | paired | warmed 2 s more (/ JMH) |"
                + " interleaved (/ JMH) | other load |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            JmhNumbers j = r.jmh();
            sb.append("| ").append(r.workload().label().replace("<", "&lt;").replace(">", "&gt;"))
                    .append(" | ").append(ms(j.meanMs())).append(" ± ").append(ms(j.errorMs()))
                    .append(" | ").append(ms(j.medianMs())).append(" (").append(ms(j.minMs())).append("–")
                    .append(ms(j.maxMs())).append(")")
                    .append(" | ").append(ms(r.benchMs()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", r.ratio()))
                    .append(" | ").append(r.agrees() ? "yes" : "**no**")
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", r.ratioToMedian()))
                    .append(" | ").append(r.bench().stream().map(t -> ms(t.medianMs()) + " (" + t.callsPerSample() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(r.pairedRatios().stream().map(x -> String.format(Locale.ROOT, "%.2f", x))
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(ms(r.warmedMs()))
                    .append(String.format(Locale.ROOT, " (%.2f)", r.warmedMs() / j.meanMs()))
                    .append(" | ");
            if (r.interleaved() != null) {
                sb.append(ms(r.interleaved().medianMs())).append(String.format(Locale.ROOT, " (%.2f)",
                        r.interleaved().medianMs() / j.meanMs()));
            } else {
                sb.append("–");
            }
            sb.append(" | ").append(Double.isNaN(r.otherCores()) ? "–"
                    : String.format(Locale.ROOT, "%.2f cores", r.otherCores())).append(" |\n");
        }
        long agree = rows.stream().filter(Row::agrees).count();
        sb.append(String.format(Locale.ROOT, "%n%d of %d workloads within %d %%.%n", agree, rows.size(),
                TOLERANCE_PERCENT));
        sb.append("\nJMH's mean per fork: ");
        sb.append(rows.stream().map(r -> r.workload().benchmark() + " " + r.jmh().forkMeansMs().stream()
                .map(Compare::ms).collect(Collectors.joining(", "))).collect(Collectors.joining("; ")));
        sb.append(".\n");
        return sb.toString();
    }

    static String json(Instant started, double seconds, double loadStart, double loadEnd, Settings st,
                       double waited, List<Row> rows) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"started\": \"").append(started).append("\",\n");
        sb.append("  \"seconds\": ").append(ms3(seconds)).append(",\n");
        sb.append("  \"quick\": ").append(st.quick()).append(",\n");
        sb.append("  \"cores\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        sb.append("  \"load_average_start\": ").append(num(loadStart)).append(",\n");
        sb.append("  \"load_average_end\": ").append(num(loadEnd)).append(",\n");
        sb.append("  \"java\": \"").append(System.getProperty("java.version")).append("\",\n");
        sb.append("  \"omp_wait_policy\": ").append(System.getenv("OMP_WAIT_POLICY") == null ? "null"
                : "\"" + System.getenv("OMP_WAIT_POLICY") + "\"").append(",\n");
        sb.append("  \"jvm_options\": [").append(st.jvmOptions().stream()
                .map(o -> "\"" + o.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", "))).append("],\n");
        sb.append("  \"n\": ").append(SumWorkloads.N).append(",\n");
        sb.append("  \"tolerance\": ").append(TOLERANCE).append(",\n");
        sb.append("  \"rounds\": ").append(st.rounds()).append(",\n");
        sb.append("  \"wait_quiet\": ").append(st.waitQuiet()).append(", \"waited_seconds\": ").append(num(waited))
                .append(",\n");
        sb.append(String.format(Locale.ROOT, "  \"jmh\": {\"version\": \"1.37\", \"mode\": \"avgt\", \"forks_per_round\": 1,"
                + " \"warmup_iterations\": %d, \"measurement_iterations\": %d, \"iteration\": \"%s\"},%n",
                st.warmups(), st.measurements(), st.iteration()));
        sb.append("  \"bench\": {\"method\": \"Bench.time(label, supplier)\", \"warmups\": 3, \"repeats\": 7},\n");
        sb.append("  \"workloads\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            JmhNumbers j = r.jmh();
            sb.append("    {\"workload\": \"").append(r.workload().name()).append("\", \"label\": \"")
                    .append(r.workload().label()).append("\", \"benchmark\": \"")
                    .append(r.workload().benchmark()).append("\",\n");
            sb.append("     \"jmh_mean_ms\": ").append(num(j.meanMs())).append(", \"jmh_error_ms\": ")
                    .append(num(j.errorMs())).append(", \"jmh_median_ms\": ").append(num(j.medianMs()))
                    .append(", \"jmh_min_ms\": ").append(num(j.minMs())).append(", \"jmh_max_ms\": ")
                    .append(num(j.maxMs())).append(", \"jmh_iterations\": ").append(j.iterations())
                    .append(", \"jmh_fork_means_ms\": ").append(nums(j.forkMeansMs())).append(",\n");
            sb.append("     \"bench_ms\": ").append(num(r.benchMs())).append(", \"bench_jvms\": [");
            for (int k = 0; k < r.bench().size(); k++) {
                Timing t = r.bench().get(k);
                sb.append(k == 0 ? "" : ", ").append("{\"median_ms\": ").append(num(t.medianMs()))
                        .append(", \"mad_ms\": ").append(num(t.madMs())).append(", \"calls_per_sample\": ")
                        .append(t.callsPerSample()).append(", \"samples_ms\": ").append(nums(t.samplesMs()))
                        .append("}");
            }
            sb.append("],\n");
            sb.append("     \"warmed_ms\": ").append(num(r.warmedMs())).append(", \"warmed_jvm_medians_ms\": ")
                    .append(nums(r.warmed().stream().map(Timing::medianMs).toList())).append(",\n");
            sb.append("     \"ratio\": ").append(num(r.ratio())).append(", \"ratio_to_jmh_median\": ")
                    .append(num(r.ratioToMedian())).append(", \"within_tolerance\": ")
                    .append(r.agrees()).append(", \"paired_ratios\": ").append(nums(r.pairedRatios())).append(",\n");
            if (r.interleaved() != null) {
                sb.append("     \"interleaved_median_ms\": ").append(num(r.interleaved().medianMs()))
                        .append(", \"interleaved_samples_ms\": ").append(nums(r.interleaved().samplesMs()))
                        .append(",\n");
            }
            sb.append("     \"load_average_before\": ").append(num(r.loadBefore())).append(", \"other_load_cores\": ")
                    .append(num(r.otherCores())).append("}").append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String num(double x) {
        return Double.isFinite(x) ? ms3(x) : "null";
    }

    private static String nums(List<Double> xs) {
        return xs.stream().map(Compare::num).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * CPU time the rest of the machine used while a phase ran, from {@code /proc} (Linux): all busy time in
     * {@code /proc/stat} minus this process's own and its reaped children's (the JMH forks and Bench JVMs,
     * which have ended when {@link #otherCores()} is read), as a number of cores. NaN elsewhere.
     */
    static final class CpuMeter {
        private final long[] start;
        private final long wallStart = System.nanoTime();

        private CpuMeter(long[] start) {
            this.start = start;
        }

        static CpuMeter start() {
            return new CpuMeter(read());
        }

        /** Seconds since {@link #start()}. */
        double wallSeconds() {
            return (System.nanoTime() - wallStart) / 1e9;
        }

        /** CPU seconds other processes used since {@link #start()}; NaN where /proc cannot tell. */
        double otherCpuSeconds() {
            long[] end = read();
            if (start == null || end == null) {
                return Double.NaN;
            }
            double ticksPerSecond = 100;   // USER_HZ on Linux
            double all = (end[0] - start[0]) / ticksPerSecond;
            double ours = (end[1] - start[1]) / ticksPerSecond;
            return Math.max(0, all - ours);
        }

        /** {@link #otherCpuSeconds()} / {@link #wallSeconds()}: cores busy elsewhere. */
        double otherCores() {
            double wall = wallSeconds();
            return otherCpuSeconds() / wall;
        }

        /** {busy ticks of all CPUs, ticks of this process and its reaped children}, or null. */
        private static long[] read() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal ...
                long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                        + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]);
                String self = Files.readString(Path.of("/proc/self/stat"));
                String[] f = self.substring(self.lastIndexOf(')') + 2).split(" ");
                // after the name: state(3) ... utime(14) stime(15) cutime(16) cstime(17), 1-based in proc(5)
                long own = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                        + Long.parseLong(f[14]);
                return new long[] {busy, own};
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
