package org.parlab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.parlab.kernel.Notebook;

/**
 * Checks a claim a notebook makes against a number it measured, and reports it twice over: one line for
 * the student ({@code ✔ name = value (expected …)}) and the same as display data of MIME type
 * {@value CheckResult#MIME_TYPE} for tests. A failed check throws {@link CheckFailedException}, so the cell
 * shows an error; a check whose expectation does not apply on this machine is reported as skipped.
 *
 * <pre>{@code
 * import static org.parlab.check.Check.*;
 * import static org.parlab.check.Expect.*;
 * check("gil.cpu.speedup", speedup, atMost(1.1));
 * check("blas.cpu_per_wall", ratio, atLeast(1.4).onlyIf(cores >= 2, "needs at least 2 cores"));
 * }</pre>
 *
 * Inside the ParLab kernel the line is the text/plain part of the display data (so it shows once);
 * elsewhere it is printed to standard output. {@code check} returns nothing, so a check as the last line
 * of a cell adds no second copy; {@link #results()} lists every result so far.
 */
public final class Check {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    private static final List<CheckResult> RESULTS = new ArrayList<>();

    private Check() {
    }

    /**
     * Checks {@code measured} against {@code expected} and reports the result.
     *
     * @param name     a dotted name such as {@code gil.cpu.speedup} (letters, digits, {@code . _ -})
     * @param measured the measured number; must be finite
     * @param expected what it should be, from {@link Expect}
     * @throws CheckFailedException     if the value misses the expectation
     * @throws IllegalArgumentException if {@code name} is malformed or {@code measured} is NaN or infinite
     */
    public static void check(String name, double measured, Expectation expected) {
        requireName(name);
        if (expected == null) {
            throw new IllegalArgumentException("expected must not be null (use e.g. atMost(1.1))");
        }
        if (!Double.isFinite(measured)) {
            throw new IllegalArgumentException("measured value for check '" + name + "' must be a finite number, got "
                    + measured + " (did the measurement divide by zero?)");
        }
        CheckResult r;
        if (!expected.applies()) {
            r = new CheckResult(name, measured, expected.description(), CheckResult.Status.SKIPPED,
                    expected.skipReason());
        } else if (expected.test(measured)) {
            r = new CheckResult(name, measured, expected.description(), CheckResult.Status.PASSED, null);
        } else {
            r = new CheckResult(name, measured, expected.description(), CheckResult.Status.FAILED, null);
        }
        report(r);
        if (r.status() == CheckResult.Status.FAILED) {
            throw new CheckFailedException(r);
        }
    }

    /** Checks a boolean claim: passes when {@code condition} is true (reported as 1 or 0). */
    public static void check(String name, boolean condition) {
        check(name, condition ? 1 : 0, Expect.isTrue());
    }

    /**
     * Reports a check that cannot apply on this machine, with the reason (it is neither passed nor failed).
     *
     * @throws IllegalArgumentException if {@code name} is malformed or {@code reason} is blank
     */
    public static void skip(String name, String reason) {
        requireName(name);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must say why check '" + name + "' is skipped");
        }
        CheckResult r = new CheckResult(name, Double.NaN, "", CheckResult.Status.SKIPPED, reason);
        report(r);
    }

    /** Every check reported in this JVM so far, oldest first. */
    public static synchronized List<CheckResult> results() {
        return List.copyOf(RESULTS);
    }

    private static void report(CheckResult r) {
        synchronized (Check.class) {
            RESULTS.add(r);
        }
        if (!Notebook.displayMime(Map.of(CheckResult.MIME_TYPE, r.toJson(), "text/plain", r.line()))) {
            System.out.println(r.line());
        }
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name must be a dotted identifier such as 'gil.cpu.speedup', got: " + name);
        }
    }
}
