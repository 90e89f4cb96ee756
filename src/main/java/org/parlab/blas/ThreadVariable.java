package org.parlab.blas;

import java.util.List;
import java.util.Map;

/**
 * An environment variable that sizes a native thread pool, with this process's value. The native libraries
 * read these once, when they load (here: the first ND4J call), so setting one later, from Java, changes
 * nothing; {@link Blas#limit(int)} changes the thread counts while the kernel runs instead.
 *
 * @param variable the variable's name, e.g. {@code OPENBLAS_NUM_THREADS}
 * @param value    its value in this process, or {@code "(not set)"}
 * @param readBy   which library reads it, and when
 * @param effect   what it led to in this process, e.g. {@code "not set: OpenBLAS started 2 threads (one per
 *                 core)"}
 */
public record ThreadVariable(String variable, String value, String readBy, String effect) {
    /** The value shown for a variable that is not set. */
    public static final String NOT_SET = "(not set)";

    /**
     * The thread-count variables of Python's numerical stack and of ND4J, described for the given environment
     * and the pool sizes the libraries ended up with. {@link Blas#threadVariables()} calls it with this
     * process's values.
     *
     * @param env             the environment (e.g. {@code System.getenv()})
     * @param openBlasThreads OpenBLAS's threads per call before any limit
     * @param nd4jPool        the size of libnd4j's OpenMP pool
     * @param cores           processors the JVM may use
     * @throws IllegalArgumentException if {@code env} is null
     */
    public static List<ThreadVariable> describe(Map<String, String> env, int openBlasThreads, int nd4jPool,
                                                int cores) {
        if (env == null) {
            throw new IllegalArgumentException("env must not be null (use System.getenv())");
        }
        String omp = value(env, "OMP_NUM_THREADS");
        String openblas = value(env, "OPENBLAS_NUM_THREADS");
        String blasFrom = !openblas.equals(NOT_SET) ? "set" : !omp.equals(NOT_SET) ? "from OMP_NUM_THREADS"
                : "not set";
        String perCore = openBlasThreads == cores ? " (one per core)" : "";
        String poolPerCore = nd4jPool == cores ? " (one per core)" : "";
        String wait = value(env, "OMP_WAIT_POLICY");
        return List.of(
                new ThreadVariable("OPENBLAS_NUM_THREADS", openblas, "OpenBLAS, when it loads",
                        blasFrom + ": OpenBLAS runs a call on " + openBlasThreads + " threads" + perCore),
                new ThreadVariable("OMP_NUM_THREADS", omp,
                        "every OpenMP runtime (libnd4j's), when it loads; OpenBLAS too without OPENBLAS_NUM_THREADS",
                        (omp.equals(NOT_SET) ? "not set" : "set") + ": libnd4j's OpenMP pool has " + nd4jPool
                                + " threads" + poolPerCore),
                new ThreadVariable("MKL_NUM_THREADS", value(env, "MKL_NUM_THREADS"), "Intel MKL, when it loads",
                        "no effect here: ND4J's CPU backend uses OpenBLAS, not MKL"),
                new ThreadVariable("OMP_WAIT_POLICY", wait, "every OpenMP runtime, when it loads",
                        "PASSIVE".equalsIgnoreCase(wait) ? "idle OpenMP threads sleep at once instead of spinning"
                                : "idle OpenMP threads spin for a while before they sleep, holding a core"));
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? NOT_SET : v.strip();
    }
}
