/**
 * The kernel's Java agent: what makes ■ stop a cell and {@code System.exit} leave the kernel alive.
 *
 * <p>JJava runs cells in the kernel's own JVM, and its interrupt only calls {@code Thread.interrupt()}, which a
 * busy loop never looks at. Since Java 20 no thread can be stopped from outside ({@code Thread.stop} throws; JDK 26
 * removes it). So the kernel starts with {@code -javaagent:parlab-agent.jar}: {@link org.parlab.agent.CellInstrumenter}
 * rewrites every class JShell compiles from a cell (package {@code REPL}: snippets, the lambdas' bodies in them,
 * the classes they declare) as it is loaded. It adds a call to {@link org.parlab.agent.Stop#check()} at each
 * method's entry and before every backward jump (every loop's back-edge), and turns calls of
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} into {@link org.parlab.agent.Stop}'s, which
 * end the cell instead of the JVM. JDK 25's own {@code jshell} stops snippets the same way
 * ({@code jdk.jshell.execution.LocalExecutionControl}).
 *
 * <p>The check costs one read of a plain static field while nothing is stopped, which the JIT may hoist out of a
 * loop; {@link org.parlab.agent.Stop} explains how a raised stop still reaches compiled loops. The kernel's watchdog
 * ({@code org.parlab.kernel.Watchdog}) decides when to {@linkplain org.parlab.agent.Stop#raise() raise} the stop.
 *
 * <p>This package is the bottom of the library: it imports no other ParLab package, because the agent jar holds
 * only these classes (and ASM) and is loaded by the JVM's application class loader, below the kernel's.
 */
package org.parlab.agent;
