package org.rnncourse.show;

import org.rnncourse.Messages;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * What a lesson shows: tables as HTML tables, plots as interactive plots, any HTML. Each method
 * displays in the notebook and returns nothing, so a cell can end with it and print no stray id.
 * Outside a notebook (a test, a terminal) the plain-text form is printed instead.
 */
public final class Show {
    /** plotly.js goes on the page once per kernel: every plot after the first reuses it. */
    private static boolean plotlyShown;

    private Show() {}

    /** Shows a Tablesaw table as an HTML table (at most {@value Html#DEFAULT_MAX_ROWS} rows). */
    public static void table(Table table) {
        table(table, Html.DEFAULT_MAX_ROWS);
    }

    /** Shows a Tablesaw table as an HTML table with at most {@code maxRows} rows. */
    public static void table(Table table, int maxRows) {
        String html = Html.table(table, maxRows);
        Notebook.show(html, Html.text(table, maxRows));
    }

    /** Shows a Tablesaw jsplot figure as an interactive plot that also works offline. */
    public static void plot(Figure figure) {
        ensurePlotly();
        Notebook.show(Plots.figureHtml(figure), "[plot: " + describe(figure) + "]");
    }

    /**
     * Puts plotly.js on the page before the first plot a notebook kernel shows, as an output of
     * its own: a plot that is later redrawn in place (live training curves) replaces only itself.
     */
    static void ensurePlotly() {
        if (Notebook.available()) {
            synchronized (Show.class) {
                if (!plotlyShown) {
                    plotlyShown = true;
                    Notebook.show(Plots.plotlyScript(), null);
                }
            }
        }
    }

    /**
     * Shows monospaced text as it prints (a model summary, progress lines), in a block whose lines
     * touch. A notebook's output area spaces printed lines 1.3 apart, which leaves a gap between the
     * rows of box-drawing characters (┃ │ ┼); Keras's summary, drawn by rich, is shown the same way.
     */
    public static void monospaced(String text) {
        if (text == null) {
            throw new IllegalArgumentException(Messages.get("show.noText"));
        }
        String shown = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        Notebook.show(Html.pre(shown), shown);
    }

    /** Shows any HTML fragment (the text form is shown where HTML can't be). */
    public static void html(String html, String text) {
        if (html == null) {
            throw new IllegalArgumentException(Messages.get("show.noHtml"));
        }
        Notebook.show(html, text == null ? html : text);
    }

    /** Shows any HTML fragment. */
    public static void html(String html) {
        html(html, null);
    }

    private static String describe(Figure figure) {
        return figure.getTraces().length + " trace(s)";
    }
}
