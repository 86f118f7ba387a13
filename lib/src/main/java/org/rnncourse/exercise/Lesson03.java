package org.rnncourse.exercise;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.lessons.WorkedExample;

/**
 * Checks for the exercises of lesson 03 (the RNN cell), on the lesson's {@link WorkedExample}. Exercise 1
 * is a function, checked on random weights drawn at check time: its answer is no value a library
 * helper returns.
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
            h = step.apply(Wxh.copy(), Whh.copy(), bh.copy(), x.copy(), hPrev.copy());
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

    /** A learner's run over a sequence: the output y_T after the last step, from h_0 = 0. */
    @FunctionalInterface
    public interface LastOutput {
        DMatrixRMaj apply(RnnCell cell, OutputLayer out, List<DMatrixRMaj> xs);
    }

    /**
     * Exercise 2: a function that runs the cell over every input column from h_0 = 0 and returns the
     * last output. The check calls it on the worked example and on random cells, output layers and
     * sequences of random length drawn at check time, with a private reference.
     */
    public static void checkLastOutput(LastOutput run) {
        String what = "lastOutput";
        if (run == null) {
            throw Check.missing(what, "pass your function: Lesson03.checkLastOutput((cell, out, xs) -> lastOutput(cell, out, xs)).");
        }
        WorkedExample ex = WorkedExample.create();
        tryRun(run, ex.cell(), ex.output(), ex.inputColumns(), "the worked example");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int steps = 2 + r.nextInt(4);
            List<DMatrixRMaj> xs = new java.util.ArrayList<>();
            for (int t = 0; t < steps; t++) xs.add(Matrices.gaussian(3, 1, 1, r));
            tryRun(run, RnnCell.random(3, 4, Activation.TANH, 0.5, r), OutputLayer.random(4, 2, Activation.LINEAR, 0.5, r), xs,
                    "a random cell and a sequence of " + steps + " steps");
        }
        Check.pass(what);
    }

    private static void tryRun(LastOutput run, RnnCell cell, OutputLayer out, List<DMatrixRMaj> xs, String trial) {
        String what = "lastOutput, on " + trial;
        DMatrixRMaj h = new DMatrixRMaj(cell.nA, 1);
        DMatrixRMaj first = null;
        for (DMatrixRMaj x : xs) {
            h = cell.stepColumn(x, h);
            if (first == null) first = out.forwardColumn(h);
        }
        DMatrixRMaj expected = out.forwardColumn(h);
        DMatrixRMaj forgetful = out.forwardColumn(cell.stepColumn(xs.get(xs.size() - 1), new DMatrixRMaj(cell.nA, 1)));
        DMatrixRMaj y;
        try {
            y = run.apply(cell, out, List.copyOf(xs));
        } catch (UnsupportedOperationException e) {
            throw Check.fail("lastOutput", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "h starts as a (n_h×1) column of zeros; each x_t is a (n_x×1) column.");
        }
        if (y != null && !Check.same(expected, y, TOL) && Check.same(forgetful, y, TOL)) {
            throw Check.fail(what, "this is the output of the last input alone, from h = 0.",
                    "carry the hidden state: the h that comes out of one step goes into the next. That memory is the point of an RNN.");
        }
        if (y != null && !Check.same(expected, y, TOL) && Check.same(first, y, TOL)) {
            throw Check.fail(what, "this is the output after the first step.", "loop over every input, then compute the output once.");
        }
        Check.requireClose(what, expected, y, TOL,
                "h = cell.stepColumn(x, h) for each x of xs, from zeros; then out.forwardColumn(h), from the function's arguments.");
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
