package org.parlab.parallel;

/**
 * One row of a {@link Scaling} measurement.
 *
 * @param workers    how many workers ran the job (1 = the serial baseline on the calling thread)
 * @param medianMs   median time of the whole job
 * @param spread     MAD / median of its timed runs
 * @param speedup    serial median / this median
 * @param efficiency speedup / workers: 1 is perfect scaling
 */
public record ScalingPoint(int workers, double medianMs, double spread, double speedup, double efficiency) {
}
