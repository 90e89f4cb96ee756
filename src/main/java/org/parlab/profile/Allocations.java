package org.parlab.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * An allocation profiler: runs code and reports the bytes it allocated, the heap's peak and where the
 * allocations came from (JFR's {@code jdk.ObjectAllocationSample} events, throttled to a rate the JVM can
 * afford, so the sites are an estimate and the byte count is exact).
 *
 * <pre>{@code
 * AllocationProfile a = Allocations.profile(() -> boxedList(1_000_000));
 * a.allocatedBytes()   // exact, for the calling thread
 * a.topSites()         // where they came from
 * }</pre>
 */
public final class Allocations {
    /** Allocation samples JFR may take per second (its default is 150/s; more gives finer sites for short code). */
    public static final String SAMPLE_RATE = "5000/s";

    private Allocations() {
    }

    /**
     * Profiles the allocations of {@code code}, run on the calling thread. Bytes are counted for the calling
     * thread; sites include threads the code starts. Exceptions pass through as in {@link Profiler#run(Code)}.
     *
     * @throws IllegalArgumentException if {@code code} is null
     * @throws IllegalStateException    if this JVM cannot count allocated bytes per thread
     */
    public static AllocationProfile profile(Code code) {
        return profile(code, false);
    }

    /**
     * {@link #profile(Code)}, and also the heap bytes the code left reachable: the heap is garbage collected
     * ({@link System#gc()}) just before the code runs and again after it, and {@link AllocationProfile#retainedBytes()}
     * is how far the heap in use grew between the two. Memory a cell allocates and drops does not count; memory it
     * keeps (in a cache, a static list, a variable, or the value it returns) does, so a leak shows as retained bytes that grow each time
     * the cell runs again. The two collections take time (tens to hundreds of ms, more with a large heap), and
     * other threads allocating meanwhile blur the number by their share, so leaks worth finding this way are
     * megabytes, not bytes.
     *
     * @throws IllegalArgumentException if {@code code} is null
     * @throws IllegalStateException    if this JVM cannot count allocated bytes per thread
     */
    public static AllocationProfile profileRetained(Code code) {
        return profile(code, true);
    }

    private static AllocationProfile profile(Code code, boolean retained) {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        requireCounting();
        Profiler.warmUpSampler(); // JFR started once, so that the allocation samples begin with the code
        List<MemoryPoolMXBean> heap = heapPools();
        long reachableBefore = retained ? heapAfterCollection() : 0;
        long before = 0;
        for (MemoryPoolMXBean p : heap) {
            before += p.getUsage().getUsed();
            p.resetPeakUsage();
        }
        Recordings.Result r = Recordings.run(code, rec -> rec.enable("jdk.ObjectAllocationSample")
                .with("throttle", SAMPLE_RATE).withStackTrace(), Allocations::prime);
        long peak = 0;
        for (MemoryPoolMXBean p : heap) {
            peak += p.getPeakUsage().getUsed();
        }
        List<AllocationSite> sites = sites(r, code);
        long allocated = r.allocatedBytes();
        double wallMs = r.wallNanos() / 1e6;
        Object value = r.value();
        r = null; // the recording's events are garbage now, so they do not count as retained
        long kept = retained ? heapAfterCollection() - reachableBefore : AllocationProfile.NOT_MEASURED;
        return new AllocationProfile(allocated, before, Math.max(peak, before), wallMs, sites, value, kept);
    }

    /** The allocation sites of a recording, most bytes first. */
    private static List<AllocationSite> sites(Recordings.Result r, Code code) {
        Map<String, long[]> bySite = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        List<RecordedEvent> samples = new ArrayList<>();
        for (RecordedEvent e : r.events()) {
            if (e.getEventType().getName().equals("jdk.ObjectAllocationSample") && r.ours(e.getThread())) {
                samples.add(e);
            }
        }
        samples.sort(Comparator.comparing(RecordedEvent::getStartTime));
        boolean callersFirst = true;
        for (RecordedEvent e : samples) {
            if (callersFirst && e.getThread().getJavaThreadId() == r.callerId()) {
                // JFR weighs a sample with the bytes its thread allocated since the thread's previous sample: the
                // calling thread's first sample in the recording also carries everything it allocated before
                callersFirst = false;
                continue;
            }
            String site = site(e.getStackTrace(), code);
            if (site == null) {
                continue;
            }
            String type = typeName(e.getClass("objectClass"));
            String key = site + "\u0000" + type;
            bySite.computeIfAbsent(key, k -> new long[1])[0] += e.getLong("weight");
            names.putIfAbsent(key, new String[] {site, type});
        }
        List<AllocationSite> sites = new ArrayList<>();
        bySite.forEach((k, v) -> sites.add(new AllocationSite(names.get(k)[0], names.get(k)[1], v[0])));
        sites.sort(Comparator.comparingLong(AllocationSite::bytes).reversed());
        return sites;
    }

    /** Heap bytes in use right after a full collection: what is still reachable. */
    static long heapAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static volatile Object primed;

    /**
     * Allocates a little just before the code starts, so that the calling thread's first sample (dropped: see
     * above) is likely to be one of these rather than one of the code's.
     */
    static void prime() {
        for (int i = 0; i < 16; i++) {
            primed = new byte[64 * 1024];
        }
        primed = null;
    }

    /**
     * Heap bytes allocated so far by {@code thread} (a running total kept by the JVM), or -1 where not supported.
     */
    static long allocatedBytes(Thread thread) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported()) {
            if (!mx.isThreadAllocatedMemoryEnabled()) {
                mx.setThreadAllocatedMemoryEnabled(true);
            }
            return mx.getThreadAllocatedBytes(thread.getId());
        }
        return -1;
    }

    private static void requireCounting() {
        if (allocatedBytes(Thread.currentThread()) < 0) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                pools.add(p);
            }
        }
        return pools;
    }

    /** The first frame outside the JDK (cut at the profiler, as for time samples); the innermost frame if none. */
    static String site(RecordedStackTrace stack, Code code) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return null;
        }
        Frame first = null;
        for (RecordedFrame f : stack.getFrames()) {
            String type = f.getMethod().getType().getName();
            String method = f.getMethod().getName();
            Frame fr = new Frame(type, method, CellCode.mapLine(code, type, method, f.getLineNumber()), f.getType());
            if (fr.type().equals(Recordings.class.getName()) || fr.type().equals(Allocations.class.getName())) {
                break; // the profiler's own frames: the code was entered above them (or this is the primer)
            }
            if (first == null) {
                first = fr;
            }
            if (!fr.inJdk()) {
                return fr.toString();
            }
        }
        return first == null ? null : first.toString();
    }

    static String typeName(RecordedClass c) {
        if (c == null) {
            return "?";
        }
        String n = c.getName();
        int dims = 0;
        while (dims < n.length() && n.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return n;
        }
        String base = switch (n.substring(dims)) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> n.substring(dims + 1, n.length() - (n.endsWith(";") ? 1 : 0));
        };
        return base + "[]".repeat(dims);
    }
}
