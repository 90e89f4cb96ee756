package org.parlab.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The summation workloads of lesson 04 (notebooks/04-crossing-the-boundary.ipynb), written once, so that JMH
 * ({@link SumBenchmarks}) and {@code Bench} ({@link BenchSide}) time exactly the same code: the same
 * {@value #N} random doubles from seed {@value #SEED}, held as a {@code double[]}, a {@code List<Double>} and
 * an ND4J {@code INDArray}, and the method bodies of the notebook's cell 8.
 *
 * <p>The data live in non-final instance fields, as the notebook's live in JShell's (non-final) variables, so
 * that the JIT can fold nothing about them.
 */
public final class SumWorkloads {
    /** Numbers to add up: lesson 04's {@code N}. */
    public static final int N = 1_000_000;
    /** Lesson 04's {@code SEED}. */
    public static final long SEED = 42;

    private int n;
    private double[] primitive;
    private List<Double> boxed;
    private INDArray nd;

    /** The workloads on lesson 04's data: {@value #N} numbers. */
    public SumWorkloads() {
        this(N);
    }

    /** The workloads on {@code n} random doubles from seed {@value #SEED}, made as lesson 04 makes them. */
    public SumWorkloads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        this.n = n;
        Random random = new Random(SEED);
        primitive = new double[n];
        for (int i = 0; i < n; i++) {
            primitive[i] = random.nextDouble();
        }
        boxed = new ArrayList<>(n);
        for (double d : primitive) {
            boxed.add(d);             // autoboxing: Double.valueOf(d) for each element
        }
        nd = Nd4j.create(primitive);  // one bulk copy into native memory
    }

    /** {@code nd.sumNumber()}: one call into native code. */
    public double nd4jSum() {
        return nd.sumNumber().doubleValue();
    }

    /** A loop over {@code double[]}: nothing crosses a boundary. */
    public double primitiveLoop() {
        double s = 0;
        for (double d : primitive) {
            s += d;
        }
        return s;
    }

    /** A loop over {@code List<Double>}: a pointer to follow and a box to open per element. */
    public double boxedLoop() {
        double s = 0;
        for (Double d : boxed) {
            s += d;
        }
        return s;
    }

    /** {@code nd.getDouble(i)} per element: a call through ND4J's Java layers into native memory for each. */
    public double perElementNative() {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += nd.getDouble(i);
        }
        return s;
    }

    /** The workloads compared, with the labels lesson 04 gives them, in the order the report lists them. */
    public enum Workload {
        /** (a) boxed. */
        BOXED_LOOP("loop over List<Double>", "boxedLoop"),
        /** (b) primitive. */
        PRIMITIVE_LOOP("loop over double[]", "primitiveLoop"),
        /** (c) one native call. */
        ND4J_SUM("ND4J sum (one native call)", "nd4jSum"),
        /** (d) per-element crossing. */
        PER_ELEMENT_NATIVE("getDouble(i) per element", "perElementNative");

        private final String label;
        private final String benchmark;

        Workload(String label, String benchmark) {
            this.label = label;
            this.benchmark = benchmark;
        }

        /** Lesson 04's label. */
        public String label() {
            return label;
        }

        /** The name of the {@link SumBenchmarks} method that times it (and of the method here it calls). */
        public String benchmark() {
            return benchmark;
        }

        /**
         * The workload on {@code w} as a lambda that calls its method directly, as a notebook cell writes it
         * ({@code () -> boxedLoop()}); one lambda class per workload.
         */
        public Supplier<Double> task(SumWorkloads w) {
            return switch (this) {
                case BOXED_LOOP -> () -> w.boxedLoop();
                case PRIMITIVE_LOOP -> () -> w.primitiveLoop();
                case ND4J_SUM -> () -> w.nd4jSum();
                case PER_ELEMENT_NATIVE -> () -> w.perElementNative();
            };
        }
    }
}
