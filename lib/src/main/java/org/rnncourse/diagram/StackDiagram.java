package org.rnncourse.diagram;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Shapes;
import org.rnncourse.scratch.TwoLayerRnn;

/**
 * Lesson 04's two-layer stack, unrolled: layer 1 turns X_t into H_t at every step and, because it
 * returns the whole sequence, every H_t goes up into layer 2, which turns it into K_t; only K_T
 * goes on to the output. Each box says its shape for the learner's batch.
 */
public final class StackDiagram {
    private static final double BOX_W = 96, BOX_H = 40, COL = 136;

    private StackDiagram() {}

    /** {@code stack} run on {@code xs} (T steps of (m×n_x)): its boxes, arrows and shapes. */
    public static Diagram of(TwoLayerRnn stack, List<DMatrixRMaj> xs) {
        Shapes.requireNonNull("stack", stack, "a TwoLayerRnn");
        Shapes.requireNonNull("xs", xs, "a list of input batches X_t, one per time step");
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("xs is empty: pass at least one input batch X_t (m×" + stack.layer1.nX + ")");
        }
        TwoLayerRnn.Pass pass = stack.forward(xs);
        int T = xs.size();
        int m = xs.get(0).numRows;
        String xShape = Shapes.of(xs.get(0)), hShape = Shapes.of(pass.layer1().a(1)), kShape = Shapes.of(pass.layer2().a(1));
        double left = 150;
        double width = left + T * COL + BOX_W + 80;
        double yY = 56, yK = 140, yH = 250, yX = 360;
        double height = yX + BOX_H + 70;
        String desc = Messages.get("out.stack.desc", T, m, xShape, hShape, kShape, Shapes.of(pass.y()));
        Svg s = new Svg(width, height, Messages.get("out.stack.title"), desc);
        s.text(16, 26, Messages.get("out.stack.heading"), "title");
        s.text(16, yK + 18, Messages.get("out.stack.layer", 2), "heading").text(16, yK + 34, "W_hk, W_kk, b_k", "shape");
        s.text(16, yH + 18, Messages.get("out.stack.layer", 1), "heading").text(16, yH + 34, "W_ax, W_aa, b_a", "shape");
        s.text(16, yX + 24, Messages.get("out.stack.inputs"), "heading");
        for (int t = 1; t <= T; t++) {
            double x = left + (t - 1) * COL;
            double mid = x + BOX_W / 2;
            box(s, x, yX, "input", "X_" + t, xShape);
            box(s, x, yH, "hidden", "H_" + t, hShape);
            box(s, x, yK, "hidden", "K_" + t, kShape);
            s.arrow(mid, yX - 2, mid, yH + BOX_H + 2, "arrow");
            // Layer 1 returns sequences: H_t goes up at every step, not only at the last.
            s.arrow(mid, yH - 2, mid, yK + BOX_H + 2, "forward", 2.2);
            if (t > 1) {
                s.arrow(x - COL + BOX_W + 2, yH + BOX_H / 2, x - 2, yH + BOX_H / 2, "recurrent");
                s.arrow(x - COL + BOX_W + 2, yK + BOX_H / 2, x - 2, yK + BOX_H / 2, "recurrent");
            }
        }
        s.text(left + BOX_W / 2 + 6, (yH + yK + BOX_H) / 2 + 4, Messages.get("out.stack.returnSequences", T), "note");
        double lastX = left + (T - 1) * COL;
        double outX = lastX + COL;
        box(s, outX, yY, "output", "Y", Shapes.of(pass.y()));
        s.path("M " + Palette.num(lastX + BOX_W / 2) + " " + Palette.num(yK - 2) + " L " + Palette.num(lastX + BOX_W / 2)
                + " " + Palette.num(yY + BOX_H / 2) + " L " + Palette.num(outX - 8) + " " + Palette.num(yY + BOX_H / 2), "arrow");
        s.arrow(outX - 9, yY + BOX_H / 2, outX - 2, yY + BOX_H / 2, "arrow");
        s.textEnd(outX - 12, yY + BOX_H / 2 - 6, Messages.get("out.stack.onlyLast", T, stack.output.g), "note");
        s.text(16, height - 18, Messages.get("out.stack.note", m), "note");
        return s.build();
    }

    private static void box(Svg s, double x, double y, String cls, String name, String shape) {
        s.roundRect(x, y, BOX_W, BOX_H, 7, cls);
        s.textMiddle(x + BOX_W / 2, y + 17, name, "heading");
        s.textMiddle(x + BOX_W / 2, y + 32, shape, "shape");
    }
}
