package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Backpropagation through time for the simple RNN: ordinary backpropagation on the network unrolled
 * over the time steps, where the same weights appear once per step, so their gradients are summed.
 *
 * <p>The backward step of the cell, with A_t = f(Z_t), Z_t = X_t·W_ax + A_{t−1}·W_aa + b_a:
 * <pre>
 *   dZ_t     = dA_t ⊙ f'(Z_t)             (m, n_a)    for tanh: dA_t ⊙ (1 − A_t²)
 *   dW_ax   += X_tᵀ · dZ_t                (n_x, n_a)  parameter gradient
 *   dW_aa   += A_{t−1}ᵀ · dZ_t            (n_a, n_a)  parameter gradient
 *   db_a    += Σ_rows dZ_t                (1, n_a)    parameter gradient
 *   dX_t     = dZ_t · W_axᵀ               (m, n_x)    passed back, not an update
 *   dA_{t−1} = dZ_t · W_aaᵀ               (m, n_a)    passed back to step t − 1, not an update
 * </pre>
 * where dA_t is what reaches A_t: from the output at step t (if the loss looks at it) plus from
 * step t + 1 (through dA_{t}, the "dA_prev" of the later step).
 */
public final class Bptt {
    private Bptt() {}

    /**
     * The backward step of the cell at one time step.
     *
     * @param cell  the cell (for W_ax, W_aa and f)
     * @param X     X_t, (m, n_x)
     * @param Aprev A_{t−1}, (m, n_a)
     * @param Z     Z_t, the pre-activation the forward pass kept, (m, n_a)
     * @param dA    ∂L/∂A_t, everything that reaches A_t, (m, n_a)
     * @return dW_ax, dW_aa, db_a of this step (parameter gradients) and dX_t, dA_{t−1} (passed back)
     * @throws IllegalArgumentException for a wrong shape, e.g. {@code dA_t has shape (1×3) but the
     *         backward step expects (2×4): the shape of A_t, m = 2, n_a = 4}
     */
    public static CellGradients cellBackward(RnnCell cell, DMatrixRMaj X, DMatrixRMaj Aprev, DMatrixRMaj Z, DMatrixRMaj dA) {
        OwnWork.entry(OwnWork.Topic.BPTT, "Bptt.cellBackward");
        Shapes.requireNonNull("cell", cell, "scratch.hint.giveTheRnnCell");
        Shapes.requireNonNull("X_t", X, Shapes.why("scratch.hint.giveX", cell.nX));
        int m = X.numRows;
        String who = "scratch.who.backwardStep";
        Shapes.require("X_t", X, m, cell.nX, who, "n_x = " + cell.nX);
        Shapes.require("A_prev", Aprev, m, cell.nA, who, "m = " + m + ", n_a = " + cell.nA);
        Shapes.require("Z_t", Z, m, cell.nA, who, "m = " + m + ", n_a = " + cell.nA);
        Shapes.require("dA_t", dA, m, cell.nA, who, Shapes.why("scratch.why.shapeOf", "A_t", m, cell.nA));

        // Through the activation: dZ = dA ⊙ f'(Z).
        DMatrixRMaj dZ = new DMatrixRMaj(m, cell.nA);
        CommonOps_DDRM.elementMult(dA, cell.f.derivative(Z), dZ);

        // Through Z = X·W_ax + A_prev·W_aa + b_a, one matrix product at a time.
        DMatrixRMaj dWax = new DMatrixRMaj(cell.nX, cell.nA);
        CommonOps_DDRM.multTransA(X, dZ, dWax);            // Xᵀ (n_x, m) · dZ (m, n_a)
        DMatrixRMaj dWaa = new DMatrixRMaj(cell.nA, cell.nA);
        CommonOps_DDRM.multTransA(Aprev, dZ, dWaa);        // A_prevᵀ (n_a, m) · dZ (m, n_a)
        DMatrixRMaj dba = CommonOps_DDRM.sumCols(dZ, null); // b_a was added to every row: sum the rows
        DMatrixRMaj dX = new DMatrixRMaj(m, cell.nX);
        CommonOps_DDRM.multTransB(dZ, cell.Wax, dX);        // dZ (m, n_a) · W_axᵀ (n_a, n_x)
        DMatrixRMaj dAprev = new DMatrixRMaj(m, cell.nA);
        CommonOps_DDRM.multTransB(dZ, cell.Waa, dAprev);    // dZ (m, n_a) · W_aaᵀ (n_a, n_a)
        return new CellGradients(dWax, dWaa, dba, dX, dAprev);
    }

    /** {@link #cellBackward(RnnCell, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj)} at step t of a cache. */
    public static CellGradients cellBackward(RnnCell cell, RnnCache cache, int t, DMatrixRMaj dA) {
        OwnWork.entry(OwnWork.Topic.BPTT, "Bptt.cellBackward");
        Shapes.requireNonNull("cache", cache, "give the RnnCache of the forward pass");
        return cellBackward(cell, cache.x(t), cache.a(t - 1), cache.z(t), dA);
    }

    /**
     * BPTT through one RNN layer, given what reaches each A_t from above (the output layer or the
     * next layer of a stack). Goes from t = T down to 1, adding the gradient that comes back from the
     * later step, and sums the parameter gradients over time.
     *
     * @param dAFromAbove ∂L/∂A_t from outside the recurrence for t = 1 … T; an entry may be null (nothing)
     */
    public static RnnGradients throughTime(RnnCell cell, RnnCache cache, List<DMatrixRMaj> dAFromAbove) {
        OwnWork.entry(OwnWork.Topic.BPTT, "Bptt.throughTime");
        Shapes.requireNonNull("cell", cell, "scratch.hint.giveTheRnnCell");
        Shapes.requireNonNull("cache", cache, "give the RnnCache of the forward pass");
        int T = cache.timeSteps();
        Gates.requireOnePerStep("dAFromAbove", dAFromAbove, T);
        int m = cache.batchSize();
        DMatrixRMaj dWax = new DMatrixRMaj(cell.nX, cell.nA);
        DMatrixRMaj dWaa = new DMatrixRMaj(cell.nA, cell.nA);
        DMatrixRMaj dba = new DMatrixRMaj(1, cell.nA);
        List<DMatrixRMaj> dXs = new ArrayList<>(Collections.nCopies(T, null));
        DMatrixRMaj fromLater = new DMatrixRMaj(m, cell.nA);   // nothing comes back from after step T
        for (int t = T; t >= 1; t--) {
            DMatrixRMaj dA = fromLater.copy();
            DMatrixRMaj above = dAFromAbove.get(t - 1);
            if (above != null) {
                Shapes.require("dA_t at t = " + t, above, m, cell.nA, "BPTT", "the shape of A_t");
                CommonOps_DDRM.addEquals(dA, above);
            }
            CellGradients g = cellBackward(cell, cache, t, dA);
            CommonOps_DDRM.addEquals(dWax, g.dWax);      // the same weights at every step: sum
            CommonOps_DDRM.addEquals(dWaa, g.dWaa);
            CommonOps_DDRM.addEquals(dba, g.dba);
            dXs.set(t - 1, g.dX);
            fromLater = g.dAprev;
        }
        return new RnnGradients(dWax, dWaa, dba, null, null, dXs, fromLater);
    }

    /**
     * Many-to-one: the loss looks at the last output Y_T only (e.g. the sentiment of a sentence).
     * Gradients of {@link Loss#manyToOne}.
     */
    public static RnnGradients manyToOne(Rnn rnn, RnnCache cache, DMatrixRMaj target, Loss loss) {
        OwnWork.entry(OwnWork.Topic.BPTT, "Bptt.manyToOne");
        requireModel(rnn, cache, loss);
        int T = cache.timeSteps();
        List<DMatrixRMaj> targets = new ArrayList<>(Collections.nCopies(T, null));
        targets.set(T - 1, target);
        Shapes.requireNonNull("target", target, "give the target of the last step, the shape of Y_T");
        return withOutputs(rnn, cache, targets, loss);
    }

    /**
     * Many-to-many: the loss is the sum of a loss at every step (e.g. a tag per word).
     * Gradients of {@link Loss#manyToMany}.
     */
    public static RnnGradients manyToMany(Rnn rnn, RnnCache cache, List<DMatrixRMaj> targets, Loss loss) {
        OwnWork.entry(OwnWork.Topic.BPTT, "Bptt.manyToMany");
        requireModel(rnn, cache, loss);
        requireTargets(targets, cache.timeSteps());
        return withOutputs(rnn, cache, targets, loss);
    }

    private static RnnGradients withOutputs(Rnn rnn, RnnCache cache, List<DMatrixRMaj> targets, Loss loss) {
        OutputLayer out = rnn.output;
        DMatrixRMaj dWay = new DMatrixRMaj(out.nA, out.nY);
        DMatrixRMaj dby = new DMatrixRMaj(1, out.nY);
        List<DMatrixRMaj> dAFromOutput = new ArrayList<>();
        for (int t = 1; t <= cache.timeSteps(); t++) {
            DMatrixRMaj target = targets.get(t - 1);
            if (target == null) {           // no loss at this step: nothing reaches A_t from the output
                dAFromOutput.add(null);
                continue;
            }
            // Through the output layer Y_t = g(A_t·W_ay + b_y).
            DMatrixRMaj dZy = loss.gradient(out.g, cache.zy(t), cache.y(t), target);
            CommonOps_DDRM.multAddTransA(cache.a(t), dZy, dWay);     // A_tᵀ · dZ_y, summed over t
            CommonOps_DDRM.addEquals(dby, CommonOps_DDRM.sumCols(dZy, null));
            DMatrixRMaj dA = new DMatrixRMaj(cache.batchSize(), out.nA);
            CommonOps_DDRM.multTransB(dZy, out.Way, dA);               // dZ_y · W_ayᵀ → reaches A_t
            dAFromOutput.add(dA);
        }
        RnnGradients hidden = throughTime(rnn.cell, cache, dAFromOutput);
        return new RnnGradients(hidden.dWax(), hidden.dWaa(), hidden.dba(), dWay, dby, hidden.dXs(), hidden.dA0());
    }

    private static void requireModel(Rnn rnn, RnnCache cache, Loss loss) {
        Shapes.requireNonNull("rnn", rnn, "scratch.hint.giveRnn");
        Shapes.requireNonNull("cache", cache, "give the RnnCache from rnn.forward(xs)");
        Shapes.requireNonNull("loss", loss, "choose a Loss, e.g. Loss.CROSS_ENTROPY");
        loss.requireActivation(rnn.output.g);
        if (!cache.hasOutputs()) {
            throw new IllegalArgumentException("cache has no outputs Y_t: make it with rnn.forward(xs), not rnn.cell.forward(xs)");
        }
    }

    static void requireTargets(List<DMatrixRMaj> targets, int T) {
        if (targets == null || targets.size() != T) {
            throw new IllegalArgumentException("targets has " + (targets == null ? "no" : targets.size())
                    + " entries but the sequence has T = " + T + " time steps: give one target per step");
        }
        for (int t = 0; t < T; t++) {
            if (targets.get(t) == null) {
                throw new IllegalArgumentException("targets.get(" + t + ") is null: give one target per step");
            }
        }
    }
}
