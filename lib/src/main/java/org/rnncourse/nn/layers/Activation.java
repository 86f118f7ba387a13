package org.rnncourse.nn.layers;

import java.util.Locale;
import org.rnncourse.Messages;

/**
 * The activation functions of the course, with Keras's names ({@code "tanh"}, {@code "softmax"}…).
 *
 * <p>Each one works on a row of numbers in place. The backward step is written in terms of the
 * <em>output</em> y = f(z), because that is what the forward pass keeps: tanh′ = 1 − y²,
 * sigmoid′ = y(1 − y). Those formulas, and softmax, are written once, in the from-scratch
 * {@link org.rnncourse.scratch.Activation} of lessons 03–06, which this class calls. Softmax mixes the
 * whole row, so its backward step is a small Jacobian-vector product rather than an element-wise
 * derivative (the from-scratch lessons never need it: they pair softmax with cross-entropy).
 */
public enum Activation {
    LINEAR("linear", org.rnncourse.scratch.Activation.LINEAR), TANH("tanh", org.rnncourse.scratch.Activation.TANH),
    RELU("relu", org.rnncourse.scratch.Activation.RELU), SIGMOID("sigmoid", org.rnncourse.scratch.Activation.SIGMOID),
    SOFTMAX("softmax", org.rnncourse.scratch.Activation.SOFTMAX);

    private final String kerasName;
    /** The same function in the from-scratch package, where its derivative and softmax are written. */
    private final org.rnncourse.scratch.Activation math;

    Activation(String kerasName, org.rnncourse.scratch.Activation math) {
        this.kerasName = kerasName;
        this.math = math;
    }

    /** The name Keras uses: {@code "tanh"}, {@code "softmax"}… */
    public String kerasName() {
        return kerasName;
    }

    /** Looks an activation up by its Keras name; {@code null} means linear, as in Keras. */
    public static Activation of(String name) {
        return of("activation", name);
    }

    /** {@link #of(String)} for the argument called {@code what} (e.g. recurrentActivation), named in the error. */
    static Activation of(String what, String name) {
        if (name == null) return LINEAR;
        for (Activation a : values()) {
            if (a.kerasName.equals(name.toLowerCase(Locale.ROOT))) return a;
        }
        throw new IllegalArgumentException(Messages.get("nn.layers.unknownActivation", what, name));
    }

    /** Replaces z[off..off+n) by f(z), one row of n numbers. */
    void apply(double[] z, int off, int n) {
        switch (this) {
            case LINEAR -> { }
            case TANH -> { for (int i = off; i < off + n; i++) z[i] = tanh(z[i]); }
            case RELU -> { for (int i = off; i < off + n; i++) if (z[i] < 0) z[i] = 0; }
            case SIGMOID -> { for (int i = off; i < off + n; i++) z[i] = sigmoid(z[i]); }
            case SOFTMAX -> org.rnncourse.scratch.Activation.softmax(z, off, n);
        }
    }

    /** Applies f to every row of n numbers in z[off .. off+rows·n). */
    void applyRows(double[] z, int off, int rows, int n) {
        if (this == SOFTMAX) {
            for (int r = 0; r < rows; r++) apply(z, off + r * n, n);
        } else {
            apply(z, off, rows * n);
        }
    }

    /**
     * Turns dL/dy into dL/dz for one row, in place in {@code d}, given the outputs y of that row.
     */
    void backward(double[] y, int yOff, double[] d, int dOff, int n) {
        if (this == SOFTMAX) {
            // dz_i = y_i (dy_i − Σ_j dy_j y_j)
            double dot = 0;
            for (int i = 0; i < n; i++) dot += d[dOff + i] * y[yOff + i];
            for (int i = 0; i < n; i++) d[dOff + i] = y[yOff + i] * (d[dOff + i] - dot);
        } else {
            math.backwardFromOutput(y, yOff, d, dOff, n);
        }
    }

    /** {@link #backward} for every row of n numbers. */
    void backwardRows(double[] y, int yOff, double[] d, int dOff, int rows, int n) {
        if (this == SOFTMAX) {
            for (int r = 0; r < rows; r++) backward(y, yOff + r * n, d, dOff + r * n, n);
        } else {
            backward(y, yOff, d, dOff, rows * n);
        }
    }

    /**
     * tanh(z) = 1 − 2 / (e^{2z} + 1): the same value as Math.tanh to about 1e-16, but about twice as
     * fast, because Math.exp is a CPU intrinsic and Math.tanh is not.
     */
    static double tanh(double z) {
        return 1 - 2 / (Math.exp(2 * z) + 1);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public String toString() {
        return kerasName;
    }
}
