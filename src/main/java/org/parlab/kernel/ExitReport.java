package org.parlab.kernel;

/**
 * Says what happened when the JVM ends while a cell runs: the kernel, and every variable of the notebook, ends,
 * and Jupyter starts a new one. A shutdown hook prints the explanation while the cell is still connected, so the
 * student reads it under the cell instead of only seeing "the kernel died".
 *
 * <p>Calls of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} written in a cell never get here:
 * the kernel's agent ({@link org.parlab.agent.Stop}) turns them into an error that ends only the cell. This report
 * covers exits from library code, and kernels started without the agent.
 */
public final class ExitReport {
    /** What the cell shows. */
    public static final String MESSAGE = "ParLab: this cell called System.exit(), which ends the Java kernel and every "
            + "variable of the notebook. Jupyter starts a fresh kernel; run the notebook's cells again from the top "
            + "(Run → Run All Cells).";

    private static boolean installed;

    private ExitReport() {
    }

    /** Registers the shutdown hook once per JVM. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(ExitReport::report, "parlab-exit-report"));
        installed = true;
    }

    /** Prints the message if a cell is running, that is, if the exit came from a cell and not from Jupyter. */
    private static void report() {
        for (Thread t : Watchdog.liveThreads()) {
            if (Watchdog.isCellThread(t) && t.getState() != Thread.State.TERMINATED
                    && !Watchdog.isIdle(t)) {
                System.err.println(MESSAGE);
                System.err.flush();
                System.out.flush();
                try {
                    Thread.sleep(300); // let the kernel send the message before the process ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }
}
