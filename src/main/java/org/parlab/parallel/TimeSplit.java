package org.parlab.parallel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Where the time of a job's threads went: computing on a core, waiting (sleeping, I/O, {@code Future.get},
 * {@code join}), blocked on a lock, or ready to run but without a core. The answer to "will more threads help?":
 * threads that mostly wait leave the cores idle, and more of them overlap more waits; threads that mostly
 * compute help only up to the number of cores.
 *
 * <pre>{@code
 * TimeSplit s = TimeSplit.measure(1, 16, () -> download());
 * s.cpuShare();    // near 1: compute; near 0: the thread waited
 * s.waitShare();   // sleeping, I/O, waiting for other threads or locks
 * }</pre>
 *
 * Unlike a CPU/wall ratio of the whole process, the split is per thread of the job: the kernel's other
 * threads do not count, and a computing thread that other programs kept off a core shows as
 * {@link #readyShare() ready}, not as waiting. Waited and blocked times come from the JVM's thread contention
 * monitoring (switched on by {@link #measure}), in milliseconds.
 *
 * @param threads   threads that ran the tasks
 * @param tasks     tasks run
 * @param wallMs    elapsed time of the whole job
 * @param threadMs  the threads' own elapsed times, summed
 * @param cpuMs     processor time of the threads, summed
 * @param waitedMs  time the threads spent waiting (TIMED_WAITING or WAITING: sleep, park, I/O waits), summed
 * @param blockedMs time the threads spent blocked on a monitor ({@code synchronized}), summed
 */
public record TimeSplit(int threads, int tasks, double wallMs, double threadMs, double cpuMs, double waitedMs,
                        double blockedMs) {

    /**
     * Runs {@code tasks} calls of {@code task} on {@code threads} fresh threads (each takes the next call until
     * none is left), waits for them, and measures where their time went. The threads end before it returns.
     *
     * @throws IllegalArgumentException unless 1 ≤ threads ≤ {@link Workers#MAX_WORKERS}, tasks ≥ 1, task not null
     * @throws IllegalStateException    if the JVM cannot measure thread CPU time, or a task throws (as its cause)
     */
    public static TimeSplit measure(int threads, int tasks, Runnable task) {
        org.parlab.timing.MeasurementWindow.mark();
        if (threads < 1 || threads > Workers.MAX_WORKERS) {
            throw new IllegalArgumentException("threads must be 1-" + Workers.MAX_WORKERS + ", got " + threads);
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be ≥ 1, got " + tasks);
        }
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        if (!mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        if (mx.isThreadContentionMonitoringSupported() && !mx.isThreadContentionMonitoringEnabled()) {
            mx.setThreadContentionMonitoringEnabled(true);
        }
        AtomicInteger next = new AtomicInteger();
        DoubleAdder threadMs = new DoubleAdder(), cpuMs = new DoubleAdder(), waitedMs = new DoubleAdder(),
                blockedMs = new DoubleAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] team = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            team[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long id = Thread.currentThread().getId();
                ThreadInfo before = mx.getThreadInfo(id);
                long cpu0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                try {
                    while (failure.get() == null && next.getAndIncrement() < tasks) {
                        task.run();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                long t1 = System.nanoTime(), cpu1 = mx.getCurrentThreadCpuTime();
                ThreadInfo after = mx.getThreadInfo(id);
                threadMs.add((t1 - t0) / 1e6);
                cpuMs.add((cpu1 - cpu0) / 1e6);
                if (before != null && after != null && before.getWaitedTime() >= 0) {
                    waitedMs.add(after.getWaitedTime() - before.getWaitedTime());
                    blockedMs.add(after.getBlockedTime() - before.getBlockedTime());
                }
            }, "parlab-timesplit-" + t);
            team[t].setDaemon(true);
            team[t].start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        try {
            for (Thread t : team) {
                t.join();
            }
        } catch (InterruptedException e) {
            for (Thread t : team) {
                t.interrupt();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the job ran", e);
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        if (failure.get() != null) {
            throw new IllegalStateException("a task failed: " + failure.get(), failure.get());
        }
        return new TimeSplit(threads, tasks, wall, threadMs.sum(), cpuMs.sum(), waitedMs.sum(), blockedMs.sum());
    }

    /** Share of the threads' time spent computing on a core: CPU time / the threads' elapsed time. */
    public double cpuShare() {
        return threadMs > 0 ? Math.min(1, cpuMs / threadMs) : 0;
    }

    /** Share of the threads' time spent waiting or blocked (sleep, I/O, locks, other threads). */
    public double waitShare() {
        return threadMs > 0 ? Math.min(1, (waitedMs + blockedMs) / threadMs) : 0;
    }

    /** The rest: ready to run but without a core (other programs, or more threads than cores). */
    public double readyShare() {
        return Math.max(0, 1 - cpuShare() - waitShare());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%d tasks on %d threads: %.0f ms; of the threads' time %.0f %% computing, %.0f %% waiting, %.0f %% ready"
                        + " without a core", tasks, threads, wallMs, 100 * cpuShare(), 100 * waitShare(),
                100 * readyShare());
    }
}
