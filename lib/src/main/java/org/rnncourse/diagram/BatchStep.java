package org.rnncourse.diagram;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.Shapes;

/**
 * Lesson 04's batch step drawn to scale: every matrix of
 * X_t·W_ax + A_t-1·W_aa + b_a → A_t and A_t·W_ay + b_y → Y_t is a grid of its real shape, one
 * cell per number, coloured by value. Under each product its shapes are written, (m×n_x)·(n_x×n_a)
 * → (m×n_a): the inner sizes match and disappear. More examples in the batch, taller grids.
 */
public final class BatchStep {
    private BatchStep() {}

    /** One step of {@code cell} on the batch {@code X} from {@code Aprev}, and {@code out} on the result. */
    public static Diagram of(RnnCell cell, OutputLayer out, DMatrixRMaj X, DMatrixRMaj Aprev) {
        Shapes.requireNonNull("cell", cell, "an RnnCell");
        Shapes.requireNonNull("out", out, "an OutputLayer");
        Shapes.requireNonNull("X", X, "the batch X_t, one example per row");
        Shapes.requireNonNull("Aprev", Aprev, "the previous state A_t-1, one example per row");
        DMatrixRMaj A = cell.step(X, Aprev);       // checks the shapes and says which one is wrong
        DMatrixRMaj Y = out.forward(A);
        int m = X.numRows, nx = cell.nX, na = cell.nA, ny = out.nY;
        double c = Cells.size(Math.max(Math.max(m, nx), Math.max(na, ny)), 160, 18);
        double scale = Cells.maxAbs(List.of(X, cell.Wax, Aprev, cell.Waa, cell.ba, A, out.Way, out.by, Y));
        double op = 26;                              // room for an operator between two grids
        // Line 1: X · W_ax + A_prev · W_aa + b_a = A_t
        double[] w1 = {nx, na, na, na, na, na};
        double line1 = 20;
        for (double w : w1) {
            line1 += w * c + op;
        }
        double line2 = 20 + (na + na + ny + ny) * c + 4 * op;
        double width = Math.max(line1, line2 + 200) + 40;
        double top1 = 60;
        double rows1 = Math.max(Math.max(m, nx), na) * c;
        double top2 = top1 + rows1 + 90;
        double rows2 = Math.max(m, na) * c;
        double height = top2 + rows2 + 100;
        String desc = Messages.get("out.batch.desc", Shapes.of(X), Shapes.of(cell.Wax), Shapes.of(m, na), Shapes.of(Aprev),
                Shapes.of(cell.Waa), Shapes.of(cell.ba), cell.f, Shapes.of(A), Shapes.of(out.Way), Shapes.of(out.by), out.g, Shapes.of(Y));
        Svg s = new Svg(width, height, Messages.get("out.batch.title"), desc);
        s.text(16, 26, Messages.get("out.batch.heading", m, nx, na, ny), "title");
        double x = 24;
        x = matrix(s, x, top1, X, c, scale, "X_t", null);
        x = operator(s, x, top1 + c, "·", op);
        double wax = x;
        x = matrix(s, x, top1, cell.Wax, c, scale, "W_ax", null);
        product(s, 24, x, top1 + rows1 + 34, Shapes.of(X) + "·" + Shapes.of(cell.Wax) + " → " + Shapes.of(m, na));
        x = operator(s, x, top1 + c, "+", op);
        double aStart = x;
        x = matrix(s, x, top1, Aprev, c, scale, "A_t-1", null);
        x = operator(s, x, top1 + c, "·", op);
        x = matrix(s, x, top1, cell.Waa, c, scale, "W_aa", null);
        product(s, aStart, x, top1 + rows1 + 34, Shapes.of(Aprev) + "·" + Shapes.of(cell.Waa) + " → " + Shapes.of(m, na));
        x = operator(s, x, top1 + c, "+", op);
        x = matrix(s, x, top1, cell.ba, c, scale, "b_a", Messages.get("out.batch.eachRow"));
        x = operator(s, x, top1 + c, "→", op);
        matrix(s, x, top1, A, c, scale, "A_t", cell.f + "(…)");
        // Line 2: A_t · W_ay + b_y → Y_t
        x = 24;
        x = matrix(s, x, top2, A, c, scale, "A_t", null);
        x = operator(s, x, top2 + c, "·", op);
        x = matrix(s, x, top2, out.Way, c, scale, "W_ay", null);
        product(s, 24, x, top2 + rows2 + 34, Shapes.of(A) + "·" + Shapes.of(out.Way) + " → " + Shapes.of(m, ny));
        x = operator(s, x, top2 + c, "+", op);
        x = matrix(s, x, top2, out.by, c, scale, "b_y", null);
        x = operator(s, x, top2 + c, "→", op);
        matrix(s, x, top2, Y, c, scale, "Y_t", out.g + "(…)");
        s.text(16, height - 16, Messages.get("out.batch.note", m), "note");
        s.divergingLegend(width - 190, top2 + 14, 160, scale, Messages.get("out.batch.legend"));
        return s.build();
    }

    private static double matrix(Svg s, double x, double y, DMatrixRMaj m, double c, double scale, String name, String note) {
        s.textMiddle(x + m.numCols * c / 2, y - 8, name, "heading");
        Cells.grid(s, x, y, m, c, c, scale, false, name);
        s.textMiddle(x + m.numCols * c / 2, y + m.numRows * c + 14, Shapes.of(m), "shape");
        if (note != null) {
            s.textMiddle(x + m.numCols * c / 2, y + m.numRows * c + 27, note, "note");
        }
        return x + m.numCols * c;
    }

    private static double operator(Svg s, double x, double y, String op, double w) {
        s.textMiddle(x + w / 2, y + 5, op, "math");
        return x + w;
    }

    private static void product(Svg s, double from, double to, double y, String text) {
        s.line(from, y - 12, to, y - 12, "dashed");
        s.textMiddle((from + to) / 2, y + 2, text, "shape");
    }
}
