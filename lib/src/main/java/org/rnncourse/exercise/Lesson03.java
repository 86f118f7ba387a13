package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.Shapes;
import org.rnncourse.lessons.WorkedExample;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for the exercises of lesson 03 (the RNN cell). Each exercise is a function the learner
 * writes (the cell step, the forward pass with its cache, the batch step of the row form), checked
 * on the lesson's {@link WorkedExample} and on random weights drawn at check time: its answer is
 * no value a library helper returns.
 */
public final class Lesson03 {
    static final double TOL = 1e-9;

    private Lesson03() {}

    /** A learner's column-form step: h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h). */
    @FunctionalInterface
    public interface CellStep {
        DMatrixRMaj apply(DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj x, DMatrixRMaj hPrev);
    }

    /**
     * Exercise 1: a function that does one column-form step by hand with EJML. The check calls it on
     * the worked example's first step and on fresh random weights, inputs and states drawn at check
     * time (so no value the library prints or returns is the answer), and compares each result with
     * a step it computes itself.
     */
    public static void checkCellStep(CellStep step) {
        String what = "cellStep";
        if (step == null) {
            throw Check.missing(what, "pass your function: Lesson03.checkCellStep((Wxh, Whh, bh, x, h) -> cellStep(Wxh, Whh, bh, x, h)).");
        }
        WorkedExample ex = WorkedExample.create();
        Random r = new Random();
        tryStep(step, ex.cell().Wxh(), ex.cell().Whh(), ex.cell().bh(), ex.inputColumns().get(0), ex.h0(), "h_1 of the worked example");
        for (int trial = 0; trial < 3; trial++) {
            DMatrixRMaj Wxh = Matrices.gaussian(4, 3, 0.5, r), Whh = Matrices.gaussian(4, 4, 0.5, r);
            tryStep(step, Wxh, Whh, Matrices.gaussian(4, 1, 0.5, r), Matrices.gaussian(3, 1, 1, r),
                    Matrices.gaussian(4, 1, 1, r), "a step with random weights and a non-zero h_{t−1}");
        }
        Check.pass(what);
    }

    private static void tryStep(CellStep step, DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj x,
                                DMatrixRMaj hPrev, String trial) {
        String what = "cellStep, on " + trial;
        DMatrixRMaj z = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.mult(Wxh, x, z);
        DMatrixRMaj inputOnly = z.copy();
        CommonOps_DDRM.addEquals(inputOnly, bh);
        CommonOps_DDRM.multAdd(Whh, hPrev, z);
        DMatrixRMaj noBias = Activation.TANH.apply(z);
        CommonOps_DDRM.addEquals(z, bh);
        DMatrixRMaj expected = Activation.TANH.apply(z);
        DMatrixRMaj h;
        try {
            // Copies: a function that writes into its arguments must not change the check's own numbers.
            h = OwnWork.check("cellStep", () -> step.apply(Wxh.copy(), Whh.copy(), bh.copy(), x.copy(), hPrev.copy()), OwnWork.Topic.RNN_STEP, OwnWork.Topic.RNN_SEQUENCE);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("cellStep", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "the shapes: W_xh (4×3) · x (3×1) and W_hh (4×4) · h_{t−1} (4×1) give (4×1) columns; b_h is (4×1).");
        }
        if (h != null && h.numRows == 1 && h.numCols == 4) {
            throw Check.fail(what, "expected shape (4×1), got (1×4).",
                    "in the column form h_t is a column: W_xh (4×3) · x_t (3×1) = (4×1). A (1×4) row is the row form.");
        }
        if (h != null && !Check.same(expected, h, TOL)) {
            if (Check.same(z, h, TOL)) {
                throw Check.fail(what, "these are the numbers before the activation.",
                        "apply f = tanh to every entry of W_xh x_t + W_hh h_{t−1} + b_h.");
            }
            if (Check.same(Activation.TANH.apply(inputOnly), h, TOL)) {
                throw Check.fail(what, "the result ignores h_{t−1}: the state is not carried.",
                        "add W_hh · h_{t−1}: that term is the memory of the RNN (it is 0 only at the first step).");
            }
            if (Check.same(noBias, h, TOL)) {
                throw Check.fail(what, "the bias b_h is missing.", "add b_h before tanh.");
            }
        }
        Check.requireClose(what, expected, h, TOL,
                "h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h), from the function's own arguments (not from cell or xs).");
    }

    /**
     * What a learner's forward pass returns: the cache of the whole sequence, h_1 … h_T and y_1 … y_T
     * (columns), in the order of the steps. A backward pass (lesson 06) reads every h_t from it.
     */
    public record ForwardPass(List<DMatrixRMaj> h, List<DMatrixRMaj> y) {}

    /** A learner's forward pass over a sequence from h_0 = 0, column form, linear output. */
    @FunctionalInterface
    public interface RnnForward {
        ForwardPass apply(DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj Why, DMatrixRMaj by,
                          List<DMatrixRMaj> xs);
    }

    /**
     * Exercise 2: the forward pass over a sequence, with its cache. The check calls the function on
     * the worked example and on random weights and sequences of random length drawn at check time,
     * and recognises the usual mistakes: a state not carried, outputs read from h_{t−1}, h_0 kept
     * in the cache, one matrix reused (so every cached h_t is the last one), tanh on the output.
     */
    public static void checkRnnForward(RnnForward forward) {
        String what = "rnnForward";
        if (forward == null) {
            throw Check.missing(what, "pass your function: Lesson03.checkRnnForward((Wxh, Whh, bh, Why, by, xs) -> rnnForward(Wxh, Whh, bh, Why, by, xs)).");
        }
        WorkedExample ex = WorkedExample.create();
        tryForward(forward, ex.cell(), ex.output(), ex.inputColumns(), "the worked example");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int steps = 2 + r.nextInt(4), nx = 2 + r.nextInt(3), nh = 3 + r.nextInt(3);
            List<DMatrixRMaj> xs = new ArrayList<>();
            for (int t = 0; t < steps; t++) xs.add(Matrices.gaussian(nx, 1, 1, r));
            RnnCell cell = RnnCell.random(nx, nh, Activation.TANH, 0.6, r);
            CommonOps_DDRM.fill(cell.ba, 0);
            CommonOps_DDRM.addEquals(cell.ba, Matrices.gaussian(1, nh, 0.3, r));
            tryForward(forward, cell, OutputLayer.random(nh, 2, Activation.LINEAR, 0.6, r), xs,
                    "random weights (n_x = " + nx + ", n_h = " + nh + ") and " + steps + " steps");
        }
        Check.pass(what);
    }

    private static void tryForward(RnnForward forward, RnnCell cell, OutputLayer out, List<DMatrixRMaj> xs, String trial) {
        String what = "rnnForward, on " + trial;
        int T = xs.size();
        List<DMatrixRMaj> hs = new ArrayList<>(), ys = new ArrayList<>(), forgetful = new ArrayList<>();
        DMatrixRMaj h = new DMatrixRMaj(cell.nA, 1);
        for (DMatrixRMaj x : xs) {
            h = cell.stepColumn(x, h);
            hs.add(h);
            ys.add(out.forwardColumn(h));
            forgetful.add(cell.stepColumn(x, new DMatrixRMaj(cell.nA, 1)));
        }
        ForwardPass got;
        try {
            List<DMatrixRMaj> copies = new ArrayList<>();
            for (DMatrixRMaj x : xs) copies.add(x.copy());
            DMatrixRMaj Wxh = cell.Wxh(), Whh = cell.Whh(), bh = cell.bh(), Why = out.Why(), by = CommonOps_DDRM.transpose(out.by, null);
            got = OwnWork.check("rnnForward", () -> forward.apply(Wxh, Whh, bh, Why, by, copies), OwnWork.Topic.RNN_STEP, OwnWork.Topic.RNN_SEQUENCE, OwnWork.Topic.OUTPUT_LAYER);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("rnnForward", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "h_0 is an (n_h×1) column of zeros; each x_t is (n_x×1); W_hy (n_y×n_h) · h_t (n_h×1) + b_y (n_y×1) is y_t.");
        }
        if (got == null || got.h() == null || got.y() == null) {
            throw Check.missing(what, "return new Lesson03.ForwardPass(hs, ys) with both lists filled.");
        }
        if (got.h().size() == T + 1) {
            throw Check.fail(what, "the cache holds " + (T + 1) + " hidden states for " + T + " inputs: is h_0 in it?",
                    "keep h_1 … h_T, one per input (h_0 is known: zeros).");
        }
        Check.isTrueQuietly(what, got.h().size() == T && got.y().size() == T,
                "expected " + T + " hidden states and " + T + " outputs (one per input), got " + got.h().size() + " and " + got.y().size() + ".",
                "add h_t and y_t to their lists at every step, not only at the end.");
        if (T > 1 && got.h().get(0) == got.h().get(T - 1)) {
            throw Check.fail(what, "every entry of the h list is the same matrix object, so the cache holds the last state " + T + " times.",
                    "add a new matrix at each step (cellStep returns a new one); do not overwrite one matrix in place.");
        }
        for (int t = 0; t < T; t++) {
            DMatrixRMaj ht = got.h().get(t);
            if (t > 0 && !Check.same(hs.get(t), ht, TOL) && Check.same(forgetful.get(t), ht, TOL)) {
                throw Check.fail(what, "h_" + (t + 1) + " is computed from h = 0: the state is not carried.",
                        "the h that comes out of step t is the h_{t−1} of step t + 1.");
            }
            Check.requireClose(what + ", h_" + (t + 1), hs.get(t), ht, TOL,
                    "h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h), from h_0 = 0, with the function's own arguments.");
        }
        boolean early = true, squashed = true;
        for (int t = 0; t < T; t++) {
            DMatrixRMaj before = t == 0 ? out.forwardColumn(new DMatrixRMaj(cell.nA, 1)) : ys.get(t - 1);
            early &= Check.same(before, got.y().get(t), TOL);
            squashed &= Check.same(Activation.TANH.apply(ys.get(t)), got.y().get(t), TOL);
        }
        if (early) {
            throw Check.fail(what, "each y_t is read from h_{t−1}, one step too early.",
                    "compute y_t from the new state h_t, after the step.");
        }
        if (squashed) {
            throw Check.fail(what, "the outputs went through tanh; the output g of this exercise is linear.",
                    "y_t = W_hy h_t + b_y, with no activation.");
        }
        for (int t = 0; t < T; t++) {
            DMatrixRMaj yt = got.y().get(t);
            Check.requireClose(what + ", y_" + (t + 1), ys.get(t), yt, TOL, "y_t = W_hy h_t + b_y, a (n_y×1) column.");
        }
    }

    /** A learner's batch step in the row form: A_t = tanh(X_t·W_ax + A_{t−1}·W_aa + b_a). */
    @FunctionalInterface
    public interface BatchStep {
        DMatrixRMaj apply(DMatrixRMaj Wax, DMatrixRMaj Waa, DMatrixRMaj ba, DMatrixRMaj X, DMatrixRMaj Aprev);
    }

    /**
     * Exercise 3: one step of the row form for a batch, written by hand. The check calls it on the
     * worked example's three inputs as a batch and on random batches, and recognises a bias added
     * to the first row only, a missing A_{t−1}·W_aa, a missing tanh, and the column form's shape.
     */
    public static void checkBatchStep(BatchStep step) {
        String what = "batchStep";
        if (step == null) {
            throw Check.missing(what, "pass your function: Lesson03.checkBatchStep((Wax, Waa, ba, X, Aprev) -> batchStep(Wax, Waa, ba, X, Aprev)).");
        }
        WorkedExample ex = WorkedExample.create();
        DMatrixRMaj X = new DMatrixRMaj(3, 3);
        List<DMatrixRMaj> rows = ex.inputRows();
        for (int i = 0; i < 3; i++) CommonOps_DDRM.insert(rows.get(i), X, i, 0);
        tryBatch(step, ex.cell(), X, new DMatrixRMaj(3, 4), "the worked example's inputs as a batch");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int m = 2 + r.nextInt(4), nx = 2 + r.nextInt(3), na = 3 + r.nextInt(3);
            RnnCell cell = new RnnCell(Matrices.gaussian(nx, na, 0.5, r), Matrices.gaussian(na, na, 0.5, r),
                    Matrices.gaussian(1, na, 0.5, r), Activation.TANH);
            tryBatch(step, cell, Matrices.gaussian(m, nx, 1, r), Matrices.gaussian(m, na, 0.5, r),
                    "a random batch of " + m + " examples (n_x = " + nx + ", n_a = " + na + ")");
        }
        Check.pass(what);
    }

    private static void tryBatch(BatchStep step, RnnCell cell, DMatrixRMaj X, DMatrixRMaj Aprev, String trial) {
        String what = "batchStep, on " + trial;
        int m = X.numRows, na = cell.nA;
        DMatrixRMaj expected = cell.step(X, Aprev);
        DMatrixRMaj z = cell.preActivation(X, Aprev);
        DMatrixRMaj firstRowBias = z.copy();
        for (int i = 1; i < m; i++) for (int j = 0; j < na; j++) firstRowBias.add(i, j, -cell.ba.get(0, j));
        DMatrixRMaj noRecurrence = cell.step(X, new DMatrixRMaj(m, na));
        DMatrixRMaj A;
        try {
            A = OwnWork.check("batchStep", () -> step.apply(cell.Wax.copy(), cell.Waa.copy(), cell.ba.copy(), X.copy(), Aprev.copy()), OwnWork.Topic.RNN_STEP, OwnWork.Topic.RNN_SEQUENCE);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("batchStep", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "X (m×n_x) · W_ax (n_x×n_a) and A_prev (m×n_a) · W_aa (n_a×n_a) are (m×n_a); b_a (1×n_a) is added to each row.");
        }
        if (A != null && A.numRows == na && A.numCols == m && m != na) {
            throw Check.fail(what, "expected shape " + Shapes.of(m, na) + ", got " + Shapes.of(A) + ".",
                    "in the row form each example is a row: X (m×n_x) · W_ax (n_x×n_a) = (m×n_a). Is this the column form?");
        }
        if (A != null && !Check.same(expected, A, TOL)) {
            if (Check.same(z, A, TOL)) {
                throw Check.fail(what, "these are the numbers before the activation.", "apply tanh to every entry.");
            }
            if (m > 1 && Check.same(Activation.TANH.apply(firstRowBias), A, TOL)) {
                throw Check.fail(what, "b_a is added to the first row only.",
                        "b_a is one row (1×n_a): add it to every row of the (m×n_a) sum, one per example.");
            }
            if (Check.same(noRecurrence, A, TOL)) {
                throw Check.fail(what, "the result ignores A_prev: the state is not carried.", "add A_prev · W_aa.");
            }
        }
        Check.requireClose(what, expected, A, TOL,
                "A = tanh(X·W_ax + A_prev·W_aa + b_a), b_a added to every row, from the function's own arguments.");
    }
}
