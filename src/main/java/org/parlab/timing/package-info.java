/**
 * Timing, and the machinery that keeps measurements honest, in one place. What lessons type:
 * {@link org.parlab.timing.Bench} (time a task, interleave several, sandwich a task between runs of a baseline),
 * its results ({@link org.parlab.timing.Timing}, {@link org.parlab.timing.SandwichResult}),
 * {@link org.parlab.timing.Blackhole} to keep results alive and {@link org.parlab.timing.CpuUse} (busy cores of
 * the process and of its child processes, system time, context switches). What keeps a verdict from being
 * decided by the machine: {@link org.parlab.timing.MachineLoad} (the cores other programs and the host take, now
 * and during a measurement, sampled in the background), {@link org.parlab.timing.CoreCapacity} (the cores a kind
 * of work really gets), {@link org.parlab.timing.MeasurementWindow} (when the measurement being judged began),
 * {@link org.parlab.timing.Jit#awaitQuiet} (wait for the JIT compiler) and the per-thread CPU ticks they read.
 * The core guard of checks ({@code org.parlab.check.Expectation#whenCoresFree} and {@code #speedupOn}) reads
 * them to decide whether a claim can be judged. How it all fits together: {@code docs/measurement.md}.
 *
 * <p>Layer: at the bottom; it uses no other package of the library. Lessons and every package may use it.
 */
package org.parlab.timing;
