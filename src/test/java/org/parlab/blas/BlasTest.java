package org.parlab.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

/** Loads ND4J's native libraries (a few seconds). */
class BlasTest {

    @Test
    void infoReportsTheLoadedNativeBlas() {
        BlasInfo info = Blas.info();
        assertNotNull(info.vendor());
        assertFalse(info.vendor().isBlank(), "vendor");
        assertFalse(info.backend().isBlank(), "backend");
        assertTrue(info.version().matches("\\d+\\.\\d+\\.\\d+"), "version " + info.version());
        assertTrue(info.blasThreads() >= 1, "blasThreads " + info.blasThreads());
        assertTrue(info.openMpThreads() >= 1, "openMpThreads " + info.openMpThreads());
        String env = System.getenv("OPENBLAS_CORETYPE");
        assertEquals(env == null || env.isBlank() ? "auto" : env, info.coreType());
        String wait = System.getenv("OMP_WAIT_POLICY");
        assertEquals(wait == null || wait.isBlank() ? "default (active)" : wait, info.ompWaitPolicy());

        Table t = info.toTable();
        assertEquals(7, t.rowCount()); // OMP_WAIT_POLICY was added as a 7th row
        assertEquals(2, t.columnCount());
        assertEquals(info.vendor(), t.stringColumn("value").get(1));
    }

    /**
     * Bug: with nd4j-native 1.0.0-M2.1 + OpenBLAS 0.3.19 on linux-x86_64, Environment.blasMajor/Minor/PatchVersion()
     * all return 0, so Blas.info().version() is "0.0.0". Enable once the version comes from the loaded OpenBLAS.
     */
    @Test

    void versionIsTheRealBlasVersion() {
        assertNotEquals("0.0.0", Blas.info().version());
    }

    @Test
    void threadVariablesShowThisProcessesEnvironmentAndPools() {
        var vars = Blas.threadVariables();
        assertEquals(4, vars.size());
        String omp = System.getenv("OMP_NUM_THREADS");
        assertEquals(omp == null || omp.isBlank() ? ThreadVariable.NOT_SET : omp.strip(),
                vars.stream().filter(v -> v.variable().equals("OMP_NUM_THREADS")).findFirst().orElseThrow().value());
        try (ThreadLimit limit = Blas.limit(1)) {
            int before = limit.previousBlasThreads();
            String effect = Blas.threadVariables().get(0).effect();
            assertTrue(effect.contains(" " + before + " threads"), "the pool before the limit: " + effect);
        }
    }
}
