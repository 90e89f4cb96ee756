package org.parlab.check;

import java.util.Objects;
import java.util.function.DoublePredicate;

/**
 * What a measured number is expected to be, e.g. {@code atMost(1.1)} or {@code between(1.6, 2.2)}.
 * Made by the factories in {@link Expect}; immutable.
 *
 * <p>An expectation can carry a precondition about the machine: {@code atLeast(1.5).onlyIf(cores >= 2,
 * "needs 2 cores")} is reported as <em>skipped</em> (not passed) where the condition is false.
 */
public final class Expectation {
    private final String description;
    private final DoublePredicate test;
    private final String skipReason; // null: applies

    Expectation(String description, DoublePredicate test, String skipReason) {
        this.description = Objects.requireNonNull(description, "description");
        this.test = Objects.requireNonNull(test, "test");
        this.skipReason = skipReason;
    }

    /** Does {@code value} meet this expectation? */
    public boolean test(double value) {
        return test.test(value);
    }

    /** Human-readable form, e.g. {@code "≤ 1.1"}. */
    public String description() {
        return description;
    }

    /** True unless a precondition given with {@link #onlyIf} is false on this machine. */
    public boolean applies() {
        return skipReason == null;
    }

    /** Why this expectation does not apply here, or {@code null} when it does. */
    public String skipReason() {
        return skipReason;
    }

    /**
     * The same expectation, applied only when {@code condition} holds; otherwise the check is skipped and
     * reports {@code reason}.
     *
     * @throws IllegalArgumentException if {@code reason} is null or blank
     */
    public Expectation onlyIf(boolean condition, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must say why the check would not apply, got: " + reason);
        }
        if (condition || skipReason != null) {
            return this;
        }
        return new Expectation(description, test, reason);
    }

    @Override
    public String toString() {
        return skipReason == null ? description : description + " (skipped: " + skipReason + ")";
    }
}
