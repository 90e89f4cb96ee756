package org.parlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CheckFailedExceptionTest {

    @Test
    void carriesTheResultAndItsLine() {
        CheckResult r = new CheckResult("gil.cpu.speedup", 1.7, "≤ 1.1", CheckResult.Status.FAILED, null);
        CheckFailedException e = new CheckFailedException(r);
        assertSame(r, e.result());
        assertEquals("check failed: ✘ gil.cpu.speedup = 1.7  (expected ≤ 1.1)", e.getMessage());
        assertInstanceOf(RuntimeException.class, e);
    }
}
