package org.parlab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Test helper shared by the chart and kernel tests: decodes PNG bytes and asserts the image is a real chart
 * (right size, many colours, a fair share of non-white and of coloured pixels), and writes previews.
 */
public final class PngAssertions {
    /** The 8-byte PNG signature. */
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngAssertions() {
    }

    /** Pixel statistics of an image. */
    public record Stats(int width, int height, int distinctColours, double nonWhiteFraction,
                        double colouredFraction) {
    }

    /** Decodes {@code png} (asserting the PNG signature) and returns the image. */
    public static BufferedImage decode(byte[] png) {
        assertNotNull(png, "png bytes");
        assertTrue(png.length > SIGNATURE.length, "png has only " + png.length + " bytes");
        for (int i = 0; i < SIGNATURE.length; i++) {
            assertEquals(SIGNATURE[i], png[i], "PNG signature byte " + i);
        }
        try {
            BufferedImage img = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(img, "ImageIO could not decode the PNG");
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts colours and non-white / saturated ("coloured") pixels. */
    public static Stats stats(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        long coloured = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r < 245 || g < 245 || b < 245) {
                    nonWhite++;
                }
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        double n = (double) img.getWidth() * img.getHeight();
        return new Stats(img.getWidth(), img.getHeight(), colours.size(), nonWhite / n, coloured / n);
    }

    /**
     * Asserts {@code png} decodes to a {@code width}×{@code height} image that is clearly a drawn chart: many
     * distinct colours (text anti-aliasing, axes, data), at least 3 % non-white pixels and at least 0.2 %
     * strongly coloured pixels (the series themselves; axes and text are grey).
     */
    public static Stats assertChartImage(byte[] png, int width, int height) {
        BufferedImage img = decode(png);
        assertEquals(width, img.getWidth(), "image width");
        assertEquals(height, img.getHeight(), "image height");
        Stats s = stats(img);
        assertTrue(s.distinctColours() >= 32, "too few distinct colours for a chart: " + s);
        assertTrue(s.nonWhiteFraction() >= 0.03, "image is almost blank: " + s);
        assertTrue(s.nonWhiteFraction() <= 0.995, "image is almost uniformly filled: " + s);
        assertTrue(s.colouredFraction() >= 0.002, "no coloured data series drawn: " + s);
        return s;
    }

    /** Writes {@code png} to {@code target/chart-previews/<name>.png} for a person to look at. */
    public static Path writePreview(String name, byte[] png) {
        Path dir = previewDir();
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code target/chart-previews} under the Maven base directory (or the working directory). */
    public static Path previewDir() {
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(base, "target", "chart-previews");
    }
}
