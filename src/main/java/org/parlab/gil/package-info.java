/**
 * The GIL simulator and CPython beside it: {@link org.parlab.gil.Gil#simulate} runs a
 * {@link org.parlab.gil.Workload} on threads that share a simulated global interpreter lock (or none), with
 * CPython's switch interval; {@link org.parlab.gil.GilRun}, {@link org.parlab.gil.Speedup} and
 * {@link org.parlab.gil.Speedups} (queried by workload, lock and thread count) hold the results, and
 * {@link org.parlab.gil.CPython} measures the real interpreter with the same workloads.
 *
 * <p>Layer: a topic package; it uses {@code check}, {@code timing} and {@code org.parlab}. Lessons may use it.
 */
package org.parlab.gil;
