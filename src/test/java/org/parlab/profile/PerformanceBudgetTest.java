package org.parlab.profile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parlab.memory.Memory;
import org.parlab.timing.Bench;
import org.parlab.timing.Timing;

/**
 * Profiling in CI: budgets that lesson 05 measured, kept true by a test. Both rules compare quantities measured
 * in the same run (bytes counted exactly by the JVM; a ratio of medians of interleaved runs), never an absolute
 * time, so a slow or busy CI machine cannot fail them while a regression does.
 */
// the notebook prints this file from "class PerformanceBudgetTest" on
class PerformanceBudgetTest {
    static long sum(int[] a) {
        long s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }

    static int distinctWithList(List<String> items) {
        List<String> seen = new ArrayList<>();
        for (String s : items) {
            if (!seen.contains(s)) {
                seen.add(s);
            }
        }
        return seen.size();
    }

    static int distinctWithSet(List<String> items) {
        Set<String> seen = new HashSet<>();
        for (String s : items) {
            seen.add(s);
        }
        return seen.size();
    }

    @Test
    void summingAnIntArrayAllocatesNothing() {
        int[] data = new Random(1).ints(1_000_000, 0, 1000).toArray();
        for (int i = 0; i < 20; i++) {
            sum(data); // warm up: the first calls run in the interpreter
        }
        long bytes = Memory.allocation(() -> sum(data)).bytes();
        assertTrue(bytes < 1024, "summing an int[] allocated " + bytes + " bytes; the budget is < 1 KB");
    }

    @Test
    void deduplicatingWithAHashSetStaysAtLeastThreeTimesFaster() {
        Random random = new Random(2);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            items.add("customer-" + random.nextInt(2_000));
        }
        int[] sink = new int[1];
        Map<String, Runnable> versions = new LinkedHashMap<>();
        versions.put("List.contains", () -> sink[0] += distinctWithList(items));
        versions.put("HashSet.add", () -> sink[0] += distinctWithSet(items));
        Map<String, Timing> t = Bench.interleave(versions).warmups(2).repeats(7).run();
        double speedup = t.get("List.contains").medianMs() / t.get("HashSet.add").medianMs();
        assertTrue(speedup >= 3, "HashSet de-duplication is only " + speedup + "× faster than List.contains; "
                + "the budget is ≥ 3× (" + t.values() + ")");
        assertTrue(distinctWithList(items) == distinctWithSet(items));
    }
}
