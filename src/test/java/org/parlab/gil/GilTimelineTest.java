package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.parlab.chart.ChartImages;

/** The timeline of a run renders headless to a PNG with the lock holds in red. */
class GilTimelineTest {
    private static final Path PREVIEWS = Path.of("target", "chart-previews");
    private static final int HOLD_RGB = 0xD62728;
    private static final int NATIVE_RGB = 0x2CA02C;
    private static final int IO_RGB = 0x1F77B4;

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "ImageIO could not decode the PNG");
        return img;
    }

    /** Pixels within {@code tolerance} of {@code rgb} in every channel. */
    private static int pixelsNear(BufferedImage img, int rgb, int tolerance) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xFF) - r) <= tolerance && Math.abs(((p >> 8) & 0xFF) - g) <= tolerance
                        && Math.abs((p & 0xFF) - b) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    private static BufferedImage render(XYChart chart, String file) throws IOException {
        byte[] png = ChartImages.png(chart);
        BufferedImage img = decode(png);
        assertEquals(chart.getWidth(), img.getWidth());
        assertEquals(chart.getHeight(), img.getHeight());
        Files.createDirectories(PREVIEWS);
        Files.write(PREVIEWS.resolve(file), png);
        return img;
    }

    @Test
    void cpuTimelineShowsTheHoldsInRed() throws IOException {
        GilRun run = Gil.simulate(Workload.cpuBound(Duration.ofMillis(60))).threads(2).run();
        XYChart chart = run.timeline(0, 50);
        assertEquals(760, chart.getWidth());
        assertEquals(130 + 45 * 2, chart.getHeight());
        assertTrue(chart.getSeriesMap().containsKey("holds the lock (interpreted code)"),
                () -> chart.getSeriesMap().keySet().toString());
        assertTrue(chart.getTitle().contains("CPU-bound"), chart::getTitle);
        assertTrue(chart.getTitle().contains("2 threads"), chart::getTitle);

        BufferedImage img = render(chart, "gil-timeline-cpu.png");
        int red = pixelsNear(img, HOLD_RGB, 24);
        assertTrue(red > 500, "expected the red HOLD bars, found " + red + " red pixels");
        assertTrue(Files.size(PREVIEWS.resolve("gil-timeline-cpu.png")) > 0);
    }

    @Test
    void nativeTimelineShowsNativeSectionsInGreen() throws IOException {
        GilRun run = Gil.simulate(Workload.nativeSections(5, Duration.ofMillis(4), Duration.ofMillis(1))).threads(4)
                .run();
        XYChart chart = run.timeline(0, Math.max(1, run.wallMs()));
        assertEquals(130 + 45 * 4, chart.getHeight());
        assertTrue(chart.getSeriesMap().containsKey("native code (lock released)"),
                () -> chart.getSeriesMap().keySet().toString());

        BufferedImage img = render(chart, "gil-timeline-native.png");
        assertTrue(pixelsNear(img, HOLD_RGB, 24) > 50, "red HOLD bars");
        assertTrue(pixelsNear(img, NATIVE_RGB, 24) > 500, "green NATIVE bars");
    }

    @Test
    void ioTimelineShowsIoWaitsInBlue() throws IOException {
        GilRun run = Gil.simulate(Workload.ioBound(4, Duration.ofMillis(5), Duration.ofMillis(1))).threads(3).run();
        XYChart chart = run.timeline(0, Math.max(1, run.wallMs()));
        assertTrue(chart.getSeriesMap().containsKey("waits on I/O (lock released)"),
                () -> chart.getSeriesMap().keySet().toString());
        BufferedImage img = decode(ChartImages.png(chart));
        assertTrue(pixelsNear(img, IO_RGB, 24) > 500, "blue IO bars");
    }

    @Test
    void serialTimelineAndAnEmptyWindowStillRender() throws IOException {
        GilRun serial = Gil.simulate(Workload.cpuBound(Duration.ofMillis(5))).threads(3).runSerially();
        XYChart chart = serial.timeline(0, Math.max(1, serial.wallMs()));
        assertTrue(chart.getTitle().contains("one after another"), chart::getTitle);
        decode(ChartImages.png(chart));

        XYChart empty = serial.timeline(1e6, 2e6); // long after the run ended: no bars
        assertTrue(empty.getSeriesMap().isEmpty(), () -> empty.getSeriesMap().keySet().toString());
        BufferedImage img = decode(ChartImages.png(empty));
        assertEquals(0, pixelsNear(img, HOLD_RGB, 24));
    }
}
