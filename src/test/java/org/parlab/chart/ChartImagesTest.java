package org.parlab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartImagesTest {

    private static XYChart xyChart(String title) {
        XYChart c = new XYChartBuilder().width(500).height(300).title(title).xAxisTitle("x").yAxisTitle("y").build();
        c.addSeries("squares", new double[]{1, 2, 3, 4, 5}, new double[]{1, 4, 9, 16, 25});
        c.addSeries("cubes", new double[]{1, 2, 3, 4, 5}, new double[]{1, 8, 27, 64, 125});
        return c;
    }

    @Test
    void pngOfAPlainXYChartIsARealImage() {
        byte[] png = ChartImages.png(xyChart("powers"));
        PngAssertions.assertChartImage(png, 500, 300);
        PngAssertions.writePreview("chartimages-xychart", png);
    }

    @Test
    void pngOfACategoryChartIsARealImage() {
        CategoryChart c = new CategoryChartBuilder().width(400).height(250).title("bars").build();
        c.addSeries("ms", List.of("a", "b", "c"), List.of(3, 1, 2));
        byte[] png = ChartImages.png(c);
        PngAssertions.assertChartImage(png, 400, 250);
        PngAssertions.writePreview("chartimages-categorychart", png);
    }

    @Test
    void pngOfNullIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartImages.png(null));
        assertEquals("chart must not be null", e.getMessage());
    }

    @Test
    void describeNamesTypeTitleSizeAndSeries() {
        assertEquals("XYChart 'powers' (500×300, series: squares, cubes)", ChartImages.describe(xyChart("powers")));
    }

    @Test
    void describeCallsAChartWithoutTitleUntitled() {
        assertEquals("XYChart 'untitled' (500×300, series: squares, cubes)", ChartImages.describe(xyChart("")));
        assertEquals("XYChart 'untitled' (500×300, series: squares, cubes)", ChartImages.describe(xyChart("  ")));
    }

    @Test
    void describeOfAPlotChart() {
        String d = ChartImages.describe(Plot.bar(List.of(new PlotTest.Run("a", 1.0)), "method", "msPerCall")
                .title("cost").chart());
        assertEquals("CategoryChart 'cost' (720×420, series: msPerCall)", d);
    }

    @Test
    void describeOfNullThrows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartImages.describe(null));
        assertEquals("chart must not be null", e.getMessage());
    }
}
