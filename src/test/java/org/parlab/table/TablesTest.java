package org.parlab.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {

    enum Mode { SEQUENTIAL, PARALLEL }

    record Run(String method, double msPerCall) {
    }

    record AllTypes(int i, long l, double d, boolean b, String s, Mode other, short sh, float f) {
    }

    record Boxed(Integer i, Long l, Double d, Boolean b, String s, Mode other) {
    }

    record Other(String method, double msPerCall) {
    }

    record Row(int n, String label) {
    }

    // ---------------------------------------------------------------- Tables.of

    @Test
    void ofMapsComponentTypesToColumnTypes() {
        Table t = Tables.of(List.of(new AllTypes(1, 2L, 3.5, true, "x", Mode.PARALLEL, (short) 7, 1.5f),
                new AllTypes(-1, 1L << 40, -0.25, false, "y", Mode.SEQUENTIAL, (short) -7, -2f)));
        assertEquals("AllTypes", t.name());
        assertEquals(List.of("i", "l", "d", "b", "s", "other", "sh", "f"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertInstanceOf(IntColumn.class, t.column("i"));
        assertInstanceOf(LongColumn.class, t.column("l"));
        assertInstanceOf(DoubleColumn.class, t.column("d"));
        assertInstanceOf(BooleanColumn.class, t.column("b"));
        assertInstanceOf(StringColumn.class, t.column("s"));
        assertInstanceOf(StringColumn.class, t.column("other"));
        assertInstanceOf(IntColumn.class, t.column("sh"));
        assertInstanceOf(DoubleColumn.class, t.column("f"));
        assertEquals(List.of(1, -1), t.intColumn("i").asList());
        assertEquals(List.of(2L, 1L << 40), t.longColumn("l").asList());
        assertEquals(List.of(3.5, -0.25), t.doubleColumn("d").asList());
        assertEquals(List.of(true, false), t.booleanColumn("b").asList());
        assertEquals(List.of("x", "y"), t.stringColumn("s").asList());
        assertEquals(List.of("PARALLEL", "SEQUENTIAL"), t.stringColumn("other").asList());
        assertEquals(List.of(7, -7), t.intColumn("sh").asList());
        assertEquals(List.of(1.5, -2.0), t.doubleColumn("f").asList());
    }

    @Test
    void ofMapsBoxedTypesAndNullsBecomeMissing() {
        Table t = Tables.of(List.of(new Boxed(1, 2L, 3.0, true, "s", Mode.PARALLEL),
                new Boxed(null, null, null, null, null, null)));
        assertInstanceOf(IntColumn.class, t.column("i"));
        assertInstanceOf(LongColumn.class, t.column("l"));
        assertInstanceOf(DoubleColumn.class, t.column("d"));
        assertInstanceOf(BooleanColumn.class, t.column("b"));
        assertInstanceOf(StringColumn.class, t.column("s"));
        assertInstanceOf(StringColumn.class, t.column("other"));
        for (String c : t.columnNames()) {
            assertFalse(t.column(c).isMissing(0), c + " row 0");
            assertTrue(t.column(c).isMissing(1), c + " row 1 should be missing");
        }
        assertEquals(1, t.intColumn("i").get(0));
        assertEquals("PARALLEL", t.stringColumn("other").get(0));
    }

    @Test
    void ofWithANameUsesIt() {
        Table t = Tables.of("timings", List.of(new Run("boxed", 3.7), new Run("primitive", 0.6)));
        assertEquals("timings", t.name());
        assertEquals(List.of("boxed", "primitive"), t.stringColumn("method").asList());
        assertEquals(List.of(3.7, 0.6), t.doubleColumn("msPerCall").asList());
    }

    static Stream<Arguments> badRows() {
        List<Record> mixed = List.of(new Run("a", 1), new Other("b", 2));
        List<Run> nullInside = Arrays.asList(new Run("a", 1), null);
        List<Run> nullFirst = Arrays.asList(null, new Run("a", 1));
        return Stream.of(
                Arguments.of("null list", null, "rows must hold at least one record, got null"),
                Arguments.of("empty list", List.of(), "rows must hold at least one record, got an empty list"),
                Arguments.of("mixed record types", mixed, "rows[1] must be a Run, got Other"),
                Arguments.of("null row", nullInside, "rows[1] must be a Run, got null"),
                Arguments.of("null first row", nullFirst, "rows[0] must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void ofRejectsBadRowsWithAClearMessage(String name, List<? extends Record> rows, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.of(rows));
        assertEquals(message, e.getMessage());
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class, () -> Tables.of("t", rows));
        assertEquals(message, named.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void ofRejectsABlankName(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tables.of(name, List.of(new Run("a", 1))));
        assertEquals("name must not be blank", e.getMessage());
    }

    // ---------------------------------------------------------------- Tables.html

    @Test
    void htmlHasHeaderRowsAndFooter() {
        Table t = Tables.of("timings", List.of(new Run("boxed", 3.7), new Run("primitive", 0.61234)));
        String html = Tables.html(t);
        assertTrue(html.startsWith("<table class=\"parlab-table dataframe\""), html);
        assertTrue(html.contains("<th>method</th><th>msPerCall</th>"), html);
        assertTrue(html.contains("<tr><td style=\"text-align: left;\">boxed</td>"
                + "<td style=\"text-align: right;\">3.7</td></tr>"), html);
        assertTrue(html.contains("<td style=\"text-align: right;\">0.6123</td>"), "numbers are formatted: " + html);
        assertTrue(html.contains("<p><small>timings · 2 rows × 2 columns</small></p>"), html);
        assertEquals(2, count(html, "<tr><td"));
        assertFalse(html.contains("…"), "no gap in a short table");
    }

    @Test
    void htmlUsesSingularForOneRowAndOneColumn() {
        Table t = Table.create("one", IntColumn.create("n", new int[]{5}));
        assertTrue(Tables.html(t).contains("one · 1 row × 1 column</small>"), Tables.html(t));
    }

    @Test
    void htmlEscapesMarkupInNamesAndCells() {
        Table t = Table.create("<t&\"name\">",
                StringColumn.create("a<b>&\"c\"", "<script>alert(\"x&y\")</script>", "1 > 0 & 0 < 1"));
        String html = Tables.html(t);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<th>a&lt;b&gt;&amp;&quot;c&quot;</th>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;"), html);
        assertTrue(html.contains("1 &gt; 0 &amp; 0 &lt; 1"), html);
        assertTrue(html.contains("<small>&lt;t&amp;&quot;name&quot;&gt; · 2 rows × 1 column</small>"), html);
    }

    @Test
    void htmlShowsMissingValuesAsEmptyCells() {
        Table t = Tables.of(List.of(new Boxed(null, null, null, null, null, null)));
        String html = Tables.html(t);
        assertEquals(6, count(html, "\"></td>"), html);
    }

    @Test
    void htmlOfATableAtTheLimitShowsEveryRow() {
        String html = Tables.html(numbered(Tables.MAX_ROWS));
        assertEquals(Tables.MAX_ROWS, count(html, "<tr><td style"));
        assertFalse(html.contains("<td>…</td>"));
        assertEquals(rangeList(0, Tables.MAX_ROWS), shownNumbers(html));
    }

    @Test
    void htmlOfALongTableShowsBothEndsAndAGap() {
        int n = Tables.MAX_ROWS + 1;
        String html = Tables.html(numbered(n));
        assertEquals(2 * Tables.EDGE_ROWS, count(html, "<tr><td style"));
        assertEquals(1, count(html, "<tr><td>…</td><td>…</td></tr>"), "one gap row with a cell per column");
        List<Integer> expected = new ArrayList<>(rangeList(0, Tables.EDGE_ROWS));
        expected.addAll(rangeList(n - Tables.EDGE_ROWS, n));
        assertEquals(expected, shownNumbers(html));
        int gap = html.indexOf("<td>…</td>");
        assertTrue(html.indexOf(">" + (Tables.EDGE_ROWS - 1) + "<") < gap);
        assertTrue(html.indexOf(">" + (n - Tables.EDGE_ROWS) + "<") > gap);
        assertTrue(html.contains(n + " rows × 2 columns"), "the footer counts every row");
    }

    @Test
    void htmlOfAVeryLongTable() {
        String html = Tables.html(numbered(1000));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999),
                shownNumbers(html));
        assertTrue(html.contains("1000 rows"));
    }

    @Test
    void htmlAndTextRejectNull() {
        assertEquals("table must not be null",
                assertThrows(IllegalArgumentException.class, () -> Tables.html(null)).getMessage());
        assertEquals("table must not be null",
                assertThrows(IllegalArgumentException.class, () -> Tables.text(null)).getMessage());
    }

    @Test
    void htmlOfAnEmptyTable() {
        Table t = Table.create("empty", DoubleColumn.create("x"));
        String html = Tables.html(t);
        assertTrue(html.contains("<th>x</th>"));
        assertTrue(html.contains("empty · 0 rows × 1 column"), html);
        assertEquals(0, count(html, "<td"));
    }

    // ---------------------------------------------------------------- Tables.text

    @Test
    void textIsRightAlignedColumns() {
        Table t = Tables.of(List.of(new Run("boxed", 3.7), new Run("primitive", 0.61234), new Run("x", 1234.5)));
        String text = Tables.text(t);
        assertEquals(String.join("\n",
                "   method  msPerCall",
                "    boxed        3.7",
                "primitive     0.6123",
                "        x     1234.5"), text);
    }

    @Test
    void textLinesAllHaveTheSameWidthAndMissingIsBlank() {
        Table t = Tables.of(List.of(new Boxed(12345, 1L, 0.5, true, "long text here", Mode.PARALLEL),
                new Boxed(null, null, null, null, null, null)));
        List<String> lines = Tables.text(t).lines().toList();
        assertEquals(3, lines.size());
        int width = lines.get(0).length();
        for (String l : lines) {
            assertEquals(width, l.length(), "line '" + l + "'");
        }
        assertTrue(lines.get(2).isBlank(), "missing values print as blanks: '" + lines.get(2) + "'");
        assertTrue(lines.get(0).trim().startsWith("i  "), lines.get(0));
    }

    @Test
    void textOfALongTableShowsBothEndsAndAGapLine() {
        int n = 45;
        List<String> lines = Tables.text(numbered(n)).lines().toList();
        assertEquals(1 + 2 * Tables.EDGE_ROWS + 1, lines.size());
        assertEquals(" n  label", lines.get(0));
        assertEquals(" 0  row 0", lines.get(1));
        assertEquals(" 9  row 9", lines.get(Tables.EDGE_ROWS));
        assertEquals(" …      …", lines.get(Tables.EDGE_ROWS + 1));
        assertEquals("35  row35", lines.get(Tables.EDGE_ROWS + 2));
        assertEquals("44  row44", lines.get(lines.size() - 1));
    }

    @Test
    void textOfAnEmptyTableIsItsHeader() {
        Table t = Table.create("empty", DoubleColumn.create("x"), StringColumn.create("name"));
        assertEquals("x  name", Tables.text(t));
    }

    // ---------------------------------------------------------------- helpers

    private static Table numbered(int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(i, i < 10 ? "row " + i : "row" + i));
        }
        return Tables.of(rows);
    }

    private static List<Integer> rangeList(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    /** The numbers in the first (right-aligned, numeric) cell of each data row. */
    private static List<Integer> shownNumbers(String html) {
        Matcher m = Pattern.compile("<tr><td style=\"text-align: right;\">(\\d+)</td>").matcher(html);
        List<Integer> out = new ArrayList<>();
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
