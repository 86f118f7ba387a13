package org.rnncourse.scratch;

import org.ejml.data.DMatrixRMaj;

/**
 * The result of one backward step of the cell ({@link Bptt#cellBackward}).
 *
 * <p>Two kinds of results: dW_ax, dW_aa and db_a are <b>parameter gradients</b>, which BPTT sums over
 * the time steps and an optimiser then uses to update the weights. dX and dA_prev are <b>not
 * updates</b>: nothing is learned from them directly; they are passed back: dA_prev into the
 * previous time step, dX into whatever made X_t (an embedding, or the layer below in a stack).
 */
public final class CellGradients {
    /** ∂L/∂W_ax from this step, (n_x, n_a). */
    public final DMatrixRMaj dWax;
    /** ∂L/∂W_aa from this step, (n_a, n_a). */
    public final DMatrixRMaj dWaa;
    /** ∂L/∂b_a from this step, (1, n_a). */
    public final DMatrixRMaj dba;
    /** ∂L/∂X_t, (m, n_x): passed back to what produced X_t, not a parameter update. */
    public final DMatrixRMaj dX;
    /** ∂L/∂A_{t−1}, (m, n_a): passed back to time step t − 1, not a parameter update. */
    public final DMatrixRMaj dAprev;

    CellGradients(DMatrixRMaj dWax, DMatrixRMaj dWaa, DMatrixRMaj dba, DMatrixRMaj dX, DMatrixRMaj dAprev) {
        this.dWax = dWax;
        this.dWaa = dWaa;
        this.dba = dba;
        this.dX = dX;
        this.dAprev = dAprev;
    }

    @Override
    public String toString() {
        return "CellGradients(dW_ax " + Shapes.of(dWax) + ", dW_aa " + Shapes.of(dWaa) + ", db_a " + Shapes.of(dba)
                + "; passed back: dX " + Shapes.of(dX) + ", dA_prev " + Shapes.of(dAprev) + ")";
    }
}
