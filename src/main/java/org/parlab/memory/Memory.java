package org.parlab.memory;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Memory, measured rather than guessed: how many bytes of heap a piece of code allocates, counted by the JVM
 * for the current thread ({@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}).
 *
 * <pre>{@code
 * Allocation<double[]> a = Memory.allocation(() -> new double[1_000_000]);
 * a.bytes()   // ≈ 8 000 016
 * }</pre>
 */
public final class Memory {
    private Memory() {
    }

    /**
     * Runs {@code work} on the current thread and returns its result with the bytes it allocated. The result is
     * returned, so the allocation cannot be optimised away. Allocations made by other threads are not counted.
     *
     * @throws IllegalArgumentException if {@code work} is null
     * @throws IllegalStateException    if this JVM does not count allocated bytes
     */
    public static <T> Allocation<T> allocation(Supplier<T> work) {
        if (work == null) {
            throw new IllegalArgumentException("work must not be null");
        }
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        if (!mx.isThreadAllocatedMemoryEnabled()) {
            mx.setThreadAllocatedMemoryEnabled(true);
        }
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        T value = work.get();
        long after = mx.getThreadAllocatedBytes(id);
        return new Allocation<>(value, after - before);
    }

    /**
     * What {@link Memory#allocation} measured.
     *
     * @param value what the work returned
     * @param bytes heap bytes the current thread allocated while it ran
     * @param <T>   the value's type
     */
    public record Allocation<T>(T value, long bytes) {
        /**
         * Bytes per element, for work that built a collection of {@code elements} elements.
         *
         * @throws IllegalArgumentException if {@code elements} &lt; 1
         */
        public double bytesPer(long elements) {
            if (elements < 1) {
                throw new IllegalArgumentException("elements must be ≥ 1, got " + elements);
            }
            return (double) bytes / elements;
        }
    }
}
