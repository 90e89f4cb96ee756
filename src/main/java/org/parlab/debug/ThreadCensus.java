package org.parlab.debug;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A snapshot of the JVM's live threads, to show that a demo left none behind:
 *
 * <pre>{@code
 * ThreadCensus before = ThreadCensus.take();
 * ... run the demo ...
 * before.newThreadsAlive();   // threads alive now that were not alive before: should be []
 * }</pre>
 */
public final class ThreadCensus {
    private final Set<Thread> threads;

    private ThreadCensus(Set<Thread> threads) {
        this.threads = threads;
    }

    /** The live threads now. */
    public static ThreadCensus take() {
        return new ThreadCensus(Set.of(liveThreads()));
    }

    /**
     * The JVM's live threads, listed without a safepoint: {@code Thread.getAllStackTraces()} stops every thread
     * to take their stacks, which disturbs whatever is being timed (the kernel's watchdog uses this list too).
     */
    public static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return java.util.Arrays.copyOf(threads, n);
    }

    /** How many threads were alive when the census was taken. */
    public int count() {
        return threads.size();
    }

    /**
     * Names of threads alive now that were not alive at the census, sorted. Left out: the JDK's own helper
     * threads, which it starts on first use of a feature and keeps (those in the JVM's "system" thread group,
     * such as {@code Java2D Disposer} after a chart or {@code process reaper} after a {@code ProcessBuilder},
     * and the carrier threads of virtual threads on Java 21+,
     * plus {@code Attach Listener} and JIT compiler threads), the common fork/join pool's workers (shared
     * by the whole JVM; they end by themselves after a minute idle), the calling thread, and the kernel's cell
     * threads ({@code jjava-exec-*}): JJava runs each cell on a pooled thread, and a pool thread that has
     * been idle long enough is replaced by a new one, which is the kernel's, not the lesson's.
     */
    public List<String> newThreadsAlive() {
        return java.util.Arrays.stream(liveThreads())
                .filter(t -> t.isAlive() && !threads.contains(t) && !isJdkSystemThread(t)
                        && t != Thread.currentThread())
                .map(Thread::getName)
                .filter(n -> !n.startsWith("ForkJoinPool.commonPool-") && !n.startsWith("jjava-exec-")
                        && !n.equals("Attach Listener")
                        && !n.equals("Common-Cleaner") && !n.contains("CompilerThread"))
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.toList());
    }

    /**
     * Whether a thread is one of the JDK's own helpers: in the top-level "system" group, in the groups the JDK
     * makes for its innocuous helpers and for virtual threads' carriers (Java 21+: {@code ForkJoinPool-1-worker-N}),
     * or of a {@code jdk.internal} class. The kernel's watchdog uses the same rule.
     */
    public static boolean isJdkSystemThread(Thread thread) {
        if (thread == null) {
            throw new IllegalArgumentException("thread must not be null");
        }
        Thread t = thread;
        if (t.getClass().getName().startsWith("jdk.internal.")) {
            return true;
        }
        ThreadGroup g = t.getThreadGroup();
        return g != null && (g.getParent() == null || g.getName().equals("InnocuousThreadGroup"))
                || isVirtualThreadCarrier(t);
    }

    /** Whether a thread carries virtual threads (Java 21+: {@code ForkJoinPool-1-worker-N} in "CarrierThreads"). */
    public static boolean isVirtualThreadCarrier(Thread thread) {
        if (thread == null) {
            throw new IllegalArgumentException("thread must not be null");
        }
        ThreadGroup g = thread.getThreadGroup();
        return g != null && g.getName().equals("CarrierThreads");
    }
}
