package org.parlab.agent;

/**
 * Thrown by {@link Stop#check()} in code compiled from a cell once the cell was interrupted (■) and its code kept
 * running. An {@link Error}, so that a cell's {@code catch (Exception e)} does not swallow it; threads that die of
 * it die quietly (the agent's uncaught-exception handler prints nothing for it).
 */
public final class CellStopped extends Error {
    private static final long serialVersionUID = 1L;

    CellStopped(String threadName) {
        super("ParLab stopped thread '" + threadName + "': its cell was interrupted (■) and this code kept running");
    }
}
