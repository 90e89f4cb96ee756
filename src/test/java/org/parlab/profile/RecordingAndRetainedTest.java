package org.parlab.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/** {@link Profiler#read} on a recording made the way a command-line one is, and retained bytes for leaks. */
class RecordingAndRetainedTest {
    static final List<byte[]> LEAK = new ArrayList<>();

    @Test
    void readKeepsTheNamedThreadsSamplesAndTheRecordingsInterval() throws Exception {
        Path file = Files.createTempFile("parlab-read-test-", ".jfr");
        // JFR's "profile" settings, as -XX:StartFlightRecording=settings=profile uses them: samples every 10 ms
        try (Recording rec = new Recording(Configuration.getConfiguration("profile"))) {
            rec.start();
            Thread worker = new Thread(() -> ProfilerTest.spin(600), "read-test-worker");
            worker.start();
            worker.join();
            rec.stop();
            rec.dump(file);
            Profile p = Profiler.read(file, "read-test-worker");
            assertTrue(p.sampleCount() >= 10, "samples of the worker: " + p.sampleCount());
            assertEquals(10, p.intervalMs(), 1e-9);
            assertTrue(p.share("spin", true) > 0.9, p.hotMethods(5).print());
            assertTrue(p.samples().stream().allMatch(s -> s.thread().equals("read-test-worker")));
            assertEquals(0, Profiler.read(file, "no-such-thread").sampleCount());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void readRefusesMissingFilesAndBlankThreads() {
        assertThrows(IllegalArgumentException.class, () -> Profiler.read(Path.of("/no/such/file.jfr"), "main"));
        assertThrows(IllegalArgumentException.class, () -> Profiler.read(null, "main"));
        assertThrows(IllegalArgumentException.class, () -> Profiler.read(Path.of("pom.xml"), " "));
    }

    @Test
    void periodsAreParsedInMilliseconds() {
        assertEquals(20, Profiler.periodMs("20 ms"), 1e-9);
        assertEquals(1000, Profiler.periodMs("1 s"), 1e-9);
        assertTrue(Double.isNaN(Profiler.periodMs("beginChunk")));
        assertTrue(Double.isNaN(Profiler.periodMs(null)));
    }

    @Test
    void retainedBytesGrowWithALeakAndNotWithGarbage() {
        AllocationProfile leak = Allocations.profileRetained(() -> {
            for (int i = 0; i < 80; i++) {
                LEAK.add(new byte[100_000]);
            }
            return null;
        });
        AllocationProfile garbage = Allocations.profileRetained(() -> {
            long s = 0;
            for (int i = 0; i < 80; i++) {
                s += new byte[100_000].length;
            }
            return s;
        });
        LEAK.clear();
        assertTrue(leak.retainedMeasured());
        assertTrue(leak.retainedBytes() > 7_000_000, "retained by the leak: " + leak.retainedBytes());
        assertTrue(garbage.allocatedBytes() >= 8_000_000, "allocated: " + garbage.allocatedBytes());
        assertTrue(garbage.retainedBytes() < 2_000_000, "retained by garbage: " + garbage.retainedBytes());
        assertTrue(leak.summary().contains("retained"), leak.summary());
    }

    @Test
    void aPlainProfileDoesNotMeasureRetainedBytes() {
        AllocationProfile p = Allocations.profile(() -> new byte[1000]);
        assertFalse(p.retainedMeasured());
        assertEquals(AllocationProfile.NOT_MEASURED, p.retainedBytes());
        assertFalse(p.summary().contains("retained"));
    }

    @Test
    void memitWithRunsProfilesEachRunAndKeepsThemAll() {
        List<byte[]> kept = new ArrayList<>();
        Magics.memit(Magics.memitOptions(List.of("-r", "3")), () -> kept.add(new byte[2_000_000]));
        List<AllocationProfile> runs = Magics.lastMemitRuns();
        assertEquals(3, runs.size());
        assertEquals(3, kept.size());
        assertTrue(runs.stream().allMatch(AllocationProfile::retainedMeasured));
        assertTrue(runs.get(2).retainedBytes() > 1_500_000, "retained: " + runs.get(2).retainedBytes());
        Magics.memit(Magics.memitOptions(List.of()), () -> new byte[10]);
        assertEquals(1, Magics.lastMemitRuns().size());
        assertFalse(Magics.lastMemitRuns().get(0).retainedMeasured());
        assertThrows(IllegalArgumentException.class, () -> Magics.memitOptions(List.of("-r", "0")));
    }
}
