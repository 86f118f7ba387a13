package org.rnncourse.exercise;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.step.WorkedExample;

/** Checks for the exercises of lesson 03 (the RNN cell), all on the lesson's {@link WorkedExample}. */
public final class Lesson03 {
    static final double TOL = 1e-9;

    private Lesson03() {}

    /**
     * Exercise 1: h_1 = tanh(W_xh x_1 + W_hh h_0 + b_h) of the worked example, computed by hand with
     * EJML, as a (4×1) column.
     */
    public static void checkFirstHiddenState(DMatrixRMaj h1) {
        WorkedExample ex = WorkedExample.create();
        DMatrixRMaj expected = ex.hiddenStates().get(0);
        String what = "h_1";
        if (h1 != null && h1.numRows == 1 && h1.numCols == 4) {
            throw Check.fail(what, "expected shape (4×1), got (1×4).",
                    "in the column form h_1 is a column: W_xh (4×3) · x_1 (3×1) = (4×1). A (1×4) row is the row form.");
        }
        // The most common slip: the sum without tanh.
        DMatrixRMaj noTanh = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.mult(ex.cell().Wxh(), ex.inputColumns().get(0), noTanh);
        if (h1 != null && !Check.same(expected, h1, TOL) && Check.same(noTanh, h1, TOL)) {
            throw Check.fail(what, "these are the numbers before the activation.",
                    "apply f = tanh to every entry of W_xh x_1 + W_hh h_0 + b_h.");
        }
        Check.requireClose(what, expected, h1, TOL,
                "h_1 = tanh(W_xh x_1 + W_hh h_0 + b_h) with h_0 = 0 (4×1) and x_1 = (1, 0, 1); "
                        + "use ex.cell().Wxh(), ex.cell().Whh(), ex.cell().bh().");
        Check.pass(what);
    }

    /** Exercise 2: y_3, the output at the last step, after running all three steps from h_0 = 0. */
    public static void checkLastOutput(DMatrixRMaj y3) {
        WorkedExample ex = WorkedExample.create();
        DMatrixRMaj expected = ex.outputs().get(2);
        String what = "y_3";
        // A slip worth naming: forgetting to carry h from one step to the next (h reset to 0).
        DMatrixRMaj h0 = ex.h0();
        DMatrixRMaj forgetful = ex.output().forwardColumn(ex.cell().stepColumn(ex.inputColumns().get(2), h0));
        if (y3 != null && !Check.same(expected, y3, TOL) && Check.same(forgetful, y3, TOL)) {
            throw Check.fail(what, "this is the output of x_3 alone, from h_2 = 0.",
                    "carry the hidden state: h_2 (from x_1 and x_2) goes into step 3. That memory is the point of an RNN.");
        }
        Check.requireClose(what, expected, y3, TOL,
                "y_3 = W_hy h_3 + b_y (g is linear here), (2×1); h_3 needs h_2, which needs h_1.");
        Check.pass(what);
    }

    /**
     * Exercise 3: the row form with a batch. The three inputs x_1, x_2, x_3 as a batch of m = 3
     * examples (rows of X, (3×3)) from A_prev = 0: A = tanh(X·W_ax + A_prev·W_aa + b_a), (3×4).
     */
    public static void checkBatchStep(DMatrixRMaj A) {
        WorkedExample ex = WorkedExample.create();
        List<DMatrixRMaj> rows = ex.inputRows();
        DMatrixRMaj X = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) {
            CommonOps_DDRM.insert(rows.get(i), X, i, 0);
        }
        DMatrixRMaj expected = ex.cell().step(X, new DMatrixRMaj(3, 4));
        String what = "A (the batch step)";
        if (A != null && A.numRows == 4 && A.numCols == 3) {
            throw Check.fail(what, "expected shape (3×4), got (4×3).",
                    "in the row form each example is a row: X (3×3) · W_ax (3×4) = (3×4). Did you compute the column form?");
        }
        Check.requireClose(what, expected, A, TOL,
                "A = tanh(X·W_ax + A_prev·W_aa + b_a) with A_prev = 0 (3×4); add b_a to every row.");
        System.out.println("✔ " + what + " is right: row i is the h_1 of input x_i, one example per row.");
    }
}
