package org.rnncourse.scratch;

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
        DMatrixRMaj out = new DMatrixRMaj(d.numRows, d.numCols);
        for (int k = 0; k < out.getNumElements(); k++) {
            out.data[k] = d.data[k] * s.data[k] * (1 - s.data[k]);
        }
        return out;
    }

    /** d ⊙ (1 − t²): back through a tanh whose output was t. */
    static DMatrixRMaj throughTanh(DMatrixRMaj d, DMatrixRMaj t) {
        DMatrixRMaj out = new DMatrixRMaj(d.numRows, d.numCols);
        for (int k = 0; k < out.getNumElements(); k++) {
            out.data[k] = d.data[k] * (1 - t.data[k] * t.data[k]);
        }
        return out;
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

    /** An error naming the time step: "at t = 2: X_t has shape …". */
    static IllegalArgumentException at(int t, IllegalArgumentException e) {
        return new IllegalArgumentException("at t = " + t + ": " + e.getMessage(), e);
    }
}
