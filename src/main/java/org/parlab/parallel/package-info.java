/**
 * A primer on parallelism: {@link org.parlab.parallel.Workers} (a team of named threads a notebook owns and
 * closes), {@link org.parlab.parallel.Scaling} (speed-up against workers), {@link org.parlab.parallel.Amdahl}
 * and {@link org.parlab.parallel.TimeSplit} (where a job's threads spent their time: computing, waiting,
 * ready without a core).
 *
 * <p>Layer: a topic package; it uses {@code timing}, {@code chart} and {@code table}. Lessons may use it.
 */
package org.parlab.parallel;
