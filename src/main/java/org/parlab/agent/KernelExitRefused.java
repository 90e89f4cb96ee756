package org.parlab.agent;

/**
 * Ends a cell that called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}: in a notebook those
 * would end the kernel's JVM and every variable of the notebook. An {@link Error}, so that a cell's
 * {@code catch (Exception e)} does not swallow it.
 */
public final class KernelExitRefused extends Error {
    private static final long serialVersionUID = 1L;

    /** The status the cell asked to exit with. */
    private final int status;

    KernelExitRefused(String call, int status) {
        super(call + "(" + status + ") would end the Java kernel and every variable of this notebook, so ParLab ended "
                + "only this cell; the kernel and its variables live on. To start afresh on purpose: "
                + "Kernel → Restart Kernel…");
        this.status = status;
    }

    /** The status the cell asked to exit with. */
    public int status() {
        return status;
    }
}
