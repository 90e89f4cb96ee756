package org.parlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.parlab.chart.ChartImages;
import org.parlab.chart.PngAssertions;
import org.parlab.chart.Plot;
import org.parlab.table.Tables;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ParLabExtensionTest {
    private Renderer renderer;

    @BeforeEach
    void registerOnAFreshRenderer() {
        renderer = new Renderer();
        ParLabExtension.registerRenderers(renderer);
    }

    private static byte[] pngOf(DisplayData data) {
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG), "no image/png");
        String base64 = assertInstanceOf(String.class, data.getData(MIMEType.IMAGE_PNG));
        return Base64.getDecoder().decode(base64);
    }

    private static String textOf(DisplayData data) {
        assertTrue(data.hasDataForType(MIMEType.TEXT_PLAIN), "no text/plain");
        return assertInstanceOf(String.class, data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void anXYChartRendersAsPngWithATextFallback() {
        XYChart chart = new XYChartBuilder().width(480).height(320).title("powers").build();
        chart.addSeries("squares", new double[]{1, 2, 3, 4}, new double[]{1, 4, 9, 16});
        DisplayData data = renderer.render(chart);
        PngAssertions.assertChartImage(pngOf(data), 480, 320);
        assertEquals(ChartImages.describe(chart), textOf(data));
        assertEquals("XYChart 'powers' (480×320, series: squares)", textOf(data));
        assertFalse(data.hasDataForType(MIMEType.TEXT_HTML));
    }

    @Test
    void aCategoryChartRendersAsPng() {
        CategoryChart chart = new CategoryChartBuilder().width(300).height(200).title("bars").build();
        chart.addSeries("ms", List.of("a", "b"), List.of(2.0, 3.0));
        DisplayData data = renderer.render(chart);
        PngAssertions.assertChartImage(pngOf(data), 300, 200);
        assertTrue(textOf(data).startsWith("CategoryChart 'bars'"), textOf(data));
    }

    @Test
    void aPlotRendersAsPngWithATextFallback() {
        Table t = Table.create("scaling", IntColumn.create("threads", 1, 2, 4, 8),
                DoubleColumn.create("speedup", 1.0, 1.8, 3.1, 4.9));
        Plot plot = Plot.line(t, "threads", "speedup").title("Speed-up").size(640, 400);
        DisplayData data = renderer.render(plot);
        byte[] png = pngOf(data);
        PngAssertions.assertChartImage(png, 640, 400);
        PngAssertions.writePreview("kernel-plot", png);
        assertEquals("XYChart 'Speed-up' (640×400, series: speedup)", textOf(data));
    }

    @Test
    void aBarPlotRendersAsPng() {
        Table t = Table.create("methods", StringColumn.create("method", "boxed", "primitive"),
                DoubleColumn.create("ms", 3.7, 0.6));
        DisplayData data = renderer.render(Plot.bar(t, "method", "ms"));
        PngAssertions.assertChartImage(pngOf(data), 720, 420);
        assertTrue(textOf(data).startsWith("CategoryChart 'ms by method'"), textOf(data));
    }

    @Test
    void aTableRendersAsHtmlWithATextFallback() {
        Table t = Table.create("timings", StringColumn.create("method", "boxed", "<primitive>"),
                DoubleColumn.create("ms", 3.7, 0.6));
        DisplayData data = renderer.render(t);
        assertTrue(data.hasDataForType(MIMEType.TEXT_HTML), "no text/html");
        String html = assertInstanceOf(String.class, data.getData(MIMEType.TEXT_HTML));
        assertTrue(html.contains("<table"), html);
        assertEquals(Tables.html(t), html);
        assertTrue(html.contains("&lt;primitive&gt;"), html);
        assertEquals(Tables.text(t), textOf(data));
        assertFalse(data.hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void aTableSliceAlsoRendersAsHtml() {
        Table t = Table.create("numbers", IntColumn.create("n", 1, 2, 3, 4));
        DisplayData data = renderer.render(t.where(t.intColumn("n").isGreaterThan(2)));
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<table"), String.valueOf(html));
        assertTrue(html.contains(">3<") && html.contains(">4<") && !html.contains(">1<"), html);
    }

    @Test
    void otherValuesAreLeftToTheKernel() {
        DisplayData data = renderer.render("just text");
        assertFalse(data.hasDataForType(MIMEType.IMAGE_PNG));
        assertFalse(data.hasDataForType(MIMEType.TEXT_HTML));
    }

    @Test
    void theExtensionIsRegisteredAsAService() {
        List<Class<?>> found = ServiceLoader.load(Extension.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertTrue(found.contains(ParLabExtension.class), found::toString);
    }
}
