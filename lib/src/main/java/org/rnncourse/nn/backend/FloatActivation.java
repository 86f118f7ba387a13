package org.rnncourse.nn.backend;

import org.rnncourse.fast.Fast;
import org.rnncourse.nn.layers.Activation;

/**
 * The element-wise activations Keras allows in a recurrent layer (tanh, sigmoid, relu, linear), on
 * float blocks, for the fused steps of {@link FloatCell}. Forward works in place; backward multiplies
 * a gradient by the derivative read from the kept OUTPUT y (tanh: 1 − y², sigmoid: y(1 − y), relu:
 * 1 where y > 0), so no pre-activation has to be kept. Softmax mixes units and is refused by the layers.
 *
 * <p>σ(v) is computed as (1 + tanh(v/2))/2, through {@link Fast#tanh}, so the vector and the plain
 * kernels give the same bits; the rest is plain float arithmetic, the same code on both paths.
 */
public final class FloatActivation {
    private FloatActivation() {}

    /** True for the activations with a float form here. */
    public static boolean supported(Activation a) {
        return a == Activation.TANH || a == Activation.SIGMOID || a == Activation.RELU || a == Activation.LINEAR;
    }

    /** x[from, to) = a(x[from, to)). */
    static void apply(Activation a, float[] x, int from, int to) {
        switch (a) {
            case TANH -> Fast.tanh(x, from, to);
            case SIGMOID -> {
                for (int i = from; i < to; i++) x[i] *= 0.5f;
                Fast.tanh(x, from, to);
                for (int i = from; i < to; i++) x[i] = 0.5f + 0.5f * x[i];
            }
            case RELU -> { for (int i = from; i < to; i++) if (x[i] < 0f) x[i] = 0f; }
            case LINEAR -> { }
            default -> throw new IllegalArgumentException(a + " has no float form");
        }
    }

    /**
     * The gates of {@code rows} rows of width {@code acts.length · u}, segment s of each row through
     * acts[s]. When every segment is tanh or σ, the block goes through ONE vector tanh (σ's segments
     * halved before and mapped after) instead of a call per row and segment.
     */
    static void applyGates(Activation[] acts, int u, float[] a, int off, int rows) {
        int g = acts.length * u;
        boolean tanhLike = true;
        for (Activation s : acts) tanhLike &= s == Activation.TANH || s == Activation.SIGMOID;
        if (!tanhLike) {
            for (int i = 0; i < rows; i++)
                for (int s = 0; s < acts.length; s++) apply(acts[s], a, off + i * g + s * u, off + i * g + (s + 1) * u);
            return;
        }
        for (int i = 0; i < rows; i++)
            for (int s = 0; s < acts.length; s++) {
                if (acts[s] != Activation.SIGMOID) continue;
                int from = off + i * g + s * u;
                for (int j = from; j < from + u; j++) a[j] *= 0.5f;
            }
        Fast.tanh(a, off, off + rows * g);
        for (int i = 0; i < rows; i++)
            for (int s = 0; s < acts.length; s++) {
                if (acts[s] != Activation.SIGMOID) continue;
                int from = off + i * g + s * u;
                for (int j = from; j < from + u; j++) a[j] = 0.5f + 0.5f * a[j];
            }
    }

    /** d[dOff …] *= a'(·) for n numbers, read from the outputs y[yOff …]. */
    static void backward(Activation a, float[] y, int yOff, float[] d, int dOff, int n) {
        switch (a) {
            case TANH -> { for (int i = 0; i < n; i++) { float v = y[yOff + i]; d[dOff + i] *= 1f - v * v; } }
            case SIGMOID -> { for (int i = 0; i < n; i++) { float v = y[yOff + i]; d[dOff + i] *= v * (1f - v); } }
            case RELU -> { for (int i = 0; i < n; i++) if (y[yOff + i] <= 0f) d[dOff + i] = 0f; }
            case LINEAR -> { }
            default -> throw new IllegalArgumentException(a + " has no float form");
        }
    }
}
