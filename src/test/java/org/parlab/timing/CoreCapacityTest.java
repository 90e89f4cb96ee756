package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

/**
 * {@link CoreCapacity}. Hyperthread siblings cannot be arranged from inside a virtual machine, so the test
 * withholds a core another way the guest's counters do not show as other programs' work: a CPU control group
 * with a quota of one core (Linux cgroup v1, as root). The calling thread joins the group, and the threads it
 * starts inherit it; the processors Java sees are unchanged. (The check gate built on it:
 * {@code ExpectationTest}.)
 */
class CoreCapacityTest {
    private static final Path CPU_V1 = Path.of("/sys/fs/cgroup/cpu");

    /** Runs {@code body} on this thread inside a fresh CPU group allowed one core (5 ms every 5 ms). */
    static <T> T withOneCoreQuota(Callable<T> body) throws Exception {
        assumeTrue(Files.isWritable(CPU_V1.resolve("cgroup.procs")), "needs a writable cgroup v1 cpu hierarchy");
        Path group = CPU_V1.resolve("parlab-capacity-test-" + ProcessHandle.current().pid());
        Files.createDirectories(group);
        String thread = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        try {
            Files.writeString(group.resolve("cpu.cfs_period_us"), "5000");
            Files.writeString(group.resolve("cpu.cfs_quota_us"), "5000");
            Files.writeString(group.resolve("tasks"), thread);
            try {
                return body.call();
            } finally {
                Files.writeString(CPU_V1.resolve("tasks"), thread);
            }
        } finally {
            Files.delete(group);
        }
    }

    @Test
    void oneThreadGetsOneCore() {
        CoreCapacity c = CoreCapacity.measure(1);
        assertEquals(1, c.threads());
        assertEquals(1.0, c.cores(), 0.35, c.toString()); // alone and "together" are the same work on one thread
        assertTrue(c.aloneMs() > 0 && c.togetherMs() > 0, c.toString());
    }

    @Test
    void twoThreadsGetOneCoreUnderAOneCoreQuota() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 processors");
        // rounds of ~0.1 s: a quota is enforced every 5 ms, smooth only over many periods
        CoreCapacity limited = withOneCoreQuota(() -> CoreCapacity.measure(2, CoreCapacity.Work.DEPENDENT, 80_000_000));
        // one core's worth: together takes about twice as long as alone
        assertTrue(limited.cores() < 1.3, limited.toString());
        assertTrue(limited.toString().startsWith("2 threads of dependent multiply-adds got "), limited.toString());
    }

    /** Another thread of this JVM that keeps a core busy is seen, by name, as the kernel's own use. */
    @Test
    void aBusyThreadOfThisJvmIsCountedAsTheKernelsOwnUse() throws Exception {
        withBusyNeighbour(() -> {
            CoreCapacity c = CoreCapacity.measure(1, CoreCapacity.Work.DEPENDENT, 40_000_000);
            assertTrue(c.kernelCores() > 0.5, c.toString()); // the neighbour spins for the whole measurement
            assertTrue(c.busiest().contains("busy-neighbour"), c.toString());
            assertTrue(c.toString().contains("other threads of this kernel"), c.toString());
        });
    }

    /** A measurement that shared the cores with the kernel's own threads says so, from 0.3 of a core on. */
    @Test
    void sharedWithKernelFromAThirdOfACore() {
        assertTrue(new CoreCapacity(CoreCapacity.Work.DEPENDENT, 2, 1.2, 8, 13, 2, 0.3, "C2 CompilerThre")
                .sharedWithKernel());
        assertFalse(new CoreCapacity(CoreCapacity.Work.DEPENDENT, 2, 1.9, 8, 8.4, 2, 0.29, "").sharedWithKernel());
    }

    /** Two threads cannot get 2.6 cores: such a reading was disturbed, and says why; a sound one is not. */
    @Test
    void aReadingAboveTheThreadsIsDisturbed() {
        CoreCapacity high = new CoreCapacity(CoreCapacity.Work.INDEPENDENT, 2, 2.6, 21, 16.5, 1.7, 0.2, "");
        assertFalse(high.plausible());
        assertTrue(high.disturbance().orElseThrow().contains("2.6 cores for 2 threads"), high.disturbance().toString());
        CoreCapacity shared = new CoreCapacity(CoreCapacity.Work.INDEPENDENT, 2, 1.6, 14, 17.6, 1.4, 0.5, "C2 CompilerThre");
        assertTrue(shared.disturbance().orElseThrow().contains("C2 CompilerThre"), shared.disturbance().toString());
        CoreCapacity sound = new CoreCapacity(CoreCapacity.Work.INDEPENDENT, 2, 2.15, 18, 16.7, 1.9, 0.1, "");
        assertTrue(sound.plausible(), "2.15 of 2 is within timer noise");
        assertTrue(sound.disturbance().isEmpty());
    }

    /** A neighbour that never stops is still there after the re-measurements: the last one says so. */
    @Test
    void aMeasurementSharedWithTheKernelIsRetriedAndReported() throws Exception {
        withBusyNeighbour(() -> {
            CoreCapacity c = CoreCapacity.measure(1, CoreCapacity.Work.DEPENDENT);
            assertTrue(c.sharedWithKernel(), c.toString());
            assertTrue(c.busiest().contains("busy-neighbour"), c.toString());
        });
    }

    @Test
    void independentArithmeticIsMeasuredAndNamed() {
        CoreCapacity c = CoreCapacity.measure(1, CoreCapacity.Work.INDEPENDENT);
        assertEquals(CoreCapacity.Work.INDEPENDENT, c.work());
        assertEquals(1.0, c.cores(), 0.35, c.toString());
        assertTrue(c.aloneMs() > 0.5, c.toString()); // the JIT kept the work: it takes milliseconds
        assertTrue(c.toString().startsWith("1 thread of independent floating-point arithmetic got "), c.toString());
        assertThrows(IllegalArgumentException.class, () -> CoreCapacity.measure(1, null));
    }

    @Test
    void badThreadCountsAreNamed() {
        int cpus = Runtime.getRuntime().availableProcessors();
        for (int bad : new int[] {0, -1, cpus + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoreCapacity.measure(bad));
            assertTrue(e.getMessage().contains("threads") && e.getMessage().contains(Integer.toString(bad)),
                    e.getMessage());
        }
    }

    /** Runs {@code check} while another thread of this JVM, {@code busy-neighbour}, keeps a core busy. */
    private static void withBusyNeighbour(Runnable check) throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread busy = new Thread(() -> {
            long s = 1;
            while (!stop.get()) {
                s = s * 6364136223846793005L + 1;
            }
            new Blackhole().consume(s);
        }, "busy-neighbour");
        busy.setDaemon(true);
        busy.start();
        try {
            check.run();
        } finally {
            stop.set(true);
            busy.join();
        }
    }
}
