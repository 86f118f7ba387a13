package org.rnncourse.exercise;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.step.Activation;
import org.rnncourse.step.Bptt;
import org.rnncourse.step.CellGradients;
import org.rnncourse.step.Loss;
import org.rnncourse.step.Matrices;
import org.rnncourse.step.Rnn;
import org.rnncourse.step.RnnCell;
import org.rnncourse.step.RnnGradients;

/**
 * Checks for the exercises of lesson 06 (backpropagation through time). Each exercise's data comes
 * from a fixed seed, so the check recomputes the same numbers with the library.
 */
public final class Lesson06 {
    private static final long SEED = 6;
    private static final double TOL = 1e-9;

    private Lesson06() {}

    /** The data of one backward step: a cell, X_t (2×3), A_{t−1} (2×4) and the incoming dA_t (2×4). */
    public record StepData(RnnCell cell, DMatrixRMaj X, DMatrixRMaj Aprev, DMatrixRMaj dA) {
        @Override
        public String toString() {
            return "StepData(cell n_x = 3, n_a = 4, tanh; X_t (2×3), A_prev (2×4), dA_t (2×4))";
        }
    }

    /** Fresh copies of the data of exercises 1 and 2, the same on every call. */
    public static StepData stepData() {
        Random r = new Random(SEED);
        RnnCell cell = new RnnCell(Matrices.gaussian(3, 4, 0.5, r), Matrices.gaussian(4, 4, 0.5, r),
                Matrices.gaussian(1, 4, 0.5, r), Activation.TANH);
        return new StepData(cell, Matrices.gaussian(2, 3, 1, r), Matrices.gaussian(2, 4, 0.5, r),
                Matrices.gaussian(2, 4, 1, r));
    }

    private static CellGradients expectedStep() {
        StepData d = stepData();
        return Bptt.cellBackward(d.cell(), d.X(), d.Aprev(), d.cell().preActivation(d.X(), d.Aprev()), d.dA());
    }

    /** Σ over the rows of m: what a learner gets by summing dA_t and skipping tanh'. */
    private static DMatrixRMaj sumRowsOf(DMatrixRMaj m) {
        return org.ejml.dense.row.CommonOps_DDRM.sumCols(m, null);
    }

    /** Exercise 1: db_a = Σ over the batch of dZ_t, with dZ_t = dA_t ⊙ (1 − A_t²); shape (1×4). */
    public static void checkDbA(DMatrixRMaj dba) {
        DMatrixRMaj expected = expectedStep().dba;
        String what = "db_a";
        if (dba != null && dba.numRows == 2 && dba.numCols == 4) {
            throw Check.fail(what, "expected shape (1×4), got (2×4).",
                    "b_a was added to every row (every example) of the batch, so its gradient sums dZ_t over the rows.");
        }
        if (dba != null && dba.numRows == 4 && dba.numCols == 1) {
            throw Check.fail(what, "expected shape (1×4), got (4×1).",
                    "a gradient has the shape of its parameter: b_a is a row (1×n_a).");
        }
        if (dba != null && !Check.same(expected, dba, TOL) && Check.same(sumRowsOf(stepData().dA()), dba, TOL)) {
            throw Check.fail(what, "this is Σ_rows dA_t: the step through tanh is missing.",
                    "first dZ_t = dA_t ⊙ (1 − A_t²), where A_t = tanh(Z_t); then sum dZ_t over the rows.");
        }
        Check.requireClose(what, expected, dba, TOL,
                "dZ_t = dA_t ⊙ (1 − A_t²) with A_t = tanh(X_t·W_ax + A_prev·W_aa + b_a); db_a = Σ_rows dZ_t.");
        Check.pass(what);
    }

    /** Exercise 2: dA_prev = dZ_t · W_aaᵀ, (2×4): what flows back to step t − 1. */
    public static void checkDaPrev(DMatrixRMaj dAprev) {
        CellGradients g = expectedStep();
        String what = "dA_prev";
        StepData d = stepData();
        // dZ · W_aa without the transpose: same shape, wrong numbers.
        DMatrixRMaj dZ = new DMatrixRMaj(2, 4);
        DMatrixRMaj A = d.cell().step(d.X(), d.Aprev());
        for (int k = 0; k < dZ.data.length; k++) {
            dZ.data[k] = d.dA().data[k] * (1 - A.data[k] * A.data[k]);
        }
        DMatrixRMaj noTranspose = new DMatrixRMaj(2, 4);
        org.ejml.dense.row.CommonOps_DDRM.mult(dZ, d.cell().Waa, noTranspose);
        if (dAprev != null && Check.same(noTranspose, dAprev, TOL) && !Check.same(g.dAprev, dAprev, TOL)) {
            throw Check.fail(what, "this is dZ_t · W_aa; the forward pass multiplied A_prev · W_aa.",
                    "going back through a product A_prev·W_aa multiplies by the transpose: dZ_t · W_aaᵀ.");
        }
        Check.requireClose(what, g.dAprev, dAprev, TOL,
                "dA_prev = dZ_t · W_aaᵀ with dZ_t = dA_t ⊙ (1 − A_t²); it is passed back to step t − 1, not an update.");
        Check.pass(what);
    }

    /** The model of exercise 3: input 3, hidden 4, 2 classes (softmax), fresh and the same on every call. */
    public static Rnn gradCheckModel() {
        return Rnn.random(3, 4, 2, Activation.TANH, Activation.SOFTMAX, 0.5, SEED + 1);
    }

    /** The inputs of exercise 3: four time steps of one example, each (1×3). */
    public static List<DMatrixRMaj> gradCheckInputs() {
        Random r = new Random(SEED + 2);
        return List.of(Matrices.gaussian(1, 3, 1, r), Matrices.gaussian(1, 3, 1, r),
                Matrices.gaussian(1, 3, 1, r), Matrices.gaussian(1, 3, 1, r));
    }

    /** The target of exercise 3: class 1 of 2, one-hot (1×2). */
    public static DMatrixRMaj gradCheckTarget() {
        return Matrices.oneHotRow(1, 2);
    }

    /**
     * Exercise 3: the numerical derivative ∂L/∂W_aa[0, 1] of the many-to-one cross-entropy loss of
     * {@link #gradCheckModel()}, by central differences.
     */
    public static void checkNumericalDerivative(double derivative) {
        Rnn rnn = gradCheckModel();
        List<DMatrixRMaj> xs = gradCheckInputs();
        RnnGradients g = Bptt.manyToOne(rnn, rnn.forward(xs), gradCheckTarget(), Loss.CROSS_ENTROPY);
        double expected = g.dWaa().get(0, 1);
        Check.close("∂L/∂W_aa[0, 1]", expected, derivative, 1e-7 + 1e-6 * Math.abs(expected),
                "(L(w + ε) − L(w − ε)) / (2ε) with ε = 1e-5, changing only entry (0, 1) of the model's cell.Waa, "
                        + "and putting it back afterwards.");
    }
}
