/**
 * Machine facts and the readings that keep verdicts honest on a shared machine: {@link org.parlab.Machine}
 * (cores, CPU quota, memory), {@link org.parlab.MachineLoad} (cores other programs and the host take) and
 * {@link org.parlab.CoreCapacity} (cores a kind of work really gets), plus {@link org.parlab.Numbers} (number
 * formatting) and {@link org.parlab.Python} (runs the shipped Python scripts). How these fit together with the
 * sandwich, the JIT wait and the core guard of checks is explained in {@code docs/measurement.md}.
 *
 * <p>Layer: a topic package near the bottom; it uses only {@code org.parlab.timing}. Lessons and every topic
 * package may use it.
 */
package org.parlab;
