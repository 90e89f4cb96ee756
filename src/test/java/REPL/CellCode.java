package REPL;

/**
 * Stands for code compiled from a cell: JShell puts every snippet class in package {@code REPL}, which is what the
 * kernel's agent instruments. Tests load this class through {@link org.parlab.agent.CellClasses}, rewritten as the
 * agent would rewrite it.
 */
public class CellCode {
    /** A runaway loop: nothing in it looks at interrupts. */
    public static double spin() {
        double x = 0;
        while (true) {
            x += Math.sqrt(x + 1);
            if (x < 0) {
                return x; // never: keeps the loop from being optimised away
            }
        }
    }

    /** A loop inside a lambda, as a cell hands to a thread or a pool. */
    public static Runnable spinner() {
        return () -> spin();
    }

    /** Counts to n: a loop that ends. */
    public static long count(long n) {
        long s = 0;
        for (long i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }

    public static void exit(int status) {
        System.exit(status);
    }

    public static void runtimeExit(int status) {
        Runtime.getRuntime().exit(status);
    }

    public static void halt(int status) {
        Runtime.getRuntime().halt(status);
    }
}
