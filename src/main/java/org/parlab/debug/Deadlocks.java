package org.parlab.debug;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds deadlocked threads with the JVM's own detector ({@code ThreadMXBean.findDeadlockedThreads}), which
 * sees both {@code synchronized} monitors and {@code java.util.concurrent} locks: what {@code jstack} reports
 * as "Found one Java-level deadlock".
 */
public final class Deadlocks {
    private static final int FRAMES = 3;

    private Deadlocks() {
    }

    /** The deadlocked threads right now (an empty report if none). */
    public static DeadlockReport find() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.findDeadlockedThreads();
        if (ids == null) {
            return new DeadlockReport(List.of());
        }
        List<DeadlockReport.Entry> entries = new ArrayList<>();
        for (ThreadInfo info : mx.getThreadInfo(ids, true, true)) {
            if (info == null) {
                continue; // ended meanwhile
            }
            String at = Arrays.stream(info.getStackTrace())
                    .filter(f -> !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk."))
                    .limit(FRAMES).map(f -> f.getMethodName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : ""))
                    .collect(Collectors.joining(" ← "));
            entries.add(new DeadlockReport.Entry(info.getThreadName(), String.valueOf(info.getThreadState()),
                    String.valueOf(info.getLockName()), String.valueOf(info.getLockOwnerName()), at.isEmpty() ? "?" : at));
        }
        return new DeadlockReport(entries);
    }

    /**
     * Polls {@link #find()} every 20 ms until a deadlock shows up or {@code atMost} passes: threads need a moment
     * to reach their second lock.
     *
     * @throws IllegalArgumentException unless 0 ≤ {@code atMost} ≤ 1 minute
     */
    public static DeadlockReport await(Duration atMost) {
        if (atMost == null || atMost.isNegative() || atMost.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("atMost must be between 0 and 1 minute, got " + atMost);
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            DeadlockReport r = find();
            if (r.found() || System.nanoTime() >= deadline) {
                return r;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }
}
