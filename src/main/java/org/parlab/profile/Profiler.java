package org.parlab.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * A sampling profiler on JDK Flight Recorder, the profiler built into the JVM: every {@link #every interval} JFR
 * records the stack of each thread that runs Java code (and of each thread inside a native method), and
 * {@link Profile} turns the samples of the profiled code into a hot-methods table, hot lines and a flame graph.
 *
 * <pre>{@code
 * Profile p = Profiler.profile(() -> simulate(1_000));
 * p.hotMethods()      // where the time went
 * p.flameGraph()      // the same, as a picture
 * }</pre>
 *
 * Samples are kept for the calling thread and for threads the code starts; other threads of the JVM (the
 * kernel's, the JIT's, earlier cells' pools) are left out. Sampling is statistical: a method that ran for less
 * than a few intervals may not show up at all, so profile work that runs for at least a few hundred
 * milliseconds (a loop around a short call is fine).
 */
public final class Profiler {
    /** The default sampling interval, 10 ms: about 100 samples per second of work, at negligible cost. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(10);
    /** The shortest interval JFR is asked for. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(1);
    /** The longest interval accepted. */
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(1);

    private static final java.util.Set<String> OWN_CLASSES = java.util.Set.of(Profiler.class.getName(),
            Recordings.class.getName(), Allocations.class.getName(), CellCode.class.getName());

    private final Duration interval;

    private Profiler(Duration interval) {
        this.interval = interval;
    }

    /** A profiler sampling every {@link #DEFAULT_INTERVAL}. */
    public static Profiler sampling() {
        return new Profiler(DEFAULT_INTERVAL);
    }

    /**
     * The same profiler with another sampling interval.
     *
     * @throws IllegalArgumentException unless {@link #MIN_INTERVAL} ≤ {@code interval} ≤ {@link #MAX_INTERVAL}
     */
    public Profiler every(Duration interval) {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("interval must be between 1 ms and 1 s, got " + interval);
        }
        return new Profiler(interval);
    }

    /** The sampling interval. */
    public Duration interval() {
        return interval;
    }

    /**
     * Profiles {@code code} with the default interval: {@code Profiler.sampling().run(code)}.
     *
     * @throws IllegalArgumentException if {@code code} is null
     */
    public static Profile profile(Code code) {
        return sampling().run(code);
    }

    /**
     * Profiles {@code work} with the default interval.
     *
     * @throws IllegalArgumentException if {@code work} is null
     */
    public static Profile profile(Runnable work) {
        if (work == null) {
            throw new IllegalArgumentException("work must not be null");
        }
        return sampling().run(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code code} on the calling thread while sampling, and returns the profile. If the code throws, the
     * recording is closed and the exception passes through (a checked one wrapped in an
     * {@link IllegalStateException}).
     *
     * @throws IllegalArgumentException if {@code code} is null
     */
    public Profile run(Code code) {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        warmUpSampler();
        Recordings.Result r = Recordings.run(code, rec -> {
            rec.enable("jdk.ExecutionSample").withPeriod(interval).withStackTrace();
            rec.enable("jdk.NativeMethodSample").withPeriod(interval).withStackTrace();
        });
        List<StackSample> samples = new ArrayList<>();
        for (RecordedEvent e : r.events()) {
            String type = e.getEventType().getName();
            boolean inNative = type.equals("jdk.NativeMethodSample");
            if (!inNative && !type.equals("jdk.ExecutionSample")) {
                continue;
            }
            if (!r.ours(e.getThread("sampledThread"))) {
                continue;
            }
            StackSample s = toSample(e.getThread("sampledThread").getJavaName(), e.getStackTrace(), inNative,
                    e.getThread("sampledThread").getJavaThreadId() == r.callerId(), code);
            if (s != null) {
                samples.add(s);
            }
        }
        return new Profile(samples, interval.toNanos() / 1e6, r.wallNanos() / 1e6, r.value());
    }

    /**
     * Reads the execution samples of a JFR recording written by another JVM, e.g. a whole program profiled from
     * the command line (the JVM's counterpart of {@code python -m cProfile script.py}):
     *
     * <pre>{@code
     * java -XX:StartFlightRecording=settings=profile,filename=app.jfr -cp classes App
     * jcmd <pid> JFR.start settings=profile duration=30s filename=app.jfr    // or attach to a running JVM
     * Profile p = Profiler.read(Path.of("app.jfr"), "main");
     * }</pre>
     *
     * Keeps the samples ({@code jdk.ExecutionSample} and {@code jdk.NativeMethodSample}) of the threads named
     * {@code thread}, every frame of their stacks; the interval is the recording's own setting for execution
     * samples (20 ms with JFR's {@code default} settings, 10 ms with {@code profile}), and the wall time is the
     * span from the first sample to the last.
     *
     * @param recording a {@code .jfr} file
     * @param thread    the Java name of the thread whose samples to keep ({@code "main"} for a program's main
     *                  thread)
     * @throws IllegalArgumentException if {@code recording} is null or not a readable file, or {@code thread} is
     *                                  blank
     * @throws java.io.UncheckedIOException if the file is not a JFR recording
     */
    public static Profile read(java.nio.file.Path recording, String thread) {
        if (recording == null || !java.nio.file.Files.isReadable(recording)) {
            throw new IllegalArgumentException("recording must be a readable .jfr file, got " + recording);
        }
        if (thread == null || thread.isBlank()) {
            throw new IllegalArgumentException("thread must name a thread (\"main\" for a program's main thread)");
        }
        List<RecordedEvent> events = new ArrayList<>();
        long samplerId = Long.MIN_VALUE;
        try (jdk.jfr.consumer.RecordingFile file = new jdk.jfr.consumer.RecordingFile(recording)) {
            for (jdk.jfr.EventType t : file.readEventTypes()) {
                if (t.getName().equals("jdk.ExecutionSample")) {
                    samplerId = t.getId();
                }
            }
            while (file.hasMoreEvents()) {
                events.add(file.readEvent());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not read the JFR recording " + recording, e);
        }
        double intervalMs = Double.NaN;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<StackSample> samples = new ArrayList<>();
        for (RecordedEvent e : events) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ActiveSetting") && e.getLong("id") == samplerId
                    && e.getString("name").equals("period")) {
                double ms = periodMs(e.getString("value"));
                intervalMs = Double.isNaN(ms) ? intervalMs : ms; // the last setting is the one in force
            }
            boolean inNative = type.equals("jdk.NativeMethodSample");
            if (!inNative && !type.equals("jdk.ExecutionSample")) {
                continue;
            }
            jdk.jfr.consumer.RecordedThread t = e.getThread("sampledThread");
            if (t == null || !thread.equals(t.getJavaName())) {
                continue;
            }
            StackSample s = toSample(thread, e.getStackTrace(), inNative, false, null);
            if (s != null) {
                samples.add(s);
                long at = e.getStartTime().toEpochMilli();
                first = Math.min(first, at);
                last = Math.max(last, at);
            }
        }
        double wallMs = samples.isEmpty() ? 0 : last - first;
        return new Profile(samples, Double.isNaN(intervalMs) ? 0 : intervalMs, wallMs, null);
    }

    /** A JFR period setting ("10 ms", "1 s") in milliseconds, or NaN if it is not one. */
    static double periodMs(String value) {
        if (value == null) {
            return Double.NaN;
        }
        String v = value.trim();
        try {
            if (v.endsWith(" ms")) {
                return Double.parseDouble(v.substring(0, v.length() - 3));
            }
            if (v.endsWith(" s")) {
                return 1000 * Double.parseDouble(v.substring(0, v.length() - 2));
            }
        } catch (NumberFormatException ignored) {
            // an unusual format: the interval stays unknown
        }
        return Double.NaN;
    }

    private static volatile boolean samplerReady;

    /**
     * The first recording in a JVM starts JFR, and its sampler can take its first sample only after a short
     * profiled cell has ended (a profile without samples). Once per JVM: record a busy spin until JFR delivers execution samples
     * (at most 5 tries of 150 ms).
     */
    static void warmUpSampler() {
        if (samplerReady) {
            return;
        }
        synchronized (Profiler.class) {
            for (int attempt = 0; attempt < 5 && !samplerReady; attempt++) {
                Recordings.Result r = Recordings.run(() -> {
                    long end = System.nanoTime() + 150_000_000L;
                    long x = 0;
                    while (System.nanoTime() < end) {
                        x += x * 31 + 7;
                    }
                    return x;
                }, rec -> rec.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5)));
                samplerReady = r.events().stream()
                        .anyMatch(e -> e.getEventType().getName().equals("jdk.ExecutionSample"));
            }
            samplerReady = true; // do not wait again: a profile without samples says so itself
        }
    }

    /**
     * The frames of a sample, innermost first. On the calling thread the stack is cut at {@link Recordings#invoke}
     * (frames below it belong to the kernel); a sample taken outside the code (before or after it) is dropped.
     */
    static StackSample toSample(String thread, RecordedStackTrace stack, boolean inNative, boolean caller,
            Code code) {
        if (stack == null) {
            return null;
        }
        List<Frame> frames = new ArrayList<>();
        boolean cut = false;
        for (RecordedFrame f : stack.getFrames()) {
            String type = f.getMethod().getType().getName();
            String method = f.getMethod().getName();
            if (caller && type.equals(Recordings.class.getName()) && method.equals("invoke")) {
                cut = true;
                break;
            }
            if (type.contains("$$Lambda") || OWN_CLASSES.contains(type)) {
                continue; // a lambda's generated trampoline, or the profiler's own call into the code
            }
            frames.add(new Frame(type, method, CellCode.mapLine(code, type, method, f.getLineNumber()), f.getType()));
        }
        if (caller && !cut && !stack.isTruncated()) {
            return null; // sampled outside the profiled code
        }
        if (frames.isEmpty()) {
            return null;
        }
        return new StackSample(thread, frames, inNative);
    }
}
