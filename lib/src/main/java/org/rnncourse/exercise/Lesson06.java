package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Activation;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.CellGradients;
import org.rnncourse.scratch.GradCheck;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.RnnGradients;
import org.rnncourse.scratch.Shapes;
import org.rnncourse.scratch.OwnWork;

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

    /** Fresh copies of the data of exercise 1, the same on every call. */
    public static StepData stepData() {
        Random r = new Random(SEED);
        RnnCell cell = new RnnCell(Matrices.gaussian(3, 4, 0.5, r), Matrices.gaussian(4, 4, 0.5, r),
                Matrices.gaussian(1, 4, 0.5, r), Activation.TANH);
        return new StepData(cell, Matrices.gaussian(2, 3, 1, r), Matrices.gaussian(2, 4, 0.5, r),
                Matrices.gaussian(2, 4, 1, r));
    }

    /**
     * What a learner's backward step returns: the parameter gradients of this step (dW_ax, dW_aa,
     * db_a) and the two gradients passed back (dX_t to what made X_t, dA_prev to step t − 1).
     */
    public record StepGradients(DMatrixRMaj dWax, DMatrixRMaj dWaa, DMatrixRMaj dba, DMatrixRMaj dX, DMatrixRMaj dAprev) {}

    /** A learner's backward step of the cell A_t = tanh(X_t·W_ax + A_{t−1}·W_aa + b_a). */
    @FunctionalInterface
    public interface CellBackward {
        StepGradients of(DMatrixRMaj Wax, DMatrixRMaj Waa, DMatrixRMaj X, DMatrixRMaj Aprev, DMatrixRMaj A, DMatrixRMaj dA);
    }

    /**
     * Exercise 1: the backward step of the cell. Checked on the lesson's step and on random batches
     * and sizes drawn at check time, with the library's step as the private reference; the usual
     * mistakes are named: tanh′ left out or written 1 − A, a product not transposed, db_a not summed
     * over the examples.
     */
    public static void checkCellBackward(CellBackward f) {
        String what = "cellBackward";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson06.cellBackward.missing"));
        }
        StepData d = stepData();
        tryBackward(f, d.cell(), d.X(), d.Aprev(), d.dA(), Messages.get("lesson06.cellBackward.trial.lesson"));
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int m = 2 + r.nextInt(3), nx = 2 + r.nextInt(3), na = 3 + r.nextInt(3);
            RnnCell cell = new RnnCell(Matrices.gaussian(nx, na, 0.5, r), Matrices.gaussian(na, na, 0.5, r),
                    Matrices.gaussian(1, na, 0.5, r), Activation.TANH);
            tryBackward(f, cell, Matrices.gaussian(m, nx, 1, r), Matrices.gaussian(m, na, 0.5, r), Matrices.gaussian(m, na, 1, r),
                    Messages.get("lesson06.cellBackward.trial.random", m, nx, na));
        }
        Check.pass(what);
    }

    private static void tryBackward(CellBackward f, RnnCell cell, DMatrixRMaj X, DMatrixRMaj Aprev, DMatrixRMaj dA, String trial) {
        String what = Messages.get("lesson06.on", "cellBackward", trial);
        DMatrixRMaj Z = cell.preActivation(X, Aprev);
        DMatrixRMaj A = cell.step(X, Aprev);
        CellGradients e = Bptt.cellBackward(cell, X, Aprev, Z, dA);
        StepGradients got;
        try {
            got = OwnWork.check("cellBackward", () -> f.of(cell.Wax.copy(), cell.Waa.copy(), X.copy(), Aprev.copy(), A.copy(), dA.copy()),
                    OwnWork.Topic.BPTT, OwnWork.Topic.NUMERICAL_GRADIENT);
        } catch (UnsupportedOperationException ex) {
            throw Check.fail("cellBackward", Messages.get("lesson06.notWritten", ex.getMessage()), Messages.get("lesson06.writeBody"));
        } catch (RuntimeException ex) {
            throw Check.fail(what, Messages.get("lesson06.threw", ex.getClass().getSimpleName(), ex.getMessage()),
                    Messages.get("lesson06.cellBackward.threw.hint"));
        }
        if (got == null) {
            throw Check.missing(what, Messages.get("lesson06.cellBackward.null"));
        }
        // What the usual mistakes give, to name them.
        DMatrixRMaj noTanh = Bptt.cellBackward(new RnnCell(cell.Wax, cell.Waa, cell.ba, Activation.LINEAR), X, Aprev, Z, dA).dWax;
        DMatrixRMaj dZhalf = new DMatrixRMaj(dA.numRows, dA.numCols);
        for (int k = 0; k < dZhalf.data.length; k++) dZhalf.data[k] = dA.data[k] * (1 - A.data[k]);
        if (got.dWax() != null && !Check.same(e.dWax, got.dWax(), TOL)) {
            if (Check.same(noTanh, got.dWax(), TOL)) {
                throw Check.fail(what + ", dW_ax", Messages.get("lesson06.cellBackward.noTanh"), Messages.get("lesson06.cellBackward.noTanh.hint"));
            }
            if (Check.same(CommonOps_DDRM.multTransA(X, dZhalf, null), got.dWax(), TOL)) {
                throw Check.fail(what + ", dW_ax", Messages.get("lesson06.cellBackward.notSquared"), Messages.get("lesson06.cellBackward.notSquared.hint"));
            }
        }
        int na = cell.nA;
        if (got.dba() != null && got.dba().numRows == X.numRows && got.dba().numCols == na && X.numRows > 1) {
            throw Check.fail(what + ", db_a", Messages.get("lesson06.cellBackward.notSummed", Shapes.of(1, na), Shapes.of(got.dba())),
                    Messages.get("lesson06.cellBackward.notSummed.hint"));
        }
        if (got.dAprev() != null && !Check.same(e.dAprev, got.dAprev(), TOL)) {
            DMatrixRMaj dZ = new DMatrixRMaj(dA.numRows, dA.numCols);
            for (int k = 0; k < dZ.data.length; k++) dZ.data[k] = dA.data[k] * (1 - A.data[k] * A.data[k]);
            if (Check.same(CommonOps_DDRM.mult(dZ, cell.Waa, null), got.dAprev(), TOL)) {
                throw Check.fail(what + ", dA_prev", Messages.get("lesson06.cellBackward.notTransposed"),
                        Messages.get("lesson06.cellBackward.notTransposed.hint"));
            }
        }
        String formulas = Messages.get("lesson06.cellBackward.hint");
        Check.requireClose(what + ", dW_ax", e.dWax, got.dWax(), TOL, formulas);
        Check.requireClose(what + ", dW_aa", e.dWaa, got.dWaa(), TOL, formulas);
        Check.requireClose(what + ", db_a", e.dba, got.dba(), TOL, formulas);
        Check.requireClose(what + ", dX", e.dX, got.dX(), TOL, formulas);
        Check.requireClose(what + ", dA_prev", e.dAprev, got.dAprev(), TOL, formulas);
    }

    /** What a learner's BPTT returns: the weight gradients summed over time, and dA_0. */
    public record SequenceGradients(DMatrixRMaj dWax, DMatrixRMaj dWaa, DMatrixRMaj dba, DMatrixRMaj dA0) {}

    /** A learner's BPTT through one layer, given what reaches each A_t from the outputs (dAs.get(t − 1)). */
    @FunctionalInterface
    public interface Backprop {
        SequenceGradients of(DMatrixRMaj Wax, DMatrixRMaj Waa, RnnCache cache, List<DMatrixRMaj> dAs);
    }

    /**
     * Exercise 2: the whole backward pass through time. The check runs it on the lesson's model and
     * on random cells, sequences and gradients from above drawn at check time, and compares it with
     * the <b>numerical gradient</b> of L = Σ_t Σ dAs_t ⊙ A_t (whose ∂L/∂A_t from the outputs is
     * exactly dAs_t): relative errors, never the expected values. The usual mistakes are named:
     * the weights' gradients not summed over time, the gradient from step t + 1 not carried back,
     * the outputs' gradients at t &lt; T left out.
     */
    public static void checkBptt(Backprop f) {
        String what = "bptt";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson06.bptt.missing"));
        }
        Random r = new Random();
        for (int trial = 0; trial < 4; trial++) {
            int m = 1 + r.nextInt(3), nx = 2 + r.nextInt(3), na = 3 + r.nextInt(3), T = 3 + r.nextInt(3);
            RnnCell cell = new RnnCell(Matrices.gaussian(nx, na, 0.6, r), Matrices.gaussian(na, na, 0.6, r),
                    Matrices.gaussian(1, na, 0.3, r), Activation.TANH);
            List<DMatrixRMaj> xs = new ArrayList<>(), dAs = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                xs.add(Matrices.gaussian(m, nx, 1, r));
                // The last trial is many-to-one (a gradient at the last step only), the others many-to-many:
                // there a missing sum and a dA_prev not carried give different numbers, so the check can say which.
                dAs.add(trial == 3 && t < T - 1 ? new DMatrixRMaj(m, na) : Matrices.gaussian(m, na, 1, r));
            }
            tryBptt(f, cell, xs, dAs, Messages.get(trial == 3 ? "lesson06.bptt.trial.manyToOne" : "lesson06.bptt.trial.manyToMany",
                    T, m, nx, na));
        }
        Check.pass(what);
    }

    private static void tryBptt(Backprop f, RnnCell cell, List<DMatrixRMaj> xs, List<DMatrixRMaj> dAs, String trial) {
        String what = Messages.get("lesson06.on", "bptt", trial);
        int T = xs.size();
        RnnCache cache = cell.forward(xs);
        RnnGradients e = Bptt.throughTime(cell, cache, dAs);
        SequenceGradients got;
        try {
            List<DMatrixRMaj> copies = new ArrayList<>();
            for (DMatrixRMaj d : dAs) copies.add(d.copy());
            RnnCache given = cell.forward(xs);
            got = OwnWork.check("bptt", () -> f.of(cell.Wax.copy(), cell.Waa.copy(), given, copies), OwnWork.Topic.BPTT, OwnWork.Topic.NUMERICAL_GRADIENT);
        } catch (UnsupportedOperationException ex) {
            throw Check.fail("bptt", Messages.get("lesson06.notWritten", ex.getMessage()), Messages.get("lesson06.writeBody"));
        } catch (RuntimeException ex) {
            throw Check.fail(what, Messages.get("lesson06.threw", ex.getClass().getSimpleName(), ex.getMessage()),
                    Messages.get("lesson06.bptt.threw.hint"));
        }
        if (got == null) {
            throw Check.missing(what, Messages.get("lesson06.bptt.null"));
        }
        // The usual mistakes, to name them: the last step only; nothing carried back; the outputs' share at t < T dropped.
        CellGradients last = Bptt.cellBackward(cell, cache, T, dAs.get(T - 1));
        DMatrixRMaj notCarried = new DMatrixRMaj(cell.nA, cell.nA);
        for (int t = 1; t <= T; t++) CommonOps_DDRM.addEquals(notCarried, Bptt.cellBackward(cell, cache, t, dAs.get(t - 1)).dWaa);
        List<DMatrixRMaj> lastOnly = new ArrayList<>();
        for (int t = 1; t <= T; t++) lastOnly.add(t == T ? dAs.get(T - 1) : null);
        DMatrixRMaj aboveDropped = Bptt.throughTime(cell, cache, lastOnly).dWaa();
        DMatrixRMaj dWaa = got.dWaa();
        if (dWaa != null && !Check.same(e.dWaa(), dWaa, TOL)) {
            if (Check.same(last.dWaa, dWaa, TOL)) {
                throw Check.fail(what + ", dW_aa", Messages.get("lesson06.bptt.notSummed"), Messages.get("lesson06.bptt.notSummed.hint"));
            }
            if (Check.same(notCarried, dWaa, TOL)) {
                throw Check.fail(what + ", dW_aa", Messages.get("lesson06.bptt.notCarried"), Messages.get("lesson06.bptt.notCarried.hint"));
            }
            if (Check.same(aboveDropped, dWaa, TOL) && T > 1) {
                throw Check.fail(what + ", dW_aa", Messages.get("lesson06.bptt.aboveDropped"), Messages.get("lesson06.bptt.aboveDropped.hint"));
            }
        }
        // Compared with the numerical gradient of L = Σ_t Σ dAs_t ⊙ A_t, recomputed from the weights.
        DMatrixRMaj A0 = new DMatrixRMaj(xs.get(0).numRows, cell.nA);
        DoubleSupplier loss = () -> {
            RnnCache c = cell.forward(xs, A0);
            double sum = 0;
            for (int t = 1; t <= T; t++) {
                for (int k = 0; k < dAs.get(t - 1).data.length; k++) sum += dAs.get(t - 1).data[k] * c.a(t).data[k];
            }
            return sum;
        };
        numerically(what + ", dW_ax", GradCheck.numericalGradient(loss, cell.Wax), got.dWax());
        numerically(what + ", dW_aa", GradCheck.numericalGradient(loss, cell.Waa), got.dWaa());
        numerically(what + ", db_a", GradCheck.numericalGradient(loss, cell.ba), got.dba());
        numerically(what + ", dA_0", GradCheck.numericalGradient(loss, A0), got.dA0());
    }

    /** Compares a learner's gradient with the numerical one by their relative error, which gives no value away. */
    private static void numerically(String what, DMatrixRMaj numerical, DMatrixRMaj analytic) {
        String hint = Messages.get("lesson06.bptt.hint");
        Check.requireShape(what, numerical.numRows, numerical.numCols, analytic, hint);
        for (double v : analytic.data) {
            if (!Double.isFinite(v)) throw Check.fail(what, Messages.get("lesson06.bptt.notANumber", v), hint);
        }
        double rel = GradCheck.relativeError(analytic, numerical);
        if (!(rel < 1e-6)) {
            throw Check.fail(what, Messages.get("lesson06.bptt.relativeError", Check.fmtTol(rel))
                    + Check.transposed(numerical, analytic, 1e-6), hint);
        }
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
            throw Check.missing(what, Messages.get("lesson06.numericalDerivative.missing"));
        }
        Rnn lesson = gradCheckModel();
        tryDerivative(derivative, lesson, gradCheckInputs(), gradCheckTarget(), true, 0, 1, 0, Messages.get("lesson06.numericalDerivative.trial.lesson"));
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            Rnn rnn = Rnn.random(3, 4, 2, Activation.TANH, Activation.SOFTMAX, 0.5, r.nextLong());
            List<DMatrixRMaj> xs = List.of(Matrices.gaussian(1, 3, 1, r), Matrices.gaussian(1, 3, 1, r), Matrices.gaussian(1, 3, 1, r));
            boolean recurrent = r.nextBoolean();
            int i = r.nextInt(recurrent ? 4 : 3), j = r.nextInt(4);
            tryDerivative(derivative, rnn, xs, Matrices.oneHotRow(r.nextInt(2), 2), recurrent, i, j, 0.3 + r.nextDouble(),
                    Messages.get("lesson06.numericalDerivative.trial.random", recurrent ? "W_aa" : "W_ax", i, j));
        }
        Check.pass(what);
    }

    /** Checks one call: loss = cross-entropy of rnn + extra · Σ sin(W), so that the check's gradient is its own. */
    private static void tryDerivative(NumericalDerivative derivative, Rnn rnn, List<DMatrixRMaj> xs, DMatrixRMaj target,
                                      boolean recurrent, int i, int j, double extra, String trial) {
        String what = Messages.get("lesson06.on", "numericalDerivative", trial);
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
            got = OwnWork.check("numericalDerivative", () -> derivative.of(loss, W, i, j), OwnWork.Topic.NUMERICAL_GRADIENT, OwnWork.Topic.BPTT);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("numericalDerivative", Messages.get("lesson06.notWritten", e.getMessage()), Messages.get("lesson06.writeBody"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson06.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson06.numericalDerivative.threw.hint"));
        }
        for (int k = 0; k < W.data.length; k++) {
            if (W.data[k] != before.data[k]) {
                W.setTo(before);
                throw Check.fail(what, Messages.get("lesson06.numericalDerivative.notRestored", k / W.numCols, k % W.numCols),
                        Messages.get("lesson06.numericalDerivative.notRestored.hint"));
            }
        }
        double base = loss.getAsDouble();
        double w = W.get(i, j);
        W.set(i, j, w + EPS);
        double oneSided = (loss.getAsDouble() - base) / EPS;
        W.set(i, j, w);
        double tol = 1e-7 + 1e-6 * Math.abs(expected);
        if (Double.isFinite(got) && !(Math.abs(got - expected) <= tol) && Math.abs(got - oneSided) <= 1e-9 + 1e-9 * Math.abs(oneSided)) {
            throw Check.fail(what, Messages.get("lesson06.numericalDerivative.oneSided"), Messages.get("lesson06.numericalDerivative.oneSided.hint"));
        }
        if (Double.isFinite(got) && !(Math.abs(got - expected) <= tol) && Math.abs(got - 2 * expected) <= 2 * tol) {
            throw Check.fail(what, Messages.get("lesson06.numericalDerivative.twice"), Messages.get("lesson06.numericalDerivative.twice.hint"));
        }
        Check.requireNear(what, expected, got, tol, Messages.get("lesson06.numericalDerivative.hint"));
    }

    private static final double EPS = 1e-5;
}
