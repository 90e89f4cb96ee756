package org.parlab.profile;

import java.util.List;
import java.util.function.Function;

/**
 * Finds the class JShell compiled a method defined in a cell into ({@code REPL.$JShell$41} for {@code step}), so
 * that {@link MethodTiming} can name it to JFR. Only the kernel knows: its extension registers a lookup at start.
 */
public final class CellMethods {
    private static volatile Function<String, List<String>> lookup = name -> List.of();

    private CellMethods() {
    }

    /**
     * Internal: called by the kernel extension with a function from a method name to the classes of the cells that
     * define a method of that name now (the newest last).
     */
    public static void resolveWith(Function<String, List<String>> classesDefining) {
        if (classesDefining == null) {
            throw new IllegalArgumentException("classesDefining must not be null");
        }
        lookup = classesDefining;
    }

    /** The classes of the cells that define method {@code name} now, the newest last; empty outside the kernel. */
    static List<String> classesDefining(String name) {
        List<String> found = lookup.apply(name);
        return found == null ? List.of() : found;
    }
}
