package org.rnncourse.diagram;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.CellGradients;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.Shapes;

/**
 * Lesson 06's picture of backpropagation through time: the unrolled forward pass (blue), and the
 * gradient walking back (red) from the loss to A_T and from each A_t to A_t-1. Each red arrow is as
 * thick as the norm of the gradient it carries, ‖dA_t‖, the numbers the lesson's loop prints; the
 * red bars under the steps are each step's contribution ‖dW_aa‖ to the summed weight gradient.
 */
public final class BpttGraph {
    /** The widest backward arrow, in user units: the largest ‖dA_t‖ of the run gets it. */
    static final double MAX_WIDTH = 12, MIN_WIDTH = 1;

    private BpttGraph() {}

    /** What the backward walk measured: ‖dA_t‖ for t = 0 … T and ‖dW_aa from step t‖ for t = 1 … T. */
    public record Norms(double[] dA, double[] dWaa) {
        /** ‖dA_t‖, t from 0 (what reaches A_0) to T (what the loss sends into A_T). */
        public double dA(int t) {
            return dA[t];
        }

        /** ‖dW_aa from step t‖, t from 1 to T (index 0 is unused and 0). */
        public double dWaa(int t) {
            return dWaa[t];
        }
    }

    /**
     * The gradient norms of a many-to-one loss on the last output, walked back exactly as the
     * lesson's loop does it, with {@link Bptt#cellBackward}.
     */
    public static Norms manyToOneNorms(Rnn rnn, List<DMatrixRMaj> xs, DMatrixRMaj target, Loss loss) {
        return walk(rnn, forward(rnn, xs), target, loss);
    }

    /** The BPTT graph of a many-to-one loss: forward in blue, backward in red, arrow widths ∝ ‖dA_t‖. */
    public static Diagram manyToOne(Rnn rnn, List<DMatrixRMaj> xs, DMatrixRMaj target, Loss loss) {
        RnnCache cache = forward(rnn, xs);
        Norms norms = walk(rnn, cache, target, loss);
        int T = cache.timeSteps();
        double lossValue = loss.value(cache.y(T), target);
        double maxNorm = 0;
        for (double v : norms.dA()) {
            maxNorm = Math.max(maxNorm, v);
        }
        double maxW = 0;
        for (double v : norms.dWaa()) {
            maxW = Math.max(maxW, v);
        }
        final double top = maxNorm > 0 ? maxNorm : 1, topW = maxW > 0 ? maxW : 1;
        StringBuilder back = new StringBuilder(Messages.get("out.bptt.back", Diagram.format(lossValue), T));
        for (int t = T; t >= 0; t--) {
            back.append(" ‖dA_").append(t).append("‖ = ").append(Diagram.format(norms.dA(t))).append(t > 0 ? "," : ".");
        }
        back.append(' ').append(Messages.get("out.bptt.shares"));
        for (int t = 1; t <= T; t++) {
            back.append(' ').append(Messages.get("out.bptt.step", t, Diagram.format(norms.dWaa(t)))).append(t < T ? "," : ".");
        }
        return UnrolledRnn.draw(rnn, cache, true, (s, at) -> {
            double lx = at.boxRight()[T] + 36, ly = at.yTop() - 6;
            s.roundRect(lx, ly, 70, 34, 7, "loss");
            s.textMiddle(lx + 35, ly + 15, "loss L", "heading");
            s.textMiddle(lx + 35, ly + 29, Diagram.format(lossValue), "small");
            s.arrow(at.outputRight() + 4, at.yTop() + 11, lx - 3, ly + 17, "arrow");
            double yBack = at.boxBottom() + 18;
            // From the loss into A_T.
            double wT = width(norms.dA(T), top);
            s.arrow(lx + 20, ly + 38, at.boxRight()[T] + 4, at.boxTop() + 16, "back", wT);
            s.text(lx + 24, (ly + at.boxTop()) / 2 + 30, "‖dA_" + T + "‖ = " + Diagram.format(norms.dA(T)), "back-label");
            for (int t = T; t >= 1; t--) {
                double from = at.boxLeft()[t] + 2, to = at.boxRight()[t - 1] - 2;
                double w = width(norms.dA(t - 1), top);
                s.arrow(from, yBack, to, yBack, "back", w);
                s.textMiddle((from + to) / 2, yBack + 10 + w, "‖dA_" + (t - 1) + "‖", "back-label");
                s.textMiddle((from + to) / 2, yBack + 23 + w, Diagram.format(norms.dA(t - 1)), "back-label");
                // This step's share of dW_aa, as a bar.
                double mid = (at.boxLeft()[t] + at.boxRight()[t]) / 2;
                double barW = 90 * norms.dWaa(t) / topW;
                double yBar = at.yInput() + 88;
                if (barW >= 0.5) {
                    s.fill(mid - 45, yBar, barW, 10, "#c53030", null, Messages.get("out.bptt.barTip", t, Diagram.format(norms.dWaa(t))));
                } else {
                    s.line(mid - 45, yBar, mid - 45, yBar + 10, "back");
                }
                s.text(mid - 45, yBar + 24, Messages.get("out.bptt.bar", t, Diagram.format(norms.dWaa(t))), "back-label");
            }
            return Messages.get("out.bptt.note");
        }, back.toString());
    }

    private static RnnCache forward(Rnn rnn, List<DMatrixRMaj> xs) {
        Shapes.requireNonNull("rnn", rnn, "an Rnn");
        Shapes.requireNonNull("xs", xs, "a list of input rows, one per time step");
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("xs is empty: pass at least one input row (1×" + rnn.cell.nX + ")");
        }
        for (int t = 0; t < xs.size(); t++) {
            if (xs.get(t) == null || xs.get(t).numRows != 1) {
                throw new IllegalArgumentException("xs[" + (t + 1) + "] must be one row (1×" + rnn.cell.nX
                        + ") of one example, got " + (xs.get(t) == null ? "null" : Shapes.of(xs.get(t))));
            }
        }
        return rnn.forward(xs);
    }

    private static Norms walk(Rnn rnn, RnnCache cache, DMatrixRMaj target, Loss loss) {
        Shapes.requireNonNull("target", target, "the one-hot target row");
        Shapes.requireNonNull("loss", loss, "a Loss, e.g. Loss.CROSS_ENTROPY");
        int T = cache.timeSteps();
        DMatrixRMaj dZy = loss.gradient(rnn.output.g, cache.zy(T), cache.y(T), target);
        DMatrixRMaj dA = new DMatrixRMaj(1, rnn.cell.nA);
        CommonOps_DDRM.multTransB(dZy, rnn.output.Way, dA);
        double[] dANorms = new double[T + 1], dWNorms = new double[T + 1];
        for (int t = T; t >= 1; t--) {
            dANorms[t] = Matrices.norm(dA);
            CellGradients g = Bptt.cellBackward(rnn.cell, cache, t, dA);
            dWNorms[t] = Matrices.norm(g.dWaa);
            dA = g.dAprev;
        }
        dANorms[0] = Matrices.norm(dA);
        return new Norms(dANorms, dWNorms);
    }

    /** The width of an arrow that carries a gradient of norm {@code norm}, the largest being {@code max}. */
    static double width(double norm, double max) {
        return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.min(1, norm / max);
    }
}
