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
 * <p>{@link #derivative} returns f'(z) element by element, given the pre-activation z. Softmax has
 * no element-wise derivative (each output depends on every input); it is always paired with
 * cross-entropy, whose combined gradient is simply p − y (see {@link Loss#CROSS_ENTROPY}).
 */
public enum Activation {
    /** tanh(z) ∈ (−1, 1), the default of a simple RNN; tanh'(z) = 1 − tanh²(z). */
    TANH {
        @Override double f(double z) { return Math.tanh(z); }
        @Override double df(double z) { double t = Math.tanh(z); return 1 - t * t; }
    },
    /** max(0, z); its derivative is 1 for z &gt; 0 and 0 otherwise. */
    RELU {
        @Override double f(double z) { return z > 0 ? z : 0; }
        @Override double df(double z) { return z > 0 ? 1 : 0; }
    },
    /** 1 / (1 + e^(−z)) ∈ (0, 1), for a yes/no output; σ'(z) = σ(z)(1 − σ(z)). */
    SIGMOID {
        @Override double f(double z) {
            // Two forms so that e^(…) never overflows for large |z|.
            if (z >= 0) { return 1 / (1 + Math.exp(-z)); }
            double e = Math.exp(z);
            return e / (1 + e);
        }
        @Override double df(double z) { double s = f(z); return s * (1 - s); }
    },
    /** e^(z_i) / Σ_j e^(z_j) over one example: probabilities of the classes. */
    SOFTMAX {
        @Override double f(double z) { throw new AssertionError("softmax is applied to whole vectors"); }
        @Override double df(double z) { throw new AssertionError("softmax has no element-wise derivative"); }
    },
    /** The identity, g(z) = z: a regression output. */
    LINEAR {
        @Override double f(double z) { return z; }
        @Override double df(double z) { return 1; }
    };

    abstract double f(double z);

    abstract double df(double z);

    /** f(z) as a new matrix; softmax normalises each row (one example per row, the batch form). */
    public DMatrixRMaj apply(DMatrixRMaj z) {
        Shapes.requireFinite("z", z, name().toLowerCase() + ".apply");
        if (this == SOFTMAX) {
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
        DMatrixRMaj t = new DMatrixRMaj(z.numCols, z.numRows);
        org.ejml.dense.row.CommonOps_DDRM.transpose(z, t);
        DMatrixRMaj s = softmaxRows(t);
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        org.ejml.dense.row.CommonOps_DDRM.transpose(s, out);
        return out;
    }

    /**
     * f'(z) element by element, as a new matrix.
     *
     * @throws UnsupportedOperationException for softmax: use softmax with {@link Loss#CROSS_ENTROPY},
     *         whose gradient with respect to z is p − y.
     */
    public DMatrixRMaj derivative(DMatrixRMaj z) {
        Shapes.requireFinite("z", z, name().toLowerCase() + ".derivative");
        if (this == SOFTMAX) {
            throw new UnsupportedOperationException("softmax has no element-wise derivative: pair it with "
                    + "Loss.CROSS_ENTROPY, whose gradient with respect to z is p − y");
        }
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        for (int k = 0; k < z.getNumElements(); k++) {
            out.data[k] = df(z.data[k]);
        }
        return out;
    }

    /**
     * A table of tanh, ReLU and sigmoid at the given points (4 decimals), one row per z, to compare
     * their ranges; softmax needs a whole vector, so it is not a column here.
     */
    public static tech.tablesaw.api.Table table(double... zs) {
        if (zs == null || zs.length == 0) {
            throw new IllegalArgumentException("give at least one value of z");
        }
        DMatrixRMaj z = Matrices.row(zs.clone());
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Activations",
                tech.tablesaw.api.DoubleColumn.create("z", zs.clone()));
        for (Activation a : new Activation[] {TANH, RELU, SIGMOID}) {
            double[] v = a.apply(z).data;
            for (int k = 0; k < v.length; k++) {
                v[k] = Math.round(v[k] * 1e4) / 1e4;
            }
            t.addColumns(tech.tablesaw.api.DoubleColumn.create(a + "(z)", v));
        }
        return t;
    }

    /** The name the lessons use: "tanh", "relu", "sigmoid", "softmax", "linear". */
    @Override
    public String toString() {
        return name().toLowerCase();
    }

    private static DMatrixRMaj softmaxRows(DMatrixRMaj z) {
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        for (int i = 0; i < z.numRows; i++) {
            // Subtracting the row's maximum changes nothing mathematically but keeps e^z from overflowing.
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < z.numCols; j++) {
                max = Math.max(max, z.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < z.numCols; j++) {
                double e = Math.exp(z.get(i, j) - max);
                out.set(i, j, e);
                sum += e;
            }
            for (int j = 0; j < z.numCols; j++) {
                out.set(i, j, out.get(i, j) / sum);
            }
        }
        return out;
    }
}
