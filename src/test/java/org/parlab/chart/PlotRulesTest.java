package org.parlab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One test per chart rule that {@link Plot} applies by default (see its class comment), each rendering the
 * chart headless and writing a preview to {@code target/chart-previews/rule-*.png}.
 */
class PlotRulesTest {

    record Point(int threads, double speedup, String series, String workload) {
    }

    record Bar(String language, double seconds) {
    }

    private static List<Point> scaling(int seriesCount, int... threads) {
        List<Point> rows = new ArrayList<>();
        for (int k = 0; k < seriesCount; k++) {
            for (int n : threads) {
                rows.add(new Point(n, 1 + (n - 1) * (0.2 + 0.1 * k), "series " + (k + 1), k < 3 ? "cpu" : "io"));
            }
        }
        return rows;
    }

    private static void render(String name, Plot plot, int width, int height) {
        byte[] png = plot.png();
        PngAssertions.assertChartImage(png, width, height);
        PngAssertions.writePreview("rule-" + name, png);
    }

    @Test
    void countAxesGetWholeTickLabelsOnly() {
        Plot p = Plot.line(scaling(2, 1, 2, 4), "threads", "speedup").by("series");
        assertEquals(Plot.XAxis.WHOLE, p.xAxis());
        assertEquals("2", Plot.wholeTick(2.0));
        assertEquals("", Plot.wholeTick(1.5), "no tick label for 1.5 threads");
        assertEquals("", Plot.wholeTick(2.5));
        assertEquals("0", Plot.wholeTick(-0.0));
        render("whole-ticks", p, 720, 420);
        // a measured quantity with fractions keeps XChart's ticks
        record M(double load, double ms) { }
        assertEquals(Plot.XAxis.PLAIN, Plot.line(List.of(new M(0.5, 1), new M(1.5, 2)), "load", "ms").xAxis());
    }

    @Test
    void logCountAxesAreDrawnInPowersOfTwo() {
        Plot p = Plot.line(scaling(2, 1, 2, 4, 8, 16, 32), "threads", "speedup").by("series").logX();
        assertEquals(Plot.XAxis.LOG2, p.xAxis());
        XYChart c = (XYChart) p.chart();
        assertFalse(c.getStyler().isXAxisLogarithmic(), "drawn as log₂ on a linear axis");
        assertEquals(5.0, c.getSeriesMap().get("series 1").getXData()[5], 1e-12);
        assertEquals("32", Plot.powerOfTwoTick(5));
        assertEquals("1", Plot.powerOfTwoTick(0));
        assertEquals("", Plot.powerOfTwoTick(2.5));
        assertTrue(c.getXAxisTitle().endsWith("(log₂ scale)"), c.getXAxisTitle());
        render("log2-ticks", p, 720, 420);
    }

    @Test
    void linearYAxesStartAtZeroUnlessAskedOtherwise() {
        record T(int n, double ms) { }
        List<T> rows = List.of(new T(1, 29.5), new T(2, 30.2), new T(4, 31.0));
        XYChart fromZero = (XYChart) Plot.line(rows, "n", "ms").chart();
        assertEquals(0.0, fromZero.getStyler().getYAxisMin());
        XYChart fromData = (XYChart) Plot.line(rows, "n", "ms").yFromData().chart();
        assertNull(fromData.getStyler().getYAxisMin());
        record D(int n, double delta) { }
        XYChart negative = (XYChart) Plot.line(List.of(new D(1, -2), new D(2, 3)), "n", "delta").chart();
        assertNull(negative.getStyler().getYAxisMin(), "negative data keeps its range");
        render("y-from-zero", Plot.line(rows, "n", "ms"), 720, 420);
    }

    @Test
    void barsOnALogAxisStartAtTheDecadeBelowTheSmallestBar() {
        assertEquals(1.0, Plot.logBarBase(1.7), 1e-12);
        assertEquals(0.5, Plot.logBarBase(1.2), 1e-12, "a bar just above a power of ten would be flat");
        assertEquals(0.5, Plot.logBarBase(1.0), 1e-12, "a ratio of exactly 1 still shows");
        assertEquals(10.0, Plot.logBarBase(35), 1e-12);
        assertEquals(0.01, Plot.logBarBase(0.05), 1e-12);
        List<Bar> ratios = new ArrayList<>();
        String[] langs = {"C++", "Rust", "C", "Fortran", "Julia", "C#", "Go", "JavaScript", "Java", "PHP", "Lua",
            "Ruby", "Python 3", "Perl"};
        double[] x = {1, 1.3, 1.6, 1.7, 1.7, 3.8, 4.5, 4.9, 5, 28, 104, 200, 220, 560};
        for (int i = 0; i < langs.length; i++) {
            ratios.add(new Bar(langs[i], x[i]));
        }
        render("log-bars-ratios", Plot.bar(ratios, "language", "seconds").logY()
                .title("Benchmarks Game mandelbrot, 2022-05: time relative to the fastest program (log scale)")
                .yLabel("× the fastest"), 720, 420);
        List<Bar> bars = List.of(new Bar("C", 1.7), new Bar("Java", 3.9), new Bar("Python", 290));
        CategoryChart c = (CategoryChart) Plot.bar(bars, "language", "seconds").logY().chart();
        assertEquals(1.0, c.getStyler().getYAxisMin(), 1e-12);
        render("log-bars", Plot.bar(bars, "language", "seconds").logY(), 720, 420);
    }

    @Test
    void moreThanFiveSeriesAreSplitIntoPanelsWithOneYRange() {
        Plot nine = Plot.line(scaling(9, 1, 2, 4), "threads", "speedup").by("series");
        assertEquals(2, nine.panelCount(), "9 series: 5 + 4");
        List<Chart<?, ?>> charts = nine.charts();
        assertEquals(5, charts.get(0).getSeriesMap().size());
        assertEquals(4, charts.get(1).getSeriesMap().size());
        XYChart a = (XYChart) charts.get(0);
        XYChart b = (XYChart) charts.get(1);
        assertEquals(a.getStyler().getYAxisMax(), b.getStyler().getYAxisMax(), "the same scale in every panel");
        assertThrows(IllegalStateException.class, nine::chart);
        render("panels-auto", nine, 2 * 560, 360);
        assertEquals(1, Plot.line(scaling(5, 1, 2), "threads", "speedup").by("series").panelCount());
    }

    @Test
    void panelsByAColumnMakeSmallMultiples() {
        Plot p = Plot.line(scaling(5, 1, 2, 4), "threads", "speedup").by("series").panels("workload")
                .title("Speed-up").ideal("ideal: n threads", n -> n);
        assertEquals(2, p.panelCount());
        List<Chart<?, ?>> charts = p.charts();
        assertEquals("Speed-up: cpu", charts.get(0).getTitle());
        assertEquals(3 + 1, charts.get(0).getSeriesMap().size(), "three series and the ideal line");
        assertEquals(2 + 1, charts.get(1).getSeriesMap().size());
        render("panels-by-column", p, 2 * 560, 360);
    }

    @Test
    void theIdealLineRunsThroughEveryXAndIsNotCountedAsASeries() {
        Plot p = Plot.line(scaling(5, 1, 2, 4, 8), "threads", "speedup").by("series")
                .ideal("ideal: min(threads, 4)", n -> Math.min(n, 4));
        assertEquals(1, p.panelCount());
        XYChart c = (XYChart) p.chart();
        assertEquals(6, c.getSeriesMap().size());
        double[] ys = c.getSeriesMap().get("ideal: min(threads, 4)").getYData();
        assertEquals(List.of(1.0, 2.0, 4.0, 4.0), java.util.Arrays.stream(ys).boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> p.ideal(" ", n -> n));
        assertThrows(IllegalArgumentException.class, () -> p.ideal("x", null));
        assertThrows(IllegalStateException.class,
                () -> Plot.bar(List.of(new Bar("C", 1)), "language", "seconds").ideal("x", n -> n));
        render("ideal-line", p, 720, 420);
    }

    @Test
    void longTitlesShrinkInsteadOfBeingCut() {
        String title = "Seconds per benchmark run of the Mandelbrot program at 16000 × 16000 pixels, by language"
                + " and implementation (lower is faster), on a log scale";
        Plot p = Plot.bar(List.of(new Bar("C", 1.7), new Bar("Python", 290)), "language", "seconds").logY()
                .title(title).yLabel("seconds per run, log scale (lower is faster)");
        Chart<?, ?> c = p.chart();
        Font f = c.getStyler().getChartTitleFont();
        assertTrue(Plot.textWidth(title, f) <= 720 - 20 || f.getSize() == 10, "title fits: " + f);
        assertTrue(f.getSize() < new org.knowm.xchart.style.CategoryStyler().getChartTitleFont().getSize());
        assertTrue(Plot.textWidth(c.getTitle(), f) <= 720 - 20, "even at 10 pt the text is shortened to fit");
        assertTrue(c.getTitle().endsWith(" …") && title.startsWith(c.getTitle().replace(" …", "")), c.getTitle());
        render("long-title", p, 720, 420);
    }

    @Test
    void aTitleFitsBesideTheLegendOfEachPanel() {
        List<PlotRulesTest.Point> rows = scaling(7, 1, 2, 4);
        Plot p = Plot.line(rows, "threads", "speedup").by("series")
                .title("Java and Python on this machine (ms per call, log scale)");
        for (Chart<?, ?> c : p.charts()) {
            double legend = 0;
            for (String name : c.getSeriesMap().keySet()) {
                legend = Math.max(legend, Plot.textWidth(name, c.getStyler().getLegendFont()) + 60);
            }
            assertTrue(Plot.textWidth(c.getTitle(), c.getStyler().getChartTitleFont()) <= c.getWidth() - legend - 20,
                    c.getTitle() + " at " + c.getStyler().getChartTitleFont());
        }
        render("panel-titles", p, 2 * 560, 360);
    }

    @Test
    void crowdedCategoryLabelsAreRotated() {
        List<Bar> langs = new ArrayList<>();
        for (String l : List.of("C", "C++", "Rust", "Fortran", "Go", "JavaScript", "Java", "C#", "Julia",
                "Python 3", "PyPy", "Ruby")) {
            langs.add(new Bar(l, 1 + l.length()));
        }
        CategoryChart crowded = (CategoryChart) Plot.bar(langs, "language", "seconds").chart();
        assertEquals(45, crowded.getStyler().getXAxisLabelRotation());
        CategoryChart roomy = (CategoryChart) Plot.bar(langs.subList(0, 3), "language", "seconds").chart();
        assertEquals(0, roomy.getStyler().getXAxisLabelRotation());
        render("rotated-labels", Plot.bar(langs, "language", "seconds"), 720, 420);
    }
}
