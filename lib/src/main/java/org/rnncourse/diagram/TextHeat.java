package org.rnncourse.diagram;

import java.util.Locale;
import org.rnncourse.data.ImdbData;
import org.rnncourse.nn.Sequential;
import org.rnncourse.scratch.CharRnn;

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
        String title = "Hidden units of the character model over " + text.length() + " characters";
        StringBuilder desc = new StringBuilder("The text the model reads, once per hidden unit, each character coloured by the unit's "
                + "value (tanh, from −1 blue to +1 red) right after the model read it. Units shown: ");
        for (int k = 0; k < units.length; k++) desc.append(k == 0 ? "" : ", ").append(units[k]);
        Svg svg = new Svg(width, height, title, desc.append('.').toString());
        svg.text(MARGIN, 24, "h_t, unit by unit, while the model reads the text (" + acts.units() + " units in all)", "heading");
        for (int k = 0; k < units.length; k++) {
            double y0 = 36 + k * blockH;
            double[] v = values[k];
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double x : v) { min = Math.min(min, x); max = Math.max(max, x); }
            svg.text(MARGIN, y0 + 16, String.format(Locale.ROOT, "unit %d: from %.2f to %.2f", units[k], min, max), "label");
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                String shown = ch == '\n' ? "⏎" : ch == ' ' ? null : String.valueOf(ch);
                double x = MARGIN + col[i] * CHAR_W;
                double y = y0 + 26 + row[i] * (CHAR_H + 2);
                String tip = String.format(Locale.ROOT, "'%s' → unit %d = %.3f", ch == '\n' ? "⏎" : String.valueOf(ch), units[k], v[i]);
                svg.fill(x, y, CHAR_W, CHAR_H, Palette.diverging(v[i], 1), shown, tip);
            }
        }
        svg.divergingLegend(MARGIN, height - 38, 240, 1, "value of the unit: −1 blue · 0 white · +1 red");
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
        String title = String.format(Locale.ROOT, "Which words move the prediction: P(positive) = %.3f", o.probability());
        StringBuilder desc = new StringBuilder(String.format(Locale.ROOT,
                "The %d words of the review as the model reads them, each coloured by how much P(positive) drops when the word is "
                        + "hidden (replaced by the out-of-vocabulary id): red words pushed the prediction towards positive, blue ones "
                        + "towards negative. The strongest: ", o.words().size()));
        for (Occlusion.Word w : o.strongest(3)) desc.append(w).append(' ');
        Svg svg = new Svg(width, height, title, desc.toString().trim());
        svg.text(MARGIN, 24, title, "heading");
        svg.text(MARGIN, 42, "colour = P(review) − P(review with the word hidden)"
                + (o.cutWords() > 0 ? " · the first " + o.cutWords() + " words are cut (the model reads the last ones)" : ""), "note");
        for (int i = 0; i < xs.length; i++) {
            Occlusion.Word w = o.words().get(i);
            String tip = String.format(Locale.ROOT, "'%s': without it P = %.3f (%+.3f)", w.text(), o.probability() - w.influence(), w.influence());
            svg.fill(MARGIN + xs[i], top + ls[i] * 28, wordWidth(w.text()), 22, Palette.diverging(w.influence(), maxAbs), w.text(), tip);
        }
        svg.divergingLegend(MARGIN, height - 40, 240, maxAbs, "change in P(positive): blue towards negative · red towards positive");
        return svg.build();
    }

    /** Width of a word cell: the label is drawn at about 10 units, so about 6.4 units per character. */
    private static double wordWidth(String word) {
        return Math.max(18, word.length() * 6.6 + 10);
    }
}
