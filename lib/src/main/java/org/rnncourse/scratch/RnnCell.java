package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One simple RNN cell: the recurrence that turns the input at time t and the previous hidden state
 * into the new hidden state. The same weights serve every time step (weight sharing).
 *
 * <p><b>Row (batch) form</b>, the main one, with m examples in a batch, one per row:
 * <pre>
 *   A_t = f(X_t · W_ax + A_{t−1} · W_aa + b_a)
 *   X_t (m, n_x) · W_ax (n_x, n_a)  +  A_{t−1} (m, n_a) · W_aa (n_a, n_a)  +  b_a (1, n_a)  →  A_t (m, n_a)
 * </pre>
 * ({@code b_a} is added to every row.) <b>Column form</b>, the textbook one for a single example:
 * <pre>
 *   h_t = f(W_xh x_t + W_hh h_{t−1} + b_h),   W_xh = W_axᵀ (n_h, n_x), W_hh = W_aaᵀ, b_h = b_aᵀ
 * </pre>
 * Both compute the same numbers: the row form is the column form transposed (A_t = h_tᵀ when m = 1).
 * h_0 (or A_0) is all zeros unless given.
 *
 * <p>The weight matrices are public and live: a gradient check nudges their entries in place.
 * Wrong shapes throw IllegalArgumentException in the form of {@link Shapes}, e.g.
 * {@code x_t has shape (4×1) but the cell expects (3×1): n_x = 3}.
 */
public final class RnnCell {
    /** Input size n_x (features per time step) and hidden size n_a (units). */
    public final int nX, nA;
    /** Input-to-hidden weights W_ax, (n_x, n_a). */
    public final DMatrixRMaj Wax;
    /** Hidden-to-hidden (recurrent) weights W_aa, (n_a, n_a). */
    public final DMatrixRMaj Waa;
    /** Hidden bias b_a, (1, n_a). */
    public final DMatrixRMaj ba;
    /** The hidden activation f, tanh by default. */
    public final Activation f;

    /** A cell with the given weights (kept, not copied); the sizes are read from W_ax. */
    public RnnCell(DMatrixRMaj Wax, DMatrixRMaj Waa, DMatrixRMaj ba, Activation f) {
        Shapes.requireFinite("W_ax", Wax, "scratch.who.cell");
        Shapes.requirePositive("n_x (rows of W_ax)", Wax.numRows);
        Shapes.requirePositive("n_a (columns of W_ax)", Wax.numCols);
        this.nX = Wax.numRows;
        this.nA = Wax.numCols;
        Shapes.Why why = Shapes.why("scratch.why.readFrom", "n_x = " + nX + ", n_a = " + nA, "W_ax");
        this.Wax = Wax;
        this.Waa = Shapes.require("W_aa", Waa, nA, nA, "scratch.who.cell", why);
        this.ba = Shapes.require("b_a", ba, 1, nA, "scratch.who.cell", why);
        this.f = Shapes.requireNonNull("f", f, "scratch.hint.activationTanh");
        if (f == Activation.SOFTMAX) {
            throw new IllegalArgumentException(Messages.get("scratch.softmaxHidden"));
        }
    }

    /** A cell with Gaussian weights × {@code scale} and a zero bias, drawn from {@code random}. */
    public static RnnCell random(int nX, int nA, Activation f, double scale, Random random) {
        Shapes.requirePositive("n_x", nX);
        Shapes.requirePositive("n_a", nA);
        DMatrixRMaj wax = Matrices.gaussian(nX, nA, scale, random);
        DMatrixRMaj waa = Matrices.gaussian(nA, nA, scale, random);
        return new RnnCell(wax, waa, new DMatrixRMaj(1, nA), f);
    }

    /** Same as {@link #random(int, int, Activation, double, Random)} with {@code new Random(seed)}. */
    public static RnnCell random(int nX, int nA, Activation f, double scale, long seed) {
        return random(nX, nA, f, scale, new Random(seed));
    }

    /** The pre-activation Z_t = X_t·W_ax + A_{t−1}·W_aa + b_a, (m, n_a): what f is applied to. */
    public DMatrixRMaj preActivation(DMatrixRMaj X, DMatrixRMaj Aprev) {
        OwnWork.entry(OwnWork.Topic.RNN_STEP, "RnnCell.preActivation");
        requireInputs(X, Aprev);
        DMatrixRMaj z = new DMatrixRMaj(X.numRows, nA);
        CommonOps_DDRM.mult(X, Wax, z);               // (m, n_x)·(n_x, n_a) = (m, n_a)
        CommonOps_DDRM.multAdd(Aprev, Waa, z);        // + (m, n_a)·(n_a, n_a)
        for (int i = 0; i < z.numRows; i++) {         // + b_a, broadcast to every row
            for (int j = 0; j < nA; j++) {
                z.add(i, j, ba.get(0, j));
            }
        }
        return z;
    }

    /** One step in row form: A_t = f(X_t·W_ax + A_{t−1}·W_aa + b_a), (m, n_a). */
    public DMatrixRMaj step(DMatrixRMaj X, DMatrixRMaj Aprev) {
        OwnWork.entry(OwnWork.Topic.RNN_STEP, "RnnCell.step");
        return f.apply(preActivation(X, Aprev));
    }

    /**
     * One step in column form, for one example: h_t = f(W_xh x_t + W_hh h_{t−1} + b_h), (n_a, 1).
     * Computed with the column-form matrices, not by transposing the row form's answer.
     */
    public DMatrixRMaj stepColumn(DMatrixRMaj x, DMatrixRMaj hPrev) {
        OwnWork.entry(OwnWork.Topic.RNN_STEP, "RnnCell.stepColumn");
        Shapes.require("x_t", x, nX, 1, "scratch.who.cell", "n_x = " + nX);
        Shapes.require("h_prev", hPrev, nA, 1, "scratch.who.cell", "n_h = " + nA);
        DMatrixRMaj z = new DMatrixRMaj(nA, 1);
        CommonOps_DDRM.mult(Wxh(), x, z);             // (n_h, n_x)·(n_x, 1) = (n_h, 1)
        CommonOps_DDRM.multAdd(Whh(), hPrev, z);      // + (n_h, n_h)·(n_h, 1)
        CommonOps_DDRM.addEquals(z, bh());            // + (n_h, 1)
        return f.apply(z);
    }

    /** W_xh of the column form, (n_h, n_x): a transposed copy of W_ax. */
    public DMatrixRMaj Wxh() {
        return CommonOps_DDRM.transpose(Wax, null);
    }

    /** W_hh of the column form, (n_h, n_h): a transposed copy of W_aa. */
    public DMatrixRMaj Whh() {
        return CommonOps_DDRM.transpose(Waa, null);
    }

    /** b_h of the column form, (n_h, 1): a transposed copy of b_a. */
    public DMatrixRMaj bh() {
        return CommonOps_DDRM.transpose(ba, null);
    }

    /** The hidden states for a whole sequence, starting from A_0 = 0. */
    public RnnCache forward(List<DMatrixRMaj> xs) {
        OwnWork.entry(OwnWork.Topic.RNN_SEQUENCE, "RnnCell.forward");
        requireSequence(xs);
        return forward(xs, new DMatrixRMaj(xs.get(0) == null ? 1 : xs.get(0).numRows, nA));
    }

    /**
     * The hidden states for a whole sequence X_1 … X_T from a given A_0, keeping everything the
     * backward pass needs (the inputs, the pre-activations Z_t and the states A_0 … A_T).
     */
    public RnnCache forward(List<DMatrixRMaj> xs, DMatrixRMaj A0) {
        OwnWork.entry(OwnWork.Topic.RNN_SEQUENCE, "RnnCell.forward");
        requireSequence(xs);
        List<DMatrixRMaj> zs = new ArrayList<>();
        List<DMatrixRMaj> as = new ArrayList<>();
        as.add(A0);
        for (int t = 0; t < xs.size(); t++) {
            DMatrixRMaj z;
            try {
                z = preActivation(xs.get(t), as.get(t));
            } catch (IllegalArgumentException e) {
                // Say which time step was wrong: "at t = 2: X_t has shape ..."
                throw new IllegalArgumentException(Messages.get("scratch.atStep", t + 1, e.getMessage()), e);
            }
            zs.add(z);
            as.add(f.apply(z));
        }
        return new RnnCache(xs, zs, as);
    }

    /** Weights of this layer: n_x·n_a + n_a·n_a + n_a (4, 3 → 24). */
    public long parameterCount() {
        return Parameters.rnnLayer(nX, nA);
    }

    @Override
    public String toString() {
        return "RnnCell(n_x = " + nX + ", n_a = " + nA + ", f = " + f + "; W_ax " + Shapes.of(Wax)
                + ", W_aa " + Shapes.of(Waa) + ", b_a " + Shapes.of(ba) + "; " + parameterCount() + " parameters)";
    }

    private void requireInputs(DMatrixRMaj X, DMatrixRMaj Aprev) {
        if (X == null) {
            throw new IllegalArgumentException(Messages.get("scratch.shape.nullAn", "X_t", Messages.get("scratch.who.cell"),
                    "(m×" + nX + ")", "n_x = " + nX));
        }
        if (X.numCols != nX) {
            throw new IllegalArgumentException(Shapes.wrongShape("X_t", Shapes.of(X), "scratch.who.cell",
                    Shapes.of(X.numRows, nX), Shapes.why("scratch.why.columns", "n_x", nX)));
        }
        Shapes.requireFinite("X_t", X, "scratch.who.cell");
        Shapes.require("A_prev", Aprev, X.numRows, nA, "scratch.who.cell",
                Shapes.why("scratch.why.examplesIn", X.numRows, "X_t", nA));
    }

    private static void requireSequence(List<DMatrixRMaj> xs) {
        if (xs == null || xs.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("scratch.noSequence",
                    Messages.get(xs == null ? "scratch.null" : "scratch.empty")));
        }
    }
}
