package org.parlab.profile;

/**
 * What JFR's method timing counted for one method (event {@code jdk.MethodTiming}, JDK 25+): every call, exactly,
 * and the time from entry to exit. Times include the calls the method made, like cProfile's {@code cumtime}.
 *
 * @param method      the method as the student names it: {@code step} for a method defined in a cell,
 *                    {@code java.lang.Math.sqrt} for others
 * @param invocations how many calls returned or threw while the recording ran
 * @param minimumMs   the shortest call, in ms
 * @param averageMs   the mean call, in ms
 * @param maximumMs   the longest call, in ms
 */
public record MethodTime(String method, long invocations, double minimumMs, double averageMs, double maximumMs) {
    /** The time of all calls together, in ms (calls × mean). */
    public double totalMs() {
        return invocations * averageMs;
    }
}
