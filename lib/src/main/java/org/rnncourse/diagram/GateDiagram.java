package org.rnncourse.diagram;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.show.Numbers;
import org.rnncourse.scratch.GruCell;
import org.rnncourse.scratch.LstmCell;

/**
 * The LSTM cell and the GRU cell drawn gate by gate, in the style of colah's "Understanding LSTM
 * Networks": the state lines run left to right, the gates (σ or tanh boxes) read [h_{t−1}, x_t] from
 * the line below, and small circles are the element-wise operations (×, +, 1−).
 *
 * <p>Drawn from the cell the lesson built (its n_x, n_a and weight shapes). Given an input as well,
 * each gate box also shows the gate's current values, one coloured cell per unit (of the first
 * example): gates from 0 (closed, pale) to 1 (open, dark); candidates and states from −1 (blue)
 * to +1 (red).
 */
public final class GateDiagram {
    /** At most this many units get a value cell; the rest are summarized as "+k". */
    static final int MAX_UNITS = 8;
    private static final double CELL = 34;
    private static final double CELL_H = 18;
    private static final double BOX_H = 60;
    private static final double Y_LINE = 92;      // the cell state (LSTM) or h (GRU) line
    private static final double Y_MULT = 148;     // the row of × nodes between the gates and the line
    private static final double Y_GATE = 190;     // top of the gate boxes
    private static final double Y_BUS = 300;      // [h_{t−1}, x_t], read by every gate

    private GateDiagram() {}

    // ---- LSTM ---------------------------------------------------------------------------------

    /** The LSTM cell's structure, with its sizes and weight shapes. */
    public static Diagram lstm(LstmCell cell) {
        requireCell(cell);
        return drawLstm(cell, null);
    }

    /** The LSTM cell with the gate values of one step from (x_t, h_{t−1}, c_{t−1}) (row vectors). */
    public static Diagram lstm(LstmCell cell, DMatrixRMaj x, DMatrixRMaj hPrev, DMatrixRMaj cPrev) {
        requireCell(cell);
        return drawLstm(cell, cell.step(x, hPrev, cPrev));
    }

    /** The LSTM cell with the gate values of a step it already computed. */
    public static Diagram lstm(LstmCell cell, LstmCell.Step step) {
        requireCell(cell);
        if (step == null) throw new IllegalArgumentException("step is null: pass what cell.step(x, hPrev, cPrev) returned");
        if (step.H().numCols != cell.nA) {
            throw new IllegalArgumentException("the step has " + step.H().numCols + " units but the cell has n_a = " + cell.nA
                    + ": pass the step this cell computed");
        }
        return drawLstm(cell, step);
    }

    private static Diagram drawLstm(LstmCell cell, LstmCell.Step s) {
        Layout L = new Layout(cell.nA, cell.nX, 4, s != null);
        double[] gx = L.gateX;
        double ox = gx[3] + L.boxW / 2 + 56;    // the output column: tanh(c_t) and o_t ⊙ tanh(c_t)
        double xr = ox + 150;   // room for the formula of hₜ beside its × node
        double width = xr + L.side + 24;
        String title = Messages.get(s == null ? "out.gate.lstm.title" : "out.gate.lstm.titleValues", cell.nX, cell.nA);
        Svg svg = new Svg(width, L.height, title, describeLstm(cell, s));
        header(svg, L, Messages.get("out.gate.lstm.header", cell.nX, cell.nA, shape(cell.nX, 4 * cell.nA), shape(cell.nA, 4 * cell.nA),
                shape(1, 4 * cell.nA), String.format(Locale.ROOT, "%,d", cell.parameterCount())), s != null);
        svg.roundRect(L.x0 + 6, Y_LINE - 26, xr - L.x0 - 12, Y_BUS - Y_LINE + 46, 14, "box");
        // The cell state line: keep (× f), add (+ i ⊙ c̃), pass on.
        svg.arrow(L.x0 - 4, Y_LINE, gx[0] - 12, Y_LINE, "recurrent", 2.4);
        node(svg, gx[0], Y_LINE, "×");
        svg.arrow(gx[0] + 12, Y_LINE, gx[2] - 12, Y_LINE, "recurrent", 2.4);
        node(svg, gx[2], Y_LINE, "+");
        svg.arrow(gx[2] + 12, Y_LINE, xr + 4, Y_LINE, "recurrent", 2.4);
        svg.textMiddle((gx[0] + gx[2]) / 2, Y_LINE - 8, Messages.get("out.gate.lstm.cellState"), "small");
        // Forget gate → × on the line.
        svg.arrow(gx[0], Y_GATE, gx[0], Y_LINE + 12, "arrow");
        // Input gate and candidate → × → + on the line.
        svg.line(gx[1], Y_GATE, gx[1], Y_MULT, "arrow");
        svg.arrow(gx[1], Y_MULT, gx[2] - 12, Y_MULT, "arrow");
        svg.arrow(gx[2], Y_GATE, gx[2], Y_MULT + 12, "arrow");
        node(svg, gx[2], Y_MULT, "×");
        svg.arrow(gx[2], Y_MULT - 12, gx[2], Y_LINE + 12, "arrow");
        // Output: tanh(c_t), times o_t, is h_t.
        svg.arrow(ox, Y_LINE, ox, Y_MULT - 13, "arrow");
        node(svg, ox, Y_MULT, "tanh");
        double yo = Y_GATE + BOX_H / 2;
        svg.arrow(ox, Y_MULT + 13, ox, yo - 12, "arrow");
        node(svg, ox, yo, "×");
        svg.arrow(gx[3] + L.boxW / 2, yo, ox - 12, yo, "arrow");
        svg.line(ox, yo + 12, ox, Y_BUS, "forward");
        svg.arrow(ox, Y_BUS, xr + 4, Y_BUS, "forward", 2.4);
        svg.text(ox + 18, yo + 4, "hₜ = oₜ ⊙ tanh(cₜ)", "small");
        bus(svg, L, gx[3]);
        String[] sym = {"σ", "σ", "tanh", "σ"};
        String[] name = {Messages.get("out.gate.forget"), Messages.get("out.gate.input"), Messages.get("out.gate.candidateC"), Messages.get("out.gate.output")};
        DMatrixRMaj[] vals = s == null ? null : new DMatrixRMaj[] {s.f(), s.i(), s.cTilde(), s.o()};
        boolean[] signed = {false, false, true, false};
        for (int k = 0; k < 4; k++) {
            gate(svg, L, gx[k], sym[k], name[k], vals == null ? null : vals[k], signed[k]);
        }
        // The states at both ends.
        state(svg, L, L.x0 - 10, Y_LINE, "cₜ₋₁", s == null ? null : s.Cprev(), true);
        state(svg, L, xr + 10, Y_LINE, "cₜ", s == null ? null : s.C(), false);
        state(svg, L, L.x0 - 10, Y_BUS, "hₜ₋₁", s == null ? null : s.Hprev(), true);
        state(svg, L, xr + 10, Y_BUS, "hₜ", s == null ? null : s.H(), false);
        input(svg, L, s == null ? null : s.X());
        legends(svg, L, s != null);
        return svg.build();
    }

    // ---- GRU ----------------------------------------------------------------------------------

    /** The GRU cell's structure (Keras's reset_after form), with its sizes and weight shapes. */
    public static Diagram gru(GruCell cell) {
        requireCell(cell);
        return drawGru(cell, null);
    }

    /** The GRU cell with the gate values of one step from (x_t, h_{t−1}) (row vectors). */
    public static Diagram gru(GruCell cell, DMatrixRMaj x, DMatrixRMaj hPrev) {
        requireCell(cell);
        return drawGru(cell, cell.step(x, hPrev));
    }

    /** The GRU cell with the gate values of a step it already computed. */
    public static Diagram gru(GruCell cell, GruCell.Step step) {
        requireCell(cell);
        if (step == null) throw new IllegalArgumentException("step is null: pass what cell.step(x, hPrev) returned");
        if (step.H().numCols != cell.nA) {
            throw new IllegalArgumentException("the step has " + step.H().numCols + " units but the cell has n_a = " + cell.nA
                    + ": pass the step this cell computed");
        }
        return drawGru(cell, step);
    }

    private static Diagram drawGru(GruCell cell, GruCell.Step s) {
        Layout L = new Layout(cell.nA, cell.nX, 3, s != null);
        double[] gx = L.gateX;
        double yc = Y_GATE + BOX_H / 2;
        double mx = gx[2] + L.boxW / 2 + 34;   // z ⊙ h_{t−1}, on the h line
        double px = mx + 52;                   // 1 − z, and (1 − z) ⊙ h̃
        double sx = px + 52;                   // the sum, on the h line
        double xr = sx + 50;
        double width = xr + L.side + 24;
        String title = Messages.get(s == null ? "out.gate.gru.title" : "out.gate.gru.titleValues", cell.nX, cell.nA);
        Svg svg = new Svg(width, L.height, title, describeGru(cell, s));
        header(svg, L, Messages.get("out.gate.gru.header", cell.nX, cell.nA, shape(cell.nX, 3 * cell.nA), shape(cell.nA, 3 * cell.nA),
                shape(2, 3 * cell.nA), String.format(Locale.ROOT, "%,d", cell.parameterCount())), s != null);
        svg.roundRect(L.x0 + 6, Y_LINE - 26, xr - L.x0 - 12, Y_BUS - Y_LINE + 46, 14, "box");
        // The state line: h_{t−1}, scaled by z, plus (1 − z) ⊙ h̃, is h_t.
        svg.arrow(L.x0 - 4, Y_LINE, mx - 12, Y_LINE, "recurrent", 2.4);
        node(svg, mx, Y_LINE, "×");
        svg.arrow(mx + 12, Y_LINE, sx - 12, Y_LINE, "recurrent", 2.4);
        node(svg, sx, Y_LINE, "+");
        svg.arrow(sx + 12, Y_LINE, xr + 4, Y_LINE, "recurrent", 2.4);
        svg.textMiddle((L.x0 + mx) / 2 + 20, Y_LINE - 8, "hₜ = zₜ ⊙ hₜ₋₁ + (1 − zₜ) ⊙ h̃ₜ", "small");
        // h_{t−1} also goes down to the bus the gates read.
        double hx = L.x0 + 22;
        svg.line(hx, Y_LINE, hx, Y_BUS, "recurrent");
        // Update gate: z keeps the old state (× on the line); 1 − z lets the candidate in.
        svg.line(gx[0], Y_GATE, gx[0], Y_MULT, "arrow");
        svg.line(gx[0], Y_MULT, px - 12, Y_MULT, "arrow");
        svg.arrow(mx, Y_MULT, mx, Y_LINE + 12, "arrow");
        node(svg, px, Y_MULT, "1−");
        svg.arrow(px, Y_MULT + 12, px, yc - 12, "arrow");
        node(svg, px, yc, "×");
        svg.arrow(gx[2] + L.boxW / 2, yc, px - 12, yc, "arrow");
        svg.line(px + 12, yc, sx, yc, "arrow");
        svg.arrow(sx, yc, sx, Y_LINE + 12, "arrow");
        // Reset gate: scales h_{t−1}·U_h inside the candidate.
        double ry = Y_MULT + 20;
        double rx = gx[2] - L.boxW / 4;
        svg.line(gx[1], Y_GATE, gx[1], ry, "arrow");
        svg.line(gx[1], ry, rx, ry, "arrow");
        svg.arrow(rx, ry, rx, Y_GATE, "arrow");
        svg.textMiddle((gx[1] + rx) / 2, ry - 5, "rₜ ⊙ (hₜ₋₁Uₕ)", "note");
        bus(svg, L, gx[2]);
        String[] sym = {"σ", "σ", "tanh"};
        String[] name = {Messages.get("out.gate.update"), Messages.get("out.gate.reset"), Messages.get("out.gate.candidateH")};
        DMatrixRMaj[] vals = s == null ? null : new DMatrixRMaj[] {s.z(), s.r(), s.hTilde()};
        boolean[] signed = {false, false, true};
        for (int k = 0; k < 3; k++) {
            gate(svg, L, gx[k], sym[k], name[k], vals == null ? null : vals[k], signed[k]);
        }
        state(svg, L, L.x0 - 10, Y_LINE, "hₜ₋₁", s == null ? null : s.Hprev(), true);
        state(svg, L, xr + 10, Y_LINE, "hₜ", s == null ? null : s.H(), false);
        input(svg, L, s == null ? null : s.X());
        legends(svg, L, s != null);
        return svg.build();
    }

    // ---- shared pieces --------------------------------------------------------------------------

    /** Sizes that depend on how many units get value cells. */
    private static final class Layout {
        final int nA, nX, shown, shownX;
        final boolean values;
        final double boxW, side, x0, height;
        final double[] gateX;

        Layout(int nA, int nX, int gates, boolean values) {
            this.nA = nA;
            this.nX = nX;
            this.values = values;
            this.shown = Math.min(nA, MAX_UNITS);
            this.shownX = Math.min(nX, MAX_UNITS);
            this.boxW = Math.max(128, values ? shown * CELL + 14 : 0);
            // Room at the sides for the state labels and, with values, their cells.
            this.side = Math.max(64, values ? shown * CELL + 4 : 0);
            this.x0 = side + 24;
            double s = boxW + 30;
            this.gateX = new double[gates];
            for (int k = 0; k < gates; k++) gateX[k] = x0 + 44 + boxW / 2 + k * s;
            this.height = Y_BUS + (values ? 130 : 76);
        }
    }

    private static void header(Svg svg, Layout L, String text, boolean values) {
        svg.text(16, 24, text, "heading");
        svg.text(16, 42, values
                ? Messages.get("out.gate.values") + (L.nA > MAX_UNITS ? ", " + Messages.get("out.gate.valuesFirst", MAX_UNITS, L.nA) : "")
                : Messages.get("out.gate.key"), "note");
    }

    /** A weight block's shape as the header writes it: "(3, 8)". */
    private static String shape(int rows, int cols) {
        return "(" + rows + ", " + cols + ")";
    }

    private static void node(Svg svg, double x, double y, String op) {
        double r = op.length() > 2 ? 14 : 12;
        svg.circle(x, y, r, "weight");
        svg.textMiddle(x, y + (op.length() > 2 ? 4 : 5), op, op.length() > 2 ? "small" : "label");
    }

    /** A gate: its box with the activation and name, and, with values, one coloured cell per unit. */
    private static void gate(Svg svg, Layout L, double x, String sym, String name, DMatrixRMaj values, boolean signed) {
        svg.roundRect(x - L.boxW / 2, Y_GATE, L.boxW, BOX_H, 6, signed ? "hidden" : "weight");
        svg.textMiddle(x, Y_GATE + 18, sym + "  " + name, "label");
        if (values == null) {
            svg.textMiddle(x, Y_GATE + 40, "(" + "1, " + L.nA + ")", "shape");
        } else {
            cells(svg, x - L.shown * CELL / 2, Y_GATE + 30, values, signed, L);
        }
        svg.arrow(x, Y_BUS, x, Y_GATE + BOX_H + 1, "arrow");
    }

    /** A state label at one end of a line, with its values under it when there are some. */
    private static void state(Svg svg, Layout L, double x, double y, String label, DMatrixRMaj values, boolean left) {
        if (left) svg.textEnd(x, y + 5, label, "math"); else svg.text(x, y + 5, label, "math");
        if (values != null) {
            double w = L.shown * CELL;
            cells(svg, left ? x - w : x, y + 12, values, true, L);
        }
    }

    /** x_t enters from below and joins h_{t−1} on the bus. */
    private static void input(Svg svg, Layout L, DMatrixRMaj x) {
        double ix = L.x0 + 52;
        svg.arrow(ix, Y_BUS + 40, ix, Y_BUS + 2, "arrow");
        svg.textMiddle(ix, Y_BUS + 56, "xₜ", "math");
        if (x != null) {
            cells(svg, ix - 20, Y_BUS + 64, x, true, new Layout(L.nX, L.nX, 1, true));
        }
    }

    private static void bus(Svg svg, Layout L, double until) {
        svg.line(L.x0 - 4, Y_BUS, until, Y_BUS, "recurrent");
        svg.text(L.x0 + 64, Y_BUS + 16, Messages.get("out.gate.bus"), "note");
    }

    private static void cells(Svg svg, double x, double y, DMatrixRMaj values, boolean signed, Layout L) {
        int n = Math.min(values.numCols, MAX_UNITS);
        double maxAbs = 1;
        for (int j = 0; j < values.numCols; j++) maxAbs = Math.max(maxAbs, Math.abs(values.get(0, j)));
        for (int j = 0; j < n; j++) {
            double v = values.get(0, j);
            String colour = signed ? Palette.diverging(v, maxAbs) : Palette.sequential(v);
            svg.fill(x + j * CELL, y, CELL, CELL_H, colour, Diagram.format(v), Messages.get("out.gate.unitTip", j, Numbers.format(v)));
        }
        if (values.numCols > n) {
            svg.text(x + n * CELL + 3, y + 13, "+" + (values.numCols - n), "note");
        }
    }

    private static void legends(Svg svg, Layout L, boolean values) {
        if (!values) return;
        double y = L.height - 30;
        svg.sequentialLegend(L.x0 + 150, y, 150, 1, Messages.get("out.gate.legend.gate"));
        svg.divergingLegend(L.x0 + 340, y, 150, 1, Messages.get("out.gate.legend.signed"));
    }

    private static void requireCell(Object cell) {
        if (cell == null) {
            throw new IllegalArgumentException("cell is null: make one first, e.g. LstmCell.random(3, 2, 0.5, 1)");
        }
    }

    private static String describeLstm(LstmCell cell, LstmCell.Step s) {
        String d = Messages.get("out.gate.lstm.desc", cell.nX, cell.nA);
        if (s == null) return d;
        return d + " " + Messages.get("out.gate.stepValues", "f = " + Diagram.format(s.f().get(0, 0)) + ", i = " + Diagram.format(s.i().get(0, 0))
                + ", c̃ = " + Diagram.format(s.cTilde().get(0, 0)) + ", o = " + Diagram.format(s.o().get(0, 0))
                + ", cₜ = " + Diagram.format(s.C().get(0, 0)) + ", hₜ = " + Diagram.format(s.H().get(0, 0)));
    }

    private static String describeGru(GruCell cell, GruCell.Step s) {
        String d = Messages.get("out.gate.gru.desc", cell.nX, cell.nA);
        if (s == null) return d;
        return d + " " + Messages.get("out.gate.stepValues", "z = " + Diagram.format(s.z().get(0, 0)) + ", r = " + Diagram.format(s.r().get(0, 0))
                + ", h̃ = " + Diagram.format(s.hTilde().get(0, 0)) + ", hₜ = " + Diagram.format(s.H().get(0, 0)));
    }
}
