package org.parlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckResultTest {

    @Test
    void mimeTypeIsTheParlabCheckJsonType() {
        assertEquals("application/vnd.parlab.check+json", CheckResult.MIME_TYPE);
    }

    @Test
    void passedJsonHasTheFieldsInOrderAndNoReason() {
        CheckResult r = new CheckResult("gil.cpu.speedup", 0.93, "≤ 1.1", CheckResult.Status.PASSED, null);
        Map<String, Object> j = r.toJson();
        assertEquals(List.of("name", "value", "expected", "ok", "status"), List.copyOf(j.keySet()));
        assertEquals("gil.cpu.speedup", j.get("name"));
        assertEquals(0.93, j.get("value"));
        assertEquals("≤ 1.1", j.get("expected"));
        assertEquals(true, j.get("ok"));
        assertEquals("passed", j.get("status"));
    }

    @Test
    void failedJsonIsNotOk() {
        Map<String, Object> j = new CheckResult("x.y", 2.5, "≤ 1.1", CheckResult.Status.FAILED, null).toJson();
        assertEquals(false, j.get("ok"));
        assertEquals("failed", j.get("status"));
        assertEquals(2.5, j.get("value"));
        assertFalse(j.containsKey("reason"));
    }

    @Test
    void skippedJsonHasAReasonAndNullValueForNaN() {
        Map<String, Object> j = new CheckResult("numa.bw", Double.NaN, "", CheckResult.Status.SKIPPED,
                "needs 2 nodes").toJson();
        assertEquals(List.of("name", "value", "expected", "ok", "status", "reason"), List.copyOf(j.keySet()));
        assertTrue(j.containsKey("value"));
        assertNull(j.get("value"));
        assertEquals(false, j.get("ok"));
        assertEquals("skipped", j.get("status"));
        assertEquals("needs 2 nodes", j.get("reason"));
    }

    @Test
    void skippedWithAMeasuredValueKeepsIt() {
        CheckResult r = new CheckResult("blas.speedup", 3.25, "≥ 1.5", CheckResult.Status.SKIPPED, "1 core");
        assertEquals(3.25, r.toJson().get("value"));
        assertEquals("– blas.speedup skipped: 1 core  (measured 3.25)", r.line());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteValuesBecomeJsonNull(double v) {
        Map<String, Object> j = new CheckResult("a", v, "", CheckResult.Status.SKIPPED, "r").toJson();
        assertTrue(j.containsKey("value"));
        assertNull(j.get("value"));
    }

    @Test
    void linesStartWithTheStatusSymbol() {
        assertEquals("✔ a.b = 1234.5  (expected ≥ 1000)",
                new CheckResult("a.b", 1234.5, "≥ 1000", CheckResult.Status.PASSED, null).line());
        assertEquals("✘ a.b = 1.23e-05  (expected ≥ 1000)",
                new CheckResult("a.b", 1.23e-5, "≥ 1000", CheckResult.Status.FAILED, null).line());
        assertEquals("– a.b skipped: why",
                new CheckResult("a.b", Double.NaN, "", CheckResult.Status.SKIPPED, "why").line());
    }

    @Test
    void okOnlyForPassed() {
        assertTrue(new CheckResult("a", 1, "", CheckResult.Status.PASSED, null).ok());
        assertFalse(new CheckResult("a", 1, "", CheckResult.Status.FAILED, null).ok());
        assertFalse(new CheckResult("a", 1, "", CheckResult.Status.SKIPPED, "r").ok());
    }

    @Test
    void toStringIsTheLine() {
        CheckResult r = new CheckResult("a.b", 2, "= 2", CheckResult.Status.PASSED, null);
        assertEquals(r.line(), r.toString());
    }
}
