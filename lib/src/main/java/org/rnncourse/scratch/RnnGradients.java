package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The gradients of a whole sequence's loss ({@link Bptt#manyToOne}, {@link Bptt#manyToMany}):
 * the parameter gradients summed over all time steps, and what flows back out of the sequence
 * (dX_t for every step, dA_0 for the initial state), which is not a parameter update.
 */
public final class RnnGradients {
    private final DMatrixRMaj dWax, dWaa, dba, dWay, dby, dA0;
    private final List<DMatrixRMaj> dXs;

    RnnGradients(DMatrixRMaj dWax, DMatrixRMaj dWaa, DMatrixRMaj dba, DMatrixRMaj dWay, DMatrixRMaj dby,
                 List<DMatrixRMaj> dXs, DMatrixRMaj dA0) {
        this.dWax = dWax;
        this.dWaa = dWaa;
        this.dba = dba;
        this.dWay = dWay;
        this.dby = dby;
        this.dXs = Collections.unmodifiableList(new ArrayList<>(dXs));
        this.dA0 = dA0;
    }

    /** Σ_t ∂L/∂W_ax, (n_x, n_a). */
    public DMatrixRMaj dWax() { return dWax; }

    /** Σ_t ∂L/∂W_aa, (n_a, n_a). */
    public DMatrixRMaj dWaa() { return dWaa; }

    /** Σ_t ∂L/∂b_a, (1, n_a). */
    public DMatrixRMaj dba() { return dba; }

    /** Σ_t ∂L/∂W_ay, (n_a, n_y). */
    public DMatrixRMaj dWay() { return requireOutput(dWay, "dW_ay"); }

    /** Σ_t ∂L/∂b_y, (1, n_y). */
    public DMatrixRMaj dby() { return requireOutput(dby, "db_y"); }

    /** Whether the output layer's gradients were computed (not for a hidden layer of a stack). */
    public boolean hasOutput() { return dWay != null; }

    /** ∂L/∂X_t for t = 1 … T, (m, n_x): passed back (e.g. to an embedding), not an update. */
    public DMatrixRMaj dX(int t) {
        if (t < 1 || t > dXs.size()) {
            throw new IllegalArgumentException("t = " + t + " is outside 1 … " + dXs.size()
                    + ": the sequence has T = " + dXs.size() + " time steps");
        }
        return dXs.get(t - 1);
    }

    /** ∂L/∂X_1 … ∂L/∂X_T. */
    public List<DMatrixRMaj> dXs() { return dXs; }

    /** ∂L/∂A_0, (m, n_a): the gradient for the initial state; not an update when A_0 is fixed at 0. */
    public DMatrixRMaj dA0() { return dA0; }

    @Override
    public String toString() {
        return "RnnGradients(dW_ax " + Shapes.of(dWax) + ", dW_aa " + Shapes.of(dWaa) + ", db_a " + Shapes.of(dba)
                + (hasOutput() ? ", dW_ay " + Shapes.of(dWay) + ", db_y " + Shapes.of(dby) : "")
                + "; passed back: dX_1 … dX_" + dXs.size() + " " + Shapes.of(dXs.get(0)) + ", dA_0 " + Shapes.of(dA0) + ")";
    }

    private static DMatrixRMaj requireOutput(DMatrixRMaj m, String name) {
        if (m == null) {
            throw new IllegalArgumentException(name + " was not computed: these are the gradients of a hidden "
                    + "layer (Bptt.throughTime), which has no output layer");
        }
        return m;
    }
}
