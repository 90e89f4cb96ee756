package org.parlab.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

import org.parlab.display.Notebook;
import org.parlab.timing.MeasurementWindow;

/**
 * Checks a claim a notebook makes against a number it measured, and reports it twice over: one line for
 * the student ({@code ✔ name = value (expected …)}) and the same as display data of MIME type
 * {@value CheckResult#MIME_TYPE} for tests. A failed check ({@code ✘}) is shown prominently but does not
 * throw: a claim that an edit of the parameters made untrue is something to read, and the lesson goes on
 * (the notebook tests still fail on it). A check whose expectation does not apply on this machine is reported
 * as skipped, with the reason; a check whose expectation is an exercise's blank answer ({@code Double.NaN})
 * is reported as unanswered.
 *
 * <pre>{@code
 * import static org.parlab.check.Check.*;
 * import static org.parlab.check.Expect.*;
 * check("gil.cpu.speedup", speedup, atMost(1.1));
 * check("blas.cpu_per_wall", ratio, atLeast(1.4).onlyIf(cores >= 2, "needs at least 2 cores"));
 * check("ex.speedup", measured, near(myPrediction, 0.25));       // myPrediction = Double.NaN: unanswered
 * choice("ex.faster", myAnswer, fasterOne, "pool", "threads");  // myAnswer = "": unanswered
 * }</pre>
 *
 * Inside the ParLab kernel the line is the text/plain part of the display data (so it shows once);
 * elsewhere it is printed to standard output. {@code check} returns nothing, so a check as the last line
 * of a cell adds no second copy; {@link #results()} lists every result so far.
 */
public final class Check {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    private static final List<CheckResult> RESULTS = new ArrayList<>();
    private static final String UNANSWERED = "answer the exercise, then run this cell";

    private Check() {
    }

    /**
     * Checks {@code measured} against {@code expected} and reports the result. A miss is reported as failed
     * ({@code ✘}), not thrown.
     *
     * @param name     a dotted name such as {@code gil.cpu.speedup} (letters, digits, {@code . _ -})
     * @param measured the measured number; must be finite unless {@code expected} is an unanswered exercise or
     *                 does not apply here (skipped)
     * @param expected what it should be, from {@link Expect}
     * @throws IllegalArgumentException if {@code name} is malformed, {@code expected} is null, or
     *                                  {@code measured} is NaN or infinite
     */
    public static void check(String name, double measured, Expectation expected) {
        requireName(name);
        report(verdict(name, measured, requireExpected(expected)).result());
    }

    /** How many measurements {@link #check(String, double, DoubleSupplier, Expectation)} judges at most. */
    public static final int MEASUREMENTS = 3;
    /** The pause before a measurement is taken again: a moment of load or of cores held back often ends by then. */
    static Duration beforeRemeasuring = Duration.ofSeconds(1);

    /**
     * Checks {@code measured} as {@link #check(String, double, Expectation)} does, and when the verdict is
     * skipped because of the machine's state at the time ({@link Expectation#skippedForMachine()}: other
     * programs took the cores the claim needs, or the cores delivered less than they should although nothing in
     * this machine used them), waits a second, calls {@code measureAgain} and judges the new value, with the
     * core guard read afresh; at most {@value #MEASUREMENTS} measurements in all. Each measurement taken again
     * is announced with the reason (a line starting with ↻), and the result is the last measurement's. A load
     * never decides the verdict: a value is judged only when its own guard finds the conditions it needs, and
     * when no measurement finds them, the check is skipped with the last reason.
     *
     * <pre>{@code
     * check("gil.cpu.speedup", s.speedup(), () -> sim.threads(2).withGil().speedup(REPEATS).speedup(),
     *       atMost(1.1).speedupOn(2));
     * }</pre>
     *
     * @param measureAgain measures the same quantity again (as the lesson measured {@code measured})
     * @throws IllegalArgumentException as {@link #check(String, double, Expectation)}, or if
     *                                  {@code measureAgain} is null
     * @throws java.util.concurrent.CancellationException if the cell is interrupted while waiting
     */
    public static void check(String name, double measured, DoubleSupplier measureAgain, Expectation expected) {
        requireName(name);
        requireExpected(expected);
        if (measureAgain == null) {
            throw new IllegalArgumentException("measureAgain must not be null for check '" + name
                    + "' (a function that measures the value again, e.g. () -> measure())");
        }
        Verdict v = verdict(name, measured, expected);
        for (int m = 2; m <= MEASUREMENTS && v.judged().skippedForMachine(); m++) {
            System.out.println("↻ " + name + " = " + org.parlab.Numbers.format(v.result().value())
                    + " not judged: " + v.judged().skipReason() + ". Measuring again (" + m + " of "
                    + MEASUREMENTS + ")");
            try {
                Thread.sleep(beforeRemeasuring.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted before measuring " + name + " again");
            }
            // the new measurement is judged by its own window; the checks after this one judge values of the
            // measurement this one interrupted, and keep its window
            v = MeasurementWindow.aside(() -> {
                MeasurementWindow.mark();
                double again = measureAgain.getAsDouble();
                // the guard is built after the measurement: its load readings and conditions cover the new value
                return verdict(name, again, expected.regated());
            });
        }
        report(v.result());
    }

    /** A result and the expectation it was judged with (skipped for the machine or not). */
    private record Verdict(CheckResult result, Expectation judged) {
    }

    private static Expectation requireExpected(Expectation expected) {
        if (expected == null) {
            throw new IllegalArgumentException("expected must not be null (use e.g. atMost(1.1))");
        }
        return expected;
    }

    private static Verdict verdict(String name, double measured, Expectation expected) {
        if (expected.unanswered()) {
            return new Verdict(new CheckResult(name, measured, expected.description(),
                    CheckResult.Status.UNANSWERED, UNANSWERED), expected);
        }
        if (expected.applies() && Double.isFinite(measured)) {
            expected = expected.judging(measured); // may find the cores short, now that the verdict is known
        }
        if (!expected.applies()) {   // a claim that cannot be judged here may have nothing to show (NaN)
            return new Verdict(new CheckResult(name, measured, expected.description(), CheckResult.Status.SKIPPED,
                    expected.skipReason()), expected);
        }
        if (!Double.isFinite(measured)) {
            throw new IllegalArgumentException("measured value for check '" + name + "' must be a finite number, got "
                    + measured + " (did the measurement divide by zero?)");
        }
        CheckResult.Status status = expected.test(measured) ? CheckResult.Status.PASSED : CheckResult.Status.FAILED;
        return new Verdict(new CheckResult(name, measured, expected.description(), status, null), expected);
    }

    /**
     * Checks an exercise's decision against what the measurement decided: passes when {@code answer} names the
     * same option as {@code measured} (ignoring case and surrounding blanks). A blank or null answer is
     * reported as unanswered, and so is an answer that is none of the {@code options} (the line lists them).
     *
     * <pre>{@code
     * String myAnswer = "";   // "pool" or "threads": which one finishes first?
     * choice("primer.ex.faster", myAnswer, poolMs < threadsMs ? "pool" : "threads", "pool", "threads");
     * }</pre>
     *
     * @param name     a dotted name, as for {@link #check}
     * @param answer   the student's answer, one of {@code options}
     * @param measured the option the measurement picked; must be one of {@code options}
     * @param options  the possible answers, at least two, none blank
     * @throws IllegalArgumentException if {@code name} is malformed, fewer than two options are given, an option
     *                                  is blank, or {@code measured} is not one of them
     */
    public static void choice(String name, String answer, String measured, String... options) {
        requireName(name);
        if (options == null || options.length < 2) {
            throw new IllegalArgumentException("options must list at least two possible answers for check '"
                    + name + "'");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String o : options) {
            if (o == null || o.isBlank()) {
                throw new IllegalArgumentException("options of check '" + name + "' must not be blank");
            }
            byKey.put(key(o), o.strip());
        }
        String choices = String.join(", ", byKey.values().stream().map(o -> "\"" + o + "\"").toList());
        if (measured == null || !byKey.containsKey(key(measured))) {
            throw new IllegalArgumentException("measured must be one of " + choices + " for check '" + name
                    + "', got: " + measured);
        }
        String truth = byKey.get(key(measured));
        if (answer == null || answer.isBlank()) {   // the measured option stays out of the report until answered
            report(new CheckResult(name, Double.NaN, "one of " + choices, CheckResult.Status.UNANSWERED,
                    UNANSWERED + " (one of " + choices + ")", null));
            return;
        }
        String given = byKey.get(key(answer));
        if (given == null) {
            report(new CheckResult(name, Double.NaN, "one of " + choices, CheckResult.Status.UNANSWERED,
                    "\"" + answer.strip() + "\" is not one of " + choices + ": answer with one of them, then run"
                            + " this cell", null));
            return;
        }
        report(new CheckResult(name, Double.NaN, truth,
                given.equals(truth) ? CheckResult.Status.PASSED : CheckResult.Status.FAILED, null, given));
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
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put(CheckResult.MIME_TYPE, r.toJson());
        bundle.put("text/plain", r.line());
        if (r.html() != null) {
            bundle.put("text/html", r.html());
        }
        if (!Notebook.displayMime(bundle)) {
            System.out.println(r.line());
        }
    }

    private static String key(String option) {
        return option.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name must be a dotted identifier such as 'gil.cpu.speedup', got: " + name);
        }
    }
}
