package org.rnncourse.exercise;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.Messages;
import org.rnncourse.scratch.GruCell;
import org.rnncourse.scratch.LstmCell;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for lesson 10 (LSTM and GRU). Both exercises are functions that compute one cell step from
 * the weights in Keras's layout; each check runs the learner's function on the lesson's example and on
 * random weights, inputs and states drawn at check time, against references of its own, and
 * recognises the usual mistakes (gate order, a missing tanh, a state not carried, the notes' z, the
 * reset gate applied before the product) by computing them too.
 */
public final class Lesson10 {
    static final double TOL = 1e-9;

    private Lesson10() {}

    /** A learner's LSTM step in the row form: returns {h_t, c_t}, each (1, n_a). */
    @FunctionalInterface
    public interface LstmStep {
        DMatrixRMaj[] apply(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj hPrev, DMatrixRMaj cPrev);
    }

    /** A learner's GRU step (Keras's reset_after) in the row form: returns h_t, (1, n_a). */
    @FunctionalInterface
    public interface GruStep {
        DMatrixRMaj apply(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj hPrev);
    }

    // ---- exercise 1: the LSTM step ------------------------------------------------------------------

    /** How an LSTM step can be computed, right or with one known mistake. */
    private record LstmWay(String mistake, String hint, int[] blocks, boolean tanhCandidate, boolean tanhCell,
                           boolean carryCell, boolean readH, boolean addBias) {
        static final int[] KERAS = {0, 1, 2, 3};

        static LstmWay right() {
            return new LstmWay(null, null, KERAS, true, true, true, true, true);
        }

        static List<LstmWay> mistakes() {
            return List.of(
                    new LstmWay(Messages.get("lesson10.lstm.gateOrder"), Messages.get("lesson10.lstm.gateOrder.hint"),
                            new int[] {1, 0, 2, 3}, true, true, true, true, true),
                    new LstmWay(Messages.get("lesson10.lstm.candidateOutput"), Messages.get("lesson10.lstm.candidateOutput.hint"),
                            new int[] {0, 1, 3, 2}, true, true, true, true, true),
                    new LstmWay(Messages.get("lesson10.lstm.sigmoidCandidate"), Messages.get("lesson10.lstm.sigmoidCandidate.hint"),
                            KERAS, false, true, true, true, true),
                    new LstmWay(Messages.get("lesson10.lstm.noTanhCell"), Messages.get("lesson10.lstm.noTanhCell.hint"),
                            KERAS, true, false, true, true, true),
                    new LstmWay(Messages.get("lesson10.lstm.notCarried"), Messages.get("lesson10.lstm.notCarried.hint"),
                            KERAS, true, true, false, true, true),
                    new LstmWay(Messages.get("lesson10.lstm.noH"), Messages.get("lesson10.lstm.noH.hint"),
                            KERAS, true, true, true, false, true),
                    new LstmWay(Messages.get("lesson10.lstm.noBias"), Messages.get("lesson10.lstm.noBias.hint"),
                            KERAS, true, true, true, true, false));
        }

        /** {h_t, c_t}. */
        DMatrixRMaj[] step(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h, DMatrixRMaj c) {
            OwnWork.entry(OwnWork.Topic.LSTM, "Lesson10's own reference"); // reflection must not reach it either
            int n = U.numRows;
            DMatrixRMaj z = CommonOps_DDRM.mult(x, W, null);
            if (readH) CommonOps_DDRM.multAdd(h, U, z);
            if (addBias) CommonOps_DDRM.addEquals(z, b);
            DMatrixRMaj hNew = new DMatrixRMaj(1, n), cNew = new DMatrixRMaj(1, n);
            for (int k = 0; k < n; k++) {
                double i = sigmoid(z.get(0, blocks[0] * n + k));
                double f = sigmoid(z.get(0, blocks[1] * n + k));
                double gz = z.get(0, blocks[2] * n + k);
                double g = tanhCandidate ? Math.tanh(gz) : sigmoid(gz);
                double o = sigmoid(z.get(0, blocks[3] * n + k));
                double cell = (carryCell ? f * c.get(0, k) : 0) + i * g;
                cNew.set(0, k, cell);
                hNew.set(0, k, o * (tanhCell ? Math.tanh(cell) : cell));
            }
            return new DMatrixRMaj[] {hNew, cNew};
        }
    }

    /**
     * Exercise 1: one LSTM step from its weights, W (n_x, 4·n_a), U (n_a, 4·n_a), b (1, 4·n_a) in
     * Keras's gate order i, f, c̃, o. Tried on the lesson's cell and step, then on random cells of
     * other sizes with non-zero biases and states.
     */
    public static void checkLstmStep(LstmStep step) {
        String what = "lstmStep";
        if (step == null) {
            throw Check.missing(what, Messages.get("lesson10.passYourFunction",
                    "Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstmStep(W, U, b, x, h, c))"));
        }
        LstmCell lesson = LstmCell.random(3, 2, 0.5, 1);
        tryLstm(step, lesson.W, lesson.U, lesson.b, Matrices.row(1.0, -0.5, 0.3), Matrices.row(0.1, -0.2),
                Matrices.row(0.8, -0.5), Messages.get("lesson10.lessonCell"));
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int nX = 2 + r.nextInt(4), nA = 2 + r.nextInt(3);
            tryLstm(step, Matrices.gaussian(nX, 4 * nA, 0.7, r), Matrices.gaussian(nA, 4 * nA, 0.7, r),
                    Matrices.gaussian(1, 4 * nA, 0.7, r), Matrices.gaussian(1, nX, 1, r), Matrices.gaussian(1, nA, 0.5, r),
                    Matrices.gaussian(1, nA, 1, r), Messages.get("lesson10.randomCell", nX, nA));
        }
        Check.pass(what);
    }

    private static void tryLstm(LstmStep step, DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x,
                                DMatrixRMaj h, DMatrixRMaj c, String trial) {
        String what = Messages.get("lesson10.on", "lstmStep", trial);
        int n = U.numRows;
        DMatrixRMaj[] want = LstmWay.right().step(W, U, b, x, h, c);
        DMatrixRMaj[] got;
        try {
            got = OwnWork.check("lstmStep", () -> step.apply(W.copy(), U.copy(), b.copy(), x.copy(), h.copy(), c.copy()), OwnWork.Topic.LSTM);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("lstmStep", Messages.get("lesson10.notWritten", e.getMessage()), Messages.get("lesson10.notWritten.hint"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson10.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson10.lstm.threw.hint"));
        }
        String hint = Messages.get("lesson10.lstm.hint");
        if (got == null || got.length != 2 || got[0] == null || got[1] == null) {
            String gotWhat = got == null ? "null"
                    : Messages.get(got.length == 2 ? "lesson10.lstm.entriesWithNull" : "lesson10.lstm.entries", got.length);
            throw Check.fail(what, Messages.get("lesson10.lstm.notTwo", gotWhat), Messages.get("lesson10.lstm.notTwo.hint"));
        }
        for (DMatrixRMaj m : got) {
            if (m.numRows == n && m.numCols == 1) {
                throw Check.fail(what, Messages.get("lesson10.lstm.column", n), Messages.get("lesson10.rowForm.hint"));
            }
        }
        boolean hRight = Check.same(want[0], got[0], TOL), cRight = Check.same(want[1], got[1], TOL);
        if (hRight && cRight) return;
        if (Check.same(want[1], got[0], TOL) && Check.same(want[0], got[1], TOL)) {
            throw Check.fail(what, Messages.get("lesson10.lstm.swapped"), Messages.get("lesson10.lstm.swapped.hint"));
        }
        for (LstmWay way : LstmWay.mistakes()) {
            DMatrixRMaj[] wrong = way.step(W, U, b, x, h, c);
            if (Check.same(wrong[0], got[0], TOL) && Check.same(wrong[1], got[1], TOL)) {
                throw Check.fail(what, way.mistake(), way.hint());
            }
        }
        if (!cRight) Check.requireClose(what + ", c_t", want[1], got[1], TOL, hint);
        Check.requireClose(what + ", h_t", want[0], got[0], TOL, hint);
    }

    // ---- exercise 2: the GRU step -------------------------------------------------------------------

    /** How a GRU step can be computed, right (Keras's reset_after) or with one known mistake. */
    private record GruWay(String mistake, String hint, boolean swapZr, boolean resetAfter, boolean reset,
                          boolean kerasZ, boolean inputBias, boolean recurrentBias) {
        static GruWay right() {
            return new GruWay(null, null, false, true, true, true, true, true);
        }

        static List<GruWay> mistakes() {
            return List.of(
                    new GruWay(Messages.get("lesson10.gru.notesZ"), Messages.get("lesson10.gru.notesZ.hint"),
                            false, true, true, false, true, true),
                    new GruWay(Messages.get("lesson10.gru.resetBefore"), Messages.get("lesson10.gru.resetBefore.hint"),
                            false, false, true, true, true, true),
                    new GruWay(Messages.get("lesson10.gru.swapZr"), Messages.get("lesson10.gru.swapZr.hint"),
                            true, true, true, true, true, true),
                    new GruWay(Messages.get("lesson10.gru.noReset"), Messages.get("lesson10.gru.noReset.hint"),
                            false, true, false, true, true, true),
                    new GruWay(Messages.get("lesson10.gru.noRecurrentBias"), Messages.get("lesson10.gru.noRecurrentBias.hint"),
                            false, true, true, true, true, false),
                    new GruWay(Messages.get("lesson10.gru.noInputBias"), Messages.get("lesson10.gru.noInputBias.hint"),
                            false, true, true, true, false, true));
        }

        DMatrixRMaj step(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h) {
            OwnWork.entry(OwnWork.Topic.GRU, "Lesson10's own reference"); // reflection must not reach it either
            int n = U.numRows;
            DMatrixRMaj xw = CommonOps_DDRM.mult(x, W, null), hu = CommonOps_DDRM.mult(h, U, null);
            int zb = swapZr ? 1 : 0, rb = swapZr ? 0 : 1;
            double[] z = new double[n], r = new double[n];
            for (int k = 0; k < n; k++) {
                z[k] = sigmoid(xw.get(0, zb * n + k) + (inputBias ? b.get(0, zb * n + k) : 0)
                        + hu.get(0, zb * n + k) + (recurrentBias ? b.get(1, zb * n + k) : 0));
                r[k] = sigmoid(xw.get(0, rb * n + k) + (inputBias ? b.get(0, rb * n + k) : 0)
                        + hu.get(0, rb * n + k) + (recurrentBias ? b.get(1, rb * n + k) : 0));
            }
            DMatrixRMaj out = new DMatrixRMaj(1, n);
            for (int k = 0; k < n; k++) {
                double recurrent;
                if (resetAfter) {
                    double uh = hu.get(0, 2 * n + k) + (recurrentBias ? b.get(1, 2 * n + k) : 0);
                    recurrent = reset ? r[k] * uh : uh;
                } else {
                    recurrent = recurrentBias ? b.get(1, 2 * n + k) : 0;
                    for (int j = 0; j < n; j++) recurrent += r[j] * h.get(0, j) * U.get(j, 2 * n + k);
                }
                double cand = Math.tanh(xw.get(0, 2 * n + k) + (inputBias ? b.get(0, 2 * n + k) : 0) + recurrent);
                double keep = kerasZ ? z[k] : 1 - z[k];
                out.set(0, k, keep * h.get(0, k) + (1 - keep) * cand);
            }
            return out;
        }
    }

    /**
     * Exercise 2: one GRU step from its weights, W (n_x, 3·n_a), U (n_a, 3·n_a), b (2, 3·n_a) in
     * Keras's gate order z, r, h̃ with reset_after. Tried on the lesson's GRU cell and step, then on
     * random cells with non-zero biases.
     */
    public static void checkGruStep(GruStep step) {
        String what = "gruStep";
        if (step == null) {
            throw Check.missing(what, Messages.get("lesson10.passYourFunction",
                    "Lesson10.checkGruStep((W, U, b, x, h) -> gruStep(W, U, b, x, h))"));
        }
        GruCell lesson = GruCell.random(3, 2, 0.5, 1);
        // The lesson's cell has zero biases (Keras's default): the random cells' biases catch a missing one.
        tryGru(step, lesson.W, lesson.U, lesson.b, Matrices.row(1.0, -0.5, 0.3), Matrices.row(0.1, -0.2),
                Messages.get("lesson10.gruCell"));
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int nX = 2 + r.nextInt(4), nA = 2 + r.nextInt(3);
            tryGru(step, Matrices.gaussian(nX, 3 * nA, 0.7, r), Matrices.gaussian(nA, 3 * nA, 0.7, r),
                    Matrices.gaussian(2, 3 * nA, 0.7, r), Matrices.gaussian(1, nX, 1, r), Matrices.gaussian(1, nA, 0.7, r),
                    Messages.get("lesson10.gruRandom", nX, nA));
        }
        Check.pass(what);
    }

    private static void tryGru(GruStep step, DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h,
                               String trial) {
        String what = Messages.get("lesson10.on", "gruStep", trial);
        int n = U.numRows;
        DMatrixRMaj want = GruWay.right().step(W, U, b, x, h);
        DMatrixRMaj got;
        try {
            got = OwnWork.check("gruStep", () -> step.apply(W.copy(), U.copy(), b.copy(), x.copy(), h.copy()), OwnWork.Topic.GRU);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("gruStep", Messages.get("lesson10.notWritten", e.getMessage()), Messages.get("lesson10.notWritten.hint"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson10.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson10.gru.threw.hint"));
        }
        if (got != null && got.numRows == n && got.numCols == 1) {
            throw Check.fail(what, Messages.get("lesson10.gru.column", n), Messages.get("lesson10.rowForm.hint"));
        }
        if (got != null && !Check.same(want, got, TOL)) {
            for (GruWay way : GruWay.mistakes()) {
                if (Check.same(way.step(W, U, b, x, h), got, TOL)) throw Check.fail(what, way.mistake(), way.hint());
            }
        }
        Check.requireClose(what, want, got, TOL, Messages.get("lesson10.gru.hint"));
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
