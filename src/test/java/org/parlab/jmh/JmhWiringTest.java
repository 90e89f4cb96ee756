package org.parlab.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.parlab.jmh.SumWorkloads.Workload;

/**
 * The JMH comparison ({@code ./parlab jmh}) is a benchmark and runs outside {@code mvn verify}; these cheap
 * checks keep its wiring from rotting unseen: the annotation processor ran during test-compile, every workload
 * has its benchmark, and the workloads compute what lesson 04's do.
 */
class JmhWiringTest {

    @Test
    void theAnnotationProcessorListedOneBenchmarkPerWorkload() throws Exception {
        List<BenchmarkListEntry> entries;
        try (InputStream in = getClass().getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            assertNotNull(in, BenchmarkList.BENCHMARK_LIST + " is missing from the test classes: JMH's annotation "
                    + "processor did not run during test-compile (see maven-compiler-plugin in pom.xml)");
            entries = BenchmarkList.readBenchmarkList(in);
        }
        Set<String> listed = entries.stream().map(BenchmarkListEntry::getUsername)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = Arrays.stream(Workload.values())
                .map(w -> SumBenchmarks.class.getName() + "." + w.benchmark())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, listed);
        for (Workload w : Workload.values()) {
            // the generated benchmark class exists and loads
            Class.forName("org.parlab.jmh.jmh_generated.SumBenchmarks_" + w.benchmark() + "_jmhTest");
        }
    }

    @Test
    void everyBenchmarkMethodCallsTheWorkloadOfItsName() throws Exception {
        Set<String> benchmarks = Arrays.stream(SumBenchmarks.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Arrays.stream(Workload.values()).map(Workload::benchmark)
                .collect(Collectors.toCollection(TreeSet::new)), benchmarks);

        SumWorkloads w = new SumWorkloads(10_000);
        SumBenchmarks b = new SumBenchmarks();
        java.lang.reflect.Field f = SumBenchmarks.class.getDeclaredField("w");
        f.setAccessible(true);
        f.set(b, w);
        for (Workload workload : Workload.values()) {
            double viaJmh = (double) SumBenchmarks.class.getMethod(workload.benchmark()).invoke(b);
            double viaBench = workload.task(w).get();
            double direct = (double) SumWorkloads.class.getMethod(workload.benchmark()).invoke(w);
            assertEquals(direct, viaJmh, 0, workload.name());
            assertEquals(direct, viaBench, 0, workload.name());
        }
    }

    @Test
    void theWorkloadsAgreeOnTheSumAsLesson04Checks() {
        SumWorkloads w = new SumWorkloads(10_000);
        double reference = w.primitiveLoop();
        assertTrue(reference > 4_000 && reference < 6_000, "10,000 uniform doubles sum to about 5,000: " + reference);
        for (Workload workload : Workload.values()) {
            double sum = workload.task(w).get();
            assertEquals(reference, sum, 1e-9 * reference, workload.name());
        }
    }

    @Test
    void theComparisonUsesTheKernelsJvmOptions() throws Exception {
        List<String> options = Compare.kernelJvmOptions(Path.of("kernel", "jvm.options"));
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-Xmx")), options.toString());
        assertTrue(options.stream().allMatch(o -> o.startsWith("-") && !o.contains("#")), options.toString());
        assertTrue(Runtime.version().feature() < 24 || options.contains("--sun-misc-unsafe-memory-access=allow"),
                "a line for Java 24+ applies on Java " + Runtime.version().feature() + ": " + options);
    }
}
