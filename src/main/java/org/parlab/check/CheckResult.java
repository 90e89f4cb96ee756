package org.parlab.check;

import org.parlab.Numbers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one {@link Check#check check}: what was measured, what was expected, and whether it held.
 *
 * @param name     dotted name of the claim, e.g. {@code gil.cpu.speedup}
 * @param value    the measured value ({@code NaN} for a skipped check that measured nothing)
 * @param expected the expectation in words, e.g. {@code ≤ 1.1}
 * @param status   passed, failed or skipped
 * @param reason   why a check was skipped; {@code null} otherwise
 */
public record CheckResult(String name, double value, String expected, Status status, String reason) {

    /** MIME type of the machine-readable form a notebook emits for every check. */
    public static final String MIME_TYPE = "application/vnd.parlab.check+json";

    /** Outcome of a check. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /** True only for a passed check (a skipped check is not ok: it proved nothing). */
    public boolean ok() {
        return status == Status.PASSED;
    }

    /** One line for people: {@code ✔ gil.cpu.speedup = 0.93 (expected ≤ 1.1)}. */
    public String line() {
        return switch (status) {
            case PASSED -> "✔ " + name + " = " + Numbers.format(value) + "  (expected " + expected + ")";
            case FAILED -> "✘ " + name + " = " + Numbers.format(value) + "  (expected " + expected + ")";
            case SKIPPED -> "– " + name + " skipped: " + reason
                    + (Double.isNaN(value) ? "" : "  (measured " + Numbers.format(value) + ")");
        };
    }

    /**
     * The machine-readable form: {@code name}, {@code value} (null when not a finite number), {@code expected},
     * {@code ok}, plus {@code status} and, for a skipped check, {@code reason}.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", Double.isFinite(value) ? value : null);
        m.put("expected", expected);
        m.put("ok", ok());
        m.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        if (status == Status.SKIPPED) {
            m.put("reason", reason);
        }
        return m;
    }

    @Override
    public String toString() {
        return line();
    }
}
