package org.parlab.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class BlasInfoTest {

    @Test
    void toTableListsSevenProperties() {
        BlasInfo info = new BlasInfo("CpuBackend", "OPENBLAS", "0.3.19", 4, 8, "auto", "PASSIVE");
        Table t = info.toTable();
        assertEquals("native BLAS", t.name());
        assertEquals(List.of("property", "value"), t.columnNames());
        assertEquals(7, t.rowCount());
        assertEquals(List.of("ND4J backend", "BLAS", "version", "BLAS threads", "libnd4j OpenMP threads",
                "OPENBLAS_CORETYPE", "OMP_WAIT_POLICY"), t.stringColumn("property").asList());
        assertEquals(List.of("CpuBackend", "OPENBLAS", "0.3.19", "4", "8", "auto", "PASSIVE"),
                t.stringColumn("value").asList());
    }
}
