package org.rnncourse.scratch;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The output of an RNN at one step, read from the hidden state.
 * <pre>
 *   row form:    Y_t = g(A_t · W_ay + b_y)      A_t (m, n_a) · W_ay (n_a, n_y) + b_y (1, n_y) → (m, n_y)
 *   column form: y_t = g(W_hy h_t + b_y)        W_hy = W_ayᵀ (n_y, n_h)
 * </pre>
 * Like the cell, one set of weights serves every time step.
 */
public final class OutputLayer {
    /** Hidden size n_a (inputs of this layer) and output size n_y. */
    public final int nA, nY;
    /** Hidden-to-output weights W_ay, (n_a, n_y). */
    public final DMatrixRMaj Way;
    /** Output bias b_y, (1, n_y). */
    public final DMatrixRMaj by;
    /** The output activation g: linear for regression, softmax for classes, sigmoid for yes/no. */
    public final Activation g;

    /** An output layer with the given weights (kept, not copied); the sizes are read from W_ay. */
    public OutputLayer(DMatrixRMaj Way, DMatrixRMaj by, Activation g) {
        Shapes.requireFinite("W_ay", Way, "scratch.who.outputLayer");
        Shapes.requirePositive("n_a (rows of W_ay)", Way.numRows);
        Shapes.requirePositive("n_y (columns of W_ay)", Way.numCols);
        this.nA = Way.numRows;
        this.nY = Way.numCols;
        this.Way = Way;
        this.by = Shapes.require("b_y", by, 1, nY, "scratch.who.outputLayer", Shapes.why("scratch.why.readFrom", "n_y = " + nY, "W_ay"));
        this.g = Shapes.requireNonNull("g", g, "scratch.hint.activationSoftmax");
    }

    /** An output layer with Gaussian weights × {@code scale} and a zero bias. */
    public static OutputLayer random(int nA, int nY, Activation g, double scale, Random random) {
        Shapes.requirePositive("n_a", nA);
        Shapes.requirePositive("n_y", nY);
        return new OutputLayer(Matrices.gaussian(nA, nY, scale, random), new DMatrixRMaj(1, nY), g);
    }

    /** Z_y = A_t·W_ay + b_y, (m, n_y): what g is applied to. */
    public DMatrixRMaj preActivation(DMatrixRMaj A) {
        OwnWork.entry(OwnWork.Topic.OUTPUT_LAYER, "OutputLayer.preActivation");
        if (A == null) {
            throw new IllegalArgumentException(Messages.get("scratch.shape.nullAn", "A_t", Messages.get("scratch.who.outputLayer"),
                    "(m×" + nA + ")", "n_a = " + nA));
        }
        if (A.numCols != nA) {
            throw new IllegalArgumentException(Shapes.wrongShape("A_t", Shapes.of(A), "scratch.who.outputLayer",
                    Shapes.of(A.numRows, nA), Shapes.why("scratch.why.columns", "n_a", nA)));
        }
        Shapes.requireFinite("A_t", A, "scratch.who.outputLayer");
        DMatrixRMaj z = new DMatrixRMaj(A.numRows, nY);
        CommonOps_DDRM.mult(A, Way, z);
        for (int i = 0; i < z.numRows; i++) {
            for (int j = 0; j < nY; j++) {
                z.add(i, j, by.get(0, j));
            }
        }
        return z;
    }

    /** Row form: Y_t = g(A_t·W_ay + b_y), (m, n_y); softmax normalises each row. */
    public DMatrixRMaj forward(DMatrixRMaj A) {
        OwnWork.entry(OwnWork.Topic.OUTPUT_LAYER, "OutputLayer.forward");
        return g.apply(preActivation(A));
    }

    /** Column form: y_t = g(W_hy h_t + b_y), (n_y, 1), for one example. */
    public DMatrixRMaj forwardColumn(DMatrixRMaj h) {
        OwnWork.entry(OwnWork.Topic.OUTPUT_LAYER, "OutputLayer.forwardColumn");
        Shapes.require("h_t", h, nA, 1, "scratch.who.outputLayer", "n_h = " + nA);
        DMatrixRMaj z = new DMatrixRMaj(nY, 1);
        CommonOps_DDRM.mult(Why(), h, z);
        CommonOps_DDRM.addEquals(z, CommonOps_DDRM.transpose(by, null));
        return g.applyColumns(z);
    }

    /** W_hy of the column form, (n_y, n_h): a transposed copy of W_ay. */
    public DMatrixRMaj Why() {
        return CommonOps_DDRM.transpose(Way, null);
    }

    /** Weights of this layer: n_a·n_y + n_y. */
    public long parameterCount() {
        return Parameters.dense(nA, nY);
    }

    @Override
    public String toString() {
        return "OutputLayer(n_a = " + nA + ", n_y = " + nY + ", g = " + g + "; W_ay " + Shapes.of(Way)
                + ", b_y " + Shapes.of(by) + "; " + parameterCount() + " parameters)";
    }
}
