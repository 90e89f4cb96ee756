package org.parlab.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock with CPython's hand-off protocol (the "new GIL" of CPython 3.2+, as in
 * {@code Python/ceval_gil.h} of 3.11), transcribed to Java:
 *
 * <ul>
 * <li><b>take:</b> while the lock is held, wait on a condition for at most the switch interval; on a time-out
 *     with no switch of holder in the meantime, set the <em>drop request</em>. Once free, take it; if the holder
 *     changed, count a switch and wake a holder waiting for the switch.</li>
 * <li><b>check</b> (CPython's eval breaker, at every "bytecode"): if a drop was requested, drop and take again.</li>
 * <li><b>drop:</b> free the lock and wake one waiter; if a drop was requested and no other thread has taken the
 *     lock yet, wait until one has (CPython's {@code FORCE_SWITCHING}), so the dropping thread cannot grab it
 *     straight back.</li>
 * </ul>
 *
 * No sleeps or delays are added: every effect on speed comes from the protocol and the machine. It records
 * each interval during which a thread held the lock. One instance per simulation run; package-private.
 */
final class GilLock {
    /** Stop recording after this many intervals (a run of a minute at 5 ms holds needs ~12 000). */
    static final int MAX_RECORDED = 200_000;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition cond = mutex.newCondition();
    private final ReentrantLock switchMutex = new ReentrantLock();
    private final Condition switchCond = switchMutex.newCondition();
    private final long intervalNanos;
    private volatile long t0;

    private boolean locked;               // guarded by mutex
    private Thread lastHolder;            // written under mutex + switchMutex
    private long switchNumber;            // guarded by mutex
    private volatile boolean dropRequest; // CPython's gil_drop_request
    private long forcedDrops;             // guarded by mutex: drop requests set
    private int holderIndex = -1;         // guarded by mutex
    private long holdStart;               // guarded by mutex
    private final List<Segment> segments = new ArrayList<>();  // guarded by mutex
    private long unrecorded;              // guarded by mutex

    GilLock(long intervalNanos, long t0) {
        this.intervalNanos = Math.max(intervalNanos, 1000); // CPython: at least 1 µs
        this.t0 = t0;
    }

    /** Sets the time (System.nanoTime) that recorded segments are measured from. */
    void startClock(long origin) {
        this.t0 = origin;
    }

    /** Takes the lock for the thread with the given index (CPython's take_gil). */
    void take(int threadIndex) throws InterruptedException {
        take(threadIndex, System.nanoTime(), false);
    }

    /**
     * Takes the lock; records the time since {@code waitStart} as waiting when the thread had to wait or
     * {@code afterForcedDrop} (it dropped the lock on request and waited for the switch).
     */
    private void take(int threadIndex, long waitStart, boolean afterForcedDrop) throws InterruptedException {
        mutex.lockInterruptibly();
        try {
            boolean waited = locked || afterForcedDrop;
            while (locked) {
                long saved = switchNumber;
                long left = cond.awaitNanos(intervalNanos);
                boolean timedOut = left <= 0;
                if (timedOut && locked && switchNumber == saved) {
                    dropRequest = true;
                    forcedDrops++;
                }
            }
            switchMutex.lock();
            try {
                locked = true;
                Thread me = Thread.currentThread();
                if (lastHolder != me) {
                    lastHolder = me;
                    switchNumber++;
                }
                switchCond.signal();
            } finally {
                switchMutex.unlock();
            }
            dropRequest = false; // RESET_GIL_DROP_REQUEST: the request was for the previous holder
            holderIndex = threadIndex;
            holdStart = System.nanoTime();
            if (waited) {
                record(new Segment(threadIndex, Segment.Kind.WAIT, waitStart - t0, holdStart - t0));
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Drops the lock (CPython's drop_gil). With {@code forceSwitch}, as at an eval-breaker check, waits until
     * another thread has taken it if a drop was requested. A thread that does not hold the lock drops nothing.
     *
     * @return when the lock was released (System.nanoTime), or -1 if this thread did not hold it
     */
    long drop(boolean forceSwitch) throws InterruptedException {
        long released;
        mutex.lock();
        try {
            if (!locked || lastHolder != Thread.currentThread()) {
                return -1;
            }
            released = System.nanoTime();
            record(new Segment(holderIndex, Segment.Kind.HOLD, holdStart - t0, released - t0));
            holderIndex = -1;
            locked = false;
            cond.signal();
        } finally {
            mutex.unlock();
        }
        if (forceSwitch && dropRequest) {
            switchMutex.lock();
            try {
                if (lastHolder == Thread.currentThread()) {
                    dropRequest = false;
                    switchCond.await(); // one wait, no loop, as in CPython
                }
            } finally {
                switchMutex.unlock();
            }
        }
        return released;
    }

    /** True when another thread has asked the holder to drop the lock. */
    boolean dropRequested() {
        return dropRequest;
    }

    /**
     * The eval-breaker check: if another thread asked for the lock, drop it (waiting for the switch) and take
     * it back; the time from the drop to the take is recorded as waiting.
     */
    void check(int threadIndex) throws InterruptedException {
        if (dropRequest) {
            long released = drop(true);
            take(threadIndex, released < 0 ? System.nanoTime() : released, true);
        }
    }

    /** Records the time a thread spent after a requested drop waiting for another thread to take the lock. */
    void recordSwitchWait(int threadIndex, long releasedNanos) {
        long now = System.nanoTime();
        if (releasedNanos >= 0 && now - releasedNanos > 20_000) {
            recordOutside(threadIndex, Segment.Kind.WAIT, releasedNanos, now);
        }
    }

    /** Records an interval a thread spent outside the lock (waiting on I/O or in native code). */
    void recordOutside(int threadIndex, Segment.Kind kind, long startNanos, long endNanos) {
        mutex.lock();
        try {
            record(new Segment(threadIndex, kind, startNanos - t0, endNanos - t0));
        } finally {
            mutex.unlock();
        }
    }

    private void record(Segment s) {
        if (segments.size() < MAX_RECORDED) {
            segments.add(s);
        } else {
            unrecorded++;
        }
    }

    boolean heldByCurrentThread() {
        mutex.lock();
        try {
            return locked && lastHolder == Thread.currentThread() && holderIndex >= 0;
        } finally {
            mutex.unlock();
        }
    }

    List<Segment> segments() {
        mutex.lock();
        try {
            return List.copyOf(segments);
        } finally {
            mutex.unlock();
        }
    }

    long switches() {
        mutex.lock();
        try {
            return switchNumber;
        } finally {
            mutex.unlock();
        }
    }

    long forcedDrops() {
        mutex.lock();
        try {
            return forcedDrops;
        } finally {
            mutex.unlock();
        }
    }

    long unrecorded() {
        mutex.lock();
        try {
            return unrecorded;
        } finally {
            mutex.unlock();
        }
    }

    long intervalMicros() {
        return TimeUnit.NANOSECONDS.toMicros(intervalNanos);
    }
}
