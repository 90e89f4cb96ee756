package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.parlab.Machine;
import org.parlab.check.Expect;
import org.parlab.check.Expectation;

class MachineLoadTest {

    /**
     * Starts a busy loop that is not a descendant of this JVM (its parent shell exits at once, so it is adopted by
     * init): another program, as far as {@link MachineLoad} can tell.
     */
    static ProcessHandle spinElsewhere() throws Exception {
        Process launcher = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' >/dev/null 2>&1 & echo $!")
                .redirectErrorStream(true).start();
        long pid = Long.parseLong(new String(launcher.getInputStream().readAllBytes()).trim());
        launcher.waitFor();
        return ProcessHandle.of(pid).orElseThrow();
    }

    static void stop(ProcessHandle p) throws Exception {
        if (p != null) {
            p.destroyForcibly();
            p.onExit().get();
        }
    }

    /** Another process spinning is counted as others' use; a thread of this JVM spinning is not. */
    @Test
    void tellsOtherProcessesFromThisOne() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "needs /proc");
        double ownSpin;
        AtomicBoolean stop = new AtomicBoolean();
        Thread spinner = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() & 1;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        spinner.start();
        try {
            Thread.sleep(100);
            MachineLoad use = MachineLoad.measure(Duration.ofMillis(500));
            assertTrue(use.measured());
            assertTrue(use.ownCores() >= 0.6, "own spinning thread counted as own: " + use.ownCores());
            ownSpin = use.othersCores();
        } finally {
            stop.set(true);
            spinner.join();
        }
        ProcessHandle other = spinElsewhere();
        try {
            Thread.sleep(100);
            MachineLoad use = MachineLoad.measure(Duration.ofMillis(500));
            // measured in the same run: the other process adds most of a core to others' use
            assertTrue(use.othersCores() >= ownSpin + 0.5,
                    "a spinning process should add a core to others' use: " + use.othersCores() + " vs " + ownSpin
                            + " while this JVM spun");
            assertTrue(use.toString().contains("other processes kept"), use.toString());
        } finally {
            stop(other);
        }
        // a process this JVM started is its own work (a lesson's CPython or worker JVMs), even while it runs
        Process child = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Thread.sleep(100);
            MachineLoad use = MachineLoad.measure(Duration.ofMillis(500));
            assertTrue(use.ownCores() >= 0.5, "a spinning child process counts as own use: " + use);
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void freeCoresNeverExceedsTheCoresOrGoesNegative() {
        double free = Machine.freeCores();
        assertTrue(free >= 0 && free <= Runtime.getRuntime().availableProcessors(), "free cores " + free);
    }

    /** Steal time is the host's: a reading says so, and still counts it as taken. */
    @Test
    void theHostsStealTimeIsNamedAndCountsAsTaken() {
        MachineLoad host = new MachineLoad(Duration.ofMillis(250), 2, 0.5, 0.0, 0.4, true);
        assertTrue(host.toString().startsWith("other processes and the host kept 0.5 of 2 cores busy, 0.4 of them"
                + " the host's steal time"), host.toString());
        assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()) - 0.5, host.freeCores(), 1e-9);
        MachineLoad browser = new MachineLoad(Duration.ofMillis(250), 2, 0.5, 0.0, true);
        assertEquals("other processes kept 0.5 of 2 cores busy (measured over 250 ms)", browser.toString());
        MachineLoad now = MachineLoad.measure(Duration.ofMillis(50));
        assertTrue(now.stealCores() >= 0 && now.stealCores() <= now.othersCores() + 1e-9, now.toString());
    }

    /**
     * Processes this JVM starts and that end within a quarter of a second (lesson 07's workers) are its own
     * load: a reading must not count a child reaped while the descendants were being listed as another
     * program's.
     */
    @Test
    void shortLivedChildrenCountAsThisProcesssOwn() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")) && Files.isExecutable(Path.of("/bin/sh")), "needs Linux");
        assumeTrue(MachineLoad.measure(Duration.ofMillis(500)).othersCores() < 0.2, "needs a quiet machine");
        MachineLoad.startSampling();
        long end = System.nanoTime() + 3_000_000_000L;
        int started = 0;
        while (System.nanoTime() < end) {
            Process a = new ProcessBuilder("/bin/sh", "-c", "i=0; while [ $i -lt 30000 ]; do i=$((i+1)); done").start();
            Process b = new ProcessBuilder("/bin/sh", "-c", "i=0; while [ $i -lt 30000 ]; do i=$((i+1)); done").start();
            a.waitFor();
            b.waitFor();
            started += 2;
        }
        MachineLoad busiest = MachineLoad.busiestRecent(Duration.ofSeconds(3));
        assertTrue(busiest != null && busiest.othersCores() < 0.35, started + " children: " + busiest);
    }

    @Test
    void badWindowsAreNamed() {
        for (Duration d : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-5), Duration.ofMinutes(5)}) {
            var e = assertThrows(IllegalArgumentException.class, () -> MachineLoad.measure(d));
            assertTrue(e.getMessage().startsWith("window "), e.getMessage());
        }
    }

    @Test
    void anExpectationNeedingMoreCoresThanTheMachineHasIsSkipped() {
        int cores = Runtime.getRuntime().availableProcessors();
        Expectation e = Expect.atLeast(1).whenCoresFree(cores + 1);
        assertFalse(e.applies());
        assertEquals("needs " + (cores + 1) + " cores; this machine has " + cores, e.skipReason());
        assertThrows(IllegalArgumentException.class, () -> Expect.atLeast(1).whenCoresFree(0));
        // an expectation already skipped keeps its first reason and measures nothing
        Expectation skipped = Expect.atLeast(1).onlyIf(false, "first reason").whenCoresFree(1);
        assertEquals("first reason", skipped.skipReason());
    }

    /** With another process spinning on every core but one, a claim needing all cores is skipped. */
    @Test
    void aBusyMachineSkipsAClaimThatNeedsAllCores() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "needs /proc");
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(cores >= 2, "needs 2 cores");
        ProcessHandle[] others = new ProcessHandle[cores - 1];
        try {
            for (int i = 0; i < others.length; i++) {
                others[i] = spinElsewhere();
            }
            Thread.sleep(100);
            Expectation e = Expect.atLeast(1).whenCoresFree(cores);
            assertFalse(e.applies(), "should be skipped while " + others.length + " processes spin");
            assertTrue(e.skipReason().contains("other processes kept"), e.skipReason());
        } finally {
            for (ProcessHandle p : others) {
                stop(p);
            }
        }
    }

    /**
     * Work that stopped before the check is still seen: processes spin on every core for 1.5 s, stop, and a
     * claim needing all cores checked afterwards is skipped for the busy second in the readings.
     */
    @Test
    void aCheckSeesWhatRanDuringTheMeasurementAfterItStopped() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "needs /proc");
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(cores >= 2, "needs 2 cores");
        MachineLoad.startSampling();
        MachineLoad.startSampling(); // a second call changes nothing
        assertEquals(1, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("parlab-machine-load")).count());
        ProcessHandle[] others = new ProcessHandle[cores];
        MachineLoad during;
        MeasurementWindow.start(1); // closes a window an earlier test left open
        MeasurementWindow.mark();   // the measurement the processes disturb starts now
        try {
            for (int i = 0; i < others.length; i++) {
                others[i] = spinElsewhere();
            }
            during = MachineLoad.measure(Duration.ofMillis(1500));
        } finally {
            for (ProcessHandle p : others) {
                stop(p);
            }
        }
        Thread.sleep(600);
        MachineLoad busiest = MachineLoad.busiestRecent(Duration.ofSeconds(20));
        assertTrue(busiest != null && busiest.othersCores() >= 0.7 * during.othersCores(),
                "the busiest second should show the spinning processes: " + busiest + " vs " + during);
        Expectation e = Expect.atLeast(1).whenCoresFree(cores);
        assertFalse(e.applies(), "should be skipped: " + cores + " processes spun 0.6 s ago (" + during + ")");
        assertTrue(e.skipReason().contains("during or just before the measurement") || e.skipReason().contains("other processes kept"),
                e.skipReason());
        assertThrows(IllegalArgumentException.class, () -> MachineLoad.busiestRecent(Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class, () -> MachineLoad.busiestRecent(null));
    }

    /**
     * A measurement is judged by its own load: a one-second burst of another process on one core inside a
     * measurement of 8 s leaves its busiest quarter (2 s) with half a core taken at most, while the same burst
     * fills the busiest second of a measurement of 1.5 s.
     */
    @Test
    void aShortBurstWeighsByTheMeasurementsLength() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "needs /proc");
        assumeTrue(MachineLoad.measure(Duration.ofMillis(500)).othersCores() < 0.2, "needs a quiet machine");
        MachineLoad.startSampling();
        MeasurementWindow.start(1);
        MeasurementWindow.mark();
        Thread.sleep(3500);
        ProcessHandle burst = spinElsewhere();
        Thread.sleep(1000);
        stop(burst);
        Thread.sleep(3500);
        MachineLoad longOne = MachineLoad.busiestOfMeasurement(Duration.ofSeconds(30));
        assertTrue(longOne != null && longOne.window().toMillis() >= 1900, String.valueOf(longOne));
        assertTrue(longOne.othersCores() < 0.75, "a 1 s burst in the busiest 2 s: " + longOne);
        MeasurementWindow.mark();
        burst = spinElsewhere();
        Thread.sleep(1000);
        stop(burst);
        Thread.sleep(500);
        MachineLoad shortOne = MachineLoad.busiestOfMeasurement(Duration.ofSeconds(30));
        assertTrue(shortOne != null && shortOne.othersCores() > 0.6, "the same burst fills a short measurement: " + shortOne);
    }
}
