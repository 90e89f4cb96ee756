package org.parlab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.parlab.Numbers;
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
 *     .ideal("ideal: min(threads, cores)", n -> Math.min(n, cores))
 * Plot.line(all, "threads", "speedup").by("series").panels("workload")   // small multiples
 * }</pre>
 *
 * A {@code Plot} is immutable: every option returns a new one. As a cell's value (or passed to
 * {@code display}) it renders as a PNG image; {@link #chart()} gives the XChart object for further styling.
 *
 * <p>The defaults make a chart read at a glance, whatever the data:
 * <ul>
 * <li><b>Counts have whole ticks.</b> An axis whose values are all whole numbers (threads, cores, calls) gets
 *     tick labels only at whole numbers, never "1.5 threads"; with {@link #logX()} such an axis is drawn
 *     in powers of two (1, 2, 4, 8 …), which is how thread counts are usually chosen.</li>
 * <li><b>Linear axes start at zero</b>, so the height of a point or bar is proportional to its value;
 *     {@link #yFromData()} lets the axis start at the data, for a chart whose text says why.</li>
 * <li><b>Bars on a log axis</b> start at the power of ten at or below the smallest bar (at half of it when
 *     that bar would be almost flat), never at an arbitrary 0.1.</li>
 * <li><b>At most five series in one panel</b>: more are split into panels of at most five (or by a column
 *     with {@link #panels}), side by side with the same y range, so colours stay distinguishable.</li>
 * <li><b>Titles and labels fit</b>: a title or axis title too long for the image is set in a smaller font
 *     (down to 10 pt) rather than cut, and category labels that would overlap are rotated.</li>
 * </ul>
 */
public final class Plot {
    /** Which kind of chart. */
    public enum Kind { BAR, LINE }

    /** Most series one panel shows; more are split into panels. */
    public static final int MAX_SERIES_PER_PANEL = 5;
    private static final int SMALLEST_FONT = 10;
    private static final FontRenderContext FONTS = new FontRenderContext(null, true, true);

    /** Everything a plot is made of; each option copies it with one field changed. */
    private record Spec(Kind kind, Table table, String x, String y, String by, String panels, String title,
                        String xLabel, String yLabel, boolean logX, boolean logY, boolean yFromData, int width,
                        int height, String idealName, DoubleUnaryOperator ideal) {
    }

    private final Spec s;

    private Plot(Spec spec) {
        this.s = spec;
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
        return new Plot(new Spec(kind, table.copy(), x, y, null, null, null, x, y, false, false, false, 720, 420,
                null, null));
    }

    private static Column<?> column(Table table, String role, String name) {
        if (name == null || !table.columnNames().contains(name)) {
            throw new IllegalArgumentException(role + " column '" + name + "' is not in table '" + table.name()
                    + "'; its columns are " + table.columnNames());
        }
        return table.column(name);
    }

    private Plot with(Function<Spec, Spec> change) {
        return new Plot(change.apply(s));
    }

    /** One series (bar colour or line) per distinct value of column {@code seriesColumn}. */
    public Plot by(String seriesColumn) {
        requireColumn("seriesColumn", seriesColumn);
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, seriesColumn, p.panels, p.title, p.xLabel, p.yLabel,
                p.logX, p.logY, p.yFromData, p.width, p.height, p.idealName, p.ideal));
    }

    /**
     * Small multiples: one panel per distinct value of column {@code panelColumn}, side by side with the same y
     * range (and within each panel one series per value of {@link #by}).
     */
    public Plot panels(String panelColumn) {
        requireColumn("panelColumn", panelColumn);
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, panelColumn, p.title, p.xLabel, p.yLabel,
                p.logX, p.logY, p.yFromData, p.width, p.height, p.idealName, p.ideal));
    }

    private void requireColumn(String role, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(role + " must name a column of table '" + s.table.name()
                    + "'; its columns are " + s.table.columnNames());
        }
        column(s.table, role.replace("Column", ""), name);
    }

    /** The chart's title. */
    public Plot title(String text) {
        String t = requireText(text);
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, p.panels, t, p.xLabel, p.yLabel, p.logX,
                p.logY, p.yFromData, p.width, p.height, p.idealName, p.ideal));
    }

    /** The x axis title (defaults to the column name). */
    public Plot xLabel(String text) {
        String t = requireText(text);
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, p.panels, p.title, t, p.yLabel, p.logX,
                p.logY, p.yFromData, p.width, p.height, p.idealName, p.ideal));
    }

    /** The y axis title (defaults to the column name). */
    public Plot yLabel(String text) {
        String t = requireText(text);
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, p.panels, p.title, p.xLabel, t, p.logX,
                p.logY, p.yFromData, p.width, p.height, p.idealName, p.ideal));
    }

    private static String requireText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null (use \"\" for none)");
        }
        return text;
    }

    /** A logarithmic x axis (line charts only); whole-number x values (thread counts) get powers of two. */
    public Plot logX() {
        if (s.kind != Kind.LINE) {
            throw new IllegalStateException("logX applies to line charts only");
        }
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, p.panels, p.title, p.xLabel, p.yLabel, true,
                p.logY, p.yFromData, p.width, p.height, p.idealName, p.ideal));
    }

    /** A logarithmic y axis; every y value must then be positive. */
    public Plot logY() {
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, p.panels, p.title, p.xLabel, p.yLabel, p.logX,
                true, p.yFromData, p.width, p.height, p.idealName, p.ideal));
    }

    /**
     * A linear y axis that starts near the smallest value instead of at zero. Use it only where the text says
     * why (e.g. a small change of a large number): from zero, heights compare as values do.
     */
    public Plot yFromData() {
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, p.panels, p.title, p.xLabel, p.yLabel, p.logX,
                p.logY, true, p.width, p.height, p.idealName, p.ideal));
    }

    /**
     * A reference line drawn dashed in grey through every x value of the data, in every panel: the ideal the
     * text compares the measurement with, e.g. {@code ideal("ideal: min(threads, cores)", n -> Math.min(n,
     * cores))}. Line charts only; it does not count as one of a panel's five series.
     *
     * @throws IllegalArgumentException if {@code name} is blank or {@code ideal} is null
     */
    public Plot ideal(String name, DoubleUnaryOperator ideal) {
        if (s.kind != Kind.LINE) {
            throw new IllegalStateException("ideal applies to line charts only");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must say what the ideal line is, e.g. \"ideal: n threads\"");
        }
        if (ideal == null) {
            throw new IllegalArgumentException("ideal must not be null (e.g. n -> n)");
        }
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, p.panels, p.title, p.xLabel, p.yLabel, p.logX,
                p.logY, p.yFromData, p.width, p.height, name, ideal));
    }

    /**
     * The image size in pixels (of each panel, when there are several).
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
        return with(p -> new Spec(p.kind, p.table, p.x, p.y, p.by, p.panels, p.title, p.xLabel, p.yLabel, p.logX,
                p.logY, p.yFromData, width, height, p.idealName, p.ideal));
    }

    /** The kind of chart. */
    public Kind kind() {
        return s.kind;
    }

    /** The data being plotted. */
    public Table toTable() {
        return s.table;
    }

    /** How many panels the image has (one unless {@link #panels} was given or there are more than five series). */
    public int panelCount() {
        return panelGroups().size();
    }

    /**
     * Builds the XChart chart (a {@link CategoryChart} for bars, an {@link XYChart} for lines).
     *
     * @throws IllegalStateException if the plot has several panels (use {@link #charts()})
     */
    public Chart<?, ?> chart() {
        List<Chart<?, ?>> all = charts();
        if (all.size() != 1) {
            throw new IllegalStateException("this plot has " + all.size() + " panels; use charts() for all of them");
        }
        return all.get(0);
    }

    /** The chart of every panel, in order. */
    public List<Chart<?, ?>> charts() {
        Map<String, Map<String, List<Integer>>> panels = panelGroups();
        double[] yRange = sharedYRange();
        List<Chart<?, ?>> charts = new ArrayList<>();
        boolean several = panels.size() > 1;
        for (Map.Entry<String, Map<String, List<Integer>>> panel : panels.entrySet()) {
            String title = s.title == null ? (s.kind == Kind.BAR ? s.y + " by " + s.x : s.y + " vs " + s.x) : s.title;
            if (several) {
                title = title.isEmpty() ? panel.getKey() : title + ": " + panel.getKey();
            }
            int w = several ? Math.min(s.width, 560) : s.width;
            int h = several ? Math.min(s.height, 360) : s.height;
            Chart<?, ?> chart = s.kind == Kind.BAR ? barChart(panel.getValue(), title, w, h, yRange, several)
                    : lineChart(panel.getValue(), title, w, h, yRange, several);
            Styler st = chart.getStyler();
            st.setChartBackgroundColor(Color.WHITE);
            st.setLegendVisible(s.by != null || s.ideal != null);
            st.setLegendPosition(Styler.LegendPosition.OutsideE); // never over the data
            fitText(chart, w, h, st.isLegendVisible() ? legendWidth(chart) : 0);
            charts.add(chart);
        }
        return charts;
    }

    /** The chart as PNG bytes: the panels side by side, two to a row. */
    public byte[] png() {
        List<Chart<?, ?>> charts = charts();
        if (charts.size() == 1) {
            return ChartImages.png(charts.get(0));
        }
        int cols = Math.min(2, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        int w = charts.get(0).getWidth();
        int h = charts.get(0).getHeight();
        BufferedImage img = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                Graphics2D cell = (Graphics2D) g.create((i % cols) * w, (i / cols) * h, w, h);
                try {
                    charts.get(i).paint(cell, w, h);
                } finally {
                    cell.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the panels as PNG", e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------- internal

    /** Panel name → (series name → rows). */
    private Map<String, Map<String, List<Integer>>> panelGroups() {
        Map<String, Map<String, List<Integer>>> panels = new LinkedHashMap<>();
        for (int row = 0; row < s.table.rowCount(); row++) {
            String panel = s.panels == null ? "" : nonEmpty(s.table.column(s.panels).getString(row));
            String series = s.by == null ? s.y : nonEmpty(s.table.column(s.by).getString(row));
            panels.computeIfAbsent(panel, k -> new LinkedHashMap<>())
                    .computeIfAbsent(series, k -> new ArrayList<>()).add(row);
        }
        // more than five series in a panel: split it into panels of at most five, in order
        Map<String, Map<String, List<Integer>>> split = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<Integer>>> p : panels.entrySet()) {
            List<Map.Entry<String, List<Integer>>> series = new ArrayList<>(p.getValue().entrySet());
            int parts = (series.size() + MAX_SERIES_PER_PANEL - 1) / MAX_SERIES_PER_PANEL;
            for (int part = 0; part < parts; part++) {
                Map<String, List<Integer>> chunk = new LinkedHashMap<>();
                int per = (series.size() + parts - 1) / parts; // even chunks: 7 series → 4 + 3, not 5 + 2
                for (int i = part * per; i < Math.min(series.size(), (part + 1) * per); i++) {
                    chunk.put(series.get(i).getKey(), series.get(i).getValue());
                }
                String name = parts == 1 ? p.getKey()
                        : (p.getKey().isEmpty() ? "" : p.getKey() + ", ") + "part " + (part + 1) + " of " + parts;
                split.put(name, chunk);
            }
        }
        return split;
    }

    private static String nonEmpty(String key) {
        return key.isEmpty() ? "(missing)" : key; // XChart needs a non-empty series name
    }

    /** [min, max] of the y axis, shared by all panels; null entries leave XChart's choice. */
    private double[] sharedYRange() {
        NumericColumn<?> yc = (NumericColumn<?>) s.table.column(s.y);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < s.table.rowCount(); row++) {
            double v = yc.getDouble(row);
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (s.ideal != null) {
            for (double xv : xValues()) {
                double v = s.ideal.applyAsDouble(xv);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    private TreeSet<Double> xValues() {
        TreeSet<Double> xs = new TreeSet<>();
        NumericColumn<?> xc = (NumericColumn<?>) s.table.column(s.x);
        for (int row = 0; row < s.table.rowCount(); row++) {
            xs.add(xc.getDouble(row));
        }
        return xs;
    }

    /** True when every value of the numeric column is a whole number: a count. */
    private boolean isCount(String name) {
        Column<?> c = s.table.column(name);
        if (!(c instanceof NumericColumn<?> nc)) {
            return false;
        }
        for (int row = 0; row < s.table.rowCount(); row++) {
            double v = nc.getDouble(row);
            if (!Double.isFinite(v) || v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    /** Tick labels of a count axis: whole numbers only (other ticks get no label). */
    static String wholeTick(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-9 * Math.max(1, Math.abs(v)) ? String.valueOf((long) r) : "";
    }

    /** Tick labels of a count axis drawn as log₂: the axis value v stands for 2^v, labelled at whole v only. */
    static String powerOfTwoTick(double v) {
        String whole = wholeTick(v);
        return whole.isEmpty() ? "" : Numbers.format(Math.pow(2, Long.parseLong(whole)));
    }

    /**
     * Where bars on a log axis start: the power of ten at or below the smallest bar, or half of it when that
     * bar would be almost flat (a ratio of exactly 1 would have no height at 1, and a whole decade lower
     * would make every bar look alike).
     */
    static double logBarBase(double min) {
        double base = Math.pow(10, Math.floor(Math.log10(min)));
        return min / base < 1.5 ? base / 2 : base;
    }

    /** How the x axis of a line chart is drawn: as data, whole numbers, or powers of two (log₂). */
    enum XAxis { PLAIN, WHOLE, LOG2 }

    XAxis xAxis() {
        if (s.kind != Kind.LINE) {
            return XAxis.PLAIN;
        }
        boolean count = isCount(s.x);
        if (s.logX) {
            return count && xValues().first() > 0 ? XAxis.LOG2 : XAxis.PLAIN;
        }
        return count ? XAxis.WHOLE : XAxis.PLAIN;
    }

    private void styleY(AxesChartStyler st, Chart<?, ?> chart, double[] yRange, boolean bars, boolean several) {
        if (s.logY) {
            st.setYAxisLogarithmic(true);
            if (bars) {
                st.setYAxisMin(logBarBase(yRange[0]));
            }
            return;
        }
        if (isCount(s.y) && yRange[1] - yRange[0] <= 12) {
            chart.setCustomYAxisTickLabelsFormatter(Plot::wholeTick);
        }
        if (!s.yFromData && yRange[0] >= 0) {
            st.setYAxisMin(0.0);
        }
        if (several && Double.isFinite(yRange[1])) { // the same scale in every panel
            st.setYAxisMax(yRange[1] > 0 ? yRange[1] * 1.05 : yRange[1]);
            if (s.yFromData || yRange[0] < 0) {
                st.setYAxisMin(yRange[0]);
            }
        }
    }

    private CategoryChart barChart(Map<String, List<Integer>> groups, String title, int w, int h, double[] yRange,
                                   boolean several) {
        CategoryChart c = new CategoryChartBuilder().width(w).height(h)
                .title(title).xAxisTitle(s.xLabel).yAxisTitle(s.yLabel).build();
        c.getStyler().setOverlapped(false);
        Column<?> xc = s.table.column(s.x);
        NumericColumn<?> yc = (NumericColumn<?>) s.table.column(s.y);
        for (List<Integer> rows : groups.values()) {
            for (int row : rows) {
                checkedY(yc, row);
            }
        }
        styleY(c.getStyler(), c, yRange, true, several);
        List<String> categories = new ArrayList<>();
        for (List<Integer> rows : groups.values()) {
            for (int row : rows) {
                String cat = xc.getString(row);
                if (!categories.contains(cat)) {
                    categories.add(cat);
                }
            }
        }
        if (labelsCrowded(c, categories, groups.keySet(), w)) {
            c.getStyler().setXAxisLabelRotation(45);
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

    /** Would the category labels, side by side, overlap in the plot area that the legend leaves? */
    private boolean labelsCrowded(CategoryChart c, List<String> categories, Iterable<String> series, int w) {
        Font font = c.getStyler().getAxisTickLabelsFont();
        double legend = 0;
        if (s.by != null) {
            for (String name : series) {
                legend = Math.max(legend, textWidth(name, c.getStyler().getLegendFont()) + 45);
            }
        }
        double plotWidth = w - 80 - legend;
        double widest = 0;
        for (String cat : categories) {
            widest = Math.max(widest, textWidth(cat, font));
        }
        return widest + 8 > plotWidth / Math.max(1, categories.size());
    }

    private XYChart lineChart(Map<String, List<Integer>> groups, String title, int w, int h, double[] yRange,
                              boolean several) {
        XAxis axis = xAxis();
        String xTitle = axis == XAxis.LOG2 && !s.xLabel.isEmpty() ? s.xLabel + " (log₂ scale)" : s.xLabel;
        XYChart c = new XYChartBuilder().width(w).height(h)
                .title(title).xAxisTitle(xTitle).yAxisTitle(s.yLabel).build();
        c.getStyler().setXAxisLogarithmic(s.logX && axis == XAxis.PLAIN);
        if (axis == XAxis.WHOLE) {
            c.setCustomXAxisTickLabelsFormatter(Plot::wholeTick);
        } else if (axis == XAxis.LOG2) {
            c.setCustomXAxisTickLabelsFormatter(Plot::powerOfTwoTick);
        }
        styleY(c.getStyler(), c, yRange, false, several);
        NumericColumn<?> xc = (NumericColumn<?>) s.table.column(s.x);
        NumericColumn<?> yc = (NumericColumn<?>) s.table.column(s.y);
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> rows = new ArrayList<>(g.getValue());
            rows.sort(Comparator.comparingDouble(xc::getDouble)); // a line runs left to right
            double[] xs = new double[rows.size()];
            double[] ys = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                xs[i] = xValue(xc.getDouble(rows.get(i)), axis);
                ys[i] = checkedY(yc, rows.get(i));
            }
            XYSeries series = c.addSeries(g.getKey(), xs, ys);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        if (s.ideal != null) {
            List<Double> all = new ArrayList<>(xValues());
            double[] xs = new double[all.size()];
            double[] ys = new double[all.size()];
            for (int i = 0; i < all.size(); i++) {
                xs[i] = xValue(all.get(i), axis);
                ys[i] = s.ideal.applyAsDouble(all.get(i));
            }
            XYSeries ideal = c.addSeries(s.idealName, xs, ys);
            ideal.setMarker(SeriesMarkers.NONE);
            ideal.setLineColor(Color.GRAY);
            ideal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        return c;
    }

    private double xValue(double v, XAxis axis) {
        if (s.logX && !(v > 0)) {
            throw new IllegalArgumentException("logX needs positive x values; column '" + s.x + "' has " + v);
        }
        return axis == XAxis.LOG2 ? Math.log(v) / Math.log(2) : v;
    }

    private double checkedY(NumericColumn<?> yc, int row) {
        double v = yc.getDouble(row);
        if (s.logY && !(v > 0)) {
            throw new IllegalArgumentException("logY needs positive y values; column '" + s.y + "' has " + v
                    + " in row " + row);
        }
        return v;
    }

    /**
     * Shrinks the title and axis-title fonts (down to 10 pt) until they fit the image, instead of letting the
     * image's edge cut them; a text too long even then is shortened at a word, with an ellipsis at its end.
     */
    private static void fitText(Chart<?, ?> chart, int w, int h, double legend) {
        Styler st = chart.getStyler();
        // XChart centres the title over the plot area, left of an outside legend: past that width it is cut
        double titleRoom = w - legend - 20;
        Font title = fitting(st.getChartTitleFont(), chart.getTitle(), titleRoom);
        st.setChartTitleFont(title);
        chart.setTitle(shortened(chart.getTitle(), title, titleRoom));
        if (st instanceof AxesChartStyler axes) {
            Font f = axes.getAxisTitleFont();
            f = fitting(f, chart.getXAxisTitle(), w - legend - 100);
            f = fitting(f, chart.getYAxisTitle(), h - 60);
            axes.setAxisTitleFont(f);
            chart.setXAxisTitle(shortened(chart.getXAxisTitle(), f, w - legend - 100));
            chart.setYAxisTitle(shortened(chart.getYAxisTitle(), f, h - 60));
        }
    }

    /** About how wide XChart draws the legend: the widest series name, its marker and the box. */
    private static double legendWidth(Chart<?, ?> chart) {
        double widest = 0;
        for (String name : chart.getSeriesMap().keySet()) {
            widest = Math.max(widest, textWidth(name, chart.getStyler().getLegendFont()));
        }
        return widest + 60;
    }

    static String shortened(String text, Font font, double room) {
        if (text == null || textWidth(text, font) <= room) {
            return text;
        }
        String t = text;
        while (t.contains(" ") && textWidth(t + " …", font) > room) {
            t = t.substring(0, t.lastIndexOf(' ')).stripTrailing();
        }
        return t + " …";
    }

    static Font fitting(Font font, String text, double room) {
        Font f = font;
        while (text != null && f.getSize() > SMALLEST_FONT && textWidth(text, f) > room) {
            f = f.deriveFont((float) (f.getSize() - 1));
        }
        return f;
    }

    static double textWidth(String text, Font font) {
        return font.getStringBounds(text, FONTS).getWidth();
    }

    /** A one-line description per panel, the text shown where images cannot be. */
    public String describe() {
        return String.join("\n", charts().stream().map(ChartImages::describe).toList());
    }

    @Override
    public String toString() {
        return "Plot." + s.kind.name().toLowerCase(Locale.ROOT) + "(" + s.table.name() + ", x=" + s.x + ", y=" + s.y
                + (s.by == null ? "" : ", by=" + s.by) + (s.panels == null ? "" : ", panels=" + s.panels) + ")";
    }
}
