package org.rnncourse.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.Shapes;

/**
 * Lesson 03's two pictures of the simple RNN: the cell with its matrices drawn at their shapes,
 * and the cell unrolled over a sequence, one copy per step, with the hidden state h_t written in
 * coloured cells and the shared weights marked on every copy.
 */
public final class UnrolledRnn {
    private static final double CELL_H = 22;

    private UnrolledRnn() {}

    /**
     * The cell h_t = f(W_xh x_t + W_hh h_t-1 + b_h), y_t = g(W_hy h_t + b_y), in the column form of
     * lesson 03: every matrix is a grid of its real shape, each entry coloured by its value.
     */
    public static Diagram cell(RnnCell cell, OutputLayer out) {
        Shapes.requireNonNull("cell", cell, "an RnnCell");
        Shapes.requireNonNull("out", out, "an OutputLayer");
        if (out.nA != cell.nA) {
            throw new IllegalArgumentException("the output layer reads " + out.nA + " hidden units but the cell has "
                    + cell.nA + ": pass the OutputLayer built for this cell");
        }
        int nx = cell.nX, nh = cell.nA, ny = out.nY;
        DMatrixRMaj wxh = cell.Wxh(), whh = cell.Whh(), why = out.Why(), bh = cell.bh();
        double maxAbs = Cells.maxAbs(List.of(wxh, whh, why));
        double c = Cells.size(Math.max(nx, Math.max(nh, ny)), 150, 18);
        double top = 70;
        // Columns, left to right: x_t, W_xh, the sum and f, h_t, W_hy, g and y_t.
        double xX = 30, xW = xX + c + 50, xSum = xW + nx * c + 45, xF = xSum + 45, xH = xF + 70,
                xWy = xH + c + 50, xG = xWy + nh * c + 40, xY = xG + 84;
        double width = xY + c + 95;
        double midH = top + nh * c / 2;
        double yHh = top + nh * c + 60;            // W_hh sits under the sum
        double height = yHh + nh * c + 95;
        String desc = Messages.get("out.cell.desc", Shapes.of(nx, 1), Shapes.of(wxh), Shapes.of(nh, 1), Shapes.of(whh), Shapes.of(bh),
                cell.f, Shapes.of(why), Shapes.of(out.by.numCols, 1), out.g, Shapes.of(ny, 1));
        Svg s = new Svg(width, height, Messages.get("out.cell.title"), desc);
        s.text(16, 24, Messages.get("out.cell.heading"), "title");
        s.text(16, height - 36, "h_t = " + cell.f + "(W_xh·x_t + W_hh·h_t-1 + b_h)", "math");
        s.text(16, height - 14, "y_t = " + out.g + "(W_hy·h_t + b_y)", "math");
        // x_t, a column of nx cells.
        Cells.shape(s, xX, top, nx, 1, c, c, "input");
        s.textMiddle(xX + c / 2, top - 8, "x_t", "heading").textMiddle(xX + c / 2, top + nx * c + 16, Shapes.of(nx, 1), "shape");
        s.arrow(xX + c + 4, top + nx * c / 2, xW - 6, top + nx * c / 2, "arrow");
        // W_xh (nh × nx).
        Cells.grid(s, xW, top, wxh, c, c, maxAbs, false, "W_xh");
        s.textMiddle(xW + nx * c / 2, top - 8, "W_xh", "heading").textMiddle(xW + nx * c / 2, top + nh * c + 16, Shapes.of(wxh), "shape");
        s.arrow(xW + nx * c + 4, midH, xSum - 16, midH, "arrow");
        // The sum, with b_h from above and W_hh·h_t-1 from below.
        s.circle(xSum, midH, 14, "box").textMiddle(xSum, midH + 5, "+", "math");
        s.textMiddle(xSum, top - 26, "+ b_h " + Shapes.of(bh), "shape");
        s.arrow(xSum, top - 20, xSum, midH - 16, "arrow");
        double hhX = xSum - nh * c / 2;
        Cells.grid(s, hhX, yHh, whh, c, c, maxAbs, false, "W_hh");
        s.textEnd(hhX - 8, yHh + 12, "W_hh", "heading").textEnd(hhX - 8, yHh + 28, Shapes.of(whh), "shape");
        s.arrow(xSum, yHh - 4, xSum, midH + 16, "recurrent");
        // h_t-1 enters W_hh from the right, brought back from h_t by the recurrence.
        double prevX = hhX + nh * c + 40;
        Cells.shape(s, prevX, yHh, nh, 1, c, c, "hidden");
        s.text(prevX + c + 6, yHh + 12, "h_t-1", "heading").text(prevX + c + 6, yHh + 28, Shapes.of(nh, 1), "shape");
        s.arrow(prevX - 4, yHh + nh * c / 2, hhX + nh * c + 4, yHh + nh * c / 2, "recurrent");
        // f, then h_t.
        s.arrow(xSum + 16, midH, xF - 4, midH, "arrow");
        s.roundRect(xF, midH - 16, 44, 32, 6, "box").textMiddle(xF + 22, midH + 5, cell.f.toString(), "small");
        s.arrow(xF + 48, midH, xH - 6, midH, "arrow");
        Cells.shape(s, xH, top, nh, 1, c, c, "hidden");
        s.textMiddle(xH + c / 2, top - 8, "h_t", "heading").textMiddle(xH + c / 2, top + nh * c + 16, Shapes.of(nh, 1), "shape");
        // The recurrence: h_t goes down and back to become the next step's h_t-1.
        double loopY = yHh + nh * c + 40;
        s.path("M " + Palette.num(xH + c / 2) + " " + Palette.num(top + nh * c + 24) + " L " + Palette.num(xH + c / 2)
                + " " + Palette.num(loopY) + " L " + Palette.num(prevX + c / 2) + " " + Palette.num(loopY), "recurrent");
        s.arrow(prevX + c / 2, loopY, prevX + c / 2, yHh + nh * c + 4, "recurrent");
        s.text(prevX + c + 12, loopY - 6, Messages.get("out.cell.next"), "note");
        // W_hy (ny × nh), g, y_t.
        s.arrow(xH + c + 4, midH, xWy - 6, midH, "arrow");
        Cells.grid(s, xWy, midH - ny * c / 2, why, c, c, maxAbs, false, "W_hy");
        s.textMiddle(xWy + nh * c / 2, midH - ny * c / 2 - 8, "W_hy", "heading")
                .textMiddle(xWy + nh * c / 2, midH + ny * c / 2 + 16, Shapes.of(why), "shape");
        s.arrow(xWy + nh * c + 4, midH, xG - 4, midH, "arrow");
        s.roundRect(xG, midH - 16, 50, 32, 6, "box").textMiddle(xG + 25, midH + 5, out.g.toString(), "small");
        s.textMiddle(xG + 25, midH - 22, "+ b_y", "shape");
        s.arrow(xG + 54, midH, xY - 6, midH, "arrow");
        Cells.shape(s, xY, midH - ny * c / 2, ny, 1, c, c, "output");
        s.textMiddle(xY + c / 2, midH - ny * c / 2 - 8, "y_t", "heading")
                .textMiddle(xY + c / 2, midH + ny * c / 2 + 16, Shapes.of(ny, 1), "shape");
        s.divergingLegend(width - 200, height - 30, 170, maxAbs, Messages.get("out.cell.legend"));
        return s.build();
    }

    /**
     * The RNN unrolled over {@code xs} (rows (1×n_x), one per step, from h_0 = 0): one copy of
     * the cell per step, each with its h_t as coloured cells with their values, the input below
     * and the output above. W_xh, W_hh and W_hy are marked on every copy: the same three matrices.
     */
    public static Diagram of(Rnn rnn, List<DMatrixRMaj> xs) {
        Shapes.requireNonNull("rnn", rnn, "an Rnn");
        Shapes.requireNonNull("xs", xs, "a list of input rows, one per time step");
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("xs is empty: pass at least one input row (1×" + rnn.cell.nX + ")");
        }
        for (int t = 0; t < xs.size(); t++) {
            DMatrixRMaj x = xs.get(t);
            if (x == null || x.numRows != 1) {
                throw new IllegalArgumentException("xs[" + (t + 1) + "] must be one row (1×" + rnn.cell.nX
                        + ") of one example, got " + (x == null ? "null" : Shapes.of(x)));
            }
        }
        RnnCache cache = rnn.forward(xs);
        return draw(rnn, cache, false, null, null);
    }

    /** The states, outputs and their shared scale, for {@link #draw} and the BPTT graph. */
    static double valueScale(RnnCache cache) {
        List<DMatrixRMaj> values = new ArrayList<>(cache.hiddenStates());
        if (cache.hasOutputs()) {
            values.addAll(cache.outputs());
        }
        return Cells.maxAbs(values);
    }

    /** Where {@link #draw} put the hidden-state box of each step, for the BPTT graph to add arrows. */
    record Layout(double[] boxLeft, double[] boxRight, double boxTop, double boxBottom, double yTop, double yInput,
                  double outputRight, double width, double height) {}

    /**
     * Draws the unrolled forward computation into a new Svg; {@code bptt} (null for none) then
     * adds the backward arrows of lesson 06 before it is built, and {@code moreDescription} says
     * what they show to a screen reader.
     */
    static Diagram draw(Rnn rnn, RnnCache cache, boolean lastOutputOnly, BiFunction<Svg, Layout, String> bptt,
                        String moreDescription) {
        int T = cache.timeSteps(), nx = rnn.cell.nX, nh = rnn.cell.nA, ny = rnn.output.nY;
        double c = Cells.size(nh, 170, 40);
        double cx = Cells.size(nx, 170, 40);
        double cy = Cells.size(ny, 170, 40);
        double hw = nh * c;
        double colW = Math.max(hw, Math.max(nx * cx, ny * cy)) + 90;
        double left = 40 + hw + 40;                  // h_0 on the left
        double yY = 62, yBox = 150, boxH = 30 + CELL_H, yX = 262;
        boolean extra = bptt != null;
        // Lesson 03 names the weights in the column form, lesson 06 (BPTT) in the row form it derives.
        String wx = extra ? "W_ax" : "W_xh", wh = extra ? "W_aa" : "W_hh", wy = extra ? "W_ay" : "W_hy";
        String hn = extra ? "A" : "h";
        double width = left + T * colW + 20 + (extra ? 110 : 0);
        double height = extra ? 470 : 372;
        double scale = valueScale(cache);
        StringBuilder desc = new StringBuilder(Messages.get("out.unrolled.desc", T, hn, Shapes.of(cache.x(1)), wx, wh, Shapes.of(1, ny), wy));
        for (int t = 1; t <= T; t++) {
            desc.append(' ').append(hn).append('_').append(t).append(" = ").append(values(cache.a(t))).append(';');
        }
        if (moreDescription != null) {
            desc.append(' ').append(moreDescription);
        }
        Svg s = new Svg(width, height, extra ? Messages.get("out.unrolled.bptt.title")
                : Messages.get("out.unrolled.title", T), desc.toString());
        s.text(16, 26, extra ? Messages.get("out.unrolled.bptt.heading")
                : Messages.get("out.unrolled.heading", T), "title");
        // h_0 = 0.
        double h0x = 40;
        s.roundRect(h0x - 6, yBox, hw + 12, boxH, 8, "empty");
        s.textMiddle(h0x + hw / 2, yBox + 17, hn + "_0 = 0", "heading");
        Cells.grid(s, h0x, yBox + 24, cache.a(0), c, CELL_H, scale, c >= 30, hn + "_0");
        double[] boxLeft = new double[T + 1], boxRight = new double[T + 1];
        boxLeft[0] = h0x - 6;
        boxRight[0] = h0x + hw + 6;
        for (int t = 1; t <= T; t++) {
            double mid = left + (t - 1) * colW + colW / 2;
            double bx = mid - hw / 2;
            boxLeft[t] = bx - 8;
            boxRight[t] = bx + hw + 8;
            // The cell's copy at step t, with h_t inside.
            s.roundRect(bx - 8, yBox, hw + 16, boxH, 8, "hidden");
            s.textMiddle(mid, yBox + 17, hn + "_" + t, "heading");
            Cells.grid(s, bx, yBox + 24, cache.a(t), c, CELL_H, scale, c >= 30, hn + "_" + t);
            // x_t below.
            DMatrixRMaj x = cache.x(t);
            double xw = nx * cx;
            for (int j = 0; j < nx; j++) {
                s.rect(mid - xw / 2 + j * cx, yX, cx, CELL_H, "input");
                if (cx >= 30) {
                    s.textMiddle(mid - xw / 2 + j * cx + cx / 2, yX + 15, Diagram.format(x.get(0, j)), "small");
                }
            }
            s.textMiddle(mid, yX + CELL_H + 16, "x_" + t, "heading");
            s.arrow(mid, yX - 3, mid, yBox + boxH + 3, "arrow");
            sharedTag(s, mid + 6, (yX + yBox + boxH) / 2 + 4, wx);
            // y_t above.
            if (cache.hasOutputs() && (!lastOutputOnly || t == T)) {
                double yw = ny * cy;
                Cells.grid(s, mid - yw / 2, yY, cache.y(t), cy, CELL_H, scale, cy >= 30, "y_" + t);
                s.textMiddle(mid, yY - 8, "y_" + t, "heading");
                s.arrow(mid, yBox - 3, mid, yY + CELL_H + 3, "arrow");
                sharedTag(s, mid + 6, (yBox + yY + CELL_H) / 2 + 5, wy);
            }
            // The recurrence from the previous copy.
            double from = boxRight[t - 1] + 3, to = boxLeft[t] - 3;
            s.arrow(from, yBox + boxH / 2, to, yBox + boxH / 2, "recurrent", 2);
            sharedTag(s, (from + to) / 2 - 17, yBox + boxH / 2 - 10, wh);
        }
        double noteY = yX + CELL_H + 44;
        s.text(16, noteY + 14, Messages.get("out.unrolled.shared", wx + " " + Shapes.of(extra ? rnn.cell.Wax : rnn.cell.Wxh())
                + ", " + wh + " " + Shapes.of(extra ? rnn.cell.Waa : rnn.cell.Whh()) + ", " + wy + " "
                + Shapes.of(extra ? rnn.output.Way : rnn.output.Why()), hn), "note");
        if (extra) {
            String more = bptt.apply(s, new Layout(boxLeft, boxRight, yBox, yBox + boxH, yY, yX,
                    (boxLeft[T] + boxRight[T]) / 2 + ny * cy / 2, width, height));
            s.text(16, height - 14, more, "note");
            s.divergingLegend(width - 190, height - 60, 160, scale, Messages.get("out.unrolled.legend", "A"));
        } else {
            s.divergingLegend(width - 190, noteY + 4, 160, scale, Messages.get("out.unrolled.legend", "h"));
        }
        return s.build();
    }

    /** A small purple tag naming a shared weight matrix. */
    static void sharedTag(Svg s, double x, double y, String name) {
        s.text(x, y, name, "shape");
    }

    static String values(DMatrixRMaj m) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < m.getNumElements(); i++) {
            out.append(i == 0 ? "" : ", ").append(Diagram.format(m.data[i]));
        }
        return out.append(')').toString();
    }
}
