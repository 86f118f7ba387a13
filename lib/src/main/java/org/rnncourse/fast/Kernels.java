package org.rnncourse.fast;

/**
 * The few float operations that training spends its time in, on flat row-major arrays.
 *
 * <p>A matrix here is a {@code float[]} with its rows one after another: element (i, j) of an
 * r×c matrix sits at {@code i * c + j}. Every product <em>adds</em> into C when asked to, so the
 * gradient of a weight used at every time step is summed without a temporary.
 */
interface Kernels {
    /** C (m×n) (+)= A (m×k) · B (k×n); each matrix starts at its offset in its array. */
    void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n,
                boolean accumulate);

    /** C (k×n) (+)= Aᵀ · B, with A (m×k) and B (m×n): a weight gradient, Xᵀ·dY. */
    void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n,
                      boolean accumulate);

    /** C (m×k) (+)= A · Bᵀ, with A (m×n) and B (k×n): the gradient sent back, dY·Wᵀ. */
    void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k,
                      boolean accumulate);

    default void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        matmul(a, 0, b, 0, c, 0, m, k, n, accumulate);
    }

    default void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        matmulTransA(a, 0, b, 0, c, 0, m, k, n, accumulate);
    }

    default void matmulTransB(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        matmulTransB(a, 0, b, 0, c, 0, m, n, k, accumulate);
    }

    /** x[from, to) = tanh(x[from, to)), in place. */
    void tanh(float[] x, int from, int to);

    /** Each of {@code rows} rows of n numbers at z[off…]: z = tanh(z + bias), in place. */
    void biasTanh(float[] z, int off, float[] bias, int rows, int n);

    /** d = (d + carry) ⊙ (1 − h²) over len numbers: dL/dz of a tanh step from dL/dh and h. */
    void tanhBackward(float[] d, int dOff, float[] carry, int carryOff, float[] h, int hOff, int len);

    /** The name shown to a learner: which path runs. */
    String name();
}
