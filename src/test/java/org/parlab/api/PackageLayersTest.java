package org.parlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The library's layers, read from its sources: the display bridge ({@code display}) at the bottom, the topic
 * packages above it, the JJava extension ({@code kernel}) at the top. No package imports the extension, the
 * bridge imports no other package of the library, and no two packages depend on each other in a cycle. Every
 * package says in its {@code package-info.java} what lives there and who may use it.
 */
class PackageLayersTest {
    private static final Path ROOT = Path.of("src/main/java/org/parlab");
    /** A reference to another package of the library: an import, or a qualified name in code. */
    private static final Pattern REFERENCE = Pattern.compile("org\\.parlab\\.([a-z]+)\\.|org\\.parlab\\.[A-Z]");

    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = ROOT.relativize(f.getParent()).toString().replace('/', '.');
                String pkg = from.isEmpty() ? "(root)" : from;
                Set<String> to = g.computeIfAbsent(pkg, k -> new TreeSet<>());
                String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String target = m.group(1) == null ? "(root)" : m.group(1);
                    if (!target.equals(pkg)) {
                        to.add(target);
                    }
                }
            }
        }
        g.values().forEach(s -> s.retainAll(g.keySet()));
        return g;
    }

    @Test
    void nothingImportsTheExtensionAndTheBridgeImportsNothing() throws IOException {
        Map<String, Set<String>> g = graph();
        assertTrue(g.containsKey("kernel") && g.containsKey("display"), g.keySet().toString());
        List<String> users = g.entrySet().stream().filter(e -> e.getValue().contains("kernel")).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), users, "packages that import the extension package");
        assertEquals(Set.of(), g.get("display"), "the display bridge must not use the topic packages");
    }

    @Test
    void noPackageCycles() throws IOException {
        Map<String, Set<String>> g = graph();
        List<String> cycles = new ArrayList<>();
        for (String a : g.keySet()) {
            for (String b : g.get(a)) {
                if (reaches(g, b, a)) {
                    cycles.add(a + " -> " + b);
                }
            }
        }
        assertEquals(List.of(), cycles, "edges on a cycle in " + g);
    }

    @Test
    void everyPackageSaysWhatLivesThere() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String pkg : graph().keySet()) {
            Path dir = pkg.equals("(root)") ? ROOT : ROOT.resolve(pkg.replace('.', '/'));
            if (!Files.isRegularFile(dir.resolve("package-info.java"))) {
                missing.add(pkg);
            }
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    /** The check itself finds a cycle. */
    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> g = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertTrue(reaches(g, "b", "a"));
        assertTrue(!reaches(g, "a", "d"));
    }

    private static boolean reaches(Map<String, Set<String>> g, String from, String to) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            String x = todo.pop();
            if (x.equals(to)) {
                return true;
            }
            if (seen.add(x)) {
                todo.addAll(g.getOrDefault(x, Set.of()));
            }
        }
        return false;
    }
}
