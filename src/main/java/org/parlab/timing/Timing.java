package org.parlab.timing;

import java.util.List;

import org.parlab.Numbers;

/**
 * Repeated wall-clock measurements of one task.
 *
 * @param label     what was timed
 * @param samplesMs one duration per repeat, in milliseconds, in the order measured
 */
public record Timing(String label, List<Double> samplesMs) {

    /** Copies {@code samplesMs}; it must hold at least one sample. */
    public Timing {
        if (samplesMs == null || samplesMs.isEmpty()) {
            throw new IllegalArgumentException("samplesMs must hold at least one sample");
        }
        samplesMs = List.copyOf(samplesMs);
    }

    /** The median sample: the number to compare, robust to a noisy neighbour. */
    public double medianMs() {
        double[] s = samplesMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The fastest sample. */
    public double minMs() {
        return samplesMs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** The slowest sample. */
    public double maxMs() {
        return samplesMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** Number of samples. */
    public int repeats() {
        return samplesMs.size();
    }

    @Override
    public String toString() {
        return label + ": median " + Numbers.format(medianMs()) + " ms (min " + Numbers.format(minMs()) + ", max "
                + Numbers.format(maxMs()) + ", " + repeats() + " runs)";
    }
}
