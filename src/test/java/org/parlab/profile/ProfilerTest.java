package org.parlab.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class ProfilerTest {
    static volatile long sink;

    /** Spins for {@code ms} of wall time. */
    static long spin(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        long x = 1;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }

    // each with its own loop, so that inlining cannot merge them
    static long hotMethod() {
        long end = System.nanoTime() + 4_000_000;
        long x = 3;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                x = x * 2862933555777941757L + 3037000493L;
            }
        }
        return x;
    }

    static long coldMethod() {
        long end = System.nanoTime() + 1_000_000;
        long x = 5;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                x = x * 3202034522624059733L + 1L;
            }
        }
        return x;
    }

    @Test
    void findsTheHotMethodOfASyntheticWorkload() {
        // ≈ 1 s: 800 ms in hotMethod, 200 ms in coldMethod. JFR's sampler is a thread too: on a crowded machine
        // it takes fewer samples, so profile again (up to 3 times) until there are enough to judge 80/20 by
        Profile p = null;
        for (int attempt = 0; attempt < 3 && (p == null || p.sampleCount() < 40); attempt++) {
            p = Profiler.profile(() -> {
                long x = 0;
                for (int i = 0; i < 200; i++) {
                    x += hotMethod();
                    x += coldMethod();
                }
                sink = x;
            });
        }
        Profile profile = p;
        assertTrue(p.sampleCount() >= 20, () -> "only " + profile.sampleCount() + " samples in " + profile.wallMs()
                + " ms");
        double hot = p.share("ProfilerTest.hotMethod", true);
        double cold = p.share("ProfilerTest.coldMethod", true);
        assertTrue(hot > 0.55 && hot > 2 * cold, () -> "hot " + hot + ", cold " + cold + "\n" + profile.hotMethods());
        Table t = p.hotMethods(5);
        assertTrue(t.stringColumn("method").asList().contains("ProfilerTest.hotMethod"), t::print);
        // the profiler's and the test runner's own frames are cut away
        assertTrue(p.samples().stream().flatMap(s -> s.frames().stream())
                .noneMatch(f -> f.type().startsWith("org.junit") || f.type().equals(Recordings.class.getName())),
                () -> profile.samples().get(0).frames().toString());
        Table lines = p.hotLines("hotMethod");
        assertTrue(lines.rowCount() >= 1 && lines.intColumn("line").get(0) > 0, lines::print);
        BufferedImage img = p.flameGraph();
        assertEquals(960, img.getWidth());
        assertTrue(img.getHeight() >= 3 * FlameGraph.ROW);
        assertTrue(p.summary().contains("samples"), p.summary());
    }

    @Test
    void samplesThreadsTheCodeStarts() {
        Profile p = Profiler.profile(() -> {
            Thread t = new Thread(() -> sink = spin(400), "started-by-profiled-code");
            t.start();
            t.join();
            return null;
        });
        assertTrue(p.samples().stream().anyMatch(s -> s.thread().equals("started-by-profiled-code")),
                () -> p.hotMethods().print());
        assertTrue(p.share("ProfilerTest.spin", true) > 0.5, () -> p.hotMethods().print());
    }

    @Test
    void theAllocationCounterSeesAKnownAllocationWithinTenPercent() {
        int mb = 64;
        AllocationProfile a = Allocations.profile(() -> {
            List<byte[]> keep = new ArrayList<>();
            for (int i = 0; i < mb; i++) {
                keep.add(new byte[1 << 20]);
            }
            return keep;
        });
        long expected = (long) mb << 20;
        assertTrue(Math.abs(a.allocatedBytes() - expected) < 0.1 * expected,
                () -> "counted " + a.allocatedBytes() + " bytes, expected about " + expected);
        assertFalse(a.sites().isEmpty(), "no allocation samples");
        assertEquals("byte[]", a.sites().get(0).objectClass(), a.topSites()::print);
        assertTrue(a.sites().get(0).site().startsWith("ProfilerTest.lambda$"), a.topSites()::print);
        assertTrue(a.heapPeakBytes() >= a.heapBeforeBytes());
        assertTrue(a.summary().startsWith("allocated 6"), a.summary());
    }

    private static long parlabRecordings() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> r.getName().equals(Recordings.NAME)).count();
    }

    private static long tempFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith(Recordings.FILE_PREFIX)).count();
        }
    }

    @Test
    void recordingsAreClosedAndFilesDeletedAlsoWhenTheCodeThrows() throws IOException {
        long files = tempFiles();
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Profiler.profile(() -> {
            spin(30);
            throw boom;
        })));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Allocations.profile(() -> {
            throw boom;
        })));
        IllegalStateException wrapped = assertThrows(IllegalStateException.class,
                () -> Profiler.sampling().run(() -> {
                    throw new IOException("disk");
                }));
        assertTrue(wrapped.getMessage().contains("IOException: disk"), wrapped::getMessage);
        Profiler.profile(() -> sink = spin(20));
        assertEquals(0, parlabRecordings(), "a recording was left open");
        assertEquals(files, tempFiles(), "a recording file was left behind");
    }

    @Test
    void badInputIsRefusedWithItsName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Profiler.profile((Code) null))
                .getMessage().contains("code"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Profiler.profile((Runnable) null))
                .getMessage().contains("work"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Profiler.sampling().every(Duration.ZERO)).getMessage().contains("interval"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Profiler.sampling().every(Duration.ofSeconds(5))).getMessage().contains("interval"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Allocations.profile(null))
                .getMessage().contains("code"));
        Profile p = Profiler.profile(() -> sink = spin(50));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.hotMethods(0)).getMessage().contains("top"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.hotLines("noSuchMethod"));
        assertTrue(e.getMessage().contains("noSuchMethod") && e.getMessage().contains("hottest"), e::getMessage);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.hotLines(" ")).getMessage()
                .contains("method"));
    }
}
