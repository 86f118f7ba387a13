package org.rnncourse.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnncourse.Messages;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.RecurrentLayer;

/**
 * A {@link Bidirectional} layer unrolled over its time steps: the forward copy reads x_1 … x_T left to
 * right, the backward copy (its own weights) reads x_T … x_1, and their states are concatenated.
 * With {@code returnSequences} every step gets [→h_t ; ←h_t]; without it the layer returns the two
 * final states, [→h_T ; ←h_1]: the backward copy ends at the first word.
 *
 * <p>Drawn from the layer: its time steps (from the shape it was built for), units, and weights.
 * Long sequences show their first three and last two steps.
 */
public final class BidirectionalDiagram {
    private static final double STEP = 104;
    private static final double LEFT = 150;

    private BidirectionalDiagram() {}

    /** The layer over the time steps it was built for (add it to a model that has an Input first). */
    public static Diagram of(Bidirectional layer) {
        if (layer == null) throw new IllegalArgumentException("layer is null: pass a Bidirectional layer, e.g. new Bidirectional(new SimpleRNN(64))");
        int[] in = layer.builtInputShape();
        if (in == null || in.length != 2) {
            throw new IllegalArgumentException("the layer is not built yet, so its number of time steps is unknown: add it to a "
                    + "Sequential that starts with an Input (or call of(layer, timeSteps))");
        }
        return of(layer, in[0]);
    }

    /** The layer over {@code timeSteps} steps. */
    public static Diagram of(Bidirectional layer, int timeSteps) {
        if (layer == null) throw new IllegalArgumentException("layer is null: pass a Bidirectional layer, e.g. new Bidirectional(new SimpleRNN(64))");
        if (timeSteps < 1) throw new IllegalArgumentException("timeSteps must be at least 1, got " + timeSteps);
        RecurrentLayer fw = layer.forwardLayer();
        RecurrentLayer bw = layer.backwardLayer();
        int u = fw.units();
        boolean sequences = fw.returnSequences();
        // Which steps get a column: all of a short sequence, else 1, 2, 3, …, T−1, T.
        List<Integer> steps = new ArrayList<>();
        if (timeSteps <= 6) {
            for (int t = 1; t <= timeSteps; t++) steps.add(t);
        } else {
            for (int t : new int[] {1, 2, 3, -1, timeSteps - 1, timeSteps}) steps.add(t);
        }
        // Input in the middle, forward copy above it and backward copy below: each reads x_t directly.
        double dy = sequences ? 0 : -60;   // without an output row the rows move up
        double yOut = 76, yFw = 150 + dy, yIn = 220 + dy, yBw = 290 + dy;
        double height = yBw + 70;
        String heading = Messages.get("out.bidirectional.heading", fw.typeName() + "(" + u + ")",
                sequences ? "(" + timeSteps + ", " + 2 * u + ")" : "(" + 2 * u + ")");
        double width = Math.max(LEFT + steps.size() * STEP + (sequences ? 40 : 240), heading.length() * 7.8 + 40);
        String wrapped = fw.typeName() + "(" + u + ")";
        String params = layer.isBuilt() ? String.format(Locale.ROOT, "%,d", fw.countParams()) : "?";
        String title = Messages.get("out.bidirectional.title", wrapped, timeSteps);
        Svg svg = new Svg(width, height, title, describe(layer, wrapped, timeSteps, sequences, params));
        svg.text(16, 24, heading, "heading");
        svg.text(16, 42, Messages.get("out.bidirectional.weights", fw.name(), bw.name(), params), "note");
        svg.text(16, yFw + 5, Messages.get("out.bidirectional.forward"), "label");
        svg.text(16, yFw + 20, Messages.get("out.bidirectional.forwardReads", sub(timeSteps)), "note");
        svg.text(16, yBw + 5, Messages.get("out.bidirectional.backward"), "label");
        svg.text(16, yBw + 20, Messages.get("out.bidirectional.backwardReads", sub(timeSteps)), "note");
        svg.text(16, yIn + 5, Messages.get("out.bidirectional.input"), "label");
        if (sequences) svg.text(16, yOut + 5, Messages.get("out.bidirectional.output"), "label");
        double bw2 = 64, bh = 30;
        for (int k = 0; k < steps.size(); k++) {
            double cx = LEFT + k * STEP + STEP / 2;
            int t = steps.get(k);
            if (t < 0) {
                for (double y : new double[] {yFw, yBw, yIn}) svg.textMiddle(cx, y + 5, "…", "label");
                if (sequences) svg.textMiddle(cx, yOut + 5, "…", "label");
                continue;
            }
            svg.rect(cx - bw2 / 2, yIn - bh / 2, bw2, bh, "input");
            svg.textMiddle(cx, yIn + 5, "x" + sub(t), "math");
            svg.rect(cx - bw2 / 2, yFw - bh / 2, bw2, bh, "hidden");
            svg.textMiddle(cx, yFw + 5, "→h" + sub(t), "math");
            svg.rect(cx - bw2 / 2, yBw - bh / 2, bw2, bh, "weight");
            svg.textMiddle(cx, yBw + 5, "←h" + sub(t), "math");
            svg.arrow(cx, yIn - bh / 2, cx, yFw + bh / 2, "arrow");   // x_t feeds both copies
            svg.arrow(cx, yIn + bh / 2, cx, yBw - bh / 2, "arrow");
            boolean nextShown = k + 1 < steps.size() && steps.get(k + 1) > 0;
            boolean prevShown = k > 0 && steps.get(k - 1) > 0;
            if (k + 1 < steps.size()) {
                if (nextShown) {
                    svg.arrow(cx + bw2 / 2, yFw, cx + STEP - bw2 / 2, yFw, "forward");
                    svg.arrow(cx + STEP - bw2 / 2, yBw, cx + bw2 / 2, yBw, "shared");
                } else {
                    svg.line(cx + bw2 / 2, yFw, cx + STEP - 14, yFw, "forward");
                    svg.line(cx + STEP - 14, yBw, cx + bw2 / 2, yBw, "shared");
                }
            }
            if (k > 0 && !prevShown) {
                svg.arrow(cx - STEP + 14, yFw, cx - bw2 / 2, yFw, "forward");
                svg.arrow(cx - bw2 / 2, yBw, cx - STEP + 14, yBw, "shared");
            }
            if (sequences) {
                svg.rect(cx - 40, yOut - bh / 2, 80, bh, "output");
                svg.textMiddle(cx, yOut + 5, "[→h" + sub(t) + " ; ←h" + sub(t) + "]", "small");
                svg.arrow(cx - 12, yFw - bh / 2, cx - 12, yOut + bh / 2, "forward");
                // The backward state of the same step climbs up beside the boxes (dashed where it crosses).
                svg.path(String.format(Locale.ROOT, "M %.1f %.1f L %.1f %.1f L %.1f %.1f", cx + bw2 / 2, yBw + 8,
                        cx + 36, yBw + 8, cx + 36, yOut + bh / 2 + 8), "dashed");
                svg.arrow(cx + 36, yOut + bh / 2 + 8, cx + 36, yOut + bh / 2, "shared");
            }
        }
        if (!sequences) {
            // One output: the forward copy's last state and the backward copy's last one, at t = 1.
            double ox = LEFT + steps.size() * STEP + 40;
            double lastX = LEFT + (steps.size() - 0.5) * STEP;
            double firstX = LEFT + STEP / 2;
            svg.rect(ox, yFw - 20, 150, 40, "output");
            svg.textMiddle(ox + 75, yFw - 3, "[→h" + sub(timeSteps) + " ; ←h₁]", "math");
            svg.textMiddle(ox + 75, yFw + 13, Messages.get("out.bidirectional.numbers", 2 * u), "small");
            svg.arrow(lastX + bw2 / 2, yFw, ox, yFw, "forward");
            double below = yBw + bh / 2 + 18;
            svg.path(String.format(Locale.ROOT, "M %.1f %.1f L %.1f %.1f L %.1f %.1f L %.1f %.1f", firstX, yBw + bh / 2,
                    firstX, below, ox + 75, below, ox + 75, yFw + 30), "shared");
            svg.arrow(ox + 75, yFw + 30, ox + 75, yFw + 20, "shared");
            svg.text(ox + 82, yIn + 30, Messages.get("out.bidirectional.backwardCopy"), "note");
            svg.text(ox + 82, yIn + 44, Messages.get("out.bidirectional.endsAtX1"), "note");
        }
        return svg.build();
    }

    /** A step number as subscript digits: 200 → ₂₀₀. */
    static String sub(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) out.append((char) ('₀' + (c - '0')));
        return out.toString();
    }

    private static String describe(Bidirectional layer, String wrapped, int T, boolean sequences, String params) {
        int joined = 2 * layer.forwardLayer().units();
        return Messages.get("out.bidirectional.desc", wrapped, T, params) + " "
                + (sequences ? Messages.get("out.bidirectional.desc.sequences", joined)
                        : Messages.get("out.bidirectional.desc.last", T, joined));
    }
}
