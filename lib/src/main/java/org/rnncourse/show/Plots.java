package org.rnncourse.show;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.rnncourse.Messages;
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
            throw new IllegalArgumentException(Messages.get("show.plots.noFigure"));
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

    /** The most tick labels a log axis gets: beyond that, every second (third, …) power of ten. */
    static final int MAX_LOG_TICKS = 8;

    /**
     * A log-scale axis for the given series, labelled with powers of ten only (1, 10, 10², 10⁻¹⁸…),
     * at most {@value #MAX_LOG_TICKS} of them. Plotly's own labels for a log axis mix notations:
     * SI prefixes and powers on one axis (10⁻¹⁸, 1n, 1, 1B, where "B" means a billion), and "2" and
     * "5" between the powers when the range is short; so the ticks are given explicitly, from the
     * data's range. Values that are zero, negative, infinite or NaN cannot be on a log axis and are
     * left out of the range.
     */
    public static Axis logAxis(String title, double[]... series) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        if (series != null) {
            for (double[] values : series) {
                if (values == null) continue;
                for (double v : values) {
                    if (v > 0 && Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        TickSettings.TickSettingsBuilder ticks = TickSettings.builder().exponentFormat(TickSettings.ExponentFormat.POWER);
        if (max > 0) {
            int[] powers = logTickPowers(min, max);
            double[] values = new double[powers.length];
            String[] labels = new String[powers.length];
            for (int i = 0; i < powers.length; i++) {
                values[i] = Math.pow(10, powers[i]);
                labels[i] = powerOfTen(powers[i]);
            }
            // No tickmode: plotly 1.54 drops tickvals when tickmode 'array' is said explicitly, and
            // derives 'array' itself from the tickvals.
            ticks.arrayTicks(values, labels).tickMode(null);
        } else {
            ticks.tickMode(TickSettings.TickMode.AUTO);
        }
        return Axis.builder().title(title).type(Axis.Type.LOG).tickSettings(ticks.build()).build();
    }

    /** The exponents of the ticks for data from min to max (both positive): whole decades, evenly spaced. */
    static int[] logTickPowers(double min, double max) {
        int lo = (int) Math.floor(Math.log10(min)), hi = (int) Math.ceil(Math.log10(max));
        if (hi == lo) hi = lo + 1;
        // Every decade if that makes few enough ticks, else every 2nd, 3rd, …: multiples of the step,
        // so that 1 = 10⁰ is one of them whenever the range holds it.
        int step = 0, first, last;
        do {
            step++;
            first = Math.floorDiv(lo, step) * step;
            last = -Math.floorDiv(-hi, step) * step;
        } while ((last - first) / step + 1 > MAX_LOG_TICKS);
        int[] powers = new int[(last - first) / step + 1];
        for (int i = 0; i < powers.length; i++) powers[i] = first + i * step;
        return powers;
    }

    /** 10^k as plotly writes it with exponentformat "power": 1, 10, then 10 with a superscript exponent. */
    static String powerOfTen(int k) {
        if (k == 0) return "1";
        if (k == 1) return "10";
        return "10<sup>" + (k < 0 ? "−" + -k : String.valueOf(k)) + "</sup>";
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
