package org.parlab.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadVariableTest {

    private static ThreadVariable find(List<ThreadVariable> vars, String name) {
        return vars.stream().filter(v -> v.variable().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void unsetVariablesLeaveOneThreadPerCore() {
        List<ThreadVariable> vars = ThreadVariable.describe(Map.of("OMP_WAIT_POLICY", "PASSIVE"), 4, 4, 4);
        assertEquals(List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OMP_WAIT_POLICY"),
                vars.stream().map(ThreadVariable::variable).toList());
        ThreadVariable blas = find(vars, "OPENBLAS_NUM_THREADS");
        assertEquals(ThreadVariable.NOT_SET, blas.value());
        assertTrue(blas.effect().contains("4 threads (one per core)"), blas.effect());
        assertTrue(find(vars, "OMP_NUM_THREADS").effect().contains("pool has 4 threads"));
        assertTrue(find(vars, "OMP_WAIT_POLICY").effect().contains("sleep"));
    }

    @Test
    void setVariablesAreShownWithTheirEffect() {
        List<ThreadVariable> vars = ThreadVariable.describe(Map.of("OMP_NUM_THREADS", " 1 "), 1, 1, 8);
        assertEquals("1", find(vars, "OMP_NUM_THREADS").value());
        assertTrue(find(vars, "OPENBLAS_NUM_THREADS").effect().startsWith("from OMP_NUM_THREADS: OpenBLAS runs a call on 1 threads"));
        assertTrue(find(vars, "OMP_WAIT_POLICY").effect().contains("spin"));
        assertEquals(ThreadVariable.NOT_SET, find(vars, "MKL_NUM_THREADS").value());
        assertThrows(IllegalArgumentException.class, () -> ThreadVariable.describe(null, 1, 1, 1));
    }
}
