package org.parlab.blas;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.factory.Nd4j;

/**
 * A limit on ND4J's native thread pools, in force until {@link #close()}: the JVM's answer to Python's
 * {@code with threadpool_limits(limits=1):}. Open one with {@link Blas#limit(int)} in a try-with-resources
 * block; the previous thread counts come back when the block ends, also when it throws:
 *
 * <pre>{@code
 * try (ThreadLimit limit = Blas.limit(1)) {
 *     parallelOuterLoop();          // every BLAS call inside runs on one thread
 * }                                 // BLAS and libnd4j have their previous thread counts again
 * }</pre>
 *
 * <p>The pools are <em>process-wide</em>, as in Python: a limit opened on one thread applies to BLAS calls
 * from every thread. Limits nest. When several are open at once, even on different threads, the most
 * recently opened one still open is in force, and when the last one closes the counts from before the
 * first one come back, whatever order they close in. Changing the counts directly through ND4J while a
 * limit is open is undone when the limits close.
 *
 * <p>libnd4j sizes its own pool once, when it loads (from {@code OMP_NUM_THREADS}, else the number of cores):
 * a limit lowers the threads its loops use ({@code Environment.setMaxMasterThreads}) but cannot raise them
 * above that size. OpenBLAS takes any count up to the {@code MAX_THREADS} it was built with.
 */
public final class ThreadLimit implements AutoCloseable {
    /** The largest thread count a limit accepts: far more than any machine the course runs on. */
    public static final int MAX_THREADS = 1024;

    private static final Object LOCK = new Object();
    /** Limits now open, oldest first; guarded by LOCK. */
    private static final List<ThreadLimit> OPEN = new ArrayList<>();
    /** BLAS and libnd4j threads before the oldest open limit; guarded by LOCK. */
    private static int baselineBlas;
    private static int baselineNd4j;

    private final int requestedBlas;
    private final int requestedNd4j;
    private final int previousBlas;
    private final int previousNd4j;
    private int appliedBlas;
    private int appliedNd4j;
    private boolean closed;

    private ThreadLimit(int blasThreads, int nd4jThreads, int previousBlas, int previousNd4j) {
        this.requestedBlas = blasThreads;
        this.requestedNd4j = nd4jThreads;
        this.previousBlas = previousBlas;
        this.previousNd4j = previousNd4j;
    }

    static ThreadLimit open(int blasThreads, int nd4jThreads) {
        requireThreads("blasThreads", blasThreads);
        requireThreads("nd4jThreads", nd4jThreads);
        synchronized (LOCK) {
            int blas = currentBlas();
            int nd4j = currentNd4j();
            if (OPEN.isEmpty()) {
                baselineBlas = blas;
                baselineNd4j = nd4j;
            }
            ThreadLimit limit = new ThreadLimit(blasThreads, nd4jThreads, blas, nd4j);
            OPEN.add(limit);
            limit.apply();
            return limit;
        }
    }

    static void requireThreads(String name, int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
    }

    private void apply() {
        Nd4j.factory().blas().setMaxThreads(requestedBlas);
        Nd4j.getEnvironment().setMaxMasterThreads(requestedNd4j);
        appliedBlas = currentBlas();
        appliedNd4j = currentNd4j();
    }

    private static int currentBlas() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    private static int currentNd4j() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }

    /** The BLAS thread count asked for. */
    public int requestedBlasThreads() {
        return requestedBlas;
    }

    /** The libnd4j thread count asked for. */
    public int requestedNd4jThreads() {
        return requestedNd4j;
    }

    /**
     * The BLAS thread count in force when this limit was opened; OpenBLAS may cap a request at the thread
     * count it was built for ({@code MAX_THREADS} in {@code openblas_get_config()}).
     */
    public int blasThreads() {
        synchronized (LOCK) {
            return appliedBlas;
        }
    }

    /** The libnd4j thread count in force when this limit was opened (at most libnd4j's pool size). */
    public int nd4jThreads() {
        synchronized (LOCK) {
            return appliedNd4j;
        }
    }

    /** BLAS threads just before this limit was opened. */
    public int previousBlasThreads() {
        return previousBlas;
    }

    /** libnd4j threads just before this limit was opened. */
    public int previousNd4jThreads() {
        return previousNd4j;
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        synchronized (LOCK) {
            return closed;
        }
    }

    /**
     * Ends this limit: the newest limit still open is in force again, or, if none is, the counts from before
     * the first one. Closing twice does nothing.
     */
    @Override
    public void close() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            OPEN.remove(this);
            if (OPEN.isEmpty()) {
                Nd4j.factory().blas().setMaxThreads(baselineBlas);
                Nd4j.getEnvironment().setMaxMasterThreads(baselineNd4j);
            } else {
                OPEN.get(OPEN.size() - 1).apply();
            }
        }
    }

    /** BLAS threads before the oldest open limit, or now when none is open. */
    static int baselineBlasThreads() {
        synchronized (LOCK) {
            return OPEN.isEmpty() ? currentBlas() : baselineBlas;
        }
    }

    /** How many limits are open right now (for tests and curious students). */
    public static int openCount() {
        synchronized (LOCK) {
            return OPEN.size();
        }
    }

    @Override
    public String toString() {
        return "ThreadLimit[BLAS " + requestedBlas + ", libnd4j " + requestedNd4j + (isClosed() ? ", closed]" : "]");
    }
}
