package org.parlab.profile;

/**
 * A block of code to time or profile: a lambda that may return a value and may throw,
 * e.g. {@code () -> sum(data)} or {@code () -> { work(); return null; }}.
 */
@FunctionalInterface
public interface Code {
    /** Runs the code; what it returns is kept alive, so the JIT cannot drop the work. */
    Object run() throws Exception;
}
