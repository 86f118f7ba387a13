package org.rnncourse.fast;

/**
 * The few float operations that training spends its time in, on flat row-major arrays.
 *
 * <p>A matrix here is a {@code float[]} with its rows one after another: element (i, j) of an
 * r×c matrix sits at {@code i * c + j}. Every product <em>adds</em> into C when asked to, so the
 * gradient of a weight used at every time step is summed without a temporary.
 */
interface Kernels {
    /** C (m×n) (+)= A (m×k) · B (k×n). */
    void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** C (k×n) (+)= Aᵀ · B, with A (m×k) and B (m×n): a weight gradient, Xᵀ·dY. */
    void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** C (m×k) (+)= A · Bᵀ, with A (m×n) and B (k×n): the gradient sent back, dY·Wᵀ. */
    void matmulTransB(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate);

    /** x[from, to) = tanh(x[from, to)), in place. */
    void tanh(float[] x, int from, int to);

    /** The name shown to a learner: which path runs. */
    String name();
}
