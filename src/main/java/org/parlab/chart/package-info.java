/**
 * Charts a lesson types in one line: {@link org.parlab.chart.Plot} (line, bar, scatter from records or
 * tables, with defaults that read at a glance: whole ticks on count axes, axes from zero, at most five series
 * a panel, an ideal line) and {@link org.parlab.chart.ChartImages} (PNG rendering, headless).
 *
 * <p>Layer: a topic package; it uses {@code table} and {@code org.parlab}. Lessons and topic packages may use
 * it.
 */
package org.parlab.chart;
