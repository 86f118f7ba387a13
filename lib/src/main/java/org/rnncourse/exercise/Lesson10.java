package org.rnncourse.exercise;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
                    new LstmWay("the gate blocks were read in the order f, i, c̃, o.",
                            "Keras (and this library) stores the blocks of W, U and b in the order i, f, c̃, o: columns 0…n_a−1 are the input gate, n_a…2n_a−1 the forget gate.",
                            new int[] {1, 0, 2, 3}, true, true, true, true, true),
                    new LstmWay("the candidate c̃ and the output gate o were swapped.",
                            "the order is i, f, c̃, o: the candidate is the THIRD block, the output gate the fourth.",
                            new int[] {0, 1, 3, 2}, true, true, true, true, true),
                    new LstmWay("the candidate went through a sigmoid.",
                            "the three gates use σ; the candidate c̃ uses tanh, so that new content can be negative.",
                            KERAS, false, true, true, true, true),
                    new LstmWay("h_t = o ⊙ c_t: the tanh of the cell is missing.",
                            "h_t = o_t ⊙ tanh(c_t): squash the new cell before the output gate reads it.",
                            KERAS, true, false, true, true, true),
                    new LstmWay("c_t ignores c_{t−1}: the cell state is not carried.",
                            "c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t: the forget gate keeps part of the OLD cell.",
                            KERAS, true, true, false, true, true),
                    new LstmWay("the gates ignore h_{t−1}.",
                            "every gate reads x_t·W + h_{t−1}·U + b: add the recurrent term h_{t−1}·U.",
                            KERAS, true, true, true, false, true),
                    new LstmWay("the bias b is missing.",
                            "add b (1, 4·n_a) to x_t·W + h_{t−1}·U before splitting it into the four blocks.",
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
            throw Check.missing(what, "pass your function: Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstmStep(W, U, b, x, h, c)).");
        }
        LstmCell lesson = LstmCell.random(3, 2, 0.5, 1);
        tryLstm(step, lesson.W, lesson.U, lesson.b, Matrices.row(1.0, -0.5, 0.3), Matrices.row(0.1, -0.2),
                Matrices.row(0.8, -0.5), "the lesson's cell");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int nX = 2 + r.nextInt(4), nA = 2 + r.nextInt(3);
            tryLstm(step, Matrices.gaussian(nX, 4 * nA, 0.7, r), Matrices.gaussian(nA, 4 * nA, 0.7, r),
                    Matrices.gaussian(1, 4 * nA, 0.7, r), Matrices.gaussian(1, nX, 1, r), Matrices.gaussian(1, nA, 0.5, r),
                    Matrices.gaussian(1, nA, 1, r), "a random cell with n_x = " + nX + ", n_a = " + nA);
        }
        Check.pass(what);
    }

    private static void tryLstm(LstmStep step, DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x,
                                DMatrixRMaj h, DMatrixRMaj c, String trial) {
        String what = "lstmStep, on " + trial;
        int n = U.numRows;
        DMatrixRMaj[] want = LstmWay.right().step(W, U, b, x, h, c);
        DMatrixRMaj[] got;
        try {
            got = OwnWork.check("lstmStep", () -> step.apply(W.copy(), U.copy(), b.copy(), x.copy(), h.copy(), c.copy()), OwnWork.Topic.LSTM);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("lstmStep", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "the shapes: x_t (1×n_x)·W (n_x×4n_a) and h_{t−1} (1×n_a)·U (n_a×4n_a) are (1×4n_a), like b; "
                            + "each gate is one block of n_a columns of that sum.");
        }
        String hint = "z = x_t·W + h_{t−1}·U + b, cut into the blocks i, f, c̃, o of n_a columns each; "
                + "c_t = σ(z_f) ⊙ c_{t−1} + σ(z_i) ⊙ tanh(z_c̃), h_t = σ(z_o) ⊙ tanh(c_t).";
        if (got == null || got.length != 2 || got[0] == null || got[1] == null) {
            throw Check.fail(what, "expected an array of two matrices {h_t, c_t}, got "
                    + (got == null ? "null" : got.length + " entries" + (got.length == 2 ? " with a null" : "")) + ".",
                    "return new DMatrixRMaj[] {h, c}.");
        }
        for (DMatrixRMaj m : got) {
            if (m.numRows == n && m.numCols == 1) {
                throw Check.fail(what, "h_t and c_t should be rows (1×" + n + "), got a column (" + n + "×1).",
                        "this is the row form of Keras: x_t·W, not W·x_t.");
            }
        }
        boolean hRight = Check.same(want[0], got[0], TOL), cRight = Check.same(want[1], got[1], TOL);
        if (hRight && cRight) return;
        if (Check.same(want[1], got[0], TOL) && Check.same(want[0], got[1], TOL)) {
            throw Check.fail(what, "h_t and c_t are swapped in the array you return.", "return new DMatrixRMaj[] {h, c}: h first.");
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
                    new GruWay("h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃: that is the notes' convention.",
                            "Keras's z is the share of the OLD state: h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃_t.",
                            false, true, true, false, true, true),
                    new GruWay("the reset gate was applied before the product, (r ⊙ h_{t−1})·U_h: that is reset_after = False.",
                            "Keras's default GRU (reset_after = True) multiplies first: h̃ = tanh(x_t·W_h + b_x,h + r ⊙ (h_{t−1}·U_h + b_h,h)).",
                            false, false, true, true, true, true),
                    new GruWay("the blocks z and r were swapped.",
                            "Keras's order is z, r, h̃: the first n_a columns are the update gate z, the next n_a the reset gate r.",
                            true, true, true, true, true, true),
                    new GruWay("the candidate does not use the reset gate.",
                            "h̃ = tanh(x_t·W_h + b_x,h + r_t ⊙ (h_{t−1}·U_h + b_h,h)): r scales the recurrent part.",
                            false, true, false, true, true, true),
                    new GruWay("the recurrent bias (row 1 of b) is missing.",
                            "with reset_after the GRU has two biases: row 0 of b is added to x_t·W, row 1 to h_{t−1}·U.",
                            false, true, true, true, true, false),
                    new GruWay("the input bias (row 0 of b) is missing.",
                            "row 0 of b is added to x_t·W, row 1 to h_{t−1}·U.",
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
            throw Check.missing(what, "pass your function: Lesson10.checkGruStep((W, U, b, x, h) -> gruStep(W, U, b, x, h)).");
        }
        GruCell lesson = GruCell.random(3, 2, 0.5, 1);
        // The lesson's cell has zero biases (Keras's default): the random cells' biases catch a missing one.
        tryGru(step, lesson.W, lesson.U, lesson.b, Matrices.row(1.0, -0.5, 0.3), Matrices.row(0.1, -0.2), "the lesson's GRU cell");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int nX = 2 + r.nextInt(4), nA = 2 + r.nextInt(3);
            tryGru(step, Matrices.gaussian(nX, 3 * nA, 0.7, r), Matrices.gaussian(nA, 3 * nA, 0.7, r),
                    Matrices.gaussian(2, 3 * nA, 0.7, r), Matrices.gaussian(1, nX, 1, r), Matrices.gaussian(1, nA, 0.7, r),
                    "a random cell with n_x = " + nX + ", n_a = " + nA + " and non-zero biases");
        }
        Check.pass(what);
    }

    private static void tryGru(GruStep step, DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h,
                               String trial) {
        String what = "gruStep, on " + trial;
        int n = U.numRows;
        DMatrixRMaj want = GruWay.right().step(W, U, b, x, h);
        DMatrixRMaj got;
        try {
            got = OwnWork.check("gruStep", () -> step.apply(W.copy(), U.copy(), b.copy(), x.copy(), h.copy()), OwnWork.Topic.GRU);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("gruStep", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "the shapes: x_t (1×n_x)·W (n_x×3n_a) and h_{t−1} (1×n_a)·U (n_a×3n_a) are (1×3n_a); b is (2×3n_a): "
                            + "row 0 goes with x_t·W, row 1 with h_{t−1}·U.");
        }
        if (got != null && got.numRows == n && got.numCols == 1) {
            throw Check.fail(what, "h_t should be a row (1×" + n + "), got a column (" + n + "×1).",
                    "this is the row form of Keras: x_t·W, not W·x_t.");
        }
        if (got != null && !Check.same(want, got, TOL)) {
            for (GruWay way : GruWay.mistakes()) {
                if (Check.same(way.step(W, U, b, x, h), got, TOL)) throw Check.fail(what, way.mistake(), way.hint());
            }
        }
        Check.requireClose(what, want, got, TOL,
                "x_t·W + b[0] and h_{t−1}·U + b[1] in blocks z, r, h̃; z = σ(…), r = σ(…), "
                        + "h̃ = tanh(x-part of h̃ + r ⊙ h-part of h̃), h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃.");
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
