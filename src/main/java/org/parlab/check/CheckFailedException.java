package org.parlab.check;

/** Thrown by {@link Check#check} when a measured value misses its expectation, so the notebook cell errors. */
public class CheckFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CheckResult result;

    /** @param result the failed check */
    public CheckFailedException(CheckResult result) {
        super("check failed: " + requireResult(result).line());
        this.result = result;
    }

    /** The failed check. */
    public CheckResult result() {
        return result;
    }

    private static CheckResult requireResult(CheckResult result) {
        if (result == null) {
            throw new IllegalArgumentException("result must not be null");
        }
        return result;
    }
}
