package org.parlab.check;

import org.parlab.Numbers;

/**
 * Factories for {@link Expectation}s, meant to be statically imported:
 * {@code check("gil.cpu.speedup", speedup, atMost(1.1))}.
 *
 * <p>Exercises: a bound that is {@code Double.NaN} is an answer the student has not given yet. The check then
 * reports {@linkplain CheckResult.Status#UNANSWERED unanswered} instead of judging, so an exercise can ship
 * as {@code double myPrediction = Double.NaN;} with {@code check("ex.speedup", measured, near(myPrediction,
 * 0.25))} below it. Infinite bounds are still refused.
 */
public final class Expect {
    private Expect() {
    }

    /** value ≤ {@code limit}. */
    public static Expectation atMost(double limit) {
        if (Double.isNaN(limit)) {
            return Expectation.unanswered("≤ your answer");
        }
        requireFinite("limit", limit);
        return Expectation.bounded("≤ " + Numbers.format(limit), v -> v <= limit, Expectation.Bound.UPPER);
    }

    /** value ≥ {@code limit}. */
    public static Expectation atLeast(double limit) {
        if (Double.isNaN(limit)) {
            return Expectation.unanswered("≥ your answer");
        }
        requireFinite("limit", limit);
        return Expectation.bounded("≥ " + Numbers.format(limit), v -> v >= limit, Expectation.Bound.LOWER);
    }

    /** value &lt; {@code limit}. */
    public static Expectation lessThan(double limit) {
        if (Double.isNaN(limit)) {
            return Expectation.unanswered("< your answer");
        }
        requireFinite("limit", limit);
        return Expectation.bounded("< " + Numbers.format(limit), v -> v < limit, Expectation.Bound.UPPER);
    }

    /** value &gt; {@code limit}. */
    public static Expectation greaterThan(double limit) {
        if (Double.isNaN(limit)) {
            return Expectation.unanswered("> your answer");
        }
        requireFinite("limit", limit);
        return Expectation.bounded("> " + Numbers.format(limit), v -> v > limit, Expectation.Bound.LOWER);
    }

    /** {@code low} ≤ value ≤ {@code high}. */
    public static Expectation between(double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return Expectation.unanswered("in your range");
        }
        requireFinite("low", low);
        requireFinite("high", high);
        if (low > high) {
            throw new IllegalArgumentException("low must be ≤ high, got low=" + low + ", high=" + high);
        }
        return new Expectation("in [" + Numbers.format(low) + ", " + Numbers.format(high) + "]",
                v -> v >= low && v <= high, null);
    }

    /**
     * value within a relative tolerance of {@code target}: |value − target| ≤ {@code relTol}·|target|.
     *
     * @param relTol e.g. 0.1 for ±10 %; must be in (0, 10]
     */
    public static Expectation near(double target, double relTol) {
        if (Double.isNaN(target)) {
            if (!(relTol > 0 && relTol <= 10)) {
                throw new IllegalArgumentException("relTol must be in (0, 10], got " + relTol);
            }
            return Expectation.unanswered("≈ your answer ± " + Numbers.format(100 * relTol) + " %");
        }
        requireFinite("target", target);
        if (!(relTol > 0 && relTol <= 10)) {
            throw new IllegalArgumentException("relTol must be in (0, 10], got " + relTol);
        }
        double tol = Math.abs(target) * relTol;
        // a few ulps of slack, so near(1, 0.1) accepts 1.1 despite binary rounding
        return new Expectation("≈ " + Numbers.format(target) + " ± " + Numbers.format(100 * relTol) + " %",
                v -> Math.abs(v - target) <= tol + 4 * Math.ulp(Math.max(Math.abs(v), Math.abs(target))), null);
    }

    /** value equals {@code expected} exactly (for counts and other integers). */
    public static Expectation exactly(double expected) {
        if (Double.isNaN(expected)) {
            return Expectation.unanswered("= your answer");
        }
        requireFinite("expected", expected);
        return new Expectation("= " + Numbers.format(expected), v -> v == expected, null);
    }

    /** value is {@code 1} (true): for boolean facts checked as {@code check(name, cond ? 1 : 0, isTrue())}. */
    public static Expectation isTrue() {
        return new Expectation("true", v -> v == 1.0, null);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }
}
