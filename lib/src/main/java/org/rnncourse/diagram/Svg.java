package org.rnncourse.diagram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A small fluent builder for the SVG text of one diagram: boxes, lines, arrows and labels.
 *
 * <p>Why write SVG by hand instead of calling Graphviz or a Java SVG library? A learner must not
 * install anything, the notebook must work offline, and a diagram here is a few dozen shapes at
 * places the diagram class computes: plain text is the shortest way to get there.
 *
 * <p>Coordinates are user units (pixels at 100 %), with y growing downwards. Every shape takes a
 * drawing class from {@link Palette} (an unknown class draws in black). The builder starts with
 * the light background card and ends, in {@link #build()}, with a {@link Diagram}.
 *
 * <pre>{@code
 * Diagram d = new Svg(200, 80, "One box", "A single box labelled h.")
 *         .roundRect(20, 20, 60, 40, 6, "hidden").textMiddle(50, 45, "h", "label")
 *         .build();
 * }</pre>
 */
public final class Svg {
    private final double width;
    private final double height;
    private final String title;
    private final String description;
    private final String id = "rnnd-" + UUID.randomUUID().toString().substring(0, 8);
    private final StringBuilder body = new StringBuilder();
    private final Set<String> used = new LinkedHashSet<>();
    private final Deque<String> open = new ArrayDeque<>();
    private int boxes;
    private boolean built;

    /**
     * A new, empty diagram of {@code width} × {@code height} user units. {@code title} is what a
     * screen reader says first; {@code description} says in a sentence or two what it shows.
     */
    public Svg(double width, double height, String title, String description) {
        if (!(width > 0) || !(height > 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("a diagram needs a positive width and height, got "
                    + width + " × " + height);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a diagram needs a title (screen readers say it first)");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a diagram needs a description of what it shows, for screen readers");
        }
        this.width = width;
        this.height = height;
        this.title = title;
        this.description = description;
        use("card");
        body.append("<rect class=\"card\" x=\"0.5\" y=\"0.5\" width=\"").append(n(width - 1))
                .append("\" height=\"").append(n(height - 1)).append("\" rx=\"10\" ")
                .append(Palette.attributes("card")).append("/>\n");
    }

    /** The width given to the constructor. */
    public double width() {
        return width;
    }

    /** The height given to the constructor. */
    public double height() {
        return height;
    }

    /** A rectangle (counted as a box). */
    public Svg rect(double x, double y, double w, double h, String cls) {
        checkSize(w, h, "rect");
        boxes++;
        return element("<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\"", cls);
    }

    /** A rectangle with corners rounded by {@code r} (counted as a box). */
    public Svg roundRect(double x, double y, double w, double h, double r, String cls) {
        checkSize(w, h, "roundRect");
        boxes++;
        return element("<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h)
                + "\" rx=\"" + n(r) + "\"", cls);
    }

    /** A circle (counted as a box: a node of the drawing). */
    public Svg circle(double cx, double cy, double r, String cls) {
        checkSize(r, r, "circle");
        boxes++;
        return element("<circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(r) + "\"", cls);
    }

    /** A straight line. */
    public Svg line(double x1, double y1, double x2, double y2, String cls) {
        double w = Palette.strokeWidth(cls);
        return element("<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\""
                + (w > 0 ? " stroke-width=\"" + n(w) + "\"" : ""), cls);
    }

    /**
     * A line from (x1, y1) to (x2, y2) with an arrow head at the end, {@code strokeWidth} thick
     * (the head grows with it, so a thick arrow still shows its direction).
     *
     * <p>The head is a small triangle drawn here, not an SVG {@code <marker>}: markers need ids,
     * and two diagrams on one page would then share (and fight over) them.
     */
    public Svg arrow(double x1, double y1, double x2, double y2, String cls, double strokeWidth) {
        if (!(strokeWidth > 0) || Double.isInfinite(strokeWidth)) {
            throw new IllegalArgumentException("an arrow's strokeWidth must be positive, got " + strokeWidth);
        }
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            throw new IllegalArgumentException("an arrow needs two different end points, got (" + x1 + ", " + y1 + ") twice");
        }
        double ux = dx / len;
        double uy = dy / len;
        double head = Math.min(len * 0.6, 5 + 2.2 * strokeWidth);
        double half = head * 0.5;
        // The shaft stops where the head starts, so a thick shaft does not poke through the tip.
        double bx = x2 - ux * head;
        double by = y2 - uy * head;
        use(cls);
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(bx))
                .append("\" y2=\"").append(n(by)).append("\" ").append(classAttr(cls)).append(Palette.attributes(cls))
                .append(" stroke-width=\"").append(n(strokeWidth)).append("\"/>\n");
        String headCls = Palette.has("head-" + cls) ? "head-" + cls : "head";
        use(headCls);
        body.append("<polygon points=\"").append(n(x2)).append(',').append(n(y2)).append(' ')
                .append(n(bx - uy * half)).append(',').append(n(by + ux * half)).append(' ')
                .append(n(bx + uy * half)).append(',').append(n(by - ux * half)).append("\" ")
                .append(classAttr(headCls)).append(Palette.attributes(headCls)).append("/>\n");
        return this;
    }

    /** An arrow 1.5 units thick. */
    public Svg arrow(double x1, double y1, double x2, double y2, String cls) {
        return arrow(x1, y1, x2, y2, cls, 1.5);
    }

    /** Any path, in SVG path syntax ({@code "M 10 10 C 20 0, 40 0, 50 10"}). */
    public Svg path(String d, String cls) {
        if (d == null || d.isBlank()) {
            throw new IllegalArgumentException("a path needs its d text, e.g. \"M 0 0 L 10 10\"");
        }
        double w = Palette.strokeWidth(cls);
        return element("<path d=\"" + escape(d) + "\"" + (w > 0 ? " stroke-width=\"" + n(w) + "\"" : ""), cls);
    }

    /** Text starting at (x, y), y being the baseline. */
    public Svg text(double x, double y, String text, String cls) {
        return text(x, y, text, cls, "start");
    }

    /** Text centred on x. */
    public Svg textMiddle(double x, double y, String text, String cls) {
        return text(x, y, text, cls, "middle");
    }

    /** Text ending at x. */
    public Svg textEnd(double x, double y, String text, String cls) {
        return text(x, y, text, cls, "end");
    }

    /** Text with the anchor {@code "start"}, {@code "middle"} or {@code "end"}. */
    public Svg text(double x, double y, String text, String cls, String anchor) {
        if (!"start".equals(anchor) && !"middle".equals(anchor) && !"end".equals(anchor)) {
            throw new IllegalArgumentException("anchor must be start, middle or end, got " + anchor);
        }
        use(cls);
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" ").append(classAttr(cls)).append(Palette.attributes(cls)).append('>')
                .append(escape(text == null ? "" : text)).append("</text>\n");
        return this;
    }

    /**
     * A cell coloured by value ({@code colour} as {@code #rrggbb}, e.g. from
     * {@link Palette#diverging}), with {@code label} written inside in ink that reads on it (null
     * for none) and {@code tooltip} shown on hover (null for none). Counted as a box.
     */
    public Svg fill(double x, double y, double w, double h, String colour, String label, String tooltip) {
        checkSize(w, h, "fill");
        Palette.rgb(colour);
        boxes++;
        body.append("<g>");
        if (tooltip != null) {
            body.append("<title>").append(escape(tooltip)).append("</title>");
        }
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(colour)
                .append("\" stroke=\"").append(Palette.MUTED).append("\" stroke-width=\"0.6\"/>");
        if (label != null) {
            double size = Math.max(8, Math.min(12, h * 0.45));
            body.append("<text x=\"").append(n(x + w / 2)).append("\" y=\"").append(n(y + h / 2 + size * 0.35))
                    .append("\" text-anchor=\"middle\" font-size=\"").append(n(size)).append("\" fill=\"")
                    .append(Palette.textOn(colour)).append("\">").append(escape(label)).append("</text>");
        }
        body.append("</g>\n");
        return this;
    }

    /** A cell coloured by value with no label and no tooltip. */
    public Svg fill(double x, double y, double w, double h, String colour) {
        return fill(x, y, w, h, colour, null, null);
    }

    /**
     * A legend for {@link Palette#diverging}: a bar from −maxAbs (blue) through 0 (white) to
     * +maxAbs (red), {@code w} wide, with its three values written under it.
     */
    public Svg divergingLegend(double x, double y, double w, double maxAbs, String caption) {
        int steps = 21;
        double cell = w / steps;
        for (int i = 0; i < steps; i++) {
            double v = -maxAbs + 2 * maxAbs * i / (steps - 1);
            legendCell(x + i * cell, y, cell, Palette.diverging(v, maxAbs));
        }
        text(x, y + 24, "−" + Diagram.format(maxAbs), "small");
        textMiddle(x + w / 2, y + 24, "0", "small");
        textEnd(x + w, y + 24, "+" + Diagram.format(maxAbs), "small");
        if (caption != null) {
            text(x, y - 4, caption, "note");
        }
        return this;
    }

    /** A legend for {@link Palette#sequential}: a bar from 0 (pale) to {@code max} (dark). */
    public Svg sequentialLegend(double x, double y, double w, double max, String caption) {
        int steps = 21;
        double cell = w / steps;
        for (int i = 0; i < steps; i++) {
            legendCell(x + i * cell, y, cell, Palette.sequential(i / (double) (steps - 1)));
        }
        text(x, y + 24, "0", "small");
        textEnd(x + w, y + 24, Diagram.format(max), "small");
        if (caption != null) {
            text(x, y - 4, caption, "note");
        }
        return this;
    }

    private void legendCell(double x, double y, double w, String colour) {
        // Not counted as boxes: a legend does not change with the learner's object.
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(w + 0.3)).append("\" height=\"10\" fill=\"").append(colour).append("\"/>\n");
    }

    /** Opens a group ({@code <g>}) of class {@code cls} (null for none); close it with {@link #end()}. */
    public Svg group(String cls) {
        use(cls);
        body.append("<g ").append(classAttr(cls)).append(Palette.attributes(cls)).append(">\n");
        open.push(cls == null ? "" : cls);
        return this;
    }

    /** Closes the group opened last. */
    public Svg end() {
        if (open.isEmpty()) {
            throw new IllegalStateException("end() without a group(...) to close");
        }
        open.pop();
        body.append("</g>\n");
        return this;
    }

    /** How many boxes, nodes and cells were drawn so far (the background card is not one). */
    public int boxes() {
        return boxes;
    }

    /** The finished diagram. Every group must be closed; the builder cannot be used afterwards. */
    public Diagram build() {
        if (built) {
            throw new IllegalStateException("this Svg was already built: start a new one");
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " group(s) still open: call end() for each group(...)");
        }
        built = true;
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" role=\"img\" aria-labelledby=\""
                + id + "-title " + id + "-desc\" class=\"rnn-diagram " + id + "\""
                + " style=\"max-width:100%;height:auto\" font-family=\"'DejaVu Sans',Verdana,Arial,sans-serif\">\n"
                + "<title id=\"" + id + "-title\">" + escape(title) + "</title>\n"
                + "<desc id=\"" + id + "-desc\">" + escape(description) + "</desc>\n"
                + "<style>" + Palette.css(id, used) + "</style>\n"
                + body
                + "</svg>\n";
        return new Diagram(svg, title, description, width, height, boxes);
    }

    private Svg element(String start, String cls) {
        use(cls);
        body.append(start).append(' ').append(classAttr(cls)).append(Palette.attributes(cls)).append("/>\n");
        return this;
    }

    private void use(String cls) {
        if (built) {
            throw new IllegalStateException("this Svg was already built: start a new one");
        }
        if (cls != null) {
            used.add(cls);
        }
    }

    private static String classAttr(String cls) {
        return cls == null ? "" : "class=\"" + escape(cls) + "\" ";
    }

    private static void checkSize(double w, double h, String what) {
        if (!(w > 0) || !(h > 0) || Double.isInfinite(w) || Double.isInfinite(h)) {
            throw new IllegalArgumentException(what + " needs a positive size, got " + w + " × " + h);
        }
    }

    private static String n(double v) {
        return Palette.num(v);
    }

    /** Escapes the characters XML treats specially, so any label shows as itself. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newline are not allowed in XML 1.0.
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
