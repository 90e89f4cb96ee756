package org.parlab.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import tech.tablesaw.api.Table;

/** What {@link Blas#pools()} reports, against this machine's ND4J (OpenBLAS through JavaCPP). */
class PoolsTest {

    @Test
    void reportsBothPoolsWithTheirThreadCounts() {
        List<NativePool> pools = Blas.pools();
        assertEquals(2, pools.size());
        NativePool blas = pools.get(0);
        assertEquals("blas", blas.userApi());
        assertEquals("OpenBLAS", blas.library());
        assertEquals(Blas.threads(), blas.threads());
        assertEquals(Blas.info().version(), blas.version());
        assertEquals("openmp", pools.get(1).userApi());
        assertEquals("libnd4j", pools.get(1).library());
        assertTrue(pools.get(1).version().startsWith("1.0.0"), pools.get(1).version());

        Table t = NativePool.toTable(Blas.pools());
        assertEquals(2, t.rowCount());
        assertEquals(List.of("user_api", "library", "version", "threading_layer", "architecture", "num_threads",
                "filepath"), t.columnNames());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void asksOpenBlasItselfOnLinux() {
        NativePool blas = Blas.pools().get(0);
        // JavaCPP's OpenBLAS 0.3.19 is a pthreads build with a run-time chosen kernel
        assertEquals("pthreads", blas.threadingLayer());
        assertFalse(blas.architecture().isBlank() || blas.architecture().equals("unknown"), blas.architecture());
        assertTrue(blas.path().contains("libopenblas_nolapack"), blas.path());
        assertTrue(Blas.config().startsWith("OpenBLAS 0.3.19"), Blas.config());
        assertTrue(Blas.config().contains(blas.architecture()), Blas.config());
        // libnd4j links libgomp
        assertEquals("openmp", Blas.pools().get(1).threadingLayer());
        assertTrue(Blas.pools().get(1).path().contains("libnd4jcpu"), Blas.pools().get(1).path());
    }

    @Test
    void limitShowsInThePools() {
        // on Linux the BLAS row comes from openblas_get_num_threads of the copy we opened: equal to what ND4J
        // set means we asked the OpenBLAS that ND4J's products run on
        try (ThreadLimit ignored = Blas.limit(1)) {
            assertTrue(Blas.pools().stream().allMatch(p -> p.threads() == 1), Blas.pools().toString());
        }
        try (ThreadLimit ignored = Blas.limit(3, 1)) {
            assertEquals(3, Blas.pools().get(0).threads());
        }
    }

    /**
     * Opening OpenBLAS through JNA with its default flags (RTLD_GLOBAL) once made products from many threads
     * abort the JVM ("too many memory regions") in the kernel and in a standalone JVM. In Surefire's JVM that
     * crash did not reproduce reliably, so this is a smoke test; lesson 03 (run by the notebook tests) is the
     * real guard: its grid aborted the kernel with the old flags.
     */
    @Test
    void productsFromManyThreadsStillWorkAfterAskingThePools() throws Exception {
        Blas.pools();
        Blas.config();
        var a = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 256, 256);
        for (int round = 0; round < 10; round++) {
            // fresh threads every round: OpenBLAS keeps per-thread buffers
            var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (int t = 0; t < 16; t++) {
                    futures.add(pool.submit(() -> a.mmul(a).mmul(a)));
                }
                for (var f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void peakEstimateIsConsistent() {
        PeakEstimate peak = Blas.peak();
        assertEquals(Runtime.getRuntime().availableProcessors(), peak.cores());
        if (peak.known()) {
            assertEquals(peak.cores() * peak.ghz() * peak.doubleFlopsPerCycle(), peak.doubleGflops(), 1e-9);
            assertEquals(2 * peak.doubleGflops(), peak.floatGflops(), 1e-9);
            assertTrue(peak.toString().contains("GFLOP/s"));
        } else {
            assertTrue(Double.isNaN(peak.doubleGflops()));
        }
    }

    @Test
    void flopsPerCycleByKernel() {
        assertEquals(32, PeakEstimate.doubleFlopsPerCycle("SkylakeX"));
        assertEquals(16, PeakEstimate.doubleFlopsPerCycle("Zen"));
        assertEquals(16, PeakEstimate.doubleFlopsPerCycle("Haswell"));
        assertEquals(8, PeakEstimate.doubleFlopsPerCycle("Sandybridge"));
        assertEquals(8, PeakEstimate.doubleFlopsPerCycle("NEOVERSEN1"));
        assertEquals(4, PeakEstimate.doubleFlopsPerCycle("Nehalem"));
        assertEquals(0, PeakEstimate.doubleFlopsPerCycle("unknown"));
        assertEquals(0, PeakEstimate.doubleFlopsPerCycle(null));
        PeakEstimate unknown = new PeakEstimate(2, Double.NaN, 16, "Zen", "x");
        assertFalse(unknown.known());
        assertTrue(unknown.toString().startsWith("peak unknown"));
    }

    @Test
    void toTableRejectsNull() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> NativePool.toTable(null));
        assertEquals("pools must not be null", e.getMessage());
    }
}
