/**
 * The JJava extension: the top layer, which wires the library into the kernel. {@code ParLabExtension} (found
 * through {@code META-INF/services}) registers the renderers for charts and tables, the profiling magics
 * ({@code ProfilingMagics}, with {@code CodeHandoff} to receive the code they compile), the watchdog that stops
 * runaway cells and the report shown when a cell calls {@code System.exit}.
 *
 * <p>Layer: the top. It may use every package; no package of the library uses it, and lessons do not import
 * it: everything here is plumbing, public only where JJava or JShell-compiled code must reach it.
 */
package org.parlab.kernel;
