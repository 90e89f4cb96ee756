package org.parlab.timing;

import java.lang.ref.WeakReference;

/**
 * A sink for results, so the JIT cannot drop the work that computed them as dead code. A loop whose result
 * nobody reads may be compiled to nothing, and then a benchmark times an empty loop; handing the result to
 * {@code consume} keeps it alive.
 *
 * <p>Done as JMH's blackhole does it, in spirit: a primitive is compared with two {@code volatile} fields that
 * hold different values, and stored only if it equals both, which never happens, but the JIT cannot prove
 * that, so it must compute the value. An object is stored, behind a weak reference, on a pseudo-random
 * schedule that grows rarer with every store (about 30 stores in all). A call costs a nanosecond or two.
 *
 * <pre>{@code
 * Blackhole bh = new Blackhole();
 * Bench.time("loop", () -> { for (double x : data) bh.consume(Math.sqrt(x)); });
 * }</pre>
 *
 * <p>{@link Bench#time(String, java.util.function.Supplier)} feeds every result of its work into a fresh
 * blackhole. A blackhole is not thread-safe: use one per thread.
 */
public final class Blackhole {
    // Pairs that never hold equal values; volatile, so the JIT cannot know that.
    private volatile int i1;
    private volatile int i2;
    private volatile long l1;
    private volatile long l2;
    private volatile double d1;
    private volatile double d2;
    private volatile boolean b1;
    private volatile boolean b2;
    private volatile int tlrMask;
    /** Written only when the impossible happens, or rarely for objects: this is where values escape. */
    private volatile Object sink;
    /** A linear congruential generator's state: decides when an object is stored. */
    private int tlr;
    private long consumed;

    /** A new, empty blackhole. */
    public Blackhole() {
        i1 = 1;
        i2 = 2;
        l1 = 1;
        l2 = 2;
        d1 = 1;
        d2 = 2;
        b1 = false;
        b2 = true;
        tlrMask = 1;
        tlr = (int) System.nanoTime();
    }

    /** Consumes an object (null too); it stays reachable only weakly, so it can still be collected. */
    public void consume(Object value) {
        consumed++;
        int mask = tlrMask;
        int t = tlr = tlr * 1664525 + 1013904223;
        if ((t & mask) == 0) {
            // rare, and rarer each time: at most about 31 stores in the blackhole's life
            sink = new WeakReference<>(value);
            tlrMask = (mask << 1) + 1;
        }
    }

    /** Consumes a {@code double} (and, widened, a {@code float}). */
    public void consume(double value) {
        consumed++;
        if (value == d1 & value == d2) {
            sink = value; // never: d1 != d2
        }
    }

    /** Consumes a {@code long}. */
    public void consume(long value) {
        consumed++;
        if ((value ^ l1) == (value ^ l2)) {
            sink = value; // never: l1 != l2
        }
    }

    /** Consumes an {@code int} (and, widened, a {@code short}, {@code char} or {@code byte}). */
    public void consume(int value) {
        consumed++;
        if ((value ^ i1) == (value ^ i2)) {
            sink = value; // never: i1 != i2
        }
    }

    /** Consumes a {@code boolean}. */
    public void consume(boolean value) {
        consumed++;
        if (value == b1 & value == b2) {
            sink = value; // never: b1 != b2
        }
    }

    /** How many values this blackhole has consumed: for tests. */
    long consumed() {
        return consumed;
    }
}
