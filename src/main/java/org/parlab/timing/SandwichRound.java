package org.parlab.timing;

/**
 * One round of a {@link Sandwich}: a task's time between two runs of the baseline.
 *
 * @param round    the round's number, from 1
 * @param label    the task's label
 * @param beforeMs the baseline's time just before the task
 * @param ms       the task's time
 * @param afterMs  the baseline's time just after the task
 * @param steady   whether the two baseline times agreed within the sandwich's tolerance (the round counts)
 */
public record SandwichRound(int round, String label, double beforeMs, double ms, double afterMs, boolean steady) {

    /** The baseline's time for this round: the geometric mean of the runs before and after. */
    public double baselineMs() {
        return Math.sqrt(beforeMs * afterMs);
    }

    /** The task's time over the baseline's: {@code ms / baselineMs()}. */
    public double ratio() {
        return ms / baselineMs();
    }
}
