package org.rnncourse.exercise;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.scratch.Activation;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.RnnGradients;
import org.rnncourse.scratch.Shapes;

/**
 * Checks for the exercises of lesson 06 (backpropagation through time). Each exercise is a function;
 * its check calls it on the lesson's fixed data and on data drawn at check time, and compares with
 * a reference it computes itself, so no value the library prints or returns is the answer.
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

    /** A learner's db_a from A_t and dA_t: Σ over the rows of dZ_t = dA_t ⊙ (1 − A_t²). */
    @FunctionalInterface
    public interface BiasGradient {
        DMatrixRMaj of(DMatrixRMaj A, DMatrixRMaj dA);
    }

    /** A learner's dA_prev from dZ_t and W_aa: dZ_t · W_aaᵀ. */
    @FunctionalInterface
    public interface StateGradient {
        DMatrixRMaj of(DMatrixRMaj dZ, DMatrixRMaj Waa);
    }

    /**
     * Exercise 1: a function that computes db_a from A_t (m×n_a) and dA_t (m×n_a). Checked on the
     * lesson's step and on random batches drawn at check time, with a private reference.
     */
    public static void checkBiasGradient(BiasGradient f) {
        String what = "biasGradient";
        if (f == null) {
            throw Check.missing(what, "pass your function: Lesson06.checkBiasGradient((A, dA) -> biasGradient(A, dA)).");
        }
        StepData d = stepData();
        tryBias(f, d.cell().step(d.X(), d.Aprev()), d.dA(), "the lesson's step");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int m = 3 + r.nextInt(3), n = 2 + r.nextInt(4);
            DMatrixRMaj A = Matrices.gaussian(m, n, 1, r);
            for (int k = 0; k < A.data.length; k++) A.data[k] = Math.tanh(A.data[k]);
            tryBias(f, A, Matrices.gaussian(m, n, 1, r), "a random batch of " + m + " examples and " + n + " units");
        }
        Check.pass(what);
    }

    private static void tryBias(BiasGradient f, DMatrixRMaj A, DMatrixRMaj dA, String trial) {
        String what = "biasGradient, on " + trial;
        int m = A.numRows, n = A.numCols;
        DMatrixRMaj dZ = new DMatrixRMaj(m, n);
        for (int k = 0; k < dZ.data.length; k++) dZ.data[k] = dA.data[k] * (1 - A.data[k] * A.data[k]);
        DMatrixRMaj expected = CommonOps_DDRM.sumCols(dZ, null);
        DMatrixRMaj got;
        try {
            got = f.of(A.copy(), dA.copy());
        } catch (UnsupportedOperationException e) {
            throw Check.fail("biasGradient", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "A_t and dA_t are both (m×n_a); dZ_t has their shape, db_a is (1×n_a).");
        }
        if (got != null && got.numRows == m && got.numCols == n) {
            throw Check.fail(what, "expected shape " + Shapes.of(1, n) + ", got " + Shapes.of(got) + ": this is not summed.",
                    "b_a was added to every row (every example) of the batch, so its gradient sums dZ_t over the rows.");
        }
        if (got != null && got.numRows == n && got.numCols == 1) {
            throw Check.fail(what, "expected shape " + Shapes.of(1, n) + ", got " + Shapes.of(got) + ".",
                    "a gradient has the shape of its parameter: b_a is a row (1×n_a).");
        }
        if (got != null && !Check.same(expected, got, TOL)) {
            if (Check.same(CommonOps_DDRM.sumCols(dA, null), got, TOL)) {
                throw Check.fail(what, "this is Σ_rows dA_t: the step through tanh is missing.",
                        "first dZ_t = dA_t ⊙ (1 − A_t²), where A_t = tanh(Z_t); then sum dZ_t over the rows.");
            }
            DMatrixRMaj noSquare = new DMatrixRMaj(m, n);
            for (int k = 0; k < dZ.data.length; k++) noSquare.data[k] = dA.data[k] * (1 - A.data[k]);
            if (Check.same(CommonOps_DDRM.sumCols(noSquare, null), got, TOL)) {
                throw Check.fail(what, "this uses 1 − A_t instead of 1 − A_t².", "tanh′(z) = 1 − tanh(z)²: square A_t.");
            }
        }
        Check.requireClose(what, expected, got, TOL,
                "dZ_t = dA_t ⊙ (1 − A_t²) entry by entry; db_a = Σ_rows dZ_t, from the function's own arguments.");
    }

    /**
     * Exercise 2: a function that computes dA_prev = dZ_t · W_aaᵀ (m×n_a). Checked on the lesson's step
     * and on random batches drawn at check time.
     */
    public static void checkStateGradient(StateGradient f) {
        String what = "stateGradient";
        if (f == null) {
            throw Check.missing(what, "pass your function: Lesson06.checkStateGradient((dZ, Waa) -> stateGradient(dZ, Waa)).");
        }
        StepData d = stepData();
        DMatrixRMaj A = d.cell().step(d.X(), d.Aprev());
        DMatrixRMaj dZ = new DMatrixRMaj(2, 4);
        for (int k = 0; k < dZ.data.length; k++) dZ.data[k] = d.dA().data[k] * (1 - A.data[k] * A.data[k]);
        tryState(f, dZ, d.cell().Waa, "the lesson's step");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int m = 2 + r.nextInt(4), n = 2 + r.nextInt(4);
            tryState(f, Matrices.gaussian(m, n, 1, r), Matrices.gaussian(n, n, 0.5, r),
                    "a random batch of " + m + " examples and " + n + " units");
        }
        Check.pass(what);
    }

    private static void tryState(StateGradient f, DMatrixRMaj dZ, DMatrixRMaj Waa, String trial) {
        String what = "stateGradient, on " + trial;
        DMatrixRMaj expected = CommonOps_DDRM.multTransB(dZ, Waa, null);
        DMatrixRMaj got;
        try {
            got = f.of(dZ.copy(), Waa.copy());
        } catch (UnsupportedOperationException e) {
            throw Check.fail("stateGradient", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "dZ_t is (m×n_a) and W_aa (n_a×n_a): dZ_t · W_aaᵀ is (m×n_a).");
        }
        if (got != null && !Check.same(expected, got, TOL) && Check.same(CommonOps_DDRM.mult(dZ, Waa, null), got, TOL)) {
            throw Check.fail(what, "this is dZ_t · W_aa; the forward pass multiplied A_prev · W_aa.",
                    "going back through a product A_prev·W_aa multiplies by the transpose: dZ_t · W_aaᵀ.");
        }
        Check.requireClose(what, expected, got, TOL,
                "dA_prev = dZ_t · W_aaᵀ; it is passed back to step t − 1, not an update.");
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

    /** A learner's central difference: ∂loss/∂W[i, j], nudging W[i, j] and putting it back. */
    @FunctionalInterface
    public interface NumericalDerivative {
        double of(DoubleSupplier loss, DMatrixRMaj W, int i, int j);
    }

    /**
     * Exercise 3: a function that measures ∂L/∂W[i, j] by central differences. The check calls it on
     * the lesson's model and on losses drawn at check time (fresh random RNNs, plus a term no
     * library gradient knows about), compares with the analytic gradient, and checks that W is left
     * as it was. The answer is no value the library prints or returns.
     */
    public static void checkNumericalDerivative(NumericalDerivative derivative) {
        String what = "numericalDerivative";
        if (derivative == null) {
            throw Check.missing(what, "pass your function: Lesson06.checkNumericalDerivative((loss, W, i, j) -> numericalDerivative(loss, W, i, j)).");
        }
        Rnn lesson = gradCheckModel();
        tryDerivative(derivative, lesson, gradCheckInputs(), gradCheckTarget(), true, 0, 1, 0, "the lesson's model, W_aa[0, 1]");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            Rnn rnn = Rnn.random(3, 4, 2, Activation.TANH, Activation.SOFTMAX, 0.5, r.nextLong());
            List<DMatrixRMaj> xs = List.of(Matrices.gaussian(1, 3, 1, r), Matrices.gaussian(1, 3, 1, r), Matrices.gaussian(1, 3, 1, r));
            boolean recurrent = r.nextBoolean();
            int i = r.nextInt(recurrent ? 4 : 3), j = r.nextInt(4);
            tryDerivative(derivative, rnn, xs, Matrices.oneHotRow(r.nextInt(2), 2), recurrent, i, j, 0.3 + r.nextDouble(),
                    "a random model and loss, " + (recurrent ? "W_aa" : "W_ax") + "[" + i + ", " + j + "]");
        }
        Check.pass(what);
    }

    /** Checks one call: loss = cross-entropy of rnn + extra · Σ sin(W), so that the check's gradient is its own. */
    private static void tryDerivative(NumericalDerivative derivative, Rnn rnn, List<DMatrixRMaj> xs, DMatrixRMaj target,
                                      boolean recurrent, int i, int j, double extra, String trial) {
        String what = "numericalDerivative, on " + trial;
        DMatrixRMaj W = recurrent ? rnn.cell.Waa : rnn.cell.Wax;
        DMatrixRMaj before = W.copy();
        DoubleSupplier loss = () -> {
            double sines = 0;
            for (double w : W.data) sines += Math.sin(w);
            return Loss.CROSS_ENTROPY.manyToOne(rnn, xs, target) + extra * sines;
        };
        RnnGradients g = Bptt.manyToOne(rnn, rnn.forward(xs), target, Loss.CROSS_ENTROPY);
        double expected = (recurrent ? g.dWaa() : g.dWax()).get(i, j) + extra * Math.cos(W.get(i, j));
        double got;
        try {
            got = derivative.of(loss, W, i, j);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("numericalDerivative", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "use only W.get(i, j), W.set(i, j, value) and loss.getAsDouble().");
        }
        for (int k = 0; k < W.data.length; k++) {
            if (W.data[k] != before.data[k]) {
                W.setTo(before);
                throw Check.fail(what, "W is not as it was after the call: entry " + (k / W.numCols) + ", " + (k % W.numCols)
                        + " was changed and not put back.", "after the two evaluations, set W[i, j] back to its old value.");
            }
        }
        double base = loss.getAsDouble();
        double w = W.get(i, j);
        W.set(i, j, w + EPS);
        double oneSided = (loss.getAsDouble() - base) / EPS;
        W.set(i, j, w);
        double tol = 1e-7 + 1e-6 * Math.abs(expected);
        if (Double.isFinite(got) && !(Math.abs(got - expected) <= tol) && Math.abs(got - oneSided) <= 1e-9 + 1e-9 * Math.abs(oneSided)) {
            throw Check.fail(what, "this is a one-sided difference (L(w + ε) − L(w)) / ε.",
                    "central differences are more accurate: (L(w + ε) − L(w − ε)) / (2ε).");
        }
        if (Double.isFinite(got) && !(Math.abs(got - expected) <= tol) && Math.abs(got - 2 * expected) <= 2 * tol) {
            throw Check.fail(what, "this is twice the derivative.", "divide by 2ε: the two points are 2ε apart.");
        }
        Check.requireNear(what, expected, got, tol,
                "(L(w + ε) − L(w − ε)) / (2ε) with ε = 1e-5, changing only entry (i, j) of W and putting it back afterwards.");
    }

    private static final double EPS = 1e-5;
}
