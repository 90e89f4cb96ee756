package org.parlab.blas;

import java.util.List;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which native BLAS ND4J loaded and how many threads its pools use (the JVM's answer to Python's
 * {@code threadpoolctl.threadpool_info()}).
 *
 * @param backend       ND4J's backend class, e.g. {@code CpuBackend}
 * @param vendor        the BLAS library, e.g. {@code OPENBLAS} or {@code MKL}
 * @param version       its version as ND4J reports it, e.g. {@code 0.3.19}
 * @param blasThreads   threads BLAS calls (e.g. {@code gemm}) use
 * @param openMpThreads threads libnd4j's own OpenMP loops use
 * @param coreType      the OpenBLAS kernel forced through {@code OPENBLAS_CORETYPE}, or {@code "auto"}
 * @param ompWaitPolicy how idle OpenMP threads wait ({@code OMP_WAIT_POLICY}): {@code PASSIVE} sleeps, the
 *                      default spins for a while and can steal the cores BLAS threads need
 */
public record BlasInfo(String backend, String vendor, String version, int blasThreads, int openMpThreads,
                       String coreType, String ompWaitPolicy) {

    /** A two-column table (property, value) for display. */
    public Table toTable() {
        return Table.create("native BLAS",
                StringColumn.create("property", List.of("ND4J backend", "BLAS", "version", "BLAS threads",
                        "libnd4j OpenMP threads", "OPENBLAS_CORETYPE", "OMP_WAIT_POLICY")),
                StringColumn.create("value", List.of(backend, vendor, version, Integer.toString(blasThreads),
                        Integer.toString(openMpThreads), coreType, ompWaitPolicy)));
    }
}
