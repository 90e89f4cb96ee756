package org.parlab.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

import org.parlab.Numbers;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.table.Relation;

/**
 * Tablesaw tables from the library's result records, and the HTML a notebook shows for a table.
 *
 * <pre>{@code
 * record Run(String method, double msPerCall) {}
 * Table t = Tables.of(List.of(new Run("boxed", 3.7), new Run("primitive", 0.6)));
 * }</pre>
 */
public final class Tables {
    /** Tables longer than this show their first and last {@link #EDGE_ROWS} rows only. */
    public static final int MAX_ROWS = 30;
    /** Rows shown at each end of a long table. */
    public static final int EDGE_ROWS = 10;

    private Tables() {
    }

    /** A table named after the record type, with one column per record component. */
    public static Table of(List<? extends Record> rows) {
        requireRows(rows);
        return of(rows.get(0).getClass().getSimpleName(), rows);
    }

    /**
     * A table with one row per record and one column per record component: {@code int}/{@code long}/
     * {@code double}/{@code float} and their boxes become numeric columns, {@code boolean} a boolean column,
     * anything else a string column (its {@code toString()}).
     *
     * @throws IllegalArgumentException if {@code rows} is null, empty, holds null or mixes record types
     */
    public static Table of(String name, List<? extends Record> rows) {
        requireRows(rows);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Class<?> type = rows.get(0).getClass();
        RecordComponent[] comps = type.getRecordComponents();
        Table table = Table.create(name);
        for (RecordComponent rc : comps) {
            table.addColumns(columnFor(rc));
        }
        for (int i = 0; i < rows.size(); i++) {
            Record r = rows.get(i);
            if (r == null || r.getClass() != type) {
                throw new IllegalArgumentException("rows[" + i + "] must be a " + type.getSimpleName() + ", got "
                        + (r == null ? "null" : r.getClass().getSimpleName()));
            }
            for (int c = 0; c < comps.length; c++) {
                append(table.column(c), value(comps[c], r));
            }
        }
        return table;
    }

    private static void requireRows(List<? extends Record> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("rows must hold at least one record, got "
                    + (rows == null ? "null" : "an empty list"));
        }
        if (rows.get(0) == null) {
            throw new IllegalArgumentException("rows[0] must not be null");
        }
    }

    private static Column<?> columnFor(RecordComponent rc) {
        Class<?> t = rc.getType();
        String n = rc.getName();
        if (t == int.class || t == Integer.class || t == short.class || t == Short.class) {
            return IntColumn.create(n);
        }
        if (t == long.class || t == Long.class) {
            return LongColumn.create(n);
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return DoubleColumn.create(n);
        }
        if (t == boolean.class || t == Boolean.class) {
            return BooleanColumn.create(n);
        }
        return StringColumn.create(n);
    }

    private static Object value(RecordComponent rc, Record r) {
        try {
            rc.getAccessor().setAccessible(true);
            return rc.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc.getName() + " of " + r, e);
        }
    }

    private static void append(Column<?> col, Object v) {
        if (col instanceof IntColumn ic) {
            if (v == null) {
                ic.appendMissing();
            } else {
                ic.append(((Number) v).intValue());
            }
        } else if (col instanceof LongColumn lc) {
            if (v == null) {
                lc.appendMissing();
            } else {
                lc.append(((Number) v).longValue());
            }
        } else if (col instanceof DoubleColumn dc) {
            if (v == null) {
                dc.appendMissing();
            } else {
                dc.append(((Number) v).doubleValue());
            }
        } else if (col instanceof BooleanColumn bc) {
            if (v == null) {
                bc.appendMissing();
            } else {
                bc.append((Boolean) v);
            }
        } else {
            ((StringColumn) col).append(v == null ? "" : v.toString());
        }
    }

    /**
     * The table as an HTML {@code <table>}, numbers right-aligned to about 4 significant digits; a long
     * table shows its first and last rows with a gap marker, like pandas.
     */
    public static String html(Relation table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<table class=\"parlab-table dataframe\" border=\"1\">\n<thead><tr style=\"text-align: right;\">");
        for (Column<?> c : table.columns()) {
            sb.append("<th>").append(escape(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        int n = table.rowCount();
        for (int row : rowsShown(n)) {
            if (row < 0) {
                sb.append("<tr>");
                for (int c = 0; c < table.columnCount(); c++) {
                    sb.append("<td>…</td>");
                }
                sb.append("</tr>\n");
                continue;
            }
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                boolean numeric = c instanceof NumericColumn;
                sb.append(numeric ? "<td style=\"text-align: right;\">" : "<td style=\"text-align: left;\">")
                        .append(escape(cell(c, row))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p><small>").append(escape(table.name() == null ? "" : table.name()))
                .append(" · ").append(n).append(n == 1 ? " row" : " rows").append(" × ").append(table.columnCount())
                .append(table.columnCount() == 1 ? " column" : " columns").append("</small></p>");
        return sb.toString();
    }

    /** The table as aligned plain text (the fallback where HTML is not shown). */
    public static String text(Relation table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        int cols = table.columnCount();
        int[] width = new int[cols];
        List<Integer> shown = rowsShown(table.rowCount());
        String[][] cells = new String[shown.size()][cols];
        for (int c = 0; c < cols; c++) {
            width[c] = table.column(c).name().length();
            for (int i = 0; i < shown.size(); i++) {
                int row = shown.get(i);
                cells[i][c] = row < 0 ? "…" : cell(table.column(c), row);
                width[c] = Math.max(width[c], cells[i][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cols; c++) {
            sb.append(c == 0 ? "" : "  ").append(pad(table.column(c).name(), width[c]));
        }
        for (String[] line : cells) {
            sb.append('\n');
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : "  ").append(pad(line[c], width[c]));
            }
        }
        return sb.toString();
    }

    private static List<Integer> rowsShown(int n) {
        List<Integer> rows = new java.util.ArrayList<>();
        if (n <= MAX_ROWS) {
            for (int i = 0; i < n; i++) {
                rows.add(i);
            }
        } else {
            for (int i = 0; i < EDGE_ROWS; i++) {
                rows.add(i);
            }
            rows.add(-1);
            for (int i = n - EDGE_ROWS; i < n; i++) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "";
        }
        if (c instanceof DoubleColumn dc) {
            return Numbers.format(dc.getDouble(row));
        }
        return c.getString(row);
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
