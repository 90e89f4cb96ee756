package org.parlab.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Bisection as a debugging step: binary search for the smallest input (a prefix length, a size, a thread
 * count, a commit number) at which a bug shows, given one where it is known to show.
 *
 * <pre>{@code
 * Bisect.Result r = Bisect.firstFailing(0, data.length, n -> fails(Arrays.copyOf(data, n)));
 * r.first();   // the shortest failing prefix: its last element is the one that triggers the bug
 * r.steps();   // about log2(hi − lo) tries instead of hi − lo
 * }</pre>
 *
 * It assumes the failure is monotone: once it shows at some input, it shows at every larger one (a longer
 * prefix still holds the bad element; a later commit still holds the bad change). {@code git bisect} runs
 * the same search over the commits between a good and a bad one.
 */
public final class Bisect {
    private Bisect() {
    }

    /**
     * What a bisection found.
     *
     * @param first the smallest input in the range at which the test failed
     * @param tried the inputs tested, in order (the two ends are not tested: {@code hi} is known to fail)
     */
    public record Result(int first, List<Integer> tried) {
        public Result {
            tried = List.copyOf(tried);
        }

        /** How many inputs were tested. */
        public int steps() {
            return tried.size();
        }
    }

    /**
     * Finds the smallest n in ({@code lo}, {@code hi}] with {@code fails.test(n)}, testing about
     * log2(hi − lo) inputs. {@code lo} is taken as passing and {@code hi} as failing (neither is tested);
     * check both first, as {@code git bisect} asks for a good and a bad commit.
     *
     * @throws IllegalArgumentException if {@code lo >= hi} or {@code fails} is null
     */
    public static Result firstFailing(int lo, int hi, IntPredicate fails) {
        if (fails == null) {
            throw new IllegalArgumentException("fails must not be null");
        }
        if (lo >= hi) {
            throw new IllegalArgumentException("lo must be < hi (lo passes, hi fails), got lo=" + lo + ", hi=" + hi);
        }
        List<Integer> tried = new ArrayList<>();
        int good = lo, bad = hi;   // invariant: good passes, bad fails
        while (bad - good > 1) {
            int mid = good + (bad - good) / 2;
            tried.add(mid);
            if (fails.test(mid)) {
                bad = mid;
            } else {
                good = mid;
            }
        }
        return new Result(bad, tried);
    }

    /** The number of tests {@link #firstFailing} needs at most for a range of {@code width} = hi − lo: ⌈log2 width⌉. */
    public static int maxSteps(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be ≥ 1, got " + width);
        }
        return 32 - Integer.numberOfLeadingZeros(width - 1);
    }
}
