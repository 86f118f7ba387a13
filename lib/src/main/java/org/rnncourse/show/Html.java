package org.rnncourse.show;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns a Tablesaw {@link Table} into an HTML table. Tablesaw core writes CSV, JSON and plain
 * text, but no HTML, and a notebook reads far better with a real table than with padded text.
 */
public final class Html {
    /** How many rows a table shows before it says how many more there are. */
    public static final int DEFAULT_MAX_ROWS = 50;

    private Html() {}

    /** The whole table (up to {@link #DEFAULT_MAX_ROWS} rows) as an HTML {@code <table>}. */
    public static String table(Table table) {
        return table(table, DEFAULT_MAX_ROWS);
    }

    /**
     * The table as HTML, showing at most {@code maxRows} rows followed by a line that says how
     * many were left out. Its name, when it has one, is the caption.
     */
    public static String table(Table table, int maxRows) {
        if (table == null) {
            throw new IllegalArgumentException("table is null: pass a tech.tablesaw.api.Table");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        StringBuilder html = new StringBuilder("<table class=\"rnn-course-table\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption style=\"caption-side:top;text-align:left;white-space:nowrap;font-weight:bold\">").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            html.append("<th>").append(escape(c.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (Column<?> c : table.columns()) {
                boolean numeric = c instanceof NumericColumn;
                html.append(numeric ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(c.getString(r)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (table.rowCount() > shown) {
            html.append("<p><em>… ").append(table.rowCount() - shown)
                    .append(" more rows (").append(table.rowCount()).append(" in all)</em></p>\n");
        }
        return html.toString();
    }

    /** Escapes the five characters that HTML treats specially, so any text shows as itself. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
