package org.rnncourse.scratch;

import org.rnncourse.Args;
/**
 * Counting the weights of RNN layers, as the lessons do by hand.
 * <pre>
 *   one RNN layer:   D_x·D_h  (W_xh)  +  D_h·D_h  (W_hh)  +  D_h  (b_h)        D_x = 4, D_h = 3 → 12 + 9 + 3 = 24
 *   a dense output:  D_h·D_y  (W_hy)  +  D_y      (b_y)
 * </pre>
 * None of them depends on the number of time steps: every step shares the same weights.
 */
public final class Parameters {
    private Parameters() {}

    /** One simple RNN layer: D_x·D_h + D_h·D_h + D_h. */
    public static long rnnLayer(int dX, int dH) {
        Shapes.requirePositive("D_x", dX);
        Shapes.requirePositive("D_h", dH);
        return (long) dX * dH + (long) dH * dH + dH;
    }

    /** A dense (fully connected) layer: D_in·D_out + D_out. */
    public static long dense(int dIn, int dOut) {
        Shapes.requirePositive("D_in", dIn);
        Shapes.requirePositive("D_out", dOut);
        return (long) dIn * dOut + dOut;
    }

    /**
     * One LSTM layer: four gates (i, f, cTilde, o), each with its own D_x·D_h + D_h·D_h + D_h weights:
     * 4·(D_h·(D_x + D_h) + D_h), four times {@link #rnnLayer}.
     */
    public static long lstmLayer(int dX, int dH) {
        return 4 * rnnLayer(dX, dH);
    }

    /**
     * One GRU layer with Keras's default reset_after: three gates (z, r, hTilde), each with a kernel, a
     * recurrent kernel and two biases (input and recurrent): 3·(D_h·(D_x + D_h) + 2·D_h).
     */
    public static long gruLayer(int dX, int dH) {
        return 3 * (rnnLayer(dX, dH) + dH);
    }

    /** One RNN layer and an output layer: (D_x·D_h + D_h·D_h + D_h) + (D_h·D_y + D_y). */
    public static long rnnWithOutput(int dX, int dH, int dY) {
        Args.positive("dY (D_out)", dY);
        return rnnLayer(dX, dH) + dense(dH, dY);
    }

    /**
     * Stacked RNN layers: layer 1 reads D_x features, layer k reads layer k−1's hidden state, so
     * its input size is the previous hidden size. E.g. {@code stack(4, 3, 2)} = rnnLayer(4, 3) + rnnLayer(3, 2).
     */
    public static long stack(int dX, int... hiddenSizes) {
        if (hiddenSizes == null || hiddenSizes.length == 0) {
            throw new IllegalArgumentException("hiddenSizes is empty: give the hidden size of each layer");
        }
        long total = 0;
        int in = dX;
        for (int dH : hiddenSizes) {
            total += rnnLayer(in, dH);
            in = dH;
        }
        return total;
    }
}
