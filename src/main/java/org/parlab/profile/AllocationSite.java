package org.parlab.profile;

/**
 * Where allocations came from: the first frame outside the JDK that allocated, and what it allocated.
 *
 * @param site        the allocating frame, e.g. {@code buildList:4} or {@code ArrayList.grow:237}
 * @param objectClass the allocated type, e.g. {@code java.lang.Integer} or {@code double[]}
 * @param bytes       the estimated bytes (the sum of JFR's sample weights)
 */
public record AllocationSite(String site, String objectClass, long bytes) {
}
