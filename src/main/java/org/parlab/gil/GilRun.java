package org.parlab.gil;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.parlab.Numbers;

/**
 * What one simulation run did: how long it took and, with the GIL, who held the lock when.
 *
 * @param workload         the workload's name
 * @param gil              whether the threads shared the simulated GIL
 * @param threads          number of tasks (and of threads, unless {@code serial})
 * @param serial           the tasks ran one after another on one thread
 * @param switchIntervalMs the switch interval, in ms
 * @param wallMs           time from start to the last task's end, in ms
 * @param segments         holds of the lock, waits for it, I/O waits and native sections, in order of recording
 * @param switches         times the lock passed to a different thread
 * @param dropRequests     times a waiting thread timed out and asked the holder to drop the lock
 * @param checksum         a value computed from all the work (keeps the JIT from skipping it)
 */
public record GilRun(String workload, boolean gil, int threads, boolean serial, double switchIntervalMs,
                     double wallMs, List<Segment> segments, long switches, long dropRequests, long checksum) {

    /** Copies the segment list. */
    public GilRun {
        segments = List.copyOf(segments);
    }

    /** The intervals during which some thread held the lock, in time order. */
    public List<Segment> holds() {
        return segments.stream().filter(s -> s.kind() == Segment.Kind.HOLD)
                .sorted((a, b) -> Long.compare(a.startNs(), b.startNs())).toList();
    }

    /** Number of pairs of lock holds that overlap in time: 0 unless the lock is broken. */
    public int overlappingHolds() {
        List<Segment> h = holds();
        int overlaps = 0;
        long lastEnd = Long.MIN_VALUE;
        for (Segment s : h) {
            if (s.startNs() < lastEnd) {
                overlaps++;
            }
            lastEnd = Math.max(lastEnd, s.endNs());
        }
        return overlaps;
    }

    /** Total time some thread held the lock, in ms (0 without the GIL). */
    public double holdingMs() {
        return holds().stream().mapToDouble(Segment::durationMs).sum();
    }

    /**
     * Where the time of a run went, for a table: its wall time split into time when some thread held the lock
     * and the rest ({@code gapMs}: the lock free or changing hands), with its switches and drop requests.
     *
     * @param run          a label, e.g. {@code "2 threads sharing the GIL"}
     * @param wallMs       the run's wall time, in ms
     * @param holdingMs    time some thread held the lock, in ms
     * @param gapMs        {@code wallMs - holdingMs}
     * @param switches     times the lock passed to a different thread
     * @param dropRequests times a waiting thread asked the holder to drop the lock
     */
    public record Breakdown(String run, double wallMs, double holdingMs, double gapMs, long switches,
                            long dropRequests) {
    }

    /** This run's {@link Breakdown}, labelled {@code label}. */
    public Breakdown breakdown(String label) {
        double holding = holdingMs();
        return new Breakdown(label, wallMs, holding, wallMs - holding, switches, dropRequests);
    }

    /** Median length of a lock hold in ms (0 without the GIL). */
    public double medianHoldMs() {
        double[] d = holds().stream().mapToDouble(Segment::durationMs).sorted().toArray();
        if (d.length == 0) {
            return 0;
        }
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }

    /**
     * A timeline of the run from {@code fromMs} to {@code toMs}: one row per thread, a bar where it held the
     * lock, another colour where it waited on I/O or ran native code with the lock released.
     *
     * @throws IllegalArgumentException unless 0 ≤ fromMs &lt; toMs
     * @throws IllegalStateException    for a run without the GIL (nothing was recorded)
     */
    public XYChart timeline(double fromMs, double toMs) {
        if (!(fromMs >= 0 && toMs > fromMs)) {
            throw new IllegalArgumentException("need 0 ≤ fromMs < toMs, got fromMs=" + fromMs + ", toMs=" + toMs);
        }
        if (!gil) {
            throw new IllegalStateException("a run without the GIL records no timeline");
        }
        XYChart c = new XYChartBuilder().width(760).height(130 + 45 * threads)
                .title("Who ran when: " + threads + (serial ? " tasks one after another" : " threads") + ", "
                        + workload + ", switch interval " + Numbers.format(switchIntervalMs) + " ms")
                .xAxisTitle("time since start (ms)").yAxisTitle("thread").build();
        Styler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisMin(fromMs);
        c.getStyler().setXAxisMax(toMs);
        c.getStyler().setYAxisMin(-0.6);
        c.getStyler().setYAxisMax(threads - 0.4);
        c.getStyler().setYAxisDecimalPattern("0");
        c.getStyler().setPlotGridHorizontalLinesVisible(false);
        float thickness = Math.max(6f, Math.min(22f, 160f / threads));
        addKind(c, Segment.Kind.WAIT, "waits for the lock", new Color(0xC8, 0xC8, 0xC8), fromMs, toMs,
                thickness * 0.45f);
        addKind(c, Segment.Kind.HOLD, "holds the lock (interpreted code)", new Color(0xD6, 0x27, 0x28), fromMs, toMs,
                thickness);
        addKind(c, Segment.Kind.IO, "waits on I/O (lock released)", new Color(0x1F, 0x77, 0xB4), fromMs, toMs,
                thickness);
        addKind(c, Segment.Kind.NATIVE, "native code (lock released)", new Color(0x2C, 0xA0, 0x2C), fromMs, toMs,
                thickness);
        return c;
    }

    private void addKind(XYChart c, Segment.Kind kind, String label, Color color, double fromMs, double toMs,
                         float thickness) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Segment s : segments) {
            if (s.kind() != kind) {
                continue;
            }
            double a = Math.max(fromMs, s.startNs() / 1e6);
            double b = Math.min(toMs, s.endNs() / 1e6);
            if (b <= a) {
                continue;
            }
            xs.addAll(Arrays.asList(a, b, Double.NaN));
            ys.addAll(Arrays.asList((double) s.thread(), (double) s.thread(), Double.NaN));
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries series = c.addSeries(label, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(thickness, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }

    @Override
    public String toString() {
        return workload + (gil ? " with GIL" : " without GIL") + ", " + threads + (serial ? " tasks serially" : " threads")
                + ": " + Numbers.format(wallMs) + " ms, " + switches + " switches, " + dropRequests + " drop requests, "
                + segments.size() + " segments";
    }
}
