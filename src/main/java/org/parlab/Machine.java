package org.parlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The machine a notebook runs on, as the JVM sees it. Every timing in the course depends on these numbers,
 * so lessons scale their sizes with them and print them next to results.
 *
 * @param javaVersion   Java version, e.g. {@code 17.0.15+6}
 * @param javaVendor    who built the JVM
 * @param os            operating system name and version
 * @param arch          CPU architecture as Java names it, e.g. {@code amd64}
 * @param cpuModel      CPU model name where the OS tells it, else {@code "unknown"}
 * @param cores         processors available to the JVM (respects container limits)
 * @param maxHeapBytes  the heap cap ({@code -Xmx})
 * @param physicalBytes memory of the machine or container, or -1 if unknown
 */
public record Machine(String javaVersion, String javaVendor, String os, String arch, String cpuModel, int cores,
                      long maxHeapBytes, long physicalBytes) {

    /** Reads the current machine. */
    public static Machine current() {
        long physical = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return new Machine(Runtime.version().toString(), System.getProperty("java.vendor", "unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), readCpuModel(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(), physical);
    }

    /**
     * Cores nothing else is using right now: this JVM's cores minus those other processes kept busy over the
     * last 250 ms (see {@link MachineLoad}). On a quiet two-core machine about 2; with a browser or another
     * notebook spinning, about 1. Where the OS does not tell (no {@code /proc}), all cores.
     */
    public static double freeCores() {
        return MachineLoad.measure(java.time.Duration.ofMillis(250)).freeCores();
    }

    /** Java's feature version, e.g. 17. */
    public int javaFeature() {
        return Runtime.version().feature();
    }

    /** A two-column table (property, value) for display. */
    public Table toTable() {
        return Table.create("machine",
                StringColumn.create("property", List.of("Java", "JVM vendor", "OS", "architecture", "CPU",
                        "cores", "max heap", "memory")),
                StringColumn.create("value", List.of(javaVersion, javaVendor, os, arch, cpuModel,
                        Integer.toString(cores), gib(maxHeapBytes), physicalBytes < 0 ? "unknown" : gib(physicalBytes))));
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String readCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse("unknown");
            } catch (IOException | UncheckedIOException e) {
                return "unknown";
            }
        }
        return "unknown";
    }
}
