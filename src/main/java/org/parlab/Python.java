package org.parlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the small Python scripts shipped in the library, so a lesson can measure Python next to Java on the
 * same machine. The interpreter is {@code $PARLAB_PYTHON} (the kernel sets it to the Python that runs
 * Jupyter), else {@code python3} on the PATH.
 */
public final class Python {
    private Python() {
    }

    /** The Python interpreter used: {@code $PARLAB_PYTHON}, else {@code python3}. */
    public static String executable() {
        String p = System.getenv("PARLAB_PYTHON");
        return p == null || p.isBlank() ? "python3" : p;
    }

    /** True when a Python 3.8+ interpreter can be started and imports every module named. */
    public static boolean available(String... modules) {
        if (modules == null) {
            throw new IllegalArgumentException("modules must not be null (give no argument to ask for Python alone)");
        }
        StringBuilder code = new StringBuilder("import sys; sys.exit(sys.version_info < (3, 8))");
        for (String m : modules) {
            if (m == null || !m.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException("modules: not a module name: " + m);
            }
            code.insert(0, "import " + m + "; ");
        }
        try {
            Process p = new ProcessBuilder(executable(), "-c", code.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs a script that is a resource next to {@code anchor} and returns its standard output, line by line.
     * The process is stopped if the calling thread is interrupted or {@code limit} passes.
     *
     * @throws IllegalArgumentException if an argument is null, or {@code limit} is not in (0, 10 min]
     * @throws IllegalStateException    if the script is missing, Python cannot start, or the script fails
     */
    public static List<String> runScript(Class<?> anchor, String resource, List<String> args, Duration limit) {
        if (anchor == null || resource == null || args == null) {
            throw new IllegalArgumentException("anchor, resource and args must not be null");
        }
        if (limit == null || limit.isZero() || limit.isNegative() || limit.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("limit must be between 0 and 10 minutes, got " + limit);
        }
        Path script = extract(anchor, resource);
        Path out = script.resolveSibling(script.getFileName() + ".out");
        Path err = script.resolveSibling(script.getFileName() + ".err");
        List<String> cmd = new ArrayList<>(List.of(executable(), script.toString()));
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            deleteQuietly(script, out, err);
            throw new IllegalStateException("cannot start Python (" + executable() + "): " + e.getMessage()
                    + "; set PARLAB_PYTHON to a Python 3 interpreter", e);
        }
        try {
            p.getOutputStream().close();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(resource + " ran longer than " + limit + " and was stopped");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(resource + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(err));
            }
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("reading the output of " + resource + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(resource + " interrupted; the Python process was stopped");
        } finally {
            p.destroyForcibly();
            deleteQuietly(script, out, err);
        }
    }

    private static Path extract(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the library jar");
            }
            Path tmp = Files.createTempFile("parlab-", "-" + resource.replaceAll("[^A-Za-z0-9_.]", "_"));
            Files.write(tmp, in.readAllBytes());
            return tmp;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + resource + " to a temporary file", e);
        }
    }

    private static void deleteQuietly(Path... files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
