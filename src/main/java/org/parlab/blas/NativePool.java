package org.parlab.blas;

import java.util.List;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One native thread pool below ND4J, described the way Python's {@code threadpoolctl.threadpool_info()}
 * describes numpy's: which library, which threading layer, how many threads.
 *
 * @param userApi        what the pool is for: {@code "blas"} (matrix products) or {@code "openmp"} (libnd4j's
 *                       element-wise loops)
 * @param library        the native library, e.g. {@code OpenBLAS} or {@code libnd4j}
 * @param version        its version, or {@code "unknown"}
 * @param threadingLayer how it makes threads: {@code pthreads}, {@code openmp}, {@code sequential} or
 *                       {@code unknown}
 * @param architecture   the CPU kernel the library chose at run time (OpenBLAS's {@code openblas_get_corename()},
 *                       e.g. {@code Zen} or {@code SkylakeX}), or {@code "n/a"}
 * @param threads        threads the pool uses for one call now
 * @param path           the shared library's file, or {@code "unknown"}
 */
public record NativePool(String userApi, String library, String version, String threadingLayer, String architecture,
                         int threads, String path) {

    /** The pools as a table, one row each, threadpoolctl's columns. */
    public static Table toTable(List<NativePool> pools) {
        if (pools == null) {
            throw new IllegalArgumentException("pools must not be null");
        }
        return Table.create("native thread pools",
                StringColumn.create("user_api", pools.stream().map(NativePool::userApi).toList()),
                StringColumn.create("library", pools.stream().map(NativePool::library).toList()),
                StringColumn.create("version", pools.stream().map(NativePool::version).toList()),
                StringColumn.create("threading_layer", pools.stream().map(NativePool::threadingLayer).toList()),
                StringColumn.create("architecture", pools.stream().map(NativePool::architecture).toList()),
                IntColumn.create("num_threads", pools.stream().mapToInt(NativePool::threads).toArray()),
                StringColumn.create("filepath", pools.stream().map(NativePool::path).toList()));
    }
}
