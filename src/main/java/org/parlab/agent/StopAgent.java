package org.parlab.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point ({@code Premain-Class} of {@code parlab-agent.jar}): registers {@link CellInstrumenter}
 * and a default uncaught-exception handler that lets threads stopped by {@link Stop} die without a stack trace.
 */
public final class StopAgent {
    private StopAgent() {
    }

    /** Called by the JVM before {@code main} when started with {@code -javaagent:parlab-agent.jar}. */
    public static void premain(String args, Instrumentation inst) {
        if (inst == null) {
            throw new IllegalArgumentException("inst must not be null");
        }
        inst.addTransformer(new CellInstrumenter(), false);
        quietStops();
        Stop.deoptimizeWith(() -> retransformCells(inst));
        Stop.markInstalled();
    }

    /**
     * Retransforms every loaded class compiled from a cell. Nothing about them changes (this agent's rewrite is kept),
     * but the JVM discards their compiled code and deoptimizes their running frames, so that loops the JIT compiled
     * read the stop again.
     */
    static void retransformCells(Instrumentation inst) {
        java.util.List<Class<?>> cells = new java.util.ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (CellInstrumenter.isCellClass(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
                cells.add(c);
            }
        }
        if (cells.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(cells.toArray(new Class<?>[0]));
        } catch (Throwable e) { // a class unloaded meanwhile: retransform the others one by one
            for (Class<?> c : cells) {
                try {
                    inst.retransformClasses(c);
                } catch (Throwable ignored) {
                    // gone, or not retransformable: its code reads the stop once it is interpreted again
                }
            }
        }
    }

    /** Installs the default uncaught-exception handler that prints nothing for {@link CellStopped}. */
    static void quietStops() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof CellStopped) {
                return; // the watchdog stopped it on purpose
            }
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else { // what ThreadGroup.uncaughtException prints without a handler
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        });
    }
}
