package org.rnncourse.scratch;

import org.ejml.data.DMatrixRMaj;

/**
 * The activation functions of the lessons: f for the hidden state (tanh by default), g for the output.
 *
 * <p>{@link #apply} works element by element, except {@link #SOFTMAX}: a probability distribution
 * needs a whole vector. In the row (batch) form each <b>row</b> is one example, so {@code apply}
 * normalises each row; in the column form each <b>column</b> is one example, so use
 * {@link #applyColumns}. For the element-wise functions the two are the same.
 *
 * <p><b>One way to take the derivative: from the output.</b> Every f′ of the course is written once,
 * in terms of the output y = f(z): tanh′ = 1 − y², σ′ = y(1 − y), ReLU′ = [y &gt; 0], linear′ = 1.
 * The output is what a forward pass keeps anyway (A_t, the gates, h_t), so the backward steps need
 * nothing else: the gated cells here ({@link LstmCell}, {@link GruCell}) and the Keras-style layers
 * all call {@link #backwardFromOutput}. {@link #derivative} takes the pre-activation z, as lesson
 * 06's formula dZ = dA ⊙ f′(Z) reads, and computes the same formula at y = f(z).
 *
 * <p>Softmax has no element-wise derivative (each output depends on every input); it is always
 * paired with cross-entropy, whose combined gradient is simply p − y (see {@link Loss#CROSS_ENTROPY}).
 */
public enum Activation {
    /** tanh(z) ∈ (−1, 1), the default of a simple RNN; tanh′ = 1 − y². */
    TANH {
        @Override double f(double z) { return Math.tanh(z); }
        @Override double slope(double y) { return tanhSlope(y); }
    },
    /** max(0, z); its derivative is 1 for z &gt; 0 (y &gt; 0) and 0 otherwise. */
    RELU {
        @Override double f(double z) { return z > 0 ? z : 0; }
        @Override double slope(double y) { return reluSlope(y); }
    },
    /** 1 / (1 + e^(−z)) ∈ (0, 1), for a yes/no output; σ′ = y(1 − y). */
    SIGMOID {
        @Override double f(double z) {
            // Two forms so that e^(…) never overflows for large |z|.
            if (z >= 0) { return 1 / (1 + Math.exp(-z)); }
            double e = Math.exp(z);
            return e / (1 + e);
        }
        @Override double slope(double y) { return sigmoidSlope(y); }
    },
    /** e^(z_i) / Σ_j e^(z_j) over one example: probabilities of the classes. */
    SOFTMAX {
        @Override double f(double z) { throw new AssertionError("softmax is applied to whole vectors"); }
        @Override double slope(double y) { throw new AssertionError("softmax has no element-wise derivative"); }
    },
    /** The identity, g(z) = z: a regression output. */
    LINEAR {
        @Override double f(double z) { return z; }
        @Override double slope(double y) { return 1; }
    };

    abstract double f(double z);

    /** f′ at the point whose output is y = f(z). */
    abstract double slope(double y);

    private static double tanhSlope(double y) {
        return 1 - y * y;
    }

    private static double sigmoidSlope(double y) {
        return y * (1 - y);
    }

    private static double reluSlope(double y) {
        return y > 0 ? 1 : 0;
    }

    /**
     * The backward step through f, in place: d[dOff + i] ×= f′ for n numbers, given the outputs
     * y[yOff + i] = f(z) that the forward pass kept. One tight loop per function, so the JIT compiles
     * each without a call per number.
     *
     * @throws UnsupportedOperationException for softmax (see the class comment)
     */
    public void backwardFromOutput(double[] y, int yOff, double[] d, int dOff, int n) {
        requireSpan("y", y, yOff, n);
        requireSpan("d", d, dOff, n);
        switch (this) {
            case TANH -> { for (int i = 0; i < n; i++) d[dOff + i] *= tanhSlope(y[yOff + i]); }
            case SIGMOID -> { for (int i = 0; i < n; i++) d[dOff + i] *= sigmoidSlope(y[yOff + i]); }
            case RELU -> { for (int i = 0; i < n; i++) d[dOff + i] *= reluSlope(y[yOff + i]); }
            case LINEAR -> { }
            case SOFTMAX -> throw noElementwiseDerivative();
        }
    }

    /** d ⊙ f′ as a new matrix, given the output y = f(z) (same shape as d). */
    public DMatrixRMaj backwardFromOutput(DMatrixRMaj d, DMatrixRMaj y) {
        Shapes.requireNonNull("d", d, "give the gradient that reaches the output");
        Shapes.require("y", y, d.numRows, d.numCols, name().toLowerCase() + ".backwardFromOutput", "the shape of d");
        DMatrixRMaj out = d.copy();
        backwardFromOutput(y.data, 0, out.data, 0, out.getNumElements());
        return out;
    }

    /** f(z) as a new matrix; softmax normalises each row (one example per row, the batch form). */
    public DMatrixRMaj apply(DMatrixRMaj z) {
        Shapes.requireFinite("z", z, name().toLowerCase() + ".apply");
        if (this == SOFTMAX) {
            OwnWork.entry(OwnWork.Topic.SOFTMAX, "Activation.SOFTMAX.apply");
            return softmaxRows(z);
        }
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        for (int k = 0; k < z.getNumElements(); k++) {
            out.data[k] = f(z.data[k]);
        }
        return out;
    }

    /** f(z) as a new matrix; softmax normalises each column (one example per column, the column form). */
    public DMatrixRMaj applyColumns(DMatrixRMaj z) {
        Shapes.requireFinite("z", z, name().toLowerCase() + ".applyColumns");
        if (this != SOFTMAX) {
            return apply(z);
        }
        OwnWork.entry(OwnWork.Topic.SOFTMAX, "Activation.SOFTMAX.applyColumns");
        DMatrixRMaj t = new DMatrixRMaj(z.numCols, z.numRows);
        org.ejml.dense.row.CommonOps_DDRM.transpose(z, t);
        DMatrixRMaj s = softmaxRows(t);
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        org.ejml.dense.row.CommonOps_DDRM.transpose(s, out);
        return out;
    }

    /**
     * f′(z) element by element, as a new matrix: the formula of {@link #backwardFromOutput} at y = f(z).
     *
     * @throws UnsupportedOperationException for softmax: use softmax with {@link Loss#CROSS_ENTROPY},
     *         whose gradient with respect to z is p − y.
     */
    public DMatrixRMaj derivative(DMatrixRMaj z) {
        Shapes.requireFinite("z", z, name().toLowerCase() + ".derivative");
        if (this == SOFTMAX) {
            throw noElementwiseDerivative();
        }
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        for (int k = 0; k < z.getNumElements(); k++) {
            out.data[k] = slope(f(z.data[k]));
        }
        return out;
    }

    private static UnsupportedOperationException noElementwiseDerivative() {
        return new UnsupportedOperationException("softmax has no element-wise derivative: pair it with "
                + "Loss.CROSS_ENTROPY, whose gradient with respect to z is p − y");
    }

    /** The name the lessons use: "tanh", "relu", "sigmoid", "softmax", "linear". */
    @Override
    public String toString() {
        return name().toLowerCase();
    }

    /**
     * Softmax of n numbers z[off … off + n), in place: e^(z_i − max) / Σ_j e^(z_j − max). Subtracting
     * the maximum changes nothing mathematically but keeps e^z from overflowing. The one softmax of
     * the course: the Keras-style {@code nn.Activation} calls it too.
     */
    public static void softmax(double[] z, int off, int n) {
        requireSpan("z", z, off, n);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) max = Math.max(max, z[i]);
        double sum = 0;
        for (int i = off; i < off + n; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = off; i < off + n; i++) z[i] /= sum;
    }

    /** The n numbers from off must lie inside the array: one clear error instead of an index deep in a loop. */
    private static void requireSpan(String name, double[] a, int off, int n) {
        if (a == null) throw new IllegalArgumentException(name + " is null: give the array of numbers");
        if (off < 0 || n < 0 || off + n > a.length) {
            throw new IllegalArgumentException(name + ": the " + n + " numbers from index " + off
                    + " do not fit in an array of length " + a.length);
        }
    }

    private static DMatrixRMaj softmaxRows(DMatrixRMaj z) {
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        System.arraycopy(z.data, 0, out.data, 0, z.getNumElements());
        for (int i = 0; i < z.numRows; i++) softmax(out.data, i * z.numCols, z.numCols);
        return out;
    }
}
