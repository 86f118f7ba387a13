package org.rnncourse.exercise;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OwnWork;

/**
 * Quiz 03 of lesson 12: a short code answer. The learner writes note 002's form of the cell,
 * h_t = tanh(W·[h_{t−1}, x_t] + b), with one matrix W (n_h × (n_h + n_x)) on the stacked column;
 * the check runs it on weights, states and sizes drawn at check time (so no printed value is the
 * answer, and no library call computes it) and names the two usual slips: the stack in the other
 * order, [x_t, h_{t−1}], and a missing tanh.
 */
public final class Lesson12Cell {
    private static final double TOL = 1e-9;

    private Lesson12Cell() {}

    /** A learner's step in note 002's notation: W (n_h × (n_h + n_x)), b (n_h × 1), x (n_x × 1), hPrev (n_h × 1). */
    @FunctionalInterface
    public interface ConcatStep {
        DMatrixRMaj apply(DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj hPrev);
    }

    static void check(String what, ConcatStep step) {
        if (step == null) {
            throw Check.missing(what, Messages.get("lesson12.cell.passYourFunction", "Lesson12.checkQuiz03((W, b, x, h) -> concatStep(W, b, x, h))"));
        }
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int nx = 2 + r.nextInt(3), nh = 3 + r.nextInt(3);
            DMatrixRMaj W = Matrices.gaussian(nh, nh + nx, 0.6, r), b = Matrices.gaussian(nh, 1, 0.3, r);
            DMatrixRMaj x = Matrices.gaussian(nx, 1, 1, r), h = Matrices.gaussian(nh, 1, 0.5, r);
            DMatrixRMaj expected = reference(W, b, stack(h, x));
            String trialName = Messages.get("lesson12.cell.trial", what, nx, nh);
            DMatrixRMaj got;
            try {
                got = OwnWork.check("concatStep", () -> step.apply(W.copy(), b.copy(), x.copy(), h.copy()), OwnWork.Topic.RNN_STEP, OwnWork.Topic.RNN_SEQUENCE);
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, Messages.get("lesson12.cell.notWritten", e.getMessage()), Messages.get("lesson12.cell.notWritten.hint"));
            } catch (RuntimeException e) {
                throw Check.fail(trialName, Messages.get("lesson12.cell.threw", e.getClass().getSimpleName(), e.getMessage()),
                        Messages.get("lesson12.cell.threw.hint"));
            }
            if (got != null && !Check.same(expected, got, TOL)) {
                DMatrixRMaj z = CommonOps_DDRM.mult(W, stack(h, x), null);
                CommonOps_DDRM.addEquals(z, b);
                if (Check.same(z, got, TOL)) {
                    throw Check.fail(trialName, Messages.get("lesson12.cell.beforeActivation"), Messages.get("lesson12.cell.beforeActivation.hint"));
                }
                if (Check.same(reference(W, b, stack(x, h)), got, TOL)) {
                    throw Check.fail(trialName, Messages.get("lesson12.cell.wrongStack"), Messages.get("lesson12.cell.wrongStack.hint"));
                }
            }
            Check.requireClose(trialName, expected, got, TOL, Messages.get("lesson12.cell.hint"));
        }
        Check.pass(what);
    }

    private static DMatrixRMaj stack(DMatrixRMaj top, DMatrixRMaj bottom) {
        DMatrixRMaj s = new DMatrixRMaj(top.numRows + bottom.numRows, 1);
        CommonOps_DDRM.concatRows(top, bottom, s);
        return s;
    }

    private static DMatrixRMaj reference(DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj stacked) {
        OwnWork.entry(OwnWork.Topic.RNN_STEP, "Lesson12's own reference"); // reflection must not reach it either
        DMatrixRMaj z = CommonOps_DDRM.mult(W, stacked, null);
        CommonOps_DDRM.addEquals(z, b);
        return Activation.TANH.apply(z);
    }
}
