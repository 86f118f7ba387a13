package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One LSTM cell, step by step, in the row (batch) form of {@link RnnCell}, with the formulas and the
 * weight layout of Keras's {@code LSTMCell} (activation tanh, recurrent activation sigmoid).
 *
 * <pre>
 *   Z_t  = X_t·W + H_{t−1}·U + b                      (m, 4·n_a), split into four gate blocks in the order i, f, cTilde, o
 *   i_t  = σ(Z_i)        input gate: how much of the candidate to write
 *   f_t  = σ(Z_f)        forget gate: how much of the old cell state to keep
 *   cTilde_t  = tanh(Z_c)     candidate cell state
 *   o_t  = σ(Z_o)        output gate: how much of the cell to show
 *   C_t  = f_t ⊙ C_{t−1} + i_t ⊙ cTilde_t                  the cell state: a sum, not a squashing
 *   H_t  = o_t ⊙ tanh(C_t)
 * </pre>
 * W is Keras's {@code kernel} (n_x, 4·n_a), U its {@code recurrent_kernel} (n_a, 4·n_a), b its
 * {@code bias} (1, 4·n_a): 4·(n_a·(n_x + n_a) + n_a) weights, four times a simple RNN's.
 *
 * <p>Why the cell state helps the gradient: ∂C_t/∂C_{t−1} = f_t element by element, with no weight
 * matrix and no tanh′ in between. When the forget gate stays near 1 the gradient flows back many
 * steps almost unchanged.
 *
 * <p>The matrices are public and live: a gradient check nudges their entries in place.
 */
public final class LstmCell {
    /** Gate order inside W, U and b, as in Keras. */
    public static final String[] GATES = {"i", "f", "cTilde", "o"};

    public final int nX, nA;
    /** Input kernel W, (n_x, 4·n_a): gate blocks i, f, cTilde, o. */
    public final DMatrixRMaj W;
    /** Recurrent kernel U, (n_a, 4·n_a). */
    public final DMatrixRMaj U;
    /** Bias b, (1, 4·n_a). */
    public final DMatrixRMaj b;

    /** A cell with the given weights (kept, not copied); n_x and n_a are read from W. */
    public LstmCell(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b) {
        this.nA = Gates.unitsOf(W, GATES, "scratch.who.lstmCell");
        this.nX = W.numRows;
        Shapes.Why why = Shapes.why("scratch.why.readFrom", "n_x = " + nX + ", n_a = " + nA, "W");
        this.W = W;
        this.U = Shapes.require("U", U, nA, 4 * nA, "scratch.who.lstmCell", why);
        this.b = Shapes.require("b", b, 1, 4 * nA, "scratch.who.lstmCell", why);
    }

    /**
     * A cell with Gaussian W and U × {@code scale} and Keras's {@code unit_forget_bias}: the forget
     * gate's bias starts at 1 (so the cell remembers by default), the other biases at 0.
     */
    public static LstmCell random(int nX, int nA, double scale, long seed) {
        Shapes.requirePositive("n_x", nX);
        Shapes.requirePositive("n_a", nA);
        Random r = new Random(seed);
        DMatrixRMaj b = new DMatrixRMaj(1, 4 * nA);
        for (int j = nA; j < 2 * nA; j++) {
            b.set(0, j, 1.0);
        }
        return new LstmCell(Matrices.gaussian(nX, 4 * nA, scale, r), Matrices.gaussian(nA, 4 * nA, scale, r), b);
    }

    /** Everything one step computed: its inputs, the four gates and the new states. */
    public record Step(DMatrixRMaj X, DMatrixRMaj Hprev, DMatrixRMaj Cprev,
                       DMatrixRMaj i, DMatrixRMaj f, DMatrixRMaj cTilde, DMatrixRMaj o,
                       DMatrixRMaj C, DMatrixRMaj tanhC, DMatrixRMaj H) {
        @Override
        public String toString() {
            return "LstmCell.Step(X_t " + Shapes.of(X) + " → H_t " + Shapes.of(H) + ", C_t " + Shapes.of(C) + ")";
        }
    }

    /**
     * The gradients of one backward step: dW, dU, db are parameter gradients; dX, dH_prev and dC_prev
     * are passed back (to the layer below and to step t − 1), not updates.
     */
    public record Gradients(DMatrixRMaj dW, DMatrixRMaj dU, DMatrixRMaj db,
                            DMatrixRMaj dX, DMatrixRMaj dHprev, DMatrixRMaj dCprev) {
        @Override
        public String toString() {
            return "LstmCell.Gradients(dW " + Shapes.of(dW) + ", dU " + Shapes.of(dU) + ", db " + Shapes.of(db)
                    + "; passed back: dX " + Shapes.of(dX) + ", dH_prev " + Shapes.of(dHprev)
                    + ", dC_prev " + Shapes.of(dCprev) + ")";
        }
    }

    /** One step: (X_t, H_{t−1}, C_{t−1}) → gates, C_t, H_t. */
    public Step step(DMatrixRMaj X, DMatrixRMaj Hprev, DMatrixRMaj Cprev) {
        OwnWork.entry(OwnWork.Topic.LSTM, "LstmCell.step");
        requireInputs(X, Hprev, Cprev);
        DMatrixRMaj z = Gates.affine(X, W, Hprev, U, b);
        DMatrixRMaj i = Gates.sigmoid(Gates.block(z, 0, nA));
        DMatrixRMaj f = Gates.sigmoid(Gates.block(z, 1, nA));
        DMatrixRMaj g = Gates.tanh(Gates.block(z, 2, nA));
        DMatrixRMaj o = Gates.sigmoid(Gates.block(z, 3, nA));
        DMatrixRMaj C = Gates.times(f, Cprev);
        CommonOps_DDRM.addEquals(C, Gates.times(i, g));
        DMatrixRMaj tanhC = Gates.tanh(C);
        return new Step(X, Hprev, Cprev, i, f, g, o, C, tanhC, Gates.times(o, tanhC));
    }

    /**
     * The backward step: given what reaches H_t and C_t (from the loss, the layer above and step t + 1),
     * the parameter gradients of this step and what flows back to X_t, H_{t−1} and C_{t−1}.
     *
     * @param dH ∂L/∂H_t, (m, n_a)
     * @param dC ∂L/∂C_t from step t + 1 (null for the last step when the loss does not read C_T)
     */
    public Gradients backward(Step s, DMatrixRMaj dH, DMatrixRMaj dC) {
        OwnWork.entry(OwnWork.Topic.LSTM, "LstmCell.backward");
        Shapes.requireNonNull("s", s, "scratch.hint.giveLstmStep");
        int m = s.X().numRows;
        Shapes.require("dH_t", dH, m, nA, "scratch.who.lstmBackwardStep", Shapes.why("scratch.why.shapeOf", "H_t", m, nA));
        if (dC != null) {
            Shapes.require("dC_t", dC, m, nA, "scratch.who.lstmBackwardStep", Shapes.why("scratch.why.shapeOf", "C_t", m, nA));
        }
        // H = o ⊙ tanh(C): part of dH reaches o, the rest reaches C through tanh.
        DMatrixRMaj dO = Gates.times(dH, s.tanhC());
        DMatrixRMaj dCt = Gates.plus(dC, Gates.throughTanh(Gates.times(dH, s.o()), s.tanhC()));
        // C = f ⊙ C_prev + i ⊙ cTilde.
        DMatrixRMaj dI = Gates.times(dCt, s.cTilde());
        DMatrixRMaj dF = Gates.times(dCt, s.Cprev());
        DMatrixRMaj dG = Gates.times(dCt, s.i());
        DMatrixRMaj dCprev = Gates.times(dCt, s.f());
        // Back through each gate's activation into its block of Z.
        DMatrixRMaj dZ = new DMatrixRMaj(m, 4 * nA);
        Gates.put(Gates.throughSigmoid(dI, s.i()), dZ, 0, nA);
        Gates.put(Gates.throughSigmoid(dF, s.f()), dZ, 1, nA);
        Gates.put(Gates.throughTanh(dG, s.cTilde()), dZ, 2, nA);
        Gates.put(Gates.throughSigmoid(dO, s.o()), dZ, 3, nA);
        // Z = X·W + H_prev·U + b, as in the simple cell.
        DMatrixRMaj dW = CommonOps_DDRM.multTransA(s.X(), dZ, null);
        DMatrixRMaj dU = CommonOps_DDRM.multTransA(s.Hprev(), dZ, null);
        DMatrixRMaj dX = CommonOps_DDRM.multTransB(dZ, W, null);
        DMatrixRMaj dHprev = CommonOps_DDRM.multTransB(dZ, U, null);
        return new Gradients(dW, dU, Gates.sumRows(dZ), dX, dHprev, dCprev);
    }

    /** A forward pass over a sequence: the steps in order, t = 1 … T. */
    public static final class Cache extends StepCache<Step> {
        Cache(List<Step> steps) {
            super(steps, Step::H);
        }

        /** C_T, the last cell state. */
        public DMatrixRMaj lastC() {
            return step(timeSteps()).C();
        }
    }

    /** Gradients of a whole sequence: parameter gradients summed over time, and what leaves the sequence. */
    public record SequenceGradients(DMatrixRMaj dW, DMatrixRMaj dU, DMatrixRMaj db,
                                    List<DMatrixRMaj> dXs, DMatrixRMaj dH0, DMatrixRMaj dC0) {
        /** ∂L/∂X_t for t = 1 … T. */
        public DMatrixRMaj dX(int t) {
            return dXs.get(t - 1);
        }

        @Override
        public String toString() {
            return "LstmCell.SequenceGradients(dW " + Shapes.of(dW) + ", dU " + Shapes.of(dU) + ", db " + Shapes.of(db)
                    + "; dX_t × " + dXs.size() + ", dH_0 " + Shapes.of(dH0) + ", dC_0 " + Shapes.of(dC0) + ")";
        }
    }

    /** The sequence X_1 … X_T from H_0 = C_0 = 0. */
    public Cache forward(List<DMatrixRMaj> xs) {
        OwnWork.entry(OwnWork.Topic.LSTM, "LstmCell.forward");
        requireSequence(xs);
        int m = xs.get(0) == null ? 1 : xs.get(0).numRows;
        return forward(xs, new DMatrixRMaj(m, nA), new DMatrixRMaj(m, nA));
    }

    /** The sequence X_1 … X_T from given H_0 and C_0. */
    public Cache forward(List<DMatrixRMaj> xs, DMatrixRMaj H0, DMatrixRMaj C0) {
        OwnWork.entry(OwnWork.Topic.LSTM, "LstmCell.forward");
        requireSequence(xs);
        List<Step> steps = new ArrayList<>();
        DMatrixRMaj h = H0, c = C0;
        for (int t = 1; t <= xs.size(); t++) {
            Step s;
            try {
                s = step(xs.get(t - 1), h, c);
            } catch (IllegalArgumentException e) {
                throw Gates.at(t, e);
            }
            steps.add(s);
            h = s.H();
            c = s.C();
        }
        return new Cache(steps);
    }

    /**
     * BPTT through the LSTM: from t = T down to 1, adding what comes back from step t + 1 (through
     * both H and C) to what reaches H_t from above, and summing the parameter gradients.
     *
     * @param dHFromAbove ∂L/∂H_t from outside the recurrence, t = 1 … T; an entry may be null
     * @param dCLast      ∂L/∂C_T from outside (null when the loss does not read the last cell state)
     */
    public SequenceGradients backward(Cache cache, List<DMatrixRMaj> dHFromAbove, DMatrixRMaj dCLast) {
        OwnWork.entry(OwnWork.Topic.LSTM, "LstmCell.backward");
        Shapes.requireNonNull("cache", cache, "scratch.hint.giveCache");
        int T = cache.timeSteps();
        Gates.requireOnePerStep("dHFromAbove", dHFromAbove, T);
        DMatrixRMaj dW = new DMatrixRMaj(nX, 4 * nA), dU = new DMatrixRMaj(nA, 4 * nA), db = new DMatrixRMaj(1, 4 * nA);
        List<DMatrixRMaj> dXs = new ArrayList<>(Collections.nCopies(T, null));
        DMatrixRMaj dHnext = null, dCnext = dCLast;
        for (int t = T; t >= 1; t--) {
            Gradients g;
            try {
                g = backward(cache.step(t), orZeros(Gates.plus(dHFromAbove.get(t - 1), dHnext), cache.step(t)), dCnext);
            } catch (IllegalArgumentException e) {
                throw Gates.at(t, e);
            }
            CommonOps_DDRM.addEquals(dW, g.dW());   // the same weights at every step: sum
            CommonOps_DDRM.addEquals(dU, g.dU());
            CommonOps_DDRM.addEquals(db, g.db());
            dXs.set(t - 1, g.dX());
            dHnext = g.dHprev();
            dCnext = g.dCprev();
        }
        return new SequenceGradients(dW, dU, db, dXs, dHnext, dCnext);
    }

    /** Many-to-one: only H_T is read from above. */
    public SequenceGradients backwardLast(Cache cache, DMatrixRMaj dHT) {
        OwnWork.entry(OwnWork.Topic.LSTM, "LstmCell.backwardLast");
        Shapes.requireNonNull("cache", cache, "scratch.hint.giveCache");
        return backward(cache, Gates.lastOnly(cache.timeSteps(), dHT), null);
    }

    private DMatrixRMaj orZeros(DMatrixRMaj d, Step s) {
        return d != null ? d : new DMatrixRMaj(s.X().numRows, nA);
    }

    /** 4·(n_a·(n_x + n_a) + n_a), e.g. n_x = 32, n_a = 64 → 24,832. */
    public long parameterCount() {
        return Parameters.lstmLayer(nX, nA);
    }

    @Override
    public String toString() {
        return "LstmCell(n_x = " + nX + ", n_a = " + nA + "; W " + Shapes.of(W) + ", U " + Shapes.of(U)
                + ", b " + Shapes.of(b) + "; " + parameterCount() + " parameters)";
    }

    private void requireInputs(DMatrixRMaj X, DMatrixRMaj Hprev, DMatrixRMaj Cprev) {
        Shapes.requireNonNull("X_t", X, Shapes.why("scratch.hint.giveX", nX));
        int m = X.numRows;
        Shapes.require("X_t", X, m, nX, "scratch.who.lstmCell", Shapes.why("scratch.why.columns", "n_x", nX));
        Shapes.require("H_prev", Hprev, m, nA, "scratch.who.lstmCell", Shapes.why("scratch.why.examplesIn", m, "X_t", nA));
        Shapes.require("C_prev", Cprev, m, nA, "scratch.who.lstmCell", Shapes.why("scratch.why.examplesIn", m, "X_t", nA));
    }

    static void requireSequence(List<DMatrixRMaj> xs) {
        if (xs == null || xs.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("scratch.noSequence",
                    Messages.get(xs == null ? "scratch.null" : "scratch.empty")));
        }
    }
}
