package org.parlab.gil;

import org.parlab.Numbers;

/**
 * How much faster {@code threads} threads finished the same tasks than one thread running them one after the
 * other: {@code serialMs / parallelMs}, medians of repeated runs (see {@link GilSimulation#speedup(int)} and
 * {@link CPython} for how each measures them).
 *
 * @param workload   the workload's name
 * @param gil        whether the threads shared the simulated GIL
 * @param threads    number of threads (and of tasks)
 * @param serialMs   median time to run the tasks one after another on one thread
 * @param parallelMs median time to run them on {@code threads} threads
 * @param speedup    {@code serialMs / parallelMs}
 * @param series     a label for charts, e.g. {@code "CPU-bound, with GIL"}
 */
public record Speedup(String workload, boolean gil, int threads, double serialMs, double parallelMs, double speedup,
                      String series) {

    @Override
    public String toString() {
        return series + ", " + threads + " threads: " + Numbers.format(speedup) + "× (serial "
                + Numbers.format(serialMs) + " ms, parallel " + Numbers.format(parallelMs) + " ms)";
    }
}
