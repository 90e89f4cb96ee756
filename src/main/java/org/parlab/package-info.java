/**
 * Machine facts and small helpers every lesson uses: {@link org.parlab.Machine} (cores, CPU quota, memory, free
 * cores now), {@link org.parlab.Numbers} (number formatting) and {@link org.parlab.Python} (runs the shipped
 * Python scripts). The readings that keep verdicts honest on a shared machine ({@code MachineLoad},
 * {@code CoreCapacity}) live with the timing code in {@code org.parlab.timing}.
 *
 * <p>Layer: a topic package near the bottom; it uses only {@code org.parlab.timing}. Lessons and every topic
 * package may use it.
 */
package org.parlab;
