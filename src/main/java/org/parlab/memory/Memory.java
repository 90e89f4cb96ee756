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
     * Refuses, before anything is allocated, a size whose heap memory would not fit: throws unless {@code bytes}
     * fits in what the heap can still give (its limit, {@code -Xmx}, minus what live objects use now, with a
     * 10 % margin for the collector). Put it after a notebook's parameters, so a size typed ten times too large
     * gets a message with the numbers instead of an {@link OutOfMemoryError} halfway through a cell.
     *
     * <pre>{@code
     * Memory.requireHeap("N boxed numbers", N * 20L);
     * }</pre>
     *
     * @param what  what needs the memory, for the message
     * @param bytes the bytes it needs
     * @throws IllegalArgumentException if {@code what} is blank, {@code bytes} is negative, or it does not fit
     */
    public static void requireHeap(String what, long bytes) {
        requireWhat(what, bytes);
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long available = (long) ((rt.maxMemory() - used) * 0.9);
        if (bytes > available) {
            throw new IllegalArgumentException(String.format("bytes: %s needs %s of heap, but the kernel's heap "
                    + "limit is %s and %s of it is in use: lower the size (or raise -Xmx in kernel/jvm.options)",
                    what, human(bytes), human(rt.maxMemory()), human(used)));
        }
    }

    /**
     * Refuses, before anything is allocated, a size whose native (off-heap) memory would not fit in the cap
     * JavaCPP enforces for ND4J's arrays ({@code org.bytedeco.javacpp.maxbytes}), minus what is in use now.
     *
     * <pre>{@code
     * Memory.requireOffHeap("three n×n matrices", 3L * n * n * Double.BYTES);
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code what} is blank, {@code bytes} is negative, or it does not fit
     */
    public static void requireOffHeap(String what, long bytes) {
        requireWhat(what, bytes);
        long max = org.bytedeco.javacpp.Pointer.maxBytes();
        if (max <= 0) {
            return; // no cap
        }
        long used = org.bytedeco.javacpp.Pointer.totalBytes();
        if (bytes > max - used) {
            throw new IllegalArgumentException(String.format("bytes: %s needs %s of native memory, but ND4J's cap "
                    + "is %s and %s of it is in use: lower the size (the cap is "
                    + "-Dorg.bytedeco.javacpp.maxbytes in kernel/jvm.options)", what, human(bytes), human(max),
                    human(used)));
        }
    }

    private static void requireWhat(String what, long bytes) {
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("what must say what needs the memory, got "
                    + (what == null ? "null" : "''"));
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be ≥ 0, got " + bytes + " (an int overflow? compute it "
                    + "with longs: N * 8L)");
        }
    }

    /** Bytes as B, KB, MB or GB (powers of 1000), with 3 significant digits. */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v))
                + " " + units[u];
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
