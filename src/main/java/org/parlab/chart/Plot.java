package org.parlab.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.parlab.table.Tables;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A bar or line chart of a Tablesaw table or a list of result records, in one call:
 *
 * <pre>{@code
 * Plot.bar(results, "method", "msPerCall")                     // one bar per row
 * Plot.line(table, "threads", "speedup").by("mode").logY()     // one line per distinct "mode"
 *     .title("Speed-up vs threads")
 * }</pre>
 *
 * A {@code Plot} is immutable: every option returns a new one. As a cell's value (or passed to
 * {@code display}) it renders as a PNG image; {@link #chart()} gives the XChart object for further styling.
 */
public final class Plot {
    /** Which kind of chart. */
    public enum Kind { BAR, LINE }

    private final Kind kind;
    private final Table table;
    private final String x;
    private final String y;
    private final String by;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final int width;
    private final int height;

    private Plot(Kind kind, Table table, String x, String y, String by, String title, String xLabel, String yLabel,
                 boolean logX, boolean logY, int width, int height) {
        this.kind = kind;
        this.table = table;
        this.x = x;
        this.y = y;
        this.by = by;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
        this.width = width;
        this.height = height;
    }

    /** Bars of column {@code y} (numeric), one per row, labelled by column {@code x}. */
    public static Plot bar(Table table, String x, String y) {
        return create(Kind.BAR, table, x, y);
    }

    /** Lines of column {@code y} against column {@code x}, both numeric. */
    public static Plot line(Table table, String x, String y) {
        return create(Kind.LINE, table, x, y);
    }

    /** Bars from a list of records (e.g. timing results): {@code x} and {@code y} name record components. */
    public static Plot bar(List<? extends Record> rows, String x, String y) {
        return create(Kind.BAR, Tables.of(rows), x, y);
    }

    /** Lines from a list of records: {@code x} and {@code y} name numeric record components. */
    public static Plot line(List<? extends Record> rows, String x, String y) {
        return create(Kind.LINE, Tables.of(rows), x, y);
    }

    private static Plot create(Kind kind, Table table, String x, String y) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no rows to plot");
        }
        Column<?> xc = column(table, "x", x);
        Column<?> yc = column(table, "y", y);
        if (!(yc instanceof NumericColumn)) {
            throw new IllegalArgumentException("y column '" + y + "' must be numeric, it is " + yc.type());
        }
        if (kind == Kind.LINE && !(xc instanceof NumericColumn)) {
            throw new IllegalArgumentException("x column '" + x + "' must be numeric for a line chart, it is "
                    + xc.type() + " (use Plot.bar for categories)");
        }
        // a copy: later changes to the caller's table do not change the plot
        return new Plot(kind, table.copy(), x, y, null, null, x, y, false, false, 720, 420);
    }

    private static Column<?> column(Table table, String role, String name) {
        if (name == null || !table.columnNames().contains(name)) {
            throw new IllegalArgumentException(role + " column '" + name + "' is not in table '" + table.name()
                    + "'; its columns are " + table.columnNames());
        }
        return table.column(name);
    }

    /** One series (bar colour or line) per distinct value of column {@code seriesColumn}. */
    public Plot by(String seriesColumn) {
        if (seriesColumn == null || seriesColumn.isBlank()) {
            throw new IllegalArgumentException("seriesColumn must name a column of table '" + table.name()
                    + "'; its columns are " + table.columnNames());
        }
        column(table, "series", seriesColumn);
        return new Plot(kind, table, x, y, seriesColumn, title, xLabel, yLabel, logX, logY, width, height);
    }

    /** The chart's title. */
    public Plot title(String text) {
        return new Plot(kind, table, x, y, by, requireText(text), xLabel, yLabel, logX, logY, width, height);
    }

    /** The x axis title (defaults to the column name). */
    public Plot xLabel(String text) {
        return new Plot(kind, table, x, y, by, title, requireText(text), yLabel, logX, logY, width, height);
    }

    /** The y axis title (defaults to the column name). */
    public Plot yLabel(String text) {
        return new Plot(kind, table, x, y, by, title, xLabel, requireText(text), logX, logY, width, height);
    }

    private static String requireText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null (use \"\" for none)");
        }
        return text;
    }

    /** A logarithmic x axis (line charts only). */
    public Plot logX() {
        if (kind != Kind.LINE) {
            throw new IllegalStateException("logX applies to line charts only");
        }
        return new Plot(kind, table, x, y, by, title, xLabel, yLabel, true, logY, width, height);
    }

    /** A logarithmic y axis; every y value must then be positive. */
    public Plot logY() {
        return new Plot(kind, table, x, y, by, title, xLabel, yLabel, logX, true, width, height);
    }

    /**
     * The image size in pixels.
     *
     * @throws IllegalArgumentException unless 100 ≤ width, height ≤ 4000
     */
    public Plot size(int width, int height) {
        if (width < 100 || width > 4000) {
            throw new IllegalArgumentException("width must be in [100, 4000] pixels, got " + width);
        }
        if (height < 100 || height > 4000) {
            throw new IllegalArgumentException("height must be in [100, 4000] pixels, got " + height);
        }
        return new Plot(kind, table, x, y, by, title, xLabel, yLabel, logX, logY, width, height);
    }

    /** The kind of chart. */
    public Kind kind() {
        return kind;
    }

    /** The data being plotted. */
    public Table table() {
        return table;
    }

    /** Builds the XChart chart (a {@link CategoryChart} for bars, an {@link XYChart} for lines). */
    public Chart<?, ?> chart() {
        Map<String, List<Integer>> groups = groups();
        Chart<?, ?> chart = kind == Kind.BAR ? barChart(groups) : lineChart(groups);
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendVisible(by != null);
        s.setLegendPosition(Styler.LegendPosition.OutsideE); // never over the data
        return chart;
    }

    /** The chart as PNG bytes. */
    public byte[] png() {
        return ChartImages.png(chart());
    }

    private Map<String, List<Integer>> groups() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String key = by == null ? y : table.column(by).getString(row);
            if (key.isEmpty()) {
                key = "(missing)"; // XChart needs a non-empty series name
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    private CategoryChart barChart(Map<String, List<Integer>> groups) {
        CategoryChart c = new CategoryChartBuilder().width(width).height(height)
                .title(title == null ? y + " by " + x : title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setOverlapped(false);
        Column<?> xc = table.column(x);
        NumericColumn<?> yc = (NumericColumn<?>) table.column(y);
        if (logY) {
            // bars start at the axis minimum; on a log axis it must be a positive power of ten below the data
            double min = Double.MAX_VALUE;
            for (int row = 0; row < table.rowCount(); row++) {
                min = Math.min(min, checkedY(yc, row));
            }
            c.getStyler().setYAxisLogarithmic(true);
            // a decade lower when the smallest bar sits just above a power of ten (it would have no height)
            c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min / 2))));
        }
        List<String> categories = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String cat = xc.getString(row);
            if (!categories.contains(cat)) {
                categories.add(cat);
            }
        }
        if (categories.stream().mapToInt(String::length).sum() > width / 9) {
            c.getStyler().setXAxisLabelRotation(25); // long labels would overlap side by side
        }
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (String cat : categories) {
                Double v = null;
                for (int row : g.getValue()) {
                    if (xc.getString(row).equals(cat)) {
                        v = checkedY(yc, row);
                    }
                }
                values.add(v);
            }
            c.addSeries(g.getKey(), categories, values);
        }
        return c;
    }

    private XYChart lineChart(Map<String, List<Integer>> groups) {
        XYChart c = new XYChartBuilder().width(width).height(height)
                .title(title == null ? y + " vs " + x : title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
        NumericColumn<?> xc = (NumericColumn<?>) table.column(x);
        NumericColumn<?> yc = (NumericColumn<?>) table.column(y);
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> rows = new ArrayList<>(g.getValue());
            rows.sort(java.util.Comparator.comparingDouble(xc::getDouble)); // a line runs left to right
            double[] xs = new double[rows.size()];
            double[] ys = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                xs[i] = xc.getDouble(rows.get(i));
                if (logX && !(xs[i] > 0)) {
                    throw new IllegalArgumentException("logX needs positive x values; column '" + x + "' has " + xs[i]);
                }
                ys[i] = checkedY(yc, rows.get(i));
            }
            XYSeries s = c.addSeries(g.getKey(), xs, ys);
            s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        }
        return c;
    }

    private double checkedY(NumericColumn<?> yc, int row) {
        double v = yc.getDouble(row);
        if (logY && !(v > 0)) {
            throw new IllegalArgumentException("logY needs positive y values; column '" + y + "' has " + v
                    + " in row " + row);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Plot." + kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + table.name() + ", x=" + x + ", y=" + y
                + (by == null ? "" : ", by=" + by) + ")";
    }
}
