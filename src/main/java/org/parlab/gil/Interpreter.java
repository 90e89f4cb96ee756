package org.parlab.gil;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.parlab.timing.Jit;

/**
 * What a simulated thread's {@link Workload} runs on: a tiny "interpreter" whose instructions must hold the
 * global lock, with CPython's ways of letting it go. In a run without the lock the same methods do the same
 * work, lock-free, like plain Java threads.
 *
 * <ul>
 * <li>{@link #bytecodes(long)}: interpreted work. Holds the lock, and checks for a drop request after
 *     every instruction, as CPython's eval loop does.</li>
 * <li>{@link #blockingIo(Duration)}: a blocking wait (a real sleep) with the lock released, as CPython
 *     does around {@code time.sleep}, {@code socket.recv} and file reads.</li>
 * <li>{@link #nativeCode(long)}: compiled work with the lock released, as numpy does inside {@code dot}.</li>
 * </ul>
 */
public final class Interpreter {
    /** Multiply-add steps in one simulated bytecode (about 30–60 ns of work). */
    static final int STEPS_PER_BYTECODE = 32;
    /** Instructions between two interrupt checks (and safepoint polls): about 10–20 µs of work. */
    private static final int CHUNK = 256;

    private final int index;
    private final GilLock lock; // null: no lock
    private long state;
    boolean holding;

    Interpreter(int index, GilLock lock) {
        this.index = index;
        this.lock = lock;
        this.state = 0x9E3779B97F4A7C15L * (index + 1);
    }

    /** Index of this simulated thread, from 0. */
    public int index() {
        return index;
    }

    /**
     * Runs {@code count} interpreted instructions.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public void bytecodes(long count) throws InterruptedException {
        requireNonNegative("count", count);
        // Chunks of at most CHUNK instructions: C2 compiled a plain long-indexed loop into one without safepoint
        // polls, so a 20 s run held every other thread at the next safepoint for 20 s (a 200 ms time-out fired
        // after 19.8 s). The outer loop is not a counted loop and keeps its poll; the inner one is short.
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(left, CHUNK);
            for (int i = 0; i < n; i++) {
                state = work(state, STEPS_PER_BYTECODE);
                if (lock != null && lock.dropRequested()) {
                    holding = false;   // until take succeeds: an interrupt in between leaves nothing to release
                    lock.check(index);
                    holding = true;
                }
            }
            left -= n;
            stopIfInterrupted();
        }
    }

    /**
     * Waits for {@code wait} (a real sleep, standing for I/O) with the lock released.
     *
     * @throws IllegalArgumentException if {@code wait} is null, negative or longer than a minute
     */
    public void blockingIo(Duration wait) throws InterruptedException {
        Workload.requireDuration("wait", wait);
        release();
        long start = System.nanoTime();
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } finally {
            long end = System.nanoTime();
            if (lock != null) {
                lock.recordOutside(index, Segment.Kind.IO, start, end);
            }
            reacquire();
        }
    }

    /**
     * Runs {@code units} of compiled work (the same arithmetic as a bytecode) with the lock released.
     *
     * @throws IllegalArgumentException if {@code units} is negative
     */
    public void nativeCode(long units) throws InterruptedException {
        requireNonNegative("units", units);
        release();
        long start = System.nanoTime();
        try {
            long left = units;
            while (left > 0) { // chunked, as in bytecodes(): short counted loops, a safepoint poll between them
                int n = (int) Math.min(left, CHUNK);
                for (int i = 0; i < n; i++) {
                    state = work(state, STEPS_PER_BYTECODE);
                }
                left -= n;
                stopIfInterrupted();
            }
        } finally {
            long end = System.nanoTime();
            if (lock != null) {
                lock.recordOutside(index, Segment.Kind.NATIVE, start, end);
            }
            reacquire();
        }
    }

    /** A value computed from all the work done, so the JIT cannot skip it. */
    long checksum() {
        return state;
    }

    void acquire() throws InterruptedException {
        if (lock != null && !holding) {
            lock.take(index);
            holding = true;
        }
    }

    void releaseQuietly() {
        if (lock != null && holding) {
            holding = false;
            try {
                lock.drop(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void release() throws InterruptedException {
        if (lock != null && holding) {
            holding = false;
            long released = lock.drop(true);
            lock.recordSwitchWait(index, released);
        }
    }

    private void reacquire() throws InterruptedException {
        if (lock != null) {
            lock.take(index);
            holding = true;
        }
    }

    /**
     * Dependent multiply-adds, each step waiting for the last. The step adds a shifted copy of the state, not a
     * constant: a purely linear recurrence (s·a + c) is one the JIT of JDK 25 folds into a few steps.
     */
    private static long work(long s, int steps) {
        for (int i = 0; i < steps; i++) {
            s = s * 6364136223846793005L + (s >>> 32);
        }
        return s;
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("simulated thread interrupted");
        }
    }

    private static void requireNonNegative(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be ≥ 0, got " + v);
        }
    }

    /**
     * Bytecodes per millisecond on this machine: the fastest of many windows of about 2 ms, taken until the
     * fastest has not improved by more than 2 % for 200 ms (at least 300 ms, at most 3 s), then again after the
     * JIT's compiler threads have gone quiet. The fastest window is one in which the thread was not descheduled,
     * so a busy machine does not shrink every workload; waiting for the compiler lets it finish the loop first.
     *
     * <p>The first calibration can still come too early: in a fresh kernel the compiler threads are busy with
     * the cells, the loop may run as C1 code (two to three times slower) for longer than the window, and every
     * "5 ms" of work would then last 2–3 ms, which moves every model that counts milliseconds of work. So each
     * later call takes a quick look (ten windows, about 20 ms) and calibrates again when the loop has become
     * more than 5 % faster. The rate only ever rises: a slower look is the machine being busy, not the code.
     */
    static synchronized double bytecodesPerMs() {
        try {
            if (rate == 0) {
                rate = fastestWindow(300_000_000L, 3_000_000_000L, 0);
                Jit.awaitQuiet(Duration.ofSeconds(2));
                rate = Math.max(rate, fastestWindow(100_000_000L, 1_000_000_000L, 0));
            } else if (fastestWindow(0, 0, 10) > rate * 1.05) {
                Jit.awaitQuiet(Duration.ofSeconds(2));
                rate = Math.max(rate, fastestWindow(300_000_000L, 3_000_000_000L, 0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("calibration interrupted");
        }
        return rate;
    }

    /**
     * The fastest rate over windows of about 2 ms: {@code windows} of them when that is positive, else until the
     * fastest has not improved by 2 % for 200 ms, after at least {@code minNs} and at most {@code maxNs}.
     */
    private static double fastestWindow(long minNs, long maxNs, int windows) throws InterruptedException {
        Interpreter in = new Interpreter(0, null);
        long chunk = 1_000; // ~35 µs: a 2 ms window is ~60 chunks
        double best = 0;
        long begin = System.nanoTime();
        long improved = begin;
        for (int w = 1; ; w++) {
            long n = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 2_000_000L) {
                in.bytecodes(chunk);
                n += chunk;
            }
            long now = System.nanoTime();
            double r = n / ((now - start) / 1e6);
            if (r > best * 1.02) {
                improved = now;
            }
            best = Math.max(best, r);
            if (windows > 0 ? w >= windows
                    : (now - begin > minNs && now - improved > 200_000_000L) || now - begin > maxNs) {
                return best;
            }
        }
    }

    /** Sets the calibrated rate (tests: a calibration made while the loop was still slow). */
    static synchronized void setRateForTest(double r) {
        rate = r;
    }

    private static double rate;
}
