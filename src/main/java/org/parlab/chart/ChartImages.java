package org.parlab.chart;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/** Turns any XChart chart into PNG bytes (headless) and a one-line text description. */
public final class ChartImages {
    private ChartImages() {
    }

    /**
     * The chart as a PNG image.
     *
     * @throws IllegalArgumentException if {@code chart} is null
     */
    public static byte[] png(Chart<?, ?> chart) {
        if (chart == null) {
            throw new IllegalArgumentException("chart must not be null");
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart as PNG", e);
        }
    }

    /** A one-line description, the text fallback shown where images cannot be. */
    public static String describe(Chart<?, ?> chart) {
        if (chart == null) {
            throw new IllegalArgumentException("chart must not be null");
        }
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "untitled" : chart.getTitle();
        return chart.getClass().getSimpleName() + " '" + title + "' (" + chart.getWidth() + "×" + chart.getHeight()
                + ", series: " + String.join(", ", chart.getSeriesMap().keySet()) + ")";
    }
}
