package org.parlab.kernel;

import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets Shift-Tab show the library's Javadoc next to the JDK's. JShell reads Javadoc from sources, and looks only
 * in the running JDK's {@code lib/src.zip}; this adds the library's own sources ({@code src/main/java} of the
 * checkout the kernel's jar was built in) through the field JShell's source analysis keeps for a list of
 * source roots ({@code SourceCodeAnalysisImpl.availableSourcesOverride}; the kernelspec opens {@code jdk.jshell}
 * to the class path). On a JDK without that field, or without sources, nothing changes.
 */
final class JavadocSources {
    private JavadocSources() {
    }

    /** Adds the JDK's and the library's sources to {@code shell}'s documentation lookups; true if it could. */
    static boolean install(jdk.jshell.JShell shell) {
        try {
            List<Path> roots = new ArrayList<>(jdkSources());
            Path library = librarySources();
            if (library == null) {
                return false;
            }
            roots.add(library);
            Object analysis = shell.sourceCodeAnalysis();
            java.lang.reflect.Field f = analysis.getClass().getDeclaredField("availableSourcesOverride");
            f.setAccessible(true);
            f.set(analysis, List.copyOf(roots));
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | java.io.IOException
                | java.net.URISyntaxException e) {
            return false;
        }
    }

    /** {@code src/main/java} next to the {@code target/} the library's jar is in, if it holds this class's source. */
    static Path librarySources() throws java.net.URISyntaxException {
        java.security.CodeSource cs = JavadocSources.class.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return null;
        }
        Path jar = Path.of(cs.getLocation().toURI());
        Path root = jar.getParent() == null ? null : jar.getParent().getParent();
        Path src = root == null ? null : root.resolve("src").resolve("main").resolve("java");
        return src != null && Files.isRegularFile(src.resolve("org/parlab/kernel/JavadocSources.java")) ? src : null;
    }

    /** The module roots of the JDK's {@code lib/src.zip}, as JShell finds them itself; empty without it. */
    static List<Path> jdkSources() throws java.io.IOException {
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(zip)) {
            zip = home.getParent().resolve("src.zip");
        }
        if (!Files.isReadable(zip)) {
            return List.of();
        }
        FileSystem fs = FileSystems.newFileSystem(zip, Map.of()); // stays open: JShell reads from it
        Path top = fs.getRootDirectories().iterator().next();
        if (Files.exists(top.resolve("java/lang/Object.java"))) {
            return List.of(zip);
        }
        List<Path> modules = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(top)) {
            for (Path p : ds) {
                if (Files.isDirectory(p)) {
                    modules.add(p);
                }
            }
        }
        return modules;
    }
}
