/**
 * Profiling on JDK Flight Recorder: {@link org.parlab.profile.Profiler} (sampled hot methods, hot lines,
 * flame graphs; a recording of a whole program read back), {@link org.parlab.profile.MethodTiming} (exact
 * call counts and times of chosen methods, JFR's method timing on JDK 25+), {@link org.parlab.profile.Allocations} (bytes
 * allocated, retained, allocation sites) and {@link org.parlab.profile.Magics}, what the kernel's
 * {@code %timeit}, {@code %%prun} and {@code %%memit} run, with their last results for checks.
 *
 * <p>Layer: a topic package; it uses {@code timing}, {@code debug} and {@code display}. Lessons and the
 * kernel extension use it.
 */
package org.parlab.profile;
