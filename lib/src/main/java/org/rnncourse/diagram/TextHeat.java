package org.rnncourse.diagram;

import java.util.Locale;
import org.rnncourse.Messages;
import org.rnncourse.data.ImdbData;
import org.rnncourse.nn.Sequential;
import org.rnncourse.lessons.CharRnn;

/**
 * Text with a value coloured behind each piece of it, blue for negative, white for zero, red for
 * positive:
 * <ul>
 *   <li>{@link #hiddenUnits}: a character model's hidden units over the text it reads, one block per
 *       unit, each character coloured by the unit's value right after reading it (Karpathy's
 *       "The Unreasonable Effectiveness of Recurrent Neural Networks");</li>
 *   <li>{@link #wordInfluence}: the words of a review coloured by how much each one moves a sentiment
 *       model's P(positive) ({@link Occlusion}).</li>
 * </ul>
 */
public final class TextHeat {
    private static final double MARGIN = 16;
    private static final double CHAR_W = 11;
    private static final double CHAR_H = 20;
    private static final int COLUMNS = 64;

    private TextHeat() {}

    /** {@link #hiddenUnits(HiddenActivations, int...)} for {@code model} reading {@code text}. */
    public static Diagram hiddenUnits(CharRnn model, String text, int... units) {
        return hiddenUnits(HiddenActivations.of(model, text), units);
    }

    /** One block per unit: the text, each character on the colour of h_t[unit] after reading it. */
    public static Diagram hiddenUnits(HiddenActivations acts, int... units) {
        if (acts == null) throw new IllegalArgumentException("acts is null: pass HiddenActivations.of(model, text)");
        if (units == null || units.length == 0) {
            throw new IllegalArgumentException("name at least one hidden unit to colour by, e.g. acts.mostVarying(3)");
        }
        String text = acts.text();
        double[][] values = new double[units.length][];
        for (int k = 0; k < units.length; k++) values[k] = acts.unit(units[k]);   // names a unit that does not exist
        // Lay the characters out once: a line breaks at a newline or after COLUMNS characters.
        int[] col = new int[text.length()];
        int[] row = new int[text.length()];
        int c = 0, r = 0;
        for (int i = 0; i < text.length(); i++) {
            if (c == COLUMNS) { c = 0; r++; }
            col[i] = c;
            row[i] = r;
            if (text.charAt(i) == '\n') { c = 0; r++; } else { c++; }
        }
        int rows = text.isEmpty() ? 1 : row[text.length() - 1] + 1;
        double blockH = 26 + rows * (CHAR_H + 2) + 12;
        double width = 2 * MARGIN + COLUMNS * CHAR_W;
        double height = 36 + units.length * blockH + 50;
        String title = Messages.get("out.textHeat.units.title", text.length());
        StringBuilder shownUnits = new StringBuilder();
        for (int k = 0; k < units.length; k++) shownUnits.append(k == 0 ? "" : ", ").append(units[k]);
        Svg svg = new Svg(width, height, title, Messages.get("out.textHeat.units.desc", shownUnits.toString()));
        svg.text(MARGIN, 24, Messages.get("out.textHeat.units.heading", acts.units()), "heading");
        for (int k = 0; k < units.length; k++) {
            double y0 = 36 + k * blockH;
            double[] v = values[k];
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double x : v) { min = Math.min(min, x); max = Math.max(max, x); }
            svg.text(MARGIN, y0 + 16, Messages.get("out.textHeat.units.label", units[k],
                    String.format(Locale.ROOT, "%.2f", min), String.format(Locale.ROOT, "%.2f", max)), "label");
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                String shown = ch == '\n' ? "⏎" : ch == ' ' ? null : String.valueOf(ch);
                double x = MARGIN + col[i] * CHAR_W;
                double y = y0 + 26 + row[i] * (CHAR_H + 2);
                String tip = Messages.get("out.textHeat.units.tip", ch == '\n' ? "⏎" : String.valueOf(ch), units[k],
                        String.format(Locale.ROOT, "%.3f", v[i]));
                svg.fill(x, y, CHAR_W, CHAR_H, Palette.diverging(v[i], 1), shown, tip);
            }
        }
        svg.divergingLegend(MARGIN, height - 38, 240, 1, Messages.get("out.textHeat.units.legend"));
        return svg.build();
    }

    /** {@link #wordInfluence(Occlusion)} of {@link Occlusion#measure}. */
    public static Diagram wordInfluence(Sequential model, ImdbData data, String review, int maxlen) {
        return wordInfluence(Occlusion.measure(model, data, review, maxlen));
    }

    /** The words the model reads, each on the colour of its influence on P(positive). */
    public static Diagram wordInfluence(Occlusion o) {
        if (o == null) throw new IllegalArgumentException("o is null: pass Occlusion.measure(model, data, review, 200)");
        double maxAbs = o.maxAbsInfluence();
        double lineW = 760;
        double x = 0;
        int lines = 1;
        double[] xs = new double[o.words().size()];
        int[] ls = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double w = wordWidth(o.words().get(i).text());
            if (x > 0 && x + w > lineW) { x = 0; lines++; }
            xs[i] = x;
            ls[i] = lines - 1;
            x += w + 4;
        }
        double width = lineW + 2 * MARGIN;
        double top = 56;
        double height = top + lines * 28 + 64;
        String title = Messages.get("out.textHeat.words.title", String.format(Locale.ROOT, "%.3f", o.probability()));
        StringBuilder strongest = new StringBuilder();
        for (Occlusion.Word w : o.strongest(3)) strongest.append(w).append(' ');
        Svg svg = new Svg(width, height, title, Messages.get("out.textHeat.words.desc", o.words().size(), strongest.toString()).trim());
        svg.text(MARGIN, 24, title, "heading");
        svg.text(MARGIN, 42, Messages.get("out.textHeat.words.note")
                + (o.cutWords() > 0 ? " · " + Messages.get("out.textHeat.words.cut", o.cutWords()) : ""), "note");
        for (int i = 0; i < xs.length; i++) {
            Occlusion.Word w = o.words().get(i);
            String tip = Messages.get("out.textHeat.words.tip", w.text(), String.format(Locale.ROOT, "%.3f", o.probability() - w.influence()),
                    String.format(Locale.ROOT, "%+.3f", w.influence()));
            svg.fill(MARGIN + xs[i], top + ls[i] * 28, wordWidth(w.text()), 22, Palette.diverging(w.influence(), maxAbs), w.text(), tip);
        }
        svg.divergingLegend(MARGIN, height - 40, 240, maxAbs, Messages.get("out.textHeat.words.legend"));
        return svg.build();
    }

    /** Width of a word cell: the label is drawn at about 10 units, so about 6.4 units per character. */
    private static double wordWidth(String word) {
        return Math.max(18, word.length() * 6.6 + 10);
    }
}
