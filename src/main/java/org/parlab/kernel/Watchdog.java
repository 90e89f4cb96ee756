package org.parlab.kernel;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.parlab.agent.Stop;

/**
 * Stops runaway threads in the kernel, so that an interrupted cell does not keep a core busy for the rest of the
 * session (JJava's interrupt only calls {@code Thread.interrupt()}, which a busy loop never looks at).
 *
 * <p>Every {@value #POLL_MS} ms the watchdog looks at the JVM's threads, with calls that need no safepoint
 * (thread states, blockers, per-thread CPU clocks), so that it does not pause the code being timed. A thread is
 * a <em>runaway</em> when
 * <ul>
 * <li>it is a cell thread ({@code jjava-exec-*}) that was interrupted (its cell was cancelled) and is still
 * running, or</li>
 * <li>no cell is running, and it is a thread that cells started (not one of the kernel's, not one of the JDK's;
 * a busy carrier of virtual threads counts, since only cells start virtual threads here) that used the processor
 * for at least {@value #BUSY_FRACTION} of the last {@value #BUSY_MS} ms.</li>
 * </ul>
 * An interrupted cell thread is stopped at once; another runaway is interrupted first and stopped at the next
 * look if it is still busy. Stopping means raising {@link Stop}: the kernel's agent ({@code org.parlab.agent})
 * put a stop check into every loop and method of the code compiled from cells, and every thread of the cells that
 * reaches one throws {@link org.parlab.agent.CellStopped}. The stop is lowered one look later. A thread that is
 * still busy {@value #GRACE_MS} ms after its stop runs outside the cells' code (a library call, native code) or
 * catches the error: the watchdog raises the stop again at every look and warns on {@code System.err}, once in
 * every cell while it runs, naming the thread and asking for a kernel restart. Without the agent (a kernel
 * started without {@code -javaagent}) nothing can stop a thread, and the watchdog only warns.
 *
 * <p>Background work that should outlive its cell is therefore not possible in the ParLab kernel while the
 * watchdog runs: {@link #setEnabled(boolean) setEnabled(false)} turns it off for the session.
 */
public final class Watchdog {
    static final long POLL_MS = 250;
    static final long BUSY_MS = 1000;
    static final double BUSY_FRACTION = 0.3; // of a core: a runaway on a crowded machine gets less than all of one
    static final long GRACE_MS = 500;
    static final long REWARN_MS = 250;

    private static volatile Watchdog installed;
    private static final boolean DEBUG = Boolean.getBoolean("parlab.watchdog.debug");
    private static final java.io.PrintStream DEBUG_OUT = System.err;

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Set<Long> kernelThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean adopted;
    private final Map<Long, long[]> cpuHistory = new HashMap<>(); // id → {cpu ns, wall ns} at the last look
    private final Map<Long, Long> busySince = new HashMap<>();
    private final Map<Long, Long> interruptedAt = new HashMap<>();
    /** Per runaway: when the watchdog first raised the stop for it (ns). */
    private final Map<Long, Long> stopRaisedAt = new HashMap<>();
    /** When the stop was last raised (ns), or -1 while it is lowered. */
    private long raisedAt = -1;
    private final Set<Long> unstoppable = new HashSet<>();
    /** Per unstoppable thread: {the cell number of the last warning, when it was shown (ns)}. */
    private final Map<Long, long[]> warnedFor = new java.util.concurrent.ConcurrentHashMap<>();
    /** Unstoppable runaways seen at the last look, by id → name (read by {@link #atCellStart()}). */
    private volatile Map<Long, String> stillRunning = Map.of();
    private volatile java.util.function.LongSupplier cellNumber = () -> -1;
    private final Supplier<PrintStream> err;
    private final Thread thread;
    private volatile boolean enabled = true;

    private Watchdog(Supplier<PrintStream> err) {
        this.err = err;
        for (Thread t : liveThreads()) {
            kernelThreads.add(t.threadId()); // everything alive at start-up is the kernel's or the JDK's
        }
        this.thread = new Thread(this::loop, "parlab-watchdog");
        this.thread.setDaemon(true);
        kernelThreads.add(thread.threadId());
    }

    /** Starts the watchdog once per JVM (the extension calls this at kernel start-up). */
    public static synchronized Watchdog install() {
        if (installed == null) {
            Watchdog w = new Watchdog(() -> System.err);
            if (w.mx.isThreadCpuTimeSupported() && !w.mx.isThreadCpuTimeEnabled()) {
                w.mx.setThreadCpuTimeEnabled(true);
            }
            w.thread.start();
            installed = w;
        }
        return installed;
    }

    /** Turns the watchdog on or off for this kernel session (it is on after start-up). */
    public static void setEnabled(boolean on) {
        Watchdog w = installed;
        if (w == null) {
            throw new IllegalStateException("the watchdog runs only in the ParLab kernel");
        }
        w.enabled = on;
    }

    /** Whether the watchdog is installed and enabled. */
    public static boolean isEnabled() {
        Watchdog w = installed;
        return w != null && w.enabled;
    }

    /** How many threads the watchdog has stopped in this session (at a stop check in a cell's code). */
    public static int stoppedCount() {
        return installed == null ? 0 : Stop.stoppedCount();
    }

    private void loop() {
        while (true) {
            try {
                Thread.sleep(POLL_MS);
                if (enabled) {
                    look();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                // never die: a broken look is retried at the next poll
            }
        }
    }

    static boolean isCellThread(Thread t) {
        return t.getName().startsWith("jjava-exec-");
    }

    /**
     * An idle cell thread waits in its pool for the next cell, parked on the pool's hand-off queue. Read from the
     * thread's blocker object rather than its stack: taking another thread's stack trace needs a safepoint, which
     * stops every thread of the JVM (and, measured, stalled the GIL simulator's waiting thread for a whole run).
     */
    static boolean isIdle(Thread t) {
        Thread.State state = t.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        Object blocker = java.util.concurrent.locks.LockSupport.getBlocker(t);
        String name = blocker == null ? "" : blocker.getClass().getName();
        return name.startsWith("java.util.concurrent.SynchronousQueue")
                || name.startsWith("java.util.concurrent.LinkedTransferQueue");
    }

    static Thread[] liveThreads() {
        return org.parlab.debug.ThreadCensus.liveThreads();
    }

    /**
     * JJava's own threads: its channel loops ({@code Shell-0}, {@code Heartbeat-0}, ...; the shell loop compiles
     * every cell, so it is busy while no cell runs) and JeroMQ's messaging threads. Interrupting one of them
     * silently ended the kernel's shell loop (the next cell never got an answer).
     */
    static boolean isKernelLoop(Thread t) {
        return t.getName().matches("(Shell|Heartbeat|Control|IOPub|Stdin)-\\d+|iothread-\\d+|reaper-\\d+");
    }

    private static boolean isCarrier(Thread t) {
        return org.parlab.debug.ThreadCensus.isVirtualThreadCarrier(t);
    }

    /** Threads a stop leaves running: the kernel's, the JDK's, and cell threads (they run the next cell). */
    private boolean spared(Thread t) {
        return !t.isVirtual() && (isCellThread(t) || kernelThreads.contains(t.threadId()) || isJdkThread(t)
                || isKernelLoop(t));
    }

    private static boolean isJdkThread(Thread t) {
        return org.parlab.debug.ThreadCensus.isJdkSystemThread(t);
    }

    private void look() {
        long now = System.nanoTime();
        if (raisedAt >= 0 && now - raisedAt >= POLL_MS * 1_000_000L / 2) {
            Stop.lower(); // a thread in a cell's code meets a check within microseconds
            raisedAt = -1;
        }
        Thread[] all = liveThreads();
        boolean cellRunning = false;
        for (Thread t : all) {
            if (isCellThread(t) && !t.isInterrupted() && !isIdle(t) && !interruptedAt.containsKey(t.threadId())) {
                cellRunning = true;
            }
        }
        Set<Long> alive = new HashSet<>();
        for (Thread t : all) {
            long id = t.threadId();
            alive.add(id);
            if (t == thread || !t.isAlive()) {
                continue;
            }
            boolean busy = wasBusy(id, now);
            boolean runaway;
            if (isCellThread(t)) {
                runaway = t.isInterrupted() && t.getState() == Thread.State.RUNNABLE;
            } else if (kernelThreads.contains(id) || (isJdkThread(t) && !isCarrier(t)) || isKernelLoop(t)) {
                runaway = false;
            } else {
                runaway = !cellRunning && busy && busyLongEnough(id, now);
            }
            if (DEBUG && !kernelThreads.contains(id) && !isJdkThread(t)) {
                DEBUG_OUT.println("watchdog: " + t.getName() + " state=" + t.getState() + " busy=" + busy
                        + " cellRunning=" + cellRunning + " runaway=" + runaway + " interrupted=" + t.isInterrupted());
            }
            if (!runaway) {
                if (!busy) {
                    busySince.remove(id);
                }
                interruptedAt.remove(id);
                stopRaisedAt.remove(id);
                continue;
            }
            handle(t, id, now, cellRunning);
        }
        cpuHistory.keySet().retainAll(alive);
        busySince.keySet().retainAll(alive);
        interruptedAt.keySet().retainAll(alive);
        stopRaisedAt.keySet().retainAll(alive);
        unstoppable.retainAll(alive);
        warnedFor.keySet().retainAll(alive);
        Map<Long, String> running = new HashMap<>();
        for (Thread t : all) {
            if (unstoppable.contains(t.threadId()) && t.isAlive()) {
                running.put(t.threadId(), t.getName());
            }
        }
        stillRunning = Map.copyOf(running);
    }

    /** Whether the thread used ≥ BUSY_FRACTION of a core since the last look; records when it became busy. */
    private boolean wasBusy(long id, long now) {
        long cpu = mx.getThreadCpuTime(id);
        if (cpu < 0) {
            return false;
        }
        long[] last = cpuHistory.put(id, new long[] {cpu, now});
        if (last == null || now == last[1]) {
            return false;
        }
        boolean busy = (double) (cpu - last[0]) / (now - last[1]) >= BUSY_FRACTION;
        if (DEBUG) {
            DEBUG_OUT.println("watchdog: cpu of " + id + ": " + (cpu - last[0]) / 1e6 + " ms in " + (now - last[1]) / 1e6 + " ms");
        }
        if (busy) {
            busySince.putIfAbsent(id, last[1]);
        }
        return busy;
    }

    private boolean busyLongEnough(long id, long now) {
        Long since = busySince.get(id);
        return since != null && now - since >= BUSY_MS * 1_000_000L;
    }

    /**
     * Warns about an unstoppable thread once in every cell while it runs (the first time often under the
     * interrupted cell itself): every timing it overlaps is off. Cells are told apart by the kernel's execution
     * counter; without one, a warning is repeated at most every {@value #REWARN_MS} ms.
     */
    private void warn(long id, String name) {
        long cell = cellNumber.getAsLong();
        long now = System.nanoTime();
        long[] seen = warnedFor.computeIfAbsent(id, k -> new long[] {Long.MIN_VALUE, 0});
        boolean show;
        synchronized (seen) {
            show = cell >= 0 ? seen[0] != cell : now - seen[1] >= REWARN_MS * 1_000_000L;
            if (show) {
                seen[0] = cell;
                seen[1] = now;
            }
        }
        if (show) {
            err.get().println("ParLab: thread '" + name + "' from an interrupted cell is still using a core, "
                    + (Stop.isInstalled()
                            ? "outside the cells' own code (in a library or native call, or catching the stop), where "
                                    + "■ cannot stop it. "
                            : "and this kernel runs without ParLab's agent (-javaagent), so Java "
                                    + Runtime.version().feature() + " cannot stop it. ")
                    + "Timings will be off until it ends or you restart the kernel (Kernel → Restart Kernel…).");
        }
    }

    /** Tells the watchdog how to number cells (the kernel's execution counter), to warn once per cell. */
    static void setCellCounter(java.util.function.LongSupplier counter) {
        Watchdog w = installed;
        if (w != null && counter != null) {
            w.cellNumber = counter;
        }
    }

    /**
     * Called by the kernel extension whenever a cell's code is evaluated (JShell's snippet events fire while the
     * cell's output is being collected): shows the warning about threads that could not be stopped in that cell,
     * however short it is. The watchdog's own polls would miss a cell that ends within one poll interval.
     */
    public static void atCellStart() {
        Watchdog w = installed;
        if (w == null) {
            return;
        }
        if (!w.adopted) {
            // the first snippets are the kernel's start-up script, evaluated once JJava's channel loops and
            // messaging threads exist (they start after the extension): every thread alive now is the kernel's
            w.adopted = true;
            for (Thread t : liveThreads()) {
                w.kernelThreads.add(t.threadId());
            }
        }
        if (!w.enabled) {
            return;
        }
        w.stillRunning.forEach(w::warn);
        if (Stop.isInstalled()) {
            return; // the watchdog stops a runaway cell at its next look
        }
        // right after an interrupt the watchdog may not have looked yet: a cell thread that was interrupted and is
        // still running 0.3 s later ignores interrupts, and without the agent nothing can stop it
        for (Thread t : liveThreads()) {
            if (isCellThread(t) && t.isInterrupted() && !w.stillRunning.containsKey(t.threadId())) {
                if (w.warnedFor.containsKey(t.threadId())) {
                    if (t.isAlive() && t.getState() == Thread.State.RUNNABLE) {
                        w.warn(t.threadId(), t.getName()); // known to ignore interrupts: no need to wait again
                    }
                    continue;
                }
                long deadline = System.nanoTime() + 300_000_000L;
                while (t.isAlive() && t.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (t.isAlive() && t.isInterrupted() && t.getState() == Thread.State.RUNNABLE) {
                    w.warn(t.threadId(), t.getName());
                }
            }
        }
    }

    /**
     * One look at a runaway: an interrupted cell thread is stopped at once (the kernel interrupted it already);
     * another is interrupted, and stopped at the next look if still busy; one still busy {@value #GRACE_MS} ms
     * after its stop cannot be stopped by a check, and is warned about while the stop is raised again.
     */
    private void handle(Thread t, long id, long now, boolean cellRunning) {
        Long first = interruptedAt.get(id);
        if (first == null) {
            interruptedAt.put(id, now);
            if (isCellThread(t)) {
                raiseStop(t, id, now);
            } else if (!isCarrier(t)) { // interrupting a carrier would not reach its virtual thread
                t.interrupt();
            }
            return;
        }
        Long raised = stopRaisedAt.get(id);
        if (raised == null) {
            raiseStop(t, id, now);
            return;
        }
        if (now - raised < GRACE_MS * 1_000_000L) {
            if (raisedAt < 0) {
                raiseStop(t, id, now); // it may have been in a library call: catch it when it comes back
            }
            return;
        }
        unstoppable.add(id);
        if (Stop.isInstalled()) {
            raiseStop(t, id, now);
        }
        if (cellRunning) {
            warn(id, t.getName());
        }
    }

    private void raiseStop(Thread t, long id, long now) {
        stopRaisedAt.putIfAbsent(id, now);
        if (!Stop.isInstalled()) {
            return;
        }
        Stop.raise(isCellThread(t) ? java.util.List.of(t) : java.util.List.of(), this::spared);
        raisedAt = now;
    }
}
