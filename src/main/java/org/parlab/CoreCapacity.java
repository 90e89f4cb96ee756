package org.parlab;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * How many cores a number of threads really get right now, measured by running them: {@code threads} threads
 * each sum the same amount of square roots at once, and one thread sums that amount alone; the cores delivered
 * are {@code threads × time alone ÷ time together}. The median of three rounds after a warm-up round, about
 * 0.1 s in all.
 *
 * <p>On idle cores the answer is close to {@code threads}. {@link MachineLoad} sees the cores that other
 * programs of this machine take; this sees what nothing inside the machine can count. A virtual machine's
 * CPUs (vCPUs) are threads of the host: two vCPUs can be the two hyperthreads of one physical core, which
 * share its execution units (one unit for square roots: two threads of square roots then go no faster than
 * one), and a host may give a virtual machine less CPU time than it has vCPUs. The guest's counters show
 * neither: its threads look as if they ran the whole time. Measured on the course's two-vCPU build machine,
 * with nothing else running: in 4–6 % of tries two threads of square roots got one core's worth (in bursts of a
 * second or so), while two threads of dependent multiplications got 1.7–1.9 cores at the same moments.
 *
 * @param threads       how many threads ran together
 * @param cores         the cores they got: threads × aloneMs ÷ togetherMs (median of the rounds)
 * @param aloneMs       one thread alone, median ms
 * @param togetherMs    all threads together, median ms
 */
public record CoreCapacity(int threads, double cores, double aloneMs, double togetherMs) {

    /** Square roots per thread per round: about 7 ms on a 2020s core. */
    static final long ROOTS = 3_000_000;
    private static final int ROUNDS = 3;

    /**
     * Runs the measurement (about 0.1 s, on {@code threads} cores).
     *
     * @param threads between 1 and the number of processors
     * @throws IllegalArgumentException if {@code threads} is outside that range
     * @throws CancellationException    if the calling thread is interrupted meanwhile
     */
    public static CoreCapacity measure(int threads) {
        return measure(threads, ROOTS);
    }

    /** {@link #measure(int)} with {@code roots} square roots per thread and round (tests use longer rounds). */
    static CoreCapacity measure(int threads, long roots) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > cpus) {
            throw new IllegalArgumentException("threads must be between 1 and the " + cpus + " processors, got "
                    + threads);
        }
        double[] alone = new double[ROUNDS], together = new double[ROUNDS], ratio = new double[ROUNDS];
        double[] sink = new double[threads];
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms the JIT up and is not counted
            long t0 = System.nanoTime();
            sink[0] += roots(roots, round);
            long one = System.nanoTime() - t0;
            Thread[] helpers = new Thread[threads - 1];
            t0 = System.nanoTime();
            for (int i = 0; i < helpers.length; i++) {
                int slot = i + 1, seed = round;
                helpers[i] = new Thread(() -> sink[slot] += roots(roots, seed), "parlab-core-capacity-" + slot);
                helpers[i].setDaemon(true);
                helpers[i].start();
            }
            sink[0] += roots(roots, round + 1); // the calling thread is one of the threads
            try {
                for (Thread h : helpers) {
                    h.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while measuring core capacity");
            }
            long many = System.nanoTime() - t0;
            if (round >= 0) {
                alone[round] = one / 1e6;
                together[round] = many / 1e6;
                ratio[round] = threads * (double) one / many;
            }
        }
        new org.parlab.timing.Blackhole().consume(Arrays.stream(sink).sum()); // the JIT may not drop the sums
        return new CoreCapacity(threads, median(ratio), median(alone), median(together));
    }

    private static double roots(long count, long seed) {
        double s = 0;
        for (long k = 0; k < count; k++) {
            s += Math.sqrt(k + seed);
        }
        return s;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** E.g. {@code "2 threads of square roots got 1.0 cores (alone 7.1 ms, together 14.3 ms)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d threads of square roots got %.1f cores (alone %.1f ms, together %.1f ms)",
                threads, cores, aloneMs, togetherMs);
    }
}
