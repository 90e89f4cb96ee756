package org.parlab.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.parlab.Python;

class PythonSumsTest {

    @Test
    void badSizesAreRejectedBeforeStartingPython() {
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> PythonSums.measure(0, 3));
        assertTrue(n.getMessage().startsWith("n "));
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> PythonSums.measure(10, 0));
        assertTrue(r.getMessage().startsWith("repeats"));
    }

    @Test
    void measuresEveryMethodWhenNumpyIsThere() {
        assumeTrue(PythonSums.available(), "Python with numpy is not available here");
        Map<String, Double> ms = PythonSums.measure(10_000, 1).stream()
                .collect(Collectors.toMap(PythonSums.Result::method, PythonSums.Result::medianMs));
        assertEquals(List.of("np.sum(ndarray)", "sum(ndarray)", "for-loop over ndarray", "sum(list)",
                "for-loop over list").stream().sorted().toList(), ms.keySet().stream().sorted().toList());
        ms.values().forEach(v -> assertTrue(v > 0));
    }

    @Test
    void pythonRunnerReportsAMissingScriptAndBadArguments() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Python.runScript(Python.class, "no/such/script.py", List.of(), Duration.ofSeconds(5)));
        assertTrue(missing.getMessage().contains("missing"));
        assertThrows(IllegalArgumentException.class,
                () -> Python.runScript(Python.class, "x.py", List.of(), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Python.available("not a module"));
    }
}
