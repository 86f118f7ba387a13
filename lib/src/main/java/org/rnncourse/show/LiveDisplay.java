package org.rnncourse.show;

import tech.tablesaw.plotly.components.Figure;

/**
 * One output of a notebook cell that is redrawn in place while the cell runs: a training progress
 * line that moves, a plot that grows an epoch at a time. Outside a notebook nothing is redrawn:
 * only {@link #finish} prints the last text, so a terminal gets one clean copy.
 */
public final class LiveDisplay {
    private final String id;
    private String lastText;

    private LiveDisplay(String id, String text) {
        this.id = id;
        this.lastText = text;
    }

    /** True when a notebook kernel shows the output (and so can redraw it). */
    public static boolean inNotebook() {
        return Notebook.available();
    }

    /** Starts a live block of monospaced text (progress lines). */
    public static LiveDisplay startText(String text) {
        String id = Notebook.available() ? Notebook.show(pre(text), text) : null;
        return new LiveDisplay(id, text);
    }

    /** Starts a live plot. */
    public static LiveDisplay startFigure(Figure figure) {
        Show.ensurePlotly();
        String id = Notebook.available() ? Notebook.show(Plots.figureHtml(figure), "[plot]") : null;
        return new LiveDisplay(id, "[plot]");
    }

    /** Redraws the block with new text. */
    public void update(String newText) {
        lastText = newText;
        if (id != null) {
            Notebook.update(id, pre(newText), newText);
        }
    }

    /** Redraws the plot. */
    public void update(Figure figure) {
        if (id != null) {
            // plotly.js is on the page in an output of its own (Show.ensurePlotly), not in this one.
            Notebook.update(id, Plots.figureHtml(figure), "[plot]");
        }
    }

    /** The last text, printed once when there is no notebook to redraw in. */
    public void finish() {
        if (id == null && lastText != null && !lastText.equals("[plot]")) {
            System.out.println(lastText);
        }
    }

    private static String pre(String text) {
        return Html.pre(text);
    }
}
