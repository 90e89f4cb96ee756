package org.parlab.profile;

/**
 * Code compiled from a notebook cell, with what it takes to turn the JVM's line numbers back into the lines a
 * student sees. JShell compiles each snippet inside a generated class, a few lines down; the kernel's magics
 * measure how far with probe snippets and wrap the code they run in a {@code CellCode}, and the profilers then
 * report cell lines: in the profiled cell, counted from its first line (the magic's); in a method defined in a
 * cell, counted from the method's first line.
 *
 * @param code             the code
 * @param snippetClass     the class JShell compiled the profiled cell's code into
 * @param cellLineOffset   subtracted from line numbers in {@code snippetClass} to give the cell's line
 * @param methodLineOffset subtracted from line numbers in other cell classes' methods to give the method's line
 */
public record CellCode(Code code, String snippetClass, int cellLineOffset, int methodLineOffset) implements Code {
    /** Validates. */
    public CellCode {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        if (snippetClass == null || snippetClass.isBlank()) {
            throw new IllegalArgumentException("snippetClass must name a class");
        }
    }

    @Override
    public Object run() throws Exception {
        return code.run();
    }

    /** The line a student sees for a frame of {@code code}, or {@code line} unchanged if nothing is known. */
    static int mapLine(Code code, String type, String method, int line) {
        if (!(code instanceof CellCode c) || line < 0 || !type.startsWith("REPL.$JShell$")) {
            return line;
        }
        if (type.equals(c.snippetClass)) {
            return line - c.cellLineOffset;
        }
        if (!method.startsWith("lambda$") && !method.equals("do_it$")) {
            return line - c.methodLineOffset;
        }
        return line;
    }
}
