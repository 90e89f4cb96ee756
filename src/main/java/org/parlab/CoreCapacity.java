package org.parlab;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * How many cores a number of threads really get right now, measured by running them: {@code threads} threads
 * each run the same chain of integer multiply-adds at once, and one thread runs that chain alone; the cores
 * delivered are {@code threads × time alone ÷ time together}. The median of three rounds after a warm-up round,
 * about 0.1 s in all.
 *
 * <p>On idle cores the answer is close to {@code threads}. {@link MachineLoad} sees the cores that other
 * programs of this machine take; this sees what nothing inside the machine can count: a host that gives the
 * virtual machine less CPU time than it has vCPUs, or a CPU quota that is spent. The guest's counters show
 * neither: its threads look as if they ran the whole time.
 *
 * <p>The work is the kind the lessons judge: a dependent chain of 64-bit multiply-adds (the GIL simulator's
 * bytecodes, the Mandelbrot loop and the workers' loops are such chains). The kind matters where two vCPUs are
 * the two hyperthreads of one physical core: they share its execution units, and how much one thread slows the
 * other depends on which units both need. Square roots, for instance, go through one divider per physical
 * core, so two threads of square roots on sibling hyperthreads get about one core's worth while two chains of
 * multiplications, which leave the multiplier idle between dependent steps, get nearly two. A probe of another
 * kind of work than the claim's would skip claims the lesson's own measurement has just shown, or judge claims
 * the cores could not deliver.
 *
 * @param threads       how many threads ran together
 * @param cores         the cores they got: threads × aloneMs ÷ togetherMs (median of the rounds)
 * @param aloneMs       one thread alone, median ms
 * @param togetherMs    all threads together, median ms
 */
public record CoreCapacity(int threads, double cores, double aloneMs, double togetherMs) {

    /** Multiply-adds per thread per round: about 8 ms on a 2020s core (each waits for the one before). */
    static final long STEPS = 8_000_000;
    private static final int ROUNDS = 3;

    /**
     * Runs the measurement (about 0.1 s, on {@code threads} cores).
     *
     * @param threads between 1 and the number of processors
     * @throws IllegalArgumentException if {@code threads} is outside that range
     * @throws CancellationException    if the calling thread is interrupted meanwhile
     */
    public static CoreCapacity measure(int threads) {
        return measure(threads, STEPS);
    }

    /** {@link #measure(int)} with {@code steps} multiply-adds per thread and round (tests use longer rounds). */
    static CoreCapacity measure(int threads, long steps) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > cpus) {
            throw new IllegalArgumentException("threads must be between 1 and the " + cpus + " processors, got "
                    + threads);
        }
        double[] alone = new double[ROUNDS], together = new double[ROUNDS], ratio = new double[ROUNDS];
        long[] sink = new long[threads];
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms the JIT up and is not counted
            long t0 = System.nanoTime();
            sink[0] += chain(steps, round);
            long one = System.nanoTime() - t0;
            Thread[] helpers = new Thread[threads - 1];
            t0 = System.nanoTime();
            for (int i = 0; i < helpers.length; i++) {
                int slot = i + 1, seed = round;
                helpers[i] = new Thread(() -> sink[slot] += chain(steps, seed), "parlab-core-capacity-" + slot);
                helpers[i].setDaemon(true);
                helpers[i].start();
            }
            sink[0] += chain(steps, round + 1); // the calling thread is one of the threads
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

    /** {@code count} dependent steps of a linear congruential generator: each multiply waits for the last. */
    private static long chain(long count, long seed) {
        long s = seed;
        for (long k = 0; k < count; k++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
        }
        return s;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** E.g. {@code "2 threads of multiply-adds got 1.0 cores (alone 8.1 ms, together 16.3 ms)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d threads of multiply-adds got %.1f cores (alone %.1f ms, together %.1f ms)",
                threads, cores, aloneMs, togetherMs);
    }
}
