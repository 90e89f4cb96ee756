package org.parlab.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed team of worker threads that a notebook owns and closes: {@code try (Workers w = Workers.start(4)) {...}}.
 * Its threads are named {@code parlab-workers-<team>-<index>} so that thread dumps and counts show whose they
 * are, and they are daemons, so a forgotten team never keeps the JVM alive. Closing interrupts whatever is
 * still running and waits for the threads to end.
 */
public final class Workers implements AutoCloseable {
    /** The largest team {@link #start(int)} accepts. */
    public static final int MAX_WORKERS = 1024;
    private static final AtomicInteger TEAMS = new AtomicInteger();

    private final int count;
    private final String name;
    private final ExecutorService pool;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private Workers(int count) {
        this.count = count;
        this.name = "parlab-workers-" + TEAMS.incrementAndGet();
        AtomicInteger index = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, name + "-" + index.getAndIncrement());
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
    }

    /**
     * Starts a team of {@code count} threads (created lazily, on the first task each one gets).
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code count} ≤ {@link #MAX_WORKERS}
     */
    public static Workers start(int count) {
        if (count < 1 || count > MAX_WORKERS) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_WORKERS + ", got " + count);
        }
        return new Workers(count);
    }

    /** The number of workers. */
    public int count() {
        return count;
    }

    /** The prefix of the workers' thread names. */
    public String name() {
        return name;
    }

    /**
     * Runs {@code task} once on every worker, passing the worker's index (0 … count−1), and waits for all of them.
     * If one throws, the others are interrupted and the first failure is rethrown (unchecked exceptions and
     * errors as they are). If the calling thread is interrupted while it waits (a notebook's interrupt button),
     * the workers are interrupted too and a {@link CancellationException} is thrown.
     *
     * @throws IllegalArgumentException if {@code task} is null
     * @throws IllegalStateException    if the team is closed
     */
    public void runOnEach(IntConsumer task) {
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        if (pool.isShutdown()) {
            throw new IllegalStateException(name + " is closed");
        }
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.accept(index)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while " + name + " was working");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a worker of " + name + " failed", cause);
        }
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return pool.isShutdown();
    }

    /**
     * Interrupts running tasks and waits up to 5 seconds for every worker thread to end. A worker that ignores
     * interruption is left running, with a warning on stderr (in the kernel, the watchdog stops it).
     */
    @Override
    public void close() {
        pool.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            // the pool counts as terminated once its workers have left their loop, a moment before their threads
            // end; a thread count taken right after close() must not see them, so wait for the threads themselves
            if (pool.awaitTermination(5, TimeUnit.SECONDS)) {
                for (Thread t : threads) {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        TimeUnit.NANOSECONDS.timedJoin(t, left);
                    }
                }
            }
            if (threads.stream().anyMatch(Thread::isAlive)) {
                System.err.println("warning: a thread of " + name + " did not stop within 5 s of close()");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (" + count + " workers" + (isClosed() ? ", closed)" : ")");
    }
}
