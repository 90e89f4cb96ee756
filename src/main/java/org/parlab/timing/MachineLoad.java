package org.parlab.timing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * How many cores other processes keep busy, measured from the operating system's counters: the busy time of
 * the CPUs this JVM may run on ({@code /proc/stat}) minus the CPU time of this JVM and of the processes it started
 * ({@code /proc/self/stat} and its descendants'),
 * over a short window. A claim such as "two threads run twice as fast" needs two idle cores; a browser, a
 * second notebook or a CI neighbour can take one away, and {@link org.parlab.Machine#freeCores()} tells.
 *
 * <p>A check made after a measurement can look back too: {@link #startSampling()} (the ParLab kernel calls it at
 * start) keeps a reading every 250 ms, and {@link #busiestRecent(Duration)} gives the busiest second of the
 * last minutes. A second program that ran for two seconds in the middle of a measurement and stopped before
 * the check is then still seen.
 *
 * @param window        how long it measured
 * @param cpus          CPUs this process may run on (its affinity set)
 * <p>In a virtual machine part of that busy time can be the host's: <em>steal time</em>, when the host runs
 * something else on the physical core behind a vCPU that had work to do. No process of this machine used it,
 * yet the cores were not there; it counts as taken, and {@link #stealCores()} tells how much of it was the
 * host's.
 *
 * @param othersCores   average cores kept busy by everything except this JVM and its child processes,
 *                      the host's steal time included
 * @param ownCores      average cores used by this JVM and its child processes during the window
 * @param stealCores    the part of {@code othersCores} that was steal time (0 outside virtual machines)
 * @param measured      false where the counters are not readable (not Linux): then the averages are 0
 */
public record MachineLoad(Duration window, int cpus, double othersCores, double ownCores, double stealCores,
                          boolean measured) {

    /** A reading without steal time. */
    public MachineLoad(Duration window, int cpus, double othersCores, double ownCores, boolean measured) {
        this(window, cpus, othersCores, ownCores, 0, measured);
    }

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    private static final Path SELF_STATUS = Path.of("/proc/self/status");

    /**
     * Measures for {@code window} (sleeping meanwhile).
     *
     * @param window between 10 ms and 10 s
     * @throws IllegalArgumentException if {@code window} is null or outside that range
     */
    public static MachineLoad measure(Duration window) {
        if (window == null || window.compareTo(Duration.ofMillis(10)) < 0 || window.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("window must be between 10 ms and 10 s, got " + window);
        }
        BitSet allowed = allowedCpus();
        long[] before = counters(allowed);
        long t0 = System.nanoTime();
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long[] after = counters(allowed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (before == null || after == null) {
            return new MachineLoad(window, cpuCount(allowed), 0, 0, 0, false);
        }
        return fromTicks(window, cpuCount(allowed), after[0] - before[0], after[1] - before[1],
                after[2] - before[2], seconds);
    }

    private static final double TICKS_PER_SECOND = 100; // USER_HZ: the unit of /proc/stat and /proc/PID/stat

    /**
     * The load over {@code seconds} in which the allowed CPUs were busy for {@code busyTicks} (steal time
     * included), of which {@code stealTicks} were the host's, and this JVM used {@code ownTicks}.
     */
    private static MachineLoad fromTicks(Duration window, int cpus, long busyTicks, long ownTicks, long stealTicks,
                                         double seconds) {
        double busy = busyTicks / TICKS_PER_SECOND / seconds;
        double own = ownTicks / TICKS_PER_SECOND / seconds;
        double others = Math.max(0, busy - own);
        return new MachineLoad(window, cpus, others, own, Math.min(others, stealTicks / TICKS_PER_SECOND / seconds),
                true);
    }

    private static int cpuCount(BitSet allowed) {
        return allowed == null ? Runtime.getRuntime().availableProcessors() : allowed.cardinality();
    }

    private static final long SAMPLE_MS = 250;
    private static final int HISTORY = 1200; // 5 minutes of readings
    private static final long[][] RING = new long[HISTORY][]; // {nanoTime, busy, own, steal jiffies}
    private static int next;
    private static int filled;
    private static Thread sampler;

    /**
     * Starts keeping a reading every 250 ms in a daemon thread ({@code parlab-machine-load}; about 0.6 ms of CPU
     * per reading, most of it finding the processes it started), so that {@link #busiestRecent} can look back. Calling it again does nothing.
     */
    public static synchronized void startSampling() {
        if (sampler != null) {
            return;
        }
        BitSet allowed = allowedCpus();
        sampler = new Thread(() -> {
            while (true) {
                long[] c = counters(allowed);
                if (c != null) {
                    synchronized (RING) {
                        RING[next] = new long[] {System.nanoTime(), c[0], c[1], c[2]};
                        next = (next + 1) % HISTORY;
                        filled = Math.min(HISTORY, filled + 1);
                    }
                }
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parlab-machine-load");
        sampler.setDaemon(true);
        sampler.start();
    }

    /**
     * The busiest second (for other processes) within the last {@code lookback}, from the readings kept since
     * {@link #startSampling()}; {@code null} when sampling is off or has not covered a second yet.
     *
     * @param lookback between 1 s and 5 min
     * @throws IllegalArgumentException if {@code lookback} is null or outside that range
     */
    public static MachineLoad busiestRecent(Duration lookback) {
        requireLookback("lookback", lookback);
        long now = System.nanoTime();
        return busiestOver(now - lookback.toNanos(), now, 1_000_000_000L);
    }

    /**
     * The busiest stretch of the measurement a check is about to judge: the window from the first
     * {@link MeasurementWindow#mark() mark} after the previous judgement to now (at most
     * {@code atMost}, at least a second), in stretches of a quarter of it but at least a second; {@code null}
     * when sampling is off or has not covered a second. Without a mark within {@code atMost}: the busiest
     * second of the last {@code atMost}, as {@link #busiestRecent}. A measurement made of many rounds, compared by
     * medians, shrugs off load that covers less than half of its rounds; the quarter keeps a margin, and a
     * short measurement, which one burst can cover whole, is judged by its busiest second. Closes the window.
     *
     * @param atMost between 1 s and 5 min
     * @throws IllegalArgumentException if {@code atMost} is null or outside that range
     */
    public static MachineLoad busiestOfMeasurement(Duration atMost) {
        requireLookback("atMost", atMost);
        long now = System.nanoTime();
        java.util.OptionalLong start = MeasurementWindow.start(atMost.toNanos());
        if (start.isEmpty()) { // nothing marked: the busiest second of the whole stretch, as busiestRecent
            return busiestOver(now - atMost.toNanos(), now, 1_000_000_000L);
        }
        long from = Math.min(start.getAsLong(), now - 1_000_000_000L);
        return busiestOver(from, now, Math.max(1_000_000_000L, (now - from) / 4));
    }

    private static void requireLookback(String name, Duration d) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(name + " must be between 1 s and 5 min, got " + d);
        }
    }

    /** The busiest stretch of {@code stretchNs} (for other processes) of the readings from {@code from} on. */
    private static MachineLoad busiestOver(long from, long now, long stretchNs) {
        long[][] readings;
        synchronized (RING) {
            readings = new long[filled][];
            for (int i = 0; i < filled; i++) { // oldest first
                readings[i] = RING[(next - filled + i + HISTORY) % HISTORY];
            }
        }
        int cpus = cpuCount(allowedCpus());
        MachineLoad busiest = null; // stays null without a whole stretch of readings in the window
        int j = 0;
        for (int i = 0; i < readings.length; i++) {
            if (readings[i][0] < from) {
                continue;
            }
            j = Math.max(j, i);
            while (j < readings.length && readings[j][0] - readings[i][0] < stretchNs) {
                j++;
            }
            if (j == readings.length) {
                break;
            }
            MachineLoad stretch = fromTicks(Duration.ofNanos(stretchNs), cpus, readings[j][1] - readings[i][1],
                    readings[j][2] - readings[i][2], readings[j][3] - readings[i][3],
                    (readings[j][0] - readings[i][0]) / 1e9);
            if (busiest == null || stretch.othersCores() > busiest.othersCores()) {
                busiest = stretch;
            }
        }
        return busiest;
    }

    /** Cores of this process's share that nothing else is using: {@code min(cpus, available) − othersCores}. */
    public double freeCores() {
        return Math.max(0, Math.min(cpus, Runtime.getRuntime().availableProcessors()) - othersCores);
    }

    /**
     * E.g. {@code "other processes kept 1.0 of 2 cores busy (measured over 250 ms)"}, or with steal time
     * {@code "other processes and the host kept 0.5 of 2 cores busy, 0.4 of them the host's steal time (measured
     * over 250 ms)"}.
     */
    @Override
    public String toString() {
        if (!measured) {
            return "CPU use of other processes not measurable here (no /proc)";
        }
        return describe() + String.format(Locale.ROOT, " (measured over %d ms)", window.toMillis());
    }

    /** The load without the window, e.g. {@code "other processes kept 1.0 of 2 cores busy"}. */
    public String describe() {
        if (stealCores < 0.1) {
            return String.format(Locale.ROOT, "other processes kept %.1f of %d cores busy", othersCores, cpus);
        }
        return String.format(Locale.ROOT, "other processes and the host kept %.1f of %d cores busy, %.1f of them"
                + " the host's steal time (it ran something else on the physical cores behind this machine's vCPUs)",
                othersCores, cpus, stealCores);
    }

    /** [busy jiffies of the allowed CPUs (steal included), this process's jiffies, steal jiffies], or null. */
    private static long[] counters(BitSet allowed) {
        try {
            long busy = 0, steal = 0, totalSteal = 0;
            boolean perCpu = false;
            long total = -1;
            for (String line : Files.readAllLines(STAT)) {
                if (!line.startsWith("cpu")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                long b = 0;
                // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy
                for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                    if (i != 4 && i != 5) {
                        b += Long.parseLong(f[i]);
                    }
                }
                long st = f.length > 8 ? Long.parseLong(f[8]) : 0;
                if (f[0].equals("cpu")) {
                    total = b;
                    totalSteal = st;
                } else if (allowed != null && allowed.get(Integer.parseInt(f[0].substring(3)))) {
                    busy += b;
                    steal += st;
                    perCpu = true;
                }
            }
            if (!perCpu) {
                busy = total;
                steal = totalSteal;
            }
            // this JVM and the processes it started (a lesson's CPython or JVM workers are not "other programs"):
            // its own time, its ended children's (cutime, cstime), and what its live descendants used so far
            long own = ownTicks();
            return busy < 0 ? null : new long[] {busy, own, steal};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * CPU ticks of this JVM, its reaped children and its live descendants. A child that ends and is reaped
     * while the descendants are listed would be in neither sum (or in both, read the other way round), and
     * its time would show up as another program's in one window: a lesson that starts many short processes
     * (lesson 07's Python workers) would then skip its own claims for "load". So the reaped children's time
     * is read before and after the listing, and the reading is taken again when it changed in between.
     */
    private static long ownTicks() throws IOException {
        long total = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            String before = Files.readString(SELF_STAT);
            long live = 0;
            for (ProcessHandle child : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
                try {
                    live += cpuOf(Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat")));
                } catch (IOException | RuntimeException gone) {
                    // ended in the meantime: its time is in its parent's cutime from now on
                }
            }
            String after = Files.readString(SELF_STAT);
            total = cpuOf(after) + live;
            if (reapedOf(before) == reapedOf(after)) {
                return total;
            }
        }
        return total; // children kept ending: the last reading, off by at most the last one reaped
    }

    /** cutime + cstime (fields 16–17) of a /proc/PID/stat line: the CPU time of reaped children, in ticks. */
    private static long reapedOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** utime + stime + cutime + cstime (fields 14–17) of a /proc/PID/stat line, in clock ticks. */
    private static long cpuOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static BitSet allowedCpus() {
        try {
            List<String> lines = Files.readAllLines(SELF_STATUS);
            for (String line : lines) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    BitSet set = new BitSet();
                    for (String part : line.substring(line.indexOf(':') + 1).trim().split(",")) {
                        String[] range = part.trim().split("-");
                        int lo = Integer.parseInt(range[0]);
                        int hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
                        set.set(lo, hi + 1);
                    }
                    return set.isEmpty() ? null : set;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: count every CPU
        }
        return null;
    }
}
