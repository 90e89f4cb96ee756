package org.parlab.timing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much processor time the whole JVM process used while a block ran, next to the wall-clock time: the
 * JVM's view of what {@code top} or {@code btop} shows. A CPU/wall ratio of 2 means two cores were busy on
 * average; it counts every thread of the process, native BLAS threads included. Child processes the block
 * started and waited for are counted apart, in {@code childrenMs}: their CPU time is not the JVM's.
 *
 * <p>On Linux the process's CPU times come in clock ticks (10 ms), so a block shorter than some hundreds of
 * milliseconds reads them coarsely; the wall time is exact.
 *
 * @param wallMs          elapsed time of the block
 * @param cpuMs           processor time of the whole process (user + system) during the block
 * @param systemMs        the part spent in the operating system's kernel (waking and switching threads,
 *                        yielding, page faults), NaN where the OS does not tell (it does on Linux)
 * @param childrenMs      processor time (user + system) of the child processes that ended and were waited
 *                        for during the block, from {@code /proc/self/stat}; NaN where the OS does not tell
 * @param contextSwitches times the process's threads were switched off a core, or -1 where unknown; threads
 *                        that ended during the block are not counted
 * @param cores           processors available to the JVM
 */
public record CpuUse(double wallMs, double cpuMs, double systemMs, double childrenMs, long contextSwitches, int cores) {

    /** Runs {@code block} once and measures it. */
    public static CpuUse measure(Runnable block) {
        if (block == null) {
            throw new IllegalArgumentException("block must not be null");
        }
        MeasurementWindow.mark();
        long switches0 = contextSwitchCount();
        double[] ticks0 = userSystemTicks();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        block.run();
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        double[] ticks1 = userSystemTicks();
        long switches1 = contextSwitchCount();
        double wall = (t1 - t0) / 1e6;
        double cpu = cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e6;
        double system = Double.NaN;
        double children = Double.NaN;
        if (ticks0 != null && ticks1 != null) {
            double user = ticks1[0] - ticks0[0];
            double sys = ticks1[1] - ticks0[1];
            // split the process's CPU time in the ratio of /proc's user and system ticks
            system = user + sys > 0 && !Double.isNaN(cpu) ? cpu * sys / (user + sys) : 0.0;
            children = (ticks1[2] - ticks0[2]) * 1000.0 / TICKS_PER_SECOND;
        }
        long switches = switches0 < 0 || switches1 < 0 ? -1 : Math.max(0, switches1 - switches0);
        return new CpuUse(wall, cpu, system, children, switches, Runtime.getRuntime().availableProcessors());
    }

    /** Average number of busy cores: CPU time / wall time. */
    public double cpuPerWall() {
        return cpuMs / wallMs;
    }

    /**
     * Average number of cores the block's child processes kept busy: their CPU time / wall time. Two
     * processes that ran side by side for the whole block give about 2, the same two run one after the
     * other about 1; NaN where the OS does not tell.
     */
    public double childrenPerWall() {
        return childrenMs / wallMs;
    }

    /** {@link #cpuPerWall()} as a fraction of the cores. */
    public double utilization() {
        return cpuPerWall() / cores;
    }

    /** Fraction of the CPU time spent in the OS kernel, NaN if unknown. */
    public double systemShare() {
        return cpuMs > 0 ? systemMs / cpuMs : Double.NaN;
    }

    /** Context switches per second of wall time, NaN if unknown. */
    public double contextSwitchesPerSecond() {
        return contextSwitches < 0 ? Double.NaN : contextSwitches / (wallMs / 1e3);
    }

    @Override
    public String toString() {
        String own = String.format(Locale.ROOT, "%.0f ms wall, %.0f ms CPU (%.2f cores busy of %d, %.0f%% in the OS kernel)",
                wallMs, cpuMs, cpuPerWall(), cores, 100 * systemShare());
        return childrenMs > 0
                ? own + String.format(Locale.ROOT, ", child processes %.0f ms CPU (%.2f cores)", childrenMs, childrenPerWall())
                : own;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux the JVM runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /**
     * User and system clock ticks of the process, and of its waited-for children together, from
     * /proc/self/stat (fields 14-17: utime, stime, cutime, cstime), or null.
     */
    private static double[] userSystemTicks() {
        Path stat = Path.of("/proc/self/stat");
        if (!Files.isReadable(stat)) {
            return null;
        }
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new double[] {Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Sum of voluntary and involuntary context switches over the process's live threads, or -1. */
    private static long contextSwitchCount() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long sum = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we read it
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }
}
