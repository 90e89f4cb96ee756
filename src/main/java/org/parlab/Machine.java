package org.parlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.parlab.timing.MachineLoad;

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
 * @param onlineCpus    CPUs the operating system has online (a container's CPU quota does not change them),
 *                      or -1 if unknown
 * @param cpuQuota      the container's CPU quota in CPUs (e.g. 1.5) where it is below the online CPUs and
 *                      the kernel's launcher sized the native pools to it, else {@code NaN}
 */
public record Machine(String javaVersion, String javaVendor, String os, String arch, String cpuModel, int cores,
                      long maxHeapBytes, long physicalBytes, int onlineCpus, double cpuQuota) {

    /** A machine whose online CPUs and quota are not known (tests, other platforms). */
    public Machine(String javaVersion, String javaVendor, String os, String arch, String cpuModel, int cores,
                   long maxHeapBytes, long physicalBytes) {
        this(javaVersion, javaVendor, os, arch, cpuModel, cores, maxHeapBytes, physicalBytes, -1, Double.NaN);
    }

    /** Reads the current machine. */
    public static Machine current() {
        long physical = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return new Machine(Runtime.version().toString(), System.getProperty("java.vendor", "unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), readCpuModel(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(), physical, readOnlineCpus(), readQuota());
    }

    /**
     * True when the container's CPU quota is below the CPUs online: the JVM then sees the quota as its cores,
     * while native libraries that count online CPUs would start a thread for each of them (the kernel's
     * launcher, {@code kernel/launch.sh}, sizes OpenBLAS's and OpenMP's pools to the quota for that reason).
     */
    public boolean quotaLimited() {
        return Double.isFinite(cpuQuota);
    }

    private static double readQuota() {
        String q = System.getenv("PARLAB_CPU_QUOTA");
        try {
            double v = q == null ? Double.NaN : Double.parseDouble(q.trim());
            return v > 0 ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Counts the CPUs in /sys/devices/system/cpu/online ("0-1,4" is three), or -1. */
    static int readOnlineCpus() {
        try {
            return parseCpuList(Files.readString(Path.of("/sys/devices/system/cpu/online")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static int parseCpuList(String list) {
        int n = 0;
        for (String part : list.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            n += range.length == 1 ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        }
        return n;
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
                        "cores", "max heap", "memory", "CPUs online", "CPU quota")),
                StringColumn.create("value", List.of(javaVersion, javaVendor, os, arch, cpuModel,
                        Integer.toString(cores), gib(maxHeapBytes), physicalBytes < 0 ? "unknown" : gib(physicalBytes),
                        onlineCpus < 0 ? "unknown" : Integer.toString(onlineCpus),
                        quotaLimited() ? String.format(Locale.ROOT, "%.2f CPUs (native pools sized to %d)", cpuQuota,
                                (int) Math.ceil(cpuQuota)) : "none below the CPUs online")));
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
