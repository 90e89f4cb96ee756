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

    private static volatile boolean samplerReady;

    /**
     * The first recording in a JVM starts JFR, and its sampler took its first sample only after a short profiled
     * cell had ended (0 samples, in CI). Once per JVM: record a busy spin until JFR delivers execution samples
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
