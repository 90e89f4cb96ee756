package org.parlab.timing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time each thread of this JVM has used so far, by thread name, from {@code /proc/self/task}: the
 * JVM's own threads too (JIT compiler, garbage collector) and native threads (OpenBLAS, OpenMP), which
 * {@link java.lang.management.ThreadMXBean} does not list. Linux keeps the first 15 characters of a name
 * ("C2 CompilerThre"); threads of one name are summed. Clock ticks (USER_HZ, usually 10 ms) of user and
 * system time.
 */
public final class ThreadTicks {
    private ThreadTicks() {
    }

    /** Ticks per thread name so far; empty where {@code /proc/self/task} is not readable (not Linux). */
    public static Map<String, Long> byName() {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return Map.of();
        }
        return ticks;
    }
}
