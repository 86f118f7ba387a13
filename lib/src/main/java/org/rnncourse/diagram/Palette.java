package org.rnncourse.diagram;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The colours of every diagram, chosen once so the lessons read alike.
 *
 * <p>Why a light card? A notebook can be shown on a white page (nbconvert, the static site,
 * JupyterLab's light theme) or a near-black one (the dark theme). Colours picked for one are lost
 * on the other, so each diagram draws its own light, rounded background card and puts dark text
 * on it: the picture then looks the same everywhere.
 *
 * <p>Each drawing class ({@code "input"}, {@code "hidden"}, ...) is written twice into the SVG: as
 * a CSS rule in its {@code <style>} and as plain presentation attributes on each element. A page
 * that strips {@code <style>} (an untrusted notebook's sanitizer) still shows the colours.
 *
 * <p>Value colours: {@link #diverging} for signed values (blue below zero, white at zero, red
 * above), {@link #sequential} for sizes such as gradient norms (pale yellow to dark purple).
 */
public final class Palette {
    /** The background card: an off-white that is light in every theme. */
    public static final String CARD = "#fbfaf6";
    /** The text colour on the card. */
    public static final String INK = "#1f2328";
    /** Grey for arrows, borders and notes. */
    public static final String MUTED = "#57606a";

    /** One drawing class: the presentation attributes its elements get. */
    record Style(String attributes, String css) {}

    private static final Map<String, Style> STYLES = new LinkedHashMap<>();
    private static final Map<String, Double> STROKE_WIDTHS = new LinkedHashMap<>();

    static {
        shape("card", CARD, "#d0d7de", 1);
        shape("box", "#ffffff", MUTED, 1.2);
        shape("input", "#dcf2e3", "#2f855a", 1.5);     // x_t: green
        shape("hidden", "#dbe9fb", "#2b6cb0", 1.5);    // h_t: blue
        shape("output", "#fde7d3", "#c05621", 1.5);    // y_t: orange
        shape("weight", "#ece3fb", "#6b46c1", 1.5);    // W_xh, W_hh, W_hy: purple
        shape("loss", "#fbe0e0", "#c53030", 1.5);      // L: red
        shape("dense", "#f1f3f5", "#495057", 1.5);     // a feedforward layer: grey
        shape("empty", "#ffffff", "#adb5bd", 1);       // a step with nothing in it
        shape("highlight", "none", "#6b46c1", 2);      // the shared weights, circled
        stroke("arrow", MUTED, 1.5);
        stroke("forward", "#2b6cb0", 1.5);
        stroke("back", "#c53030", 1.5);
        stroke("shared", "#6b46c1", 1.5);
        stroke("recurrent", "#2b6cb0", 1.8);
        dashed("dashed", MUTED, 1.2);
        fillOnly("head", MUTED);
        fillOnly("head-forward", "#2b6cb0");
        fillOnly("head-back", "#c53030");
        fillOnly("head-shared", "#6b46c1");
        fillOnly("head-recurrent", "#2b6cb0");
        text("label", INK, 13, "normal");
        text("title", INK, 15, "bold");
        text("heading", INK, 13, "bold");
        text("small", INK, 11, "normal");
        text("note", MUTED, 11, "normal");
        text("shape", "#6b46c1", 11, "normal");        // a shape such as (4, 3)
        text("math", INK, 14, "normal");
        text("back-label", "#c53030", 11, "normal");
    }

    private Palette() {}

    private static void shape(String cls, String fill, String stroke, double width) {
        String w = num(width);
        STYLES.put(cls, new Style(
                "fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + w + "\"",
                "fill:" + fill + ";stroke:" + stroke + ";stroke-width:" + w));
    }

    // A line class leaves its width out of the attributes: an arrow sets its own width (the
    // gradient-norm arrows of lesson 06), and a plain line gets the default from strokeWidth().
    private static void stroke(String cls, String colour, double width) {
        STROKE_WIDTHS.put(cls, width);
        STYLES.put(cls, new Style("fill=\"none\" stroke=\"" + colour + "\"", "fill:none;stroke:" + colour));
    }

    private static void dashed(String cls, String colour, double width) {
        STROKE_WIDTHS.put(cls, width);
        STYLES.put(cls, new Style(
                "fill=\"none\" stroke=\"" + colour + "\" stroke-dasharray=\"4 3\"",
                "fill:none;stroke:" + colour + ";stroke-dasharray:4 3"));
    }

    /** The usual width of a line class, or 0 when {@code cls} is a shape class with its own width. */
    static double strokeWidth(String cls) {
        Double w = cls == null ? null : STROKE_WIDTHS.get(cls);
        return w == null ? 0 : w;
    }

    private static void fillOnly(String cls, String colour) {
        STYLES.put(cls, new Style("fill=\"" + colour + "\" stroke=\"none\"", "fill:" + colour + ";stroke:none"));
    }

    private static void text(String cls, String colour, int size, String weight) {
        STYLES.put(cls, new Style(
                "fill=\"" + colour + "\" font-size=\"" + size + "\" font-weight=\"" + weight + "\"",
                "fill:" + colour + ";font-size:" + size + "px;font-weight:" + weight));
    }

    /** True when {@code cls} is one of the palette's drawing classes. */
    public static boolean has(String cls) {
        return STYLES.containsKey(cls);
    }

    /** The presentation attributes of {@code cls} (empty for an unknown or null class). */
    static String attributes(String cls) {
        Style s = cls == null ? null : STYLES.get(cls);
        return s == null ? "" : s.attributes();
    }

    /** The CSS rules of the classes used, scoped under {@code scope} (a class on the svg element). */
    static String css(String scope, Iterable<String> used) {
        StringBuilder out = new StringBuilder();
        out.append('.').append(scope).append(" text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif}");
        for (String cls : used) {
            Style s = STYLES.get(cls);
            if (s != null) {
                out.append('.').append(scope).append(" .").append(cls).append('{').append(s.css()).append('}');
            }
        }
        return out.toString();
    }

    /**
     * A colour for a signed value: blue for negative, white for zero, red for positive, full
     * strength at {@code |value| >= maxAbs}. NaN is grey, so a broken value is seen, not hidden.
     */
    public static String diverging(double value, double maxAbs) {
        if (!(maxAbs > 0) || Double.isInfinite(maxAbs)) {
            throw new IllegalArgumentException("maxAbs must be a positive finite number, got " + maxAbs);
        }
        if (Double.isNaN(value)) {
            return "#9e9e9e";
        }
        double t = Math.max(-1, Math.min(1, value / maxAbs));
        int[] white = {247, 247, 247};
        int[] end = t < 0 ? new int[] {33, 102, 172} : new int[] {178, 24, 43};
        return mix(white, end, Math.abs(t));
    }

    /**
     * A colour for a size in [0, 1] (0 pale yellow, 1 dark purple); values outside are clamped.
     * Divide by the largest value first, or use {@link #sequential(double, double)}.
     */
    public static String sequential(double t) {
        if (Double.isNaN(t)) {
            return "#9e9e9e";
        }
        t = Math.max(0, Math.min(1, t));
        // Three stops of a viridis-like ramp, reversed so that bigger reads darker.
        int[][] stops = {{253, 231, 37}, {33, 145, 140}, {68, 1, 84}};
        if (t <= 0.5) {
            return mix(stops[0], stops[1], t * 2);
        }
        return mix(stops[1], stops[2], (t - 0.5) * 2);
    }

    /** {@link #sequential(double)} of {@code value / max}. */
    public static String sequential(double value, double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("max must be a positive finite number, got " + max);
        }
        return sequential(value / max);
    }

    /** Dark ink or white, whichever reads better on {@code hexColour} (e.g. a value cell). */
    public static String textOn(String hexColour) {
        int[] c = rgb(hexColour);
        double luminance = (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) / 255;
        return luminance > 0.55 ? INK : "#ffffff";
    }

    static int[] rgb(String hex) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("a colour must look like #rrggbb, got " + hex);
        }
        return new int[] {
            Integer.parseInt(hex.substring(1, 3), 16),
            Integer.parseInt(hex.substring(3, 5), 16),
            Integer.parseInt(hex.substring(5, 7), 16)};
    }

    private static String mix(int[] a, int[] b, double t) {
        return String.format(Locale.ROOT, "#%02x%02x%02x",
                Math.round(a[0] + (b[0] - a[0]) * t),
                Math.round(a[1] + (b[1] - a[1]) * t),
                Math.round(a[2] + (b[2] - a[2]) * t));
    }

    /** A coordinate or width as short text: at most two decimals, no trailing zeros. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("a coordinate must be a finite number, got " + v);
        }
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        String s = String.format(Locale.ROOT, "%.2f", r);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
