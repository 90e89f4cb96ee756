package org.parlab.agent;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The stop check that {@link CellInstrumenter} puts into code compiled from cells, and the calls that replace
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} there.
 *
 * <p>While no stop is {@linkplain #raise raised}, {@link #check()} reads one plain static field and returns. A plain
 * field, not a volatile one: the JIT may then keep it in a register and vectorize the loop around it, as it would
 * without the check (a volatile read in every iteration measured 5× slower on a summing loop). Code compiled that
 * way would never see the field change, so raising also makes the JVM throw away the compiled code of the cells'
 * classes ({@link #deoptimizeWith}: the agent retransforms them, which deoptimizes them, running frames included),
 * and the interpreter, which reads the field at every check, takes over. Once the
 * kernel's watchdog raises it (a cell was interrupted and kept running, or threads that cells started keep a core
 * busy while no cell runs), every thread that reaches a check throws {@link CellStopped}, except
 * <ul>
 * <li>threads started after the raise (they belong to a newer cell),</li>
 * <li>threads the watchdog spares: the kernel's own, the JDK's, and cell threads other than the interrupted ones
 * (they run the next cell).</li>
 * </ul>
 * The watchdog {@linkplain #lower() lowers} the stop again a moment later: a thread in cell code meets a check
 * within microseconds, one in library or native code when it returns to the cell's code.
 */
public final class Stop {
    private static boolean raised; // plain on purpose: see the class comment
    private static volatile Runnable deoptimizer = () -> { };
    /** Threads whose id is at least this one were created after the raise. */
    private static volatile long firstSpared = Long.MAX_VALUE;
    private static final Set<Thread> doomed = ConcurrentHashMap.newKeySet();
    private static volatile Predicate<Thread> spare = t -> true;
    private static final Set<Long> stoppedThreads = ConcurrentHashMap.newKeySet();
    private static volatile boolean installed;

    private Stop() {
    }

    /** Called by instrumented cell code at each method entry and loop back-edge: throws once a stop is raised. */
    public static void check() {
        if (raised) {
            stopIfCaught();
        }
    }

    private static void stopIfCaught() {
        Thread t = Thread.currentThread();
        if (!doomed.contains(t) && (t.threadId() >= firstSpared || spare.test(t))) {
            return;
        }
        stoppedThreads.add(t.threadId());
        throw new CellStopped(t.getName());
    }

    /**
     * Raises the stop: the given cell threads, and every other thread running cell code that {@code spare} does not
     * spare and that exists now, throw {@link CellStopped} at their next check.
     *
     * @param cellThreads the interrupted cell threads to stop (they would otherwise be spared)
     * @param spare threads to leave running, e.g. the kernel's own
     */
    public static synchronized void raise(Collection<Thread> cellThreads, Predicate<Thread> spare) {
        if (cellThreads == null || spare == null) {
            throw new IllegalArgumentException((cellThreads == null ? "cellThreads" : "spare") + " must not be null");
        }
        long next = new Thread(() -> { }).threadId(); // ids grow: an unstarted thread's is the next one handed out
        doomed.addAll(cellThreads);
        Stop.spare = spare;
        firstSpared = next;
        raised = true;
        java.lang.invoke.VarHandle.fullFence();
        deoptimizer.run(); // compiled loops may hold the old value in a register: back to the interpreter
    }

    /**
     * Sets what {@link #raise} runs to make compiled cell code read the stop again (the agent passes a retransform of
     * the cells' classes). Without one, code the JIT compiled before the raise may not stop.
     */
    public static void deoptimizeWith(Runnable deoptimize) {
        if (deoptimize == null) {
            throw new IllegalArgumentException("deoptimize must not be null");
        }
        deoptimizer = deoptimize;
    }

    /** Lowers the stop: checks return at once again. */
    public static synchronized void lower() {
        raised = false;
        java.lang.invoke.VarHandle.fullFence();
        firstSpared = Long.MAX_VALUE;
        doomed.clear();
    }

    /** Whether a stop is raised now. */
    public static boolean isRaised() {
        return raised;
    }

    /** How many threads have been stopped at a check in this JVM. */
    public static int stoppedCount() {
        return stoppedThreads.size();
    }

    /** Whether the agent instruments cells in this JVM (the kernel started with {@code -javaagent}). */
    public static boolean isInstalled() {
        return installed;
    }

    static void markInstalled() {
        installed = true;
    }

    /** Replaces {@code System.exit(status)} in cell code. */
    public static void exit(int status) {
        refuseExit("System.exit", status);
        System.exit(status);
    }

    /** Replaces {@code runtime.exit(status)} in cell code. */
    public static void runtimeExit(Runtime runtime, int status) {
        requireRuntime(runtime);
        refuseExit("Runtime.exit", status);
        runtime.exit(status);
    }

    /** Replaces {@code runtime.halt(status)} in cell code. */
    public static void runtimeHalt(Runtime runtime, int status) {
        requireRuntime(runtime);
        refuseExit("Runtime.halt", status);
        runtime.halt(status);
    }

    private static void requireRuntime(Runtime runtime) {
        if (runtime == null) { // what runtime.exit(status) would have thrown, with the argument named
            throw new IllegalArgumentException("runtime must not be null");
        }
    }

    /**
     * Throws {@link KernelExitRefused}, unless system property {@code parlab.allowExit} is {@code true} (the
     * install's training run ends its kernel from a cell so that the JVM writes its class-data archive).
     */
    private static void refuseExit(String call, int status) {
        if (!Boolean.getBoolean("parlab.allowExit")) {
            throw new KernelExitRefused(call, status);
        }
    }
}
