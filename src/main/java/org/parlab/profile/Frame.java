package org.parlab.profile;

/**
 * One frame of a sampled stack.
 *
 * @param type   the class's binary name, e.g. {@code java.util.ArrayList} or {@code REPL.$JShell$12} (a cell)
 * @param method the method's name
 * @param line   the line number, or -1 when unknown
 * @param kind   {@code "Interpreted"}, {@code "JIT compiled"}, {@code "Inlined"} or {@code "Native"}
 */
public record Frame(String type, String method, int line, String kind) {
    private static final String CELL_PREFIX = "REPL.$JShell$";

    /** True for code typed in a notebook cell (JShell compiles each snippet into a class of package {@code REPL}). */
    public boolean inCell() {
        return type.startsWith(CELL_PREFIX);
    }

    /**
     * A short, readable name: {@code work} for a method defined in a cell, {@code (cell code)} for a cell's
     * statements, {@code ArrayList.add} for everything else (the class's simple name).
     */
    public String displayName() {
        return displayName(type, method);
    }

    static String displayName(String type, String method) {
        if (type.startsWith(CELL_PREFIX)) {
            return method.startsWith("lambda$") || method.equals("do_it$") ? "(cell code)" : method;
        }
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple + "." + method;
    }

    /** The package a student would name: {@code cell} for notebook code, else the class's package. */
    public String where() {
        if (inCell()) {
            return "cell";
        }
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }

    /** True for the JDK's own classes ({@code java.*}, {@code javax.*}, {@code jdk.*}, {@code sun.*}). */
    public boolean inJdk() {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    @Override
    public String toString() {
        return displayName() + (line >= 0 ? ":" + line : "");
    }
}
