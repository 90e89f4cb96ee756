package org.parlab.profile;

import java.util.List;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link Allocations#profile} measured: bytes allocated (counted exactly by the JVM), the heap's peak, and
 * the top allocation sites (estimated from JFR's allocation samples, like a sampling memory profiler).
 *
 * @param allocatedBytes  heap bytes allocated by the calling thread while the code ran (exact)
 * @param heapBeforeBytes heap in use when the code started
 * @param heapPeakBytes   the heap's peak while it ran (the sum of the heap pools' peaks: an upper bound)
 * @param wallMs          how long the code ran, in milliseconds
 * @param sites           allocation sites, most bytes first
 * @param value           what the code returned, or null
 * @param retainedBytes   heap bytes still reachable after the code ran, garbage collected before and after (what
 *                        a leak grows; negative if the code freed memory), or {@link #NOT_MEASURED} (see
 *                        {@link Allocations#profileRetained})
 */
public record AllocationProfile(long allocatedBytes, long heapBeforeBytes, long heapPeakBytes, double wallMs,
        List<AllocationSite> sites, Object value, long retainedBytes) {
    /** Validates and copies. */
    public AllocationProfile {
        if (sites == null) {
            throw new IllegalArgumentException("sites must not be null");
        }
        sites = List.copyOf(sites);
    }

    /** {@link #retainedBytes()} of a profile that did not measure it. */
    public static final long NOT_MEASURED = Long.MIN_VALUE;

    /** A profile without a retained-bytes measurement ({@link #retainedBytes()} is {@link #NOT_MEASURED}). */
    public AllocationProfile(long allocatedBytes, long heapBeforeBytes, long heapPeakBytes, double wallMs,
            List<AllocationSite> sites, Object value) {
        this(allocatedBytes, heapBeforeBytes, heapPeakBytes, wallMs, sites, value, NOT_MEASURED);
    }

    /** Whether {@link #retainedBytes()} was measured. */
    public boolean retainedMeasured() {
        return retainedBytes != NOT_MEASURED;
    }

    /** How far the heap grew above its level at the start: peak − before, at least 0. */
    public long incrementBytes() {
        return Math.max(0, heapPeakBytes - heapBeforeBytes);
    }

    /** The top 10 sites: see {@link #topSites(int)}. */
    public Table topSites() {
        return topSites(10);
    }

    /**
     * The {@code top} allocation sites: columns {@code site}, {@code allocates}, {@code mb} (the site's share of
     * the exactly counted {@link #allocatedBytes()}) and {@code pct} (its share of the sampled bytes).
     *
     * @throws IllegalArgumentException if {@code top} &lt; 1
     */
    public Table topSites(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be ≥ 1, got " + top);
        }
        long sum = sites.stream().mapToLong(AllocationSite::bytes).sum();
        StringColumn site = StringColumn.create("site");
        StringColumn type = StringColumn.create("allocates");
        DoubleColumn mb = DoubleColumn.create("mb");
        DoubleColumn pct = DoubleColumn.create("pct");
        for (AllocationSite s : sites.subList(0, Math.min(top, sites.size()))) {
            site.append(s.site());
            type.append(s.objectClass());
            // the sampled shares, applied to the exact count
            mb.append(sum == 0 ? 0 : Math.round(allocatedBytes * (double) s.bytes() / sum / 1e5) / 10.0);
            pct.append(sum == 0 ? 0 : Math.round(1000.0 * s.bytes() / sum) / 10.0);
        }
        return Table.create("allocation sites", site, type, mb, pct);
    }

    /** One line, like memory_profiler's {@code %memit}: allocated, peak heap and increment. */
    public String summary() {
        String top = sites.isEmpty() ? "" : "; top site: " + sites.get(0).site() + " (" + sites.get(0).objectClass()
                + ")";
        String retained = retainedMeasured() ? "; retained " + mb(retainedBytes) : "";
        return String.format("allocated %s in %.0f ms; peak heap %s, increment %s%s%s", mb(allocatedBytes), wallMs,
                mb(heapPeakBytes), mb(incrementBytes()), retained, top);
    }

    @Override
    public String toString() {
        return summary();
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
