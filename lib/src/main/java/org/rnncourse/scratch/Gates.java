package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Small helpers the gated cells ({@link LstmCell}, {@link GruCell}) share. Keras keeps the weights of
 * all gates side by side in one matrix, (n_x, k·n_a): gate j owns columns j·n_a … (j+1)·n_a − 1.
 * These helpers cut one gate out of such a matrix and put one back, and apply the element-wise
 * functions the gates need.
 */
final class Gates {
    private Gates() {}

    /** Columns j·u … (j+1)·u − 1 of {@code all}: gate j's block. */
    static DMatrixRMaj block(DMatrixRMaj all, int j, int u) {
        return CommonOps_DDRM.extract(all, 0, all.numRows, j * u, (j + 1) * u);
    }

    /** Writes {@code part} into columns j·u … of {@code all}. */
    static void put(DMatrixRMaj part, DMatrixRMaj all, int j, int u) {
        CommonOps_DDRM.insert(part, all, 0, j * u);
    }

    /** X·W + H·U + b (b broadcast to every row), the gates' pre-activations side by side. */
    static DMatrixRMaj affine(DMatrixRMaj X, DMatrixRMaj W, DMatrixRMaj H, DMatrixRMaj U, DMatrixRMaj b) {
        DMatrixRMaj z = new DMatrixRMaj(X.numRows, W.numCols);
        CommonOps_DDRM.mult(X, W, z);
        if (H != null) {
            CommonOps_DDRM.multAdd(H, U, z);
        }
        addRow(z, b, 0);
        return z;
    }

    /** Adds row {@code row} of {@code b} to every row of {@code z}, in place. */
    static void addRow(DMatrixRMaj z, DMatrixRMaj b, int row) {
        for (int i = 0; i < z.numRows; i++) {
            for (int j = 0; j < z.numCols; j++) {
                z.add(i, j, b.get(row, j));
            }
        }
    }

    static DMatrixRMaj sigmoid(DMatrixRMaj z) {
        return Activation.SIGMOID.apply(z);
    }

    static DMatrixRMaj tanh(DMatrixRMaj z) {
        return Activation.TANH.apply(z);
    }

    /** a ⊙ b, a new matrix. */
    static DMatrixRMaj times(DMatrixRMaj a, DMatrixRMaj b) {
        return CommonOps_DDRM.elementMult(a, b, null);
    }

    /** d ⊙ s ⊙ (1 − s): back through a sigmoid whose output was s. */
    static DMatrixRMaj throughSigmoid(DMatrixRMaj d, DMatrixRMaj s) {
        return Activation.SIGMOID.backwardFromOutput(d, s);
    }

    /** d ⊙ (1 − t²): back through a tanh whose output was t. */
    static DMatrixRMaj throughTanh(DMatrixRMaj d, DMatrixRMaj t) {
        return Activation.TANH.backwardFromOutput(d, t);
    }

    /** Σ over the rows (the batch) of d, (1, cols): the gradient of a bias added to every row. */
    static DMatrixRMaj sumRows(DMatrixRMaj d) {
        return CommonOps_DDRM.sumCols(d, null);
    }

    /** a + b, a new matrix; null counts as zero. */
    static DMatrixRMaj plus(DMatrixRMaj a, DMatrixRMaj b) {
        if (a == null) return b == null ? null : b.copy();
        if (b == null) return a.copy();
        return CommonOps_DDRM.add(a, b, null);
    }

    /**
     * n_a, read from an input kernel W (n_x, k·n_a) that holds the k gates side by side, e.g.
     * "W has shape (3×10) but the LSTM cell expects (n_x×4·n_a): four gate blocks i, f, cTilde, o side by side".
     */
    static int unitsOf(DMatrixRMaj W, String[] gates, String who) {
        Shapes.requireFinite("W", W, who);
        int k = gates.length;
        if (W.numCols % k != 0 || W.numCols == 0 || W.numRows == 0) {
            String count = k == 4 ? "four" : k == 3 ? "three" : String.valueOf(k);
            throw new IllegalArgumentException("W has shape " + Shapes.of(W) + " but " + who + " expects (n_x×" + k
                    + "·n_a): " + count + " gate blocks " + String.join(", ", gates) + " side by side");
        }
        return W.numCols / k;
    }

    /** One gradient (or null) per time step, T in all. */
    static void requireOnePerStep(String name, List<DMatrixRMaj> perStep, int T) {
        if (perStep == null || perStep.size() != T) {
            throw new IllegalArgumentException(name + " has " + (perStep == null ? "no" : perStep.size())
                    + " entries but the sequence has T = " + T + " time steps: give one (or null) per step");
        }
    }

    /** Many-to-one: nothing reaches steps 1 … T − 1 from above, dH_T reaches step T. */
    static List<DMatrixRMaj> lastOnly(int T, DMatrixRMaj dHT) {
        List<DMatrixRMaj> d = new ArrayList<>(Collections.nCopies(T, null));
        d.set(T - 1, dHT);
        return d;
    }

    /** An error naming the time step: "at t = 2: X_t has shape …". */
    static IllegalArgumentException at(int t, IllegalArgumentException e) {
        return new IllegalArgumentException("at t = " + t + ": " + e.getMessage(), e);
    }
}
