package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.Messages;
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
            throw Check.missing(what, Messages.get("lesson03.cellStep.missing"));
        }
        WorkedExample ex = WorkedExample.create();
        Random r = new Random();
        tryStep(step, ex.cell().Wxh(), ex.cell().Whh(), ex.cell().bh(), ex.inputColumns().get(0), ex.h0(), Messages.get("lesson03.cellStep.trial.worked"));
        for (int trial = 0; trial < 3; trial++) {
            DMatrixRMaj Wxh = Matrices.gaussian(4, 3, 0.5, r), Whh = Matrices.gaussian(4, 4, 0.5, r);
            tryStep(step, Wxh, Whh, Matrices.gaussian(4, 1, 0.5, r), Matrices.gaussian(3, 1, 1, r),
                    Matrices.gaussian(4, 1, 1, r), Messages.get("lesson03.cellStep.trial.random"));
        }
        Check.pass(what);
    }

    private static void tryStep(CellStep step, DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj x,
                                DMatrixRMaj hPrev, String trial) {
        String what = Messages.get("lesson03.on", "cellStep", trial);
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
            throw Check.fail("cellStep", Messages.get("lesson03.notWritten", e.getMessage()), Messages.get("lesson03.writeBody"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson03.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson03.cellStep.threw.hint"));
        }
        if (h != null && h.numRows == 1 && h.numCols == 4) {
            throw Check.fail(what, Messages.get("check.wrongShape", Shapes.of(4, 1), Shapes.of(h)),
                    Messages.get("lesson03.cellStep.row.hint"));
        }
        if (h != null && !Check.same(expected, h, TOL)) {
            if (Check.same(z, h, TOL)) {
                throw Check.fail(what, Messages.get("lesson03.beforeActivation"), Messages.get("lesson03.cellStep.beforeActivation.hint"));
            }
            if (Check.same(Activation.TANH.apply(inputOnly), h, TOL)) {
                throw Check.fail(what, Messages.get("lesson03.cellStep.notCarried"), Messages.get("lesson03.cellStep.notCarried.hint"));
            }
            if (Check.same(noBias, h, TOL)) {
                throw Check.fail(what, Messages.get("lesson03.cellStep.noBias"), Messages.get("lesson03.cellStep.noBias.hint"));
            }
        }
        Check.requireClose(what, expected, h, TOL, Messages.get("lesson03.cellStep.hint"));
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
            throw Check.missing(what, Messages.get("lesson03.rnnForward.missing"));
        }
        WorkedExample ex = WorkedExample.create();
        tryForward(forward, ex.cell(), ex.output(), ex.inputColumns(), Messages.get("lesson03.rnnForward.trial.worked"));
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int steps = 2 + r.nextInt(4), nx = 2 + r.nextInt(3), nh = 3 + r.nextInt(3);
            List<DMatrixRMaj> xs = new ArrayList<>();
            for (int t = 0; t < steps; t++) xs.add(Matrices.gaussian(nx, 1, 1, r));
            RnnCell cell = RnnCell.random(nx, nh, Activation.TANH, 0.6, r);
            CommonOps_DDRM.fill(cell.ba, 0);
            CommonOps_DDRM.addEquals(cell.ba, Matrices.gaussian(1, nh, 0.3, r));
            tryForward(forward, cell, OutputLayer.random(nh, 2, Activation.LINEAR, 0.6, r), xs,
                    Messages.get("lesson03.rnnForward.trial.random", nx, nh, steps));
        }
        Check.pass(what);
    }

    private static void tryForward(RnnForward forward, RnnCell cell, OutputLayer out, List<DMatrixRMaj> xs, String trial) {
        String what = Messages.get("lesson03.on", "rnnForward", trial);
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
            throw Check.fail("rnnForward", Messages.get("lesson03.notWritten", e.getMessage()), Messages.get("lesson03.writeBody"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson03.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson03.rnnForward.threw.hint"));
        }
        if (got == null || got.h() == null || got.y() == null) {
            throw Check.missing(what, Messages.get("lesson03.rnnForward.null"));
        }
        if (got.h().size() == T + 1) {
            throw Check.fail(what, Messages.get("lesson03.rnnForward.withH0", T + 1, T), Messages.get("lesson03.rnnForward.withH0.hint"));
        }
        Check.isTrueQuietly(what, got.h().size() == T && got.y().size() == T,
                Messages.get("lesson03.rnnForward.count", T, got.h().size(), got.y().size()),
                Messages.get("lesson03.rnnForward.count.hint"));
        if (T > 1 && got.h().get(0) == got.h().get(T - 1)) {
            throw Check.fail(what, Messages.get("lesson03.rnnForward.aliased", T), Messages.get("lesson03.rnnForward.aliased.hint"));
        }
        for (int t = 0; t < T; t++) {
            DMatrixRMaj ht = got.h().get(t);
            if (t > 0 && !Check.same(hs.get(t), ht, TOL) && Check.same(forgetful.get(t), ht, TOL)) {
                throw Check.fail(what, Messages.get("lesson03.rnnForward.notCarried", t + 1), Messages.get("lesson03.rnnForward.notCarried.hint"));
            }
            Check.requireClose(what + ", h_" + (t + 1), hs.get(t), ht, TOL, Messages.get("lesson03.rnnForward.h.hint"));
        }
        boolean early = true, squashed = true;
        for (int t = 0; t < T; t++) {
            DMatrixRMaj before = t == 0 ? out.forwardColumn(new DMatrixRMaj(cell.nA, 1)) : ys.get(t - 1);
            early &= Check.same(before, got.y().get(t), TOL);
            squashed &= Check.same(Activation.TANH.apply(ys.get(t)), got.y().get(t), TOL);
        }
        if (early) {
            throw Check.fail(what, Messages.get("lesson03.rnnForward.early"), Messages.get("lesson03.rnnForward.early.hint"));
        }
        if (squashed) {
            throw Check.fail(what, Messages.get("lesson03.rnnForward.tanh"), Messages.get("lesson03.rnnForward.tanh.hint"));
        }
        for (int t = 0; t < T; t++) {
            DMatrixRMaj yt = got.y().get(t);
            Check.requireClose(what + ", y_" + (t + 1), ys.get(t), yt, TOL, Messages.get("lesson03.rnnForward.y.hint"));
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
            throw Check.missing(what, Messages.get("lesson03.batchStep.missing"));
        }
        WorkedExample ex = WorkedExample.create();
        DMatrixRMaj X = new DMatrixRMaj(3, 3);
        List<DMatrixRMaj> rows = ex.inputRows();
        for (int i = 0; i < 3; i++) CommonOps_DDRM.insert(rows.get(i), X, i, 0);
        tryBatch(step, ex.cell(), X, new DMatrixRMaj(3, 4), Messages.get("lesson03.batchStep.trial.worked"));
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int m = 2 + r.nextInt(4), nx = 2 + r.nextInt(3), na = 3 + r.nextInt(3);
            RnnCell cell = new RnnCell(Matrices.gaussian(nx, na, 0.5, r), Matrices.gaussian(na, na, 0.5, r),
                    Matrices.gaussian(1, na, 0.5, r), Activation.TANH);
            tryBatch(step, cell, Matrices.gaussian(m, nx, 1, r), Matrices.gaussian(m, na, 0.5, r),
                    Messages.get("lesson03.batchStep.trial.random", m, nx, na));
        }
        Check.pass(what);
    }

    private static void tryBatch(BatchStep step, RnnCell cell, DMatrixRMaj X, DMatrixRMaj Aprev, String trial) {
        String what = Messages.get("lesson03.on", "batchStep", trial);
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
            throw Check.fail("batchStep", Messages.get("lesson03.notWritten", e.getMessage()), Messages.get("lesson03.writeBody"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson03.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson03.batchStep.threw.hint"));
        }
        if (A != null && A.numRows == na && A.numCols == m && m != na) {
            throw Check.fail(what, Messages.get("check.wrongShape", Shapes.of(m, na), Shapes.of(A)),
                    Messages.get("lesson03.batchStep.column.hint"));
        }
        if (A != null && !Check.same(expected, A, TOL)) {
            if (Check.same(z, A, TOL)) {
                throw Check.fail(what, Messages.get("lesson03.beforeActivation"), Messages.get("lesson03.batchStep.beforeActivation.hint"));
            }
            if (m > 1 && Check.same(Activation.TANH.apply(firstRowBias), A, TOL)) {
                throw Check.fail(what, Messages.get("lesson03.batchStep.firstRow"), Messages.get("lesson03.batchStep.firstRow.hint"));
            }
            if (Check.same(noRecurrence, A, TOL)) {
                throw Check.fail(what, Messages.get("lesson03.batchStep.notCarried"), Messages.get("lesson03.batchStep.notCarried.hint"));
            }
        }
        Check.requireClose(what, expected, A, TOL, Messages.get("lesson03.batchStep.hint"));
    }
}
