package org.rnncourse.show;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void logAxesAreLabelledWithPowersOfTenOnly() {
        tech.tablesaw.plotly.components.Layout layout = tech.tablesaw.plotly.components.Layout.builder("log")
                .yAxis(Plots.logAxis("norm", new double[] {1e-18, 1, 1e9}, new double[] {0, Double.NaN, -3})).build();
        double[] x = {1, 2, 3}, y = {1e-18, 1, 1e9};
        String js = Plots.figureHtml(new tech.tablesaw.plotly.components.Figure(layout,
                tech.tablesaw.plotly.traces.ScatterTrace.builder(x, y).build()));
        assertTrue(js.contains("type: 'log'"), js);
        // Said explicitly, tickmode 'array' makes plotly 1.54 drop the tickvals (seen in Chromium).
        assertFalse(js.contains("tickmode:"), js);
        // 27 decades: every 5th power, from 10⁻²⁰ to 10¹⁰, written as plotly writes powers.
        assertTrue(js.contains("ticktext: [\"10<sup>\u221220</sup>\",\"10<sup>\u221215</sup>\",\"10<sup>\u221210</sup>\","
                + "\"10<sup>\u22125</sup>\",\"1\",\"10<sup>5</sup>\",\"10<sup>10</sup>\"]"), js);
        assertTrue(js.matches("(?s).*tickvals: \\[\"?1\\.0E-20\"?,.*\"?1\\.0E10\"?\\].*"), js);
        assertFalse(js.matches("(?s).*ticktext: \\[[^]]*[nµmkMGTB]\"[^]]*\\].*"), "no SI prefix: " + js);
    }

    @Test
    void logTicksAreEveryDecadeWhenFewElseEveryFewDecadesAndNeverMoreThanEight() {
        assertArrayEquals(new int[] {-3, -2, -1, 0, 1, 2, 3}, Plots.logTickPowers(0.005, 117));
        assertArrayEquals(new int[] {0, 1}, Plots.logTickPowers(2, 3));
        assertArrayEquals(new int[] {-7, 0, 7, 14, 21, 28, 35, 42}, Plots.logTickPowers(0.2, 1e40));
        for (int lo = -40; lo < 5; lo += 3) {
            for (int hi = lo; hi < 45; hi += 4) {
                int[] p = Plots.logTickPowers(Math.pow(10, lo) * 1.5, Math.pow(10, hi) * 2);
                assertTrue(p.length <= Plots.MAX_LOG_TICKS && p.length >= 2, lo + ".." + hi);
                assertTrue(p[0] <= lo && p[p.length - 1] >= hi + 1, "the ticks cover the data " + lo + ".." + hi);
            }
        }
        assertEquals("10<sup>\u221218</sup>", Plots.powerOfTen(-18));
        assertEquals("1", Plots.powerOfTen(0));
    }

    @Test
    void aNullFigureNamesTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.figureHtml(null));
        assertTrue(e.getMessage().contains("figure is null"));
    }
}
