package org.parlab.blas;

import java.util.Locale;

/**
 * A back-of-the-envelope peak for matrix products on this machine: cores × clock × floating-point operations
 * per cycle of the vector kernel the BLAS library chose. A real product reaches a fraction of it; more than
 * it means the estimate is wrong (a turbo clock above the one the OS reports, for instance).
 *
 * @param cores                  processors the JVM may use
 * @param ghz                    clock as the operating system reports it, in GHz; NaN if it does not
 * @param doubleFlopsPerCycle    64-bit operations per cycle and core of the kernel (a fused multiply-add counts
 *                               as two); 0 if the kernel is not known
 * @param kernel                 the BLAS kernel's name, e.g. {@code Zen} (AVX2 + FMA)
 * @param basis                  how the flops per cycle were derived, in words
 */
public record PeakEstimate(int cores, double ghz, int doubleFlopsPerCycle, String kernel, String basis) {

    /** Whether both the clock and the kernel are known. */
    public boolean known() {
        return !Double.isNaN(ghz) && ghz > 0 && doubleFlopsPerCycle > 0;
    }

    /** Peak GFLOP/s in 64-bit arithmetic, NaN if not {@link #known()}. */
    public double doubleGflops() {
        return known() ? cores * ghz * doubleFlopsPerCycle : Double.NaN;
    }

    /** Peak GFLOP/s in 32-bit arithmetic (twice as many lanes per vector), NaN if not {@link #known()}. */
    public double floatGflops() {
        return 2 * doubleGflops();
    }

    /**
     * 64-bit FLOPs per cycle and core of an OpenBLAS kernel: two FMA units on AVX-512 kernels (8 lanes × 2 × 2),
     * on AVX2 kernels (4 × 2 × 2), AVX without FMA (4 × 2: one add and one multiply port), 128-bit NEON (2 × 2 × 2),
     * SSE2 (2 × 2). 0 when the kernel is not one of these.
     */
    static int doubleFlopsPerCycle(String kernel) {
        String k = kernel == null ? "" : kernel.toUpperCase(Locale.ROOT);
        if (k.contains("SKYLAKEX") || k.contains("COOPERLAKE") || k.contains("SAPPHIRERAPIDS")) {
            return 32;
        }
        if (k.contains("HASWELL") || k.contains("ZEN") || k.contains("VORTEX")) {
            return 16;
        }
        if (k.contains("SANDYBRIDGE") || k.contains("NEOVERSE") || k.contains("ARMV8") || k.contains("CORTEXA")) {
            return 8;
        }
        if (k.contains("NEHALEM") || k.contains("PENRYN") || k.contains("CORE2") || k.contains("OPTERON")
                || k.contains("BARCELONA") || k.contains("BULLDOZER") || k.contains("PRESCOTT")) {
            return 4;
        }
        return 0;
    }

    static String basis(int flops) {
        return switch (flops) {
            case 32 -> "AVX-512 kernel: 2 FMA units × 8 doubles × 2";
            case 16 -> "AVX2 kernel: 2 FMA units × 4 doubles × 2";
            case 8 -> "4 doubles × (1 add + 1 multiply) per cycle";
            case 4 -> "SSE2 kernel: 2 doubles × (1 add + 1 multiply)";
            default -> "unknown kernel";
        };
    }

    @Override
    public String toString() {
        if (!known()) {
            return "peak unknown (kernel " + kernel + ", clock " + ghz + " GHz)";
        }
        return String.format(Locale.ROOT, "%d cores × %.2f GHz × %d FLOP/cycle (%s) = %.0f GFLOP/s double, %.0f float",
                cores, ghz, doubleFlopsPerCycle, basis, doubleGflops(), floatGflops());
    }
}
