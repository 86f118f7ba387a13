package org.rnncourse.show;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.TickSettings;

/**
 * Makes a Tablesaw jsplot {@link Figure} into HTML that draws itself in JupyterLab, in the
 * classic Notebook and in nbconvert's static HTML opened with no network.
 *
 * <p>Three holes are avoided here. Tablesaw's own page loads plotly.js from a CDN, which fails
 * offline: the library ships plotly.js in its jar and puts it on the page once. When require.js is
 * on the page (classic Notebook, nbconvert), plotly registers as an AMD module instead of the global
 * {@code Plotly}: {@code define} is hidden while the bundle runs. And once MathJax has rendered a
 * formula in JupyterLab 4, plotly 1.54 fails to start unless told to leave MathJax alone.
 */
public final class Plots {
    static final String PLOTLY_VERSION = "1.54.1";
    private static final String BUNDLE =
            "/META-INF/resources/webjars/plotly.js/" + PLOTLY_VERSION + "/dist/plotly-cartesian.min.js";

    private Plots() {}

    /**
     * A {@code <script>} that defines the global {@code Plotly} from the bundled plotly.js, with
     * {@code define} hidden so that require.js pages get the global too. About one megabyte.
     */
    public static String plotlyScript() {
        return "<script type=\"text/javascript\">\n"
                + "window.PlotlyConfig = {MathJaxConfig: 'local'};\n"
                + "(function () { var savedDefine = window.define; window.define = undefined;\n"
                + bundle()
                + "\n;window.define = savedDefine; })();\n"
                + "</script>\n";
    }

    /**
     * The figure as a {@code <div>} and a script that draws it as soon as {@code Plotly} exists.
     * If plotly.js never arrives (an output copied without the cell that loaded it), the div says
     * what to do instead of staying blank.
     */
    public static String figureHtml(Figure figure) {
        if (figure == null) {
            throw new IllegalArgumentException("figure is null: pass a tech.tablesaw.plotly.components.Figure");
        }
        // Tablesaw makes a JavaScript variable name from the id: letters, digits and _ only.
        String id = "rnn_plot_" + UUID.randomUUID().toString().replace("-", "");
        String drawing = stripScriptTags(figure.asJavascript(id));
        return figure.divString(id)
                + "<script type=\"text/javascript\">\n"
                + "(function () {\n"
                + "  function draw() {\n" + drawing + "\n  }\n"
                + "  if (window.Plotly) { draw(); return; }\n"
                + "  var waited = 0;\n"
                + "  var timer = setInterval(function () {\n"
                + "    if (window.Plotly) { clearInterval(timer); draw(); }\n"
                + "    else if ((waited += 100) > 10000) {\n"
                + "      clearInterval(timer);\n"
                + "      document.getElementById('" + id + "').textContent =\n"
                + "        'plotly.js is not loaded on this page: restart the kernel and run the notebook from the top.';\n"
                + "    }\n"
                + "  }, 100);\n"
                + "})();\n"
                + "</script>\n";
    }

    /**
     * A log-scale axis whose ticks are powers of ten written as powers of ten (1, 10, 10², 10⁻³…).
     * Plotly's default for log axes mixes SI prefixes with powers (10⁻¹⁸, 1n, 1, 1B), and its "B"
     * reads as billion, not as a power: the exponent format "power" keeps one notation.
     */
    public static Axis logAxis(String title) {
        return Axis.builder().title(title).type(Axis.Type.LOG)
                .tickSettings(TickSettings.builder()
                        .tickMode(TickSettings.TickMode.AUTO)
                        .exponentFormat(TickSettings.ExponentFormat.POWER)
                        .build())
                .build();
    }

    private static String stripScriptTags(String javascript) {
        return javascript.replaceFirst("(?s)^\\s*<script[^>]*>", "").replaceFirst("(?s)</script>\\s*$", "");
    }

    private static String bundle() {
        try (InputStream in = Plots.class.getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js " + PLOTLY_VERSION
                        + " is missing from the library jar (" + BUNDLE + "): rebuild it with the set-up command");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read plotly.js from the library jar", e);
        }
    }
}
