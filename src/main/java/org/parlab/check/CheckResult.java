package org.parlab.check;

import org.parlab.Numbers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one {@link Check#check check}: what was measured, what was expected, and whether it held.
 *
 * @param name     dotted name of the claim, e.g. {@code gil.cpu.speedup}
 * @param value    the measured value ({@code NaN} for a skipped check that measured nothing, and for a
 *                 {@link Check#choice choice})
 * @param expected the expectation in words, e.g. {@code ≤ 1.1}; for a choice, what the measurement says
 * @param status   passed, failed, skipped, or unanswered (an exercise the student has not answered yet)
 * @param reason   why a check was skipped or is unanswered; {@code null} otherwise
 * @param answer   for a {@link Check#choice choice}, the student's answer; {@code null} otherwise
 */
public record CheckResult(String name, double value, String expected, Status status, String reason, String answer) {

    /** MIME type of the machine-readable form a notebook emits for every check. */
    public static final String MIME_TYPE = "application/vnd.parlab.check+json";

    /** Outcome of a check. */
    public enum Status {
        /** The measurement met the claim. */
        PASSED,
        /** The measurement, taken under conditions where it means something, contradicts the claim. */
        FAILED,
        /** The claim could not be judged here; {@link CheckResult#reason()} says why. */
        SKIPPED,
        /** An exercise whose answer is still blank: neither passed nor failed. */
        UNANSWERED
    }

    /** A check result that is not a choice ({@code answer} is null). */
    public CheckResult(String name, double value, String expected, Status status, String reason) {
        this(name, value, expected, status, reason, null);
    }

    /** True only for a passed check (a skipped or unanswered check is not ok: it proved nothing). */
    public boolean ok() {
        return status == Status.PASSED;
    }

    /** One line for people: {@code ✔ gil.cpu.speedup = 0.93 (expected ≤ 1.1)}. */
    public String line() {
        if (status == Status.UNANSWERED) {
            return "○ " + name + ": " + reason;
        }
        if (answer != null) {
            return switch (status) {
                case PASSED -> "✔ " + name + ": you answered '" + answer + "', and the measurement says '"
                        + expected + "'";
                case FAILED -> "✘ " + name + ": you answered '" + answer + "', but the measurement says '"
                        + expected + "'";
                default -> "– " + name + " skipped: " + reason;
            };
        }
        return switch (status) {
            case PASSED -> "✔ " + name + " = " + Numbers.format(value) + "  (expected " + expected + ")";
            case FAILED -> "✘ " + name + " = " + Numbers.format(value) + "  (expected " + expected + ")";
            case SKIPPED -> "– " + name + " skipped: " + reason
                    + (Double.isNaN(value) ? "" : "  (measured " + Numbers.format(value) + ")");
            case UNANSWERED -> throw new AssertionError("handled above");
        };
    }

    /**
     * The line as HTML for a failed claim (bold and red, with a note that the lesson goes on) and an unanswered
     * exercise (one grey line); {@code null} for passed and skipped checks, which show as {@link #line()}.
     */
    public String html() {
        String text = escape(line());
        return switch (status) {
            case FAILED -> "<div style=\"color:#b00020;font-weight:bold;border-left:4px solid #b00020;"
                    + "padding-left:6px\">" + text + "<br><span style=\"font-weight:normal\">This claim did not hold"
                    + " in this run. The lesson goes on; read the text above the cell for why it may not hold on"
                    + " this machine or with these parameters.</span></div>";
            case UNANSWERED -> "<div style=\"color:#888\">" + text + "</div>";
            default -> null;
        };
    }

    /**
     * The machine-readable form: {@code name}, {@code value} (null when not a finite number), {@code expected},
     * {@code ok}, {@code status}, and {@code reason} for a skipped or unanswered check, {@code answer} for a
     * choice.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        // an unanswered exercise's measurement is its answer: it stays out until the student has answered
        m.put("value", Double.isFinite(value) && status != Status.UNANSWERED ? value : null);
        m.put("expected", expected);
        m.put("ok", ok());
        m.put("status", status.name().toLowerCase(Locale.ROOT));
        if (status == Status.SKIPPED || status == Status.UNANSWERED) {
            m.put("reason", reason);
        }
        if (answer != null) {
            m.put("answer", answer);
        }
        return m;
    }

    @Override
    public String toString() {
        return line();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
