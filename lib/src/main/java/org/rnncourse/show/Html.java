package org.rnncourse.show;

import java.util.List;
import org.rnncourse.Messages;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
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
            throw new IllegalArgumentException(Messages.get("show.html.noTable"));
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException(Messages.get("show.html.maxRows", maxRows));
        }
        StringBuilder html = new StringBuilder("<table class=\"rnn-course-table\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption style=\"caption-side:top;text-align:left;white-space:nowrap;font-weight:bold\">").append(escape(table.name())).append("</caption>\n");
        }
        int shown = Math.min(maxRows, table.rowCount());
        List<Column<?>> columns = table.columns();
        String[][] cells = new String[columns.size()][];
        String[] align = new String[columns.size()];
        html.append("<thead><tr>");
        for (int c = 0; c < columns.size(); c++) {
            cells[c] = cells(columns.get(c), shown);
            align[c] = columns.get(c) instanceof NumericColumn || allNumbers(cells[c]) ? "text-align:right" : "text-align:left";
            html.append("<th style=\"").append(align[c]).append("\">")
                    .append(escape(columns.get(c).name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (int c = 0; c < columns.size(); c++) {
                html.append("<td style=\"").append(align[c]).append("\">")
                        .append(escape(cells[c][r]))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (table.rowCount() > shown) {
            html.append("<p><em>").append(escape(Messages.get("show.html.moreRows", table.rowCount() - shown, table.rowCount())))
                    .append("</em></p>\n");
        }
        return html.toString();
    }

    /**
     * The plain-text form of {@link #table(Table, int)} (Tablesaw's padded text), with its decimal
     * columns shown by the same rule as the HTML table.
     */
    public static String text(Table table, int maxRows) {
        if (table == null) {
            throw new IllegalArgumentException(Messages.get("show.html.noTable"));
        }
        int shown = Math.min(Math.max(1, maxRows), table.rowCount());
        Table copy = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn || c instanceof FloatColumn) {
                copy.addColumns(tech.tablesaw.api.StringColumn.create(c.name(), cells(c, shown)));
            } else {
                copy.addColumns(c.inRange(0, shown));
            }
        }
        String text = copy.print(shown);
        return table.rowCount() > shown ? text + "\n" + Messages.get("show.html.moreRows", table.rowCount() - shown, table.rowCount()) : text;
    }

    /**
     * The first {@code rows} cells of a column as text. Decimal columns follow {@link Numbers}'s one
     * rule (the same decimals down the column) unless they were given a print format of their own;
     * other columns show as Tablesaw prints them.
     */
    static String[] cells(Column<?> column, int rows) {
        String[] out = new String[rows];
        if ((column instanceof DoubleColumn || column instanceof FloatColumn) && !hasOwnFormat(column, rows)) {
            NumericColumn<?> numbers = (NumericColumn<?>) column;
            double[] values = new double[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = numbers.isMissing(r) ? Double.NaN : numbers.getDouble(r);
            }
            String[] formatted = Numbers.formatAll(values);
            for (int r = 0; r < rows; r++) {
                out[r] = numbers.isMissing(r) ? "" : formatted[r];
            }
            return out;
        }
        for (int r = 0; r < rows; r++) {
            out[r] = column.getString(r);
        }
        return out;
    }

    /**
     * True when the column was given a print format of its own ({@code setPrintFormatter}, e.g. a
     * lesson's probabilities to 3 decimals): that choice is kept. Tablesaw does not say which
     * formatter a column has, so its text is compared with a fresh column's (the default format).
     */
    private static boolean hasOwnFormat(Column<?> column, int rows) {
        Column<?> fresh = column instanceof FloatColumn f ? FloatColumn.create("", f.asFloatArray())
                : DoubleColumn.create("", ((DoubleColumn) column).asDoubleArray());
        for (int r = 0; r < rows; r++) {
            if (!column.isMissing(r) && !column.getString(r).equals(fresh.getString(r))) {
                return true;
            }
        }
        return false;
    }

    // A number as a text cell may be written: 0.25, -1.5e-05, 1,280,000, 2.10×, 95%, 1.9 s, or "–".
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+−]?[0-9][0-9,]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*(×|%|s)?|[–—-]?");

    /**
     * True when every cell of a text column is a number written out (a column the library formatted
     * itself), or a one-word mark where a number could not be ("diverged"). Numbers are right-aligned so their digits line up, text left-aligned so it reads as
     * text: said on every cell, because JupyterLab's stylesheet right-aligns every table cell.
     */
    static boolean allNumbers(String[] cells) {
        boolean any = false;
        for (String cell : cells) {
            String t = cell == null ? "" : cell.trim();
            if (NUMBER.matcher(t).matches()) {
                any |= !t.isEmpty() && !t.matches("[–—-]");
            } else if (!MARK.matcher(t).matches()) {
                return false;
            }
        }
        return any;
    }

    // A one-word mark in a column of numbers, where a number could not be: "diverged", "NaN", "n/a".
    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("[\\p{L}/]{1,12}");

    /**
     * Text in a {@code <pre>} block as a terminal shows it: the notebook's code font (an HTML output
     * does not get it by itself: nbconvert's pages draw a bare {@code <pre>} in the text font), no
     * margin, and normal line spacing as rich's Jupyter output has, so the rows of box-drawing
     * characters join into lines.
     */
    public static String pre(String text) {
        return "<pre style=\"margin:0;line-height:normal;white-space:pre;overflow-x:auto;"
                + "font-family:var(--jp-code-font-family, Menlo, 'DejaVu Sans Mono', Consolas, 'Courier New', monospace);"
                + "font-size:var(--jp-code-font-size, 13px)\">" + escape(text) + "</pre>";
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
