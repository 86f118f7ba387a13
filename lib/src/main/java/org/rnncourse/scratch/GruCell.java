package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One GRU cell, step by step, in the row (batch) form of {@link RnnCell}, with the formulas and the
 * weight layout of Keras's {@code GRUCell} and its default {@code reset_after = True}
 * (activation tanh, recurrent activation sigmoid):
 * <pre>
 *   X_t·W + b_x     = [x_z | x_r | x_h]                 (m, 3·n_a), gate order z, r, h as in Keras
 *   H_{t−1}·U + b_h = [u_z | u_r | u_h]
 *   z_t = σ(x_z + u_z)          update gate: how much of the old state to keep
 *   r_t = σ(x_r + u_r)          reset gate: how much of the old state the candidate sees
 *   hTilde_t = tanh(x_h + r_t ⊙ u_h)   candidate state (the reset gate acts after the product: reset_after)
 *   H_t = z_t ⊙ H_{t−1} + (1 − z_t) ⊙ hTilde_t
 * </pre>
 * W is Keras's {@code kernel} (n_x, 3·n_a), U its {@code recurrent_kernel} (n_a, 3·n_a), and b its
 * {@code bias} (2, 3·n_a): row 0 is the input bias b_x, row 1 the recurrent bias b_h. That is
 * 3·(n_a·(n_x + n_a) + 2·n_a) weights.
 *
 * <p>∂H_t/∂H_{t−1} contains the term z_t element by element: when the update gate stays near 1 the
 * state, and its gradient, pass through unchanged.
 */
public final class GruCell {
    /** Gate order inside W, U and b, as in Keras. */
    public static final String[] GATES = {"z", "r", "hTilde"};

    public final int nX, nA;
    /** Input kernel W, (n_x, 3·n_a): gate blocks z, r, hTilde. */
    public final DMatrixRMaj W;
    /** Recurrent kernel U, (n_a, 3·n_a). */
    public final DMatrixRMaj U;
    /** Biases, (2, 3·n_a): row 0 input bias b_x, row 1 recurrent bias b_h. */
    public final DMatrixRMaj b;

    /** A cell with the given weights (kept, not copied); n_x and n_a are read from W. */
    public GruCell(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b) {
        this.nA = Gates.unitsOf(W, GATES, "scratch.who.gruCell");
        this.nX = W.numRows;
        Shapes.Why why = Shapes.why("scratch.why.readFrom", "n_x = " + nX + ", n_a = " + nA, "W");
        this.W = W;
        this.U = Shapes.require("U", U, nA, 3 * nA, "scratch.who.gruCell", why);
        this.b = Shapes.require("b", b, 2, 3 * nA, "scratch.who.gruCell",
                Shapes.why("scratch.why.gruBias", "n_x = " + nX + ", n_a = " + nA));
    }

    /** A cell with Gaussian W and U × {@code scale} and zero biases (Keras's default bias). */
    public static GruCell random(int nX, int nA, double scale, long seed) {
        Shapes.requirePositive("n_x", nX);
        Shapes.requirePositive("n_a", nA);
        Random r = new Random(seed);
        return new GruCell(Matrices.gaussian(nX, 3 * nA, scale, r), Matrices.gaussian(nA, 3 * nA, scale, r),
                new DMatrixRMaj(2, 3 * nA));
    }

    /** Everything one step computed; {@code uh} is H_{t−1}·U_h + b_{h,h}, which the reset gate scales. */
    public record Step(DMatrixRMaj X, DMatrixRMaj Hprev, DMatrixRMaj z, DMatrixRMaj r,
                       DMatrixRMaj uh, DMatrixRMaj hTilde, DMatrixRMaj H) {
        @Override
        public String toString() {
            return "GruCell.Step(X_t " + Shapes.of(X) + " → H_t " + Shapes.of(H) + ")";
        }
    }

    /** One backward step: dW, dU, db are parameter gradients; dX and dH_prev are passed back. */
    public record Gradients(DMatrixRMaj dW, DMatrixRMaj dU, DMatrixRMaj db, DMatrixRMaj dX, DMatrixRMaj dHprev) {
        @Override
        public String toString() {
            return "GruCell.Gradients(dW " + Shapes.of(dW) + ", dU " + Shapes.of(dU) + ", db " + Shapes.of(db)
                    + "; passed back: dX " + Shapes.of(dX) + ", dH_prev " + Shapes.of(dHprev) + ")";
        }
    }

    /** One step: (X_t, H_{t−1}) → z, r, hTilde, H_t. */
    public Step step(DMatrixRMaj X, DMatrixRMaj Hprev) {
        OwnWork.entry(OwnWork.Topic.GRU, "GruCell.step");
        requireInputs(X, Hprev);
        DMatrixRMaj xw = Gates.affine(X, W, null, null, b);          // + row 0 of b
        DMatrixRMaj hu = CommonOps_DDRM.mult(Hprev, U, null);
        Gates.addRow(hu, b, 1);                                      // + row 1 of b
        DMatrixRMaj z = Gates.sigmoid(CommonOps_DDRM.add(Gates.block(xw, 0, nA), Gates.block(hu, 0, nA), null));
        DMatrixRMaj r = Gates.sigmoid(CommonOps_DDRM.add(Gates.block(xw, 1, nA), Gates.block(hu, 1, nA), null));
        DMatrixRMaj uh = Gates.block(hu, 2, nA);
        DMatrixRMaj hTilde = Gates.tanh(CommonOps_DDRM.add(Gates.block(xw, 2, nA), Gates.times(r, uh), null));
        DMatrixRMaj H = new DMatrixRMaj(X.numRows, nA);
        for (int k = 0; k < H.getNumElements(); k++) {
            H.data[k] = z.data[k] * Hprev.data[k] + (1 - z.data[k]) * hTilde.data[k];
        }
        return new Step(X, Hprev, z, r, uh, hTilde, H);
    }

    /** The backward step, given ∂L/∂H_t (from above and from step t + 1). */
    public Gradients backward(Step s, DMatrixRMaj dH) {
        OwnWork.entry(OwnWork.Topic.GRU, "GruCell.backward");
        Shapes.requireNonNull("s", s, "scratch.hint.giveGruStep");
        int m = s.X().numRows;
        Shapes.require("dH_t", dH, m, nA, "scratch.who.gruBackwardStep", Shapes.why("scratch.why.shapeOf", "H_t", m, nA));
        // H = z ⊙ H_prev + (1 − z) ⊙ hTilde.
        DMatrixRMaj dz = new DMatrixRMaj(m, nA), dhTilde = new DMatrixRMaj(m, nA), dHdirect = new DMatrixRMaj(m, nA);
        for (int k = 0; k < dz.getNumElements(); k++) {
            dz.data[k] = dH.data[k] * (s.Hprev().data[k] - s.hTilde().data[k]);
            dhTilde.data[k] = dH.data[k] * (1 - s.z().data[k]);
            dHdirect.data[k] = dH.data[k] * s.z().data[k];
        }
        // hTilde = tanh(x_h + r ⊙ u_h).
        DMatrixRMaj dAh = Gates.throughTanh(dhTilde, s.hTilde());
        DMatrixRMaj dr = Gates.times(dAh, s.uh());
        DMatrixRMaj dUh = Gates.times(dAh, s.r());
        DMatrixRMaj dAz = Gates.throughSigmoid(dz, s.z());
        DMatrixRMaj dAr = Gates.throughSigmoid(dr, s.r());
        // What reaches X·W + b_x and H_prev·U + b_h; they differ only in the candidate's block.
        DMatrixRMaj dXW = new DMatrixRMaj(m, 3 * nA), dHU = new DMatrixRMaj(m, 3 * nA);
        Gates.put(dAz, dXW, 0, nA);
        Gates.put(dAr, dXW, 1, nA);
        Gates.put(dAh, dXW, 2, nA);
        Gates.put(dAz, dHU, 0, nA);
        Gates.put(dAr, dHU, 1, nA);
        Gates.put(dUh, dHU, 2, nA);
        DMatrixRMaj dW = CommonOps_DDRM.multTransA(s.X(), dXW, null);
        DMatrixRMaj dU = CommonOps_DDRM.multTransA(s.Hprev(), dHU, null);
        DMatrixRMaj db = new DMatrixRMaj(2, 3 * nA);
        CommonOps_DDRM.insert(Gates.sumRows(dXW), db, 0, 0);
        CommonOps_DDRM.insert(Gates.sumRows(dHU), db, 1, 0);
        DMatrixRMaj dX = CommonOps_DDRM.multTransB(dXW, W, null);
        DMatrixRMaj dHprev = CommonOps_DDRM.multTransB(dHU, U, null);
        CommonOps_DDRM.addEquals(dHprev, dHdirect);
        return new Gradients(dW, dU, db, dX, dHprev);
    }

    /** A forward pass over a sequence: the steps in order, t = 1 … T. */
    public static final class Cache extends StepCache<Step> {
        Cache(List<Step> steps) {
            super(steps, Step::H);
        }
    }

    /** Gradients of a whole sequence: parameter gradients summed over time, dX_t and dH_0. */
    public record SequenceGradients(DMatrixRMaj dW, DMatrixRMaj dU, DMatrixRMaj db,
                                    List<DMatrixRMaj> dXs, DMatrixRMaj dH0) {
        /** ∂L/∂X_t for t = 1 … T. */
        public DMatrixRMaj dX(int t) {
            return dXs.get(t - 1);
        }

        @Override
        public String toString() {
            return "GruCell.SequenceGradients(dW " + Shapes.of(dW) + ", dU " + Shapes.of(dU) + ", db " + Shapes.of(db)
                    + "; dX_t × " + dXs.size() + ", dH_0 " + Shapes.of(dH0) + ")";
        }
    }

    /** The sequence X_1 … X_T from H_0 = 0. */
    public Cache forward(List<DMatrixRMaj> xs) {
        OwnWork.entry(OwnWork.Topic.GRU, "GruCell.forward");
        LstmCell.requireSequence(xs);
        int m = xs.get(0) == null ? 1 : xs.get(0).numRows;
        return forward(xs, new DMatrixRMaj(m, nA));
    }

    /** The sequence X_1 … X_T from a given H_0. */
    public Cache forward(List<DMatrixRMaj> xs, DMatrixRMaj H0) {
        OwnWork.entry(OwnWork.Topic.GRU, "GruCell.forward");
        LstmCell.requireSequence(xs);
        List<Step> steps = new ArrayList<>();
        DMatrixRMaj h = H0;
        for (int t = 1; t <= xs.size(); t++) {
            Step s;
            try {
                s = step(xs.get(t - 1), h);
            } catch (IllegalArgumentException e) {
                throw Gates.at(t, e);
            }
            steps.add(s);
            h = s.H();
        }
        return new Cache(steps);
    }

    /**
     * BPTT through the GRU, from t = T down to 1.
     *
     * @param dHFromAbove ∂L/∂H_t from outside the recurrence, t = 1 … T; an entry may be null
     */
    public SequenceGradients backward(Cache cache, List<DMatrixRMaj> dHFromAbove) {
        OwnWork.entry(OwnWork.Topic.GRU, "GruCell.backward");
        Shapes.requireNonNull("cache", cache, "scratch.hint.giveCache");
        int T = cache.timeSteps();
        Gates.requireOnePerStep("dHFromAbove", dHFromAbove, T);
        DMatrixRMaj dW = new DMatrixRMaj(nX, 3 * nA), dU = new DMatrixRMaj(nA, 3 * nA), db = new DMatrixRMaj(2, 3 * nA);
        List<DMatrixRMaj> dXs = new ArrayList<>(Collections.nCopies(T, null));
        DMatrixRMaj dHnext = null;
        for (int t = T; t >= 1; t--) {
            Step s = cache.step(t);
            DMatrixRMaj dH = Gates.plus(dHFromAbove.get(t - 1), dHnext);
            Gradients g;
            try {
                g = backward(s, dH != null ? dH : new DMatrixRMaj(s.X().numRows, nA));
            } catch (IllegalArgumentException e) {
                throw Gates.at(t, e);
            }
            CommonOps_DDRM.addEquals(dW, g.dW());   // the same weights at every step: sum
            CommonOps_DDRM.addEquals(dU, g.dU());
            CommonOps_DDRM.addEquals(db, g.db());
            dXs.set(t - 1, g.dX());
            dHnext = g.dHprev();
        }
        return new SequenceGradients(dW, dU, db, dXs, dHnext);
    }

    /** Many-to-one: only H_T is read from above. */
    public SequenceGradients backwardLast(Cache cache, DMatrixRMaj dHT) {
        OwnWork.entry(OwnWork.Topic.GRU, "GruCell.backwardLast");
        Shapes.requireNonNull("cache", cache, "scratch.hint.giveCache");
        return backward(cache, Gates.lastOnly(cache.timeSteps(), dHT));
    }

    /** 3·(n_a·(n_x + n_a) + 2·n_a), e.g. n_x = 32, n_a = 64 → 18,816. */
    public long parameterCount() {
        return Parameters.gruLayer(nX, nA);
    }

    @Override
    public String toString() {
        return "GruCell(n_x = " + nX + ", n_a = " + nA + ", reset_after; W " + Shapes.of(W) + ", U " + Shapes.of(U)
                + ", b " + Shapes.of(b) + "; " + parameterCount() + " parameters)";
    }

    private void requireInputs(DMatrixRMaj X, DMatrixRMaj Hprev) {
        Shapes.requireNonNull("X_t", X, Shapes.why("scratch.hint.giveX", nX));
        int m = X.numRows;
        Shapes.require("X_t", X, m, nX, "scratch.who.gruCell", Shapes.why("scratch.why.columns", "n_x", nX));
        Shapes.require("H_prev", Hprev, m, nA, "scratch.who.gruCell", Shapes.why("scratch.why.examplesIn", m, "X_t", nA));
    }
}
