package org.parlab.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lesson 04's summations as JMH benchmarks: each method calls one {@link SumWorkloads} method and returns its
 * sum, which JMH consumes. The forks, iterations and JVM options come from {@link Compare}, the runner.
 * Names match {@link SumWorkloads.Workload#benchmark()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SumBenchmarks {
    private SumWorkloads w;

    /** Once per fork: lesson 04's data. */
    @Setup
    public void setUp() {
        w = new SumWorkloads();
    }

    /** (a) {@link SumWorkloads#boxedLoop()}. */
    @Benchmark
    public double boxedLoop() {
        return w.boxedLoop();
    }

    /** (b) {@link SumWorkloads#primitiveLoop()}. */
    @Benchmark
    public double primitiveLoop() {
        return w.primitiveLoop();
    }

    /** (c) {@link SumWorkloads#nd4jSum()}. */
    @Benchmark
    public double nd4jSum() {
        return w.nd4jSum();
    }

    /** (d) {@link SumWorkloads#perElementNative()}. */
    @Benchmark
    public double perElementNative() {
        return w.perElementNative();
    }
}
