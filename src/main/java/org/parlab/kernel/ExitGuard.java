package org.parlab.kernel;

import java.security.Permission;

/**
 * Refuses {@code System.exit} (and {@code Runtime.halt}) from cell code, which would otherwise end the kernel
 * without a word: the cell gets a {@link SecurityException} that says what to do instead. It is a
 * {@link SecurityManager} that allows everything else. Java 17 to 23 can install one (the kernel's JVM options
 * set {@code -Djava.security.manager=allow}, which also keeps the JDK's deprecation warning away); from Java 24
 * on there is no way to refuse an exit, and the guard is not installed.
 */
@SuppressWarnings("removal")
public final class ExitGuard extends SecurityManager {
    /** What a cell that calls System.exit is told. */
    public static final String MESSAGE = "System.exit is switched off in the ParLab kernel: it would end the kernel "
            + "and every variable of this notebook. To start afresh, use Kernel → Restart Kernel…";

    private ExitGuard() {
    }

    /** Installs the guard if this JVM allows it; returns whether it did. */
    public static boolean install() {
        try {
            if (System.getSecurityManager() instanceof ExitGuard) {
                return true;
            }
            if (System.getSecurityManager() != null) {
                return false; // someone else's: leave it alone
            }
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void checkExit(int status) {
        if (calledFromCell()) {
            throw new SecurityException(MESSAGE + " (status " + status + ")");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        if (perm instanceof RuntimePermission && perm.getName().startsWith("exitVM") && calledFromCell()) {
            throw new SecurityException(MESSAGE);
        }
        if ("setSecurityManager".equals(perm.getName()) && calledFromCell()) {
            throw new SecurityException("the ParLab kernel's exit guard stays installed");
        }
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        checkPermission(perm);
    }

    /** Whether code that JShell compiled from a cell (package {@code REPL}) is on the calling stack. */
    static boolean calledFromCell() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("REPL.")));
    }
}
