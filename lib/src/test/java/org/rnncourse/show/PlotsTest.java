package org.rnncourse.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

class PlotsTest {

    private static Figure line() {
        Table t = Table.create("t", DoubleColumn.create("x", 0, 1, 2), DoubleColumn.create("y", 1, 4, 9));
        return LinePlot.create("squares", t, "x", "y");
    }

    @Test
    void plotlyShipsInTheJarAndDefinesAGlobalEvenWithRequireJsOnThePage() {
        String script = Plots.plotlyScript();
        assertTrue(script.contains("plotly.js (cartesian - minified) v1.54.1"), "the bundle itself");
        assertTrue(script.length() > 900_000, "the whole bundle, not a loader");
        assertTrue(script.contains("window.define = undefined"), "AMD hidden while the bundle runs");
        assertTrue(script.indexOf("MathJaxConfig: 'local'") < script.indexOf("plotly.js (cartesian"),
                "MathJax config set before the bundle");
        assertFalse(script.contains("<script src"), "inline, nothing fetched from a CDN");
    }

    @Test
    void aFigureIsADivAndAScriptThatWaitsForPlotly() {
        String html = Plots.figureHtml(line());
        Matcher div = Pattern.compile("<div id='([A-Za-z0-9_]+)'").matcher(html);
        assertTrue(div.find(), html);
        String id = div.group(1);
        assertTrue(id.matches("rnn_plot_[0-9a-f]{32}"), "a valid JavaScript name: " + id);
        assertTrue(html.contains("Plotly.newPlot"), html);
        assertTrue(html.contains("if (window.Plotly)"), html);
        assertEquals(1, html.split("<script", -1).length - 1, "one script, the Tablesaw tags stripped");
        assertFalse(html.contains("cdn.plot.ly"));
    }

    @Test
    void everyFigureGetsItsOwnId() {
        assertFalse(Plots.figureHtml(line()).equals(Plots.figureHtml(line())));
    }

    @Test
    void outsideANotebookShowPrintsTheTextForm() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Show.plot(line());
            Show.table(Table.create("tiny", DoubleColumn.create("v", 3.5)));
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[plot: 1 trace(s)]"), text);
        assertTrue(text.contains("3.5"), text);
        assertFalse(text.contains("<script"), "no HTML in a terminal: " + text);
    }

    /** Plotly's default log axis writes 10⁻¹⁸, 1n, 1, 1B side by side: the course's says powers of ten only. */
    @Test
    void logAxesWriteTheirTicksAsPowersOfTen() {
        tech.tablesaw.plotly.components.Layout layout = tech.tablesaw.plotly.components.Layout.builder("log")
                .yAxis(Plots.logAxis("norm")).build();
        double[] x = {1, 2, 3}, y = {1e-18, 1, 1e9};
        String js = Plots.figureHtml(new tech.tablesaw.plotly.components.Figure(layout,
                tech.tablesaw.plotly.traces.ScatterTrace.builder(x, y).build()));
        assertTrue(js.contains("type: 'log'"), js);
        assertTrue(js.contains("exponentformat: 'power'"), js);
        assertTrue(js.contains("tickmode: 'auto'"), js);
    }

    @Test
    void aNullFigureNamesTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.figureHtml(null));
        assertTrue(e.getMessage().contains("figure is null"));
    }
}
