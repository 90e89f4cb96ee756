/**
 * Timing: {@link org.parlab.timing.Bench} (time a task, interleave several, sandwich a task between runs of a
 * baseline), its results ({@link org.parlab.timing.Timing}, {@link org.parlab.timing.SandwichResult}),
 * {@link org.parlab.timing.Blackhole} to keep results alive, {@link org.parlab.timing.CpuUse} (busy cores,
 * context switches), {@link org.parlab.timing.Jit#awaitQuiet} (wait for the JIT compiler) and the per-thread
 * CPU ticks they read. Why the sandwich and the JIT wait exist: {@code docs/measurement.md}.
 *
 * <p>Layer: near the bottom; it uses no other package of the library. Lessons and every package may use it.
 */
package org.parlab.timing;
