package org.parlab.kernel;

import java.util.List;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.parlab.profile.CellCode;
import org.parlab.profile.Code;
import org.parlab.profile.MagicOptions;
import org.parlab.profile.Magics;

/**
 * Registers {@code %timeit}, {@code %%timeit}, {@code %prun}, {@code %%prun}, {@code %memit} and {@code %%memit}
 * (see {@link Magics} for what they do). A magic compiles its code in the kernel's JShell as a lambda
 * ({@code () -> (expression)} or {@code () -> { statements; return null; }}), so it sees earlier cells'
 * variables and methods, and then runs that lambda itself, on the cell's thread: an exception it throws is the
 * cell's error, and an interrupt stops it like any cell.
 */
final class ProfilingMagics {
    private ProfilingMagics() {
    }

    static void register(MagicsRegistry registry) {
        registry.registerLineMagic("timeit", (BaseKernel k, List<String> args) -> {
            MagicOptions o = Magics.timeitOptions(args);
            Magics.timeit(o, label(o.rest()), compileExpression(k, o, Magics.TIMEIT_USAGE));
            return null;
        });
        registry.registerCellMagic("timeit", (BaseKernel k, List<String> args, String body) -> {
            MagicOptions o = cellOptions(Magics.timeitOptions(args), Magics.TIMEIT_USAGE);
            Magics.timeit(o, "%%timeit", compileBlock(k, body));
            return null;
        });
        registry.registerLineMagic("prun", (BaseKernel k, List<String> args) -> {
            MagicOptions o = Magics.prunOptions(args);
            Magics.prun(o, compileExpression(k, o, Magics.PRUN_USAGE), m -> methodSource(k, m));
            return null;
        });
        registry.registerCellMagic("prun", (BaseKernel k, List<String> args, String body) -> {
            Magics.prun(cellOptions(Magics.prunOptions(args), Magics.PRUN_USAGE), compileBlock(k, body),
                    m -> methodSource(k, m));
            return null;
        });
        registry.registerLineMagic("memit", (BaseKernel k, List<String> args) -> {
            MagicOptions o = Magics.memitOptions(args);
            Magics.memit(o, compileExpression(k, o, Magics.MEMIT_USAGE));
            return null;
        });
        registry.registerCellMagic("memit", (BaseKernel k, List<String> args, String body) -> {
            Magics.memit(cellOptions(Magics.memitOptions(args), Magics.MEMIT_USAGE), compileBlock(k, body));
            return null;
        });
    }

    private static String label(String expression) {
        return expression.length() <= 60 ? expression : expression.substring(0, 57) + "...";
    }

    private static MagicOptions cellOptions(MagicOptions o, String usage) {
        if (!o.rest().isEmpty()) {
            throw new IllegalArgumentException(o.magic() + ": unexpected '" + o.rest() + "' after the options; the "
                    + "code goes on the lines below. Usage: %" + usage);
        }
        return o;
    }

    /** An expression (or, failing that, a statement) of a line magic, compiled into a {@link Code}. */
    static Code compileExpression(BaseKernel k, MagicOptions o, String usage) throws Exception {
        String expr = o.rest();
        if (expr.isEmpty()) {
            throw new IllegalArgumentException(o.magic() + ": nothing to run. Usage: " + usage);
        }
        try {
            return compile(k, "() -> (" + expr + "\n)");
        } catch (Exception asExpression) {
            if (!isCompilationError(asExpression)) {
                throw asExpression;
            }
            try {
                return compile(k, "() -> { " + expr + "\n; return null; }");
            } catch (Exception asStatement) {
                if (!isCompilationError(asStatement)) {
                    throw asStatement;
                }
                String why = diagnostics(k, asStatement);
                if (why.contains("not a statement")) {
                    why = diagnostics(k, asExpression);
                }
                throw new IllegalArgumentException(o.magic() + ": '" + expr + "' does not compile: " + why
                        + (expr.contains("(") ? " (JJava's magic parser removes double quotes and backslashes from "
                        + "a line magic's arguments: use the cell form, %" + o.magic() + ", for code with string "
                        + "literals)" : ""));
            }
        }
    }

    /** The compiler's messages for a rejected snippet, from the kernel's JShell; a generic text if unavailable. */
    static String diagnostics(BaseKernel k, Exception compilationError) {
        try {
            jdk.jshell.SnippetEvent event = (jdk.jshell.SnippetEvent) compilationError.getClass()
                    .getMethod("getBadSnippetCompilation").invoke(compilationError);
            jdk.jshell.JShell shell = ParLabExtension.jshell(k);
            if (shell == null) {
                return "the compiler rejected it";
            }
            String msg = shell.diagnostics(event.snippet()).filter(jdk.jshell.Diag::isError)
                    .map(d -> d.getMessage(java.util.Locale.ROOT).replace('\n', ' '))
                    .collect(java.util.stream.Collectors.joining("; "));
            return msg.isEmpty() ? "the compiler rejected it" : msg;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "the compiler rejected it";
        }
    }

    /** A cell magic's body, compiled into a {@link Code} that runs its statements. */
    static Code compileBlock(BaseKernel k, String body) throws Exception {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the cell has no code below the magic's line");
        }
        try {
            return compile(k, "() -> {\n" + body + "\n;\nreturn null; }");
        } catch (Exception e) {
            if (!isCompilationError(e)) {
                throw e;
            }
            throw new IllegalArgumentException("the cell's code does not compile: " + diagnostics(k, e)
                    + " (a profiling cell runs its statements inside a lambda: it may declare local variables and "
                    + "classes, not methods; it may assign earlier cells' variables)");
        }
    }

    private static Code compile(BaseKernel k, String lambda) throws Exception {
        long ticket = CodeHandoff.ticket();
        try {
            // the probe sits on the generated snippet's first line: the cell's first line of code is the next one
            k.evalRaw(CodeHandoff.class.getName() + ".hand(" + ticket + "L, new Throwable().getStackTrace()[0], "
                    + lambda + ");");
            Code code = CodeHandoff.take(ticket);
            StackTraceElement where = CodeHandoff.takeWhere(ticket);
            if (code == null || where == null) {
                throw new IllegalStateException("the magic's code was compiled but not handed over");
            }
            // cell line = generated line − probe line + 1 (line 1 of the cell holds the magic)
            return new CellCode(code, where.getClassName(), where.getLineNumber() - 1, methodLineOffset(k));
        } finally {
            CodeHandoff.take(ticket);
            CodeHandoff.takeWhere(ticket);
        }
    }

    private static volatile Integer methodLineOffset;

    /**
     * How far down JShell places a method snippet's first line in the class it generates, measured once with a
     * probe method; 0 if it cannot be measured (lines are then reported as the JVM numbers them).
     */
    static int methodLineOffset(BaseKernel k) {
        Integer known = methodLineOffset;
        if (known != null) {
            return known;
        }
        int offset = 0;
        try {
            k.evalRaw("int $parlabLineProbe() {\n return new Throwable().getStackTrace()[0].getLineNumber();\n}");
            offset = ((Number) k.evalRaw("$parlabLineProbe()")).intValue() - 2; // line 2 of the probe holds the call
        } catch (Exception | LinkageError e) {
            offset = 0;
        }
        methodLineOffset = offset;
        return offset;
    }

    /**
     * The source of the method named {@code name} defined in a cell (the newest, if redefined); its lines match
     * the line numbers the profilers report for it (see {@link CellCode}). Null if there is none.
     */
    static Magics.MethodSource methodSource(BaseKernel k, String name) {
        try {
            jdk.jshell.JShell shell = ParLabExtension.jshell(k);
            if (shell == null) {
                return null;
            }
            jdk.jshell.MethodSnippet found = shell.methods()
                    .filter(m -> m.name().equals(name) && shell.status(m).isActive())
                    .reduce((a, b) -> b).orElse(null);
            return found == null ? null : new Magics.MethodSource(found.source().lines().toList(), 0);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static boolean isCompilationError(Throwable t) {
        return t.getClass().getSimpleName().equals("CompilationException");
    }

}
