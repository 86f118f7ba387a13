package org.rnncourse.diagram;

import java.util.Locale;
import java.util.Objects;
import org.rnncourse.Messages;
import org.rnncourse.show.Show;

/**
 * One finished picture: its SVG text and what a test or a screen reader needs to know about it.
 * Immutable; made by {@link Svg#build()} and by the diagram classes of this package.
 *
 * <p>In a notebook, {@link #display()} shows it in the cell's output, inline, with no network and
 * nothing to install; outside a notebook it prints the title and the description instead.
 */
public final class Diagram {
    private final String svg;
    private final String title;
    private final String description;
    private final double width;
    private final double height;
    private final int boxes;

    Diagram(String svg, String title, String description, double width, double height, int boxes) {
        this.svg = Objects.requireNonNull(svg);
        this.title = Objects.requireNonNull(title);
        this.description = Objects.requireNonNull(description);
        this.width = width;
        this.height = height;
        this.boxes = boxes;
    }

    /** The SVG text, a complete {@code <svg>} element. */
    public String svg() {
        return svg;
    }

    /** The title (the SVG's {@code <title>}). */
    public String title() {
        return title;
    }

    /** The text description (the SVG's {@code <desc>}). */
    public String description() {
        return description;
    }

    /** Width in user units (pixels at 100 %). */
    public double width() {
        return width;
    }

    /** Height in user units. */
    public double height() {
        return height;
    }

    /** How many boxes, nodes and value cells it draws: a bigger object gives more. */
    public int boxes() {
        return boxes;
    }

    /** The SVG wrapped in a block that keeps it at its size and lets a wide one scroll. */
    public String html() {
        return "<div class=\"rnn-diagram-box\" style=\"overflow-x:auto;margin:4px 0\">" + svg + "</div>";
    }

    /**
     * Shows the diagram in the notebook cell's output as inline SVG (the same route as the
     * library's tables). Outside a notebook, prints the title and description.
     */
    public void display() {
        Show.html(html(), Messages.get("out.diagram.shown", title, description));
    }

    /** The title, so a cell that ends with a diagram prints something a learner can read. */
    @Override
    public String toString() {
        return Messages.get("out.diagram.name", title);
    }

    /** A number as a diagram writes it: up to three significant decimals, no exponent for common sizes. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        String s;
        if (a >= 100) {
            s = String.format(Locale.ROOT, "%.0f", v);
        } else if (a >= 10) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else if (a >= 1) {
            s = String.format(Locale.ROOT, "%.2f", v);
        } else {
            s = String.format(Locale.ROOT, "%.3f", v);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }
}
