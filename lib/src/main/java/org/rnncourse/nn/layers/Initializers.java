package org.rnncourse.nn.layers;

import java.util.Random;
import org.rnncourse.Args;

/**
 * Keras's default ways to fill new weights. Starting values matter: too large and tanh saturates,
 * too small and the signal fades; an orthogonal recurrent matrix neither grows nor shrinks the
 * hidden state at the start, which helps against exploding and vanishing gradients.
 */
public final class Initializers {
    private Initializers() {}

    /** glorot_uniform: U(−l, l) with l = √(6 / (fanIn + fanOut)), Keras's default kernel. */
    public static void glorotUniform(double[] w, int fanIn, int fanOut, Random rng) {
        Args.positive("fanIn", fanIn);
        Args.positive("fanOut", fanOut);
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        uniform(w, -limit, limit, rng);
    }

    /** U(lo, hi) in every cell: Embedding's default is U(−0.05, 0.05). */
    public static void uniform(double[] w, double lo, double hi, Random rng) {
        Args.notNull("w", w);
        Args.notNull("rng", rng);
        Args.finite("lo", lo);
        Args.finite("hi", hi);
        if (hi < lo) throw new IllegalArgumentException("hi must be at least lo, got lo = " + lo + " and hi = " + hi + ".");
        for (int i = 0; i < w.length; i++) w[i] = lo + (hi - lo) * rng.nextDouble();
    }

    /**
     * orthogonal: the Q of a QR decomposition of a Gaussian matrix, with the signs of R's diagonal
     * folded into Q so the result is uniformly distributed (Keras's recurrent default). The matrix
     * is (rows, cols), row-major. Gram-Schmidt gives R a positive diagonal, so its Q already has
     * the sign correction that Keras applies after a Householder QR.
     */
    public static void orthogonal(double[] w, int rows, int cols, Random rng) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.notNull("rng", rng);
        if (Args.notNull("w", w).length != (long) rows * cols) {
            throw new IllegalArgumentException("w has " + w.length + " numbers, but rows × cols = " + rows + " × " + cols + ".");
        }
        int tall = Math.max(rows, cols), narrow = Math.min(rows, cols);
        // q holds `narrow` columns of length `tall`, one column per row of this array.
        double[][] q = new double[narrow][tall];
        for (int c = 0; c < narrow; c++)
            for (int r = 0; r < tall; r++) q[c][r] = rng.nextGaussian();
        for (int c = 0; c < narrow; c++) {
            // Modified Gram-Schmidt, done twice: one pass loses orthogonality in floating point.
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int r = 0; r < tall; r++) dot += q[p][r] * q[c][r];
                    for (int r = 0; r < tall; r++) q[c][r] -= dot * q[p][r];
                }
            }
            double norm = 0;
            for (int r = 0; r < tall; r++) norm += q[c][r] * q[c][r];
            norm = Math.sqrt(norm);
            for (int r = 0; r < tall; r++) q[c][r] /= norm;
        }
        // Q is (tall, narrow); Keras transposes it when the wanted matrix is wide.
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) w[i * cols + j] = rows >= cols ? q[j][i] : q[i][j];
    }
}
