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

    /** dst[dstOff …] += src[srcOff …] over len numbers: the bias and token gradient sums. */
    void addTo(float[] src, int srcOff, float[] dst, int dstOff, int len);

    /**
     * One LSTM step for {@code rows} rows, Keras's gates i, f, c, o with σ and tanh: z (rows of 4u at
     * zOff) gets b added and is activated in place; c_t = f ⊙ c_{t−1} + i ⊙ c̃ (rows of u at cOut, from
     * cPrev), tc = tanh(c_t) and h_t = o ⊙ tc.
     */
    void lstmForward(float[] z, int zOff, float[] bias, float[] c, int cPrev, int cOut, float[] tc, int tcOff,
                     float[] h, int hOff, int rows, int u);

    /**
     * The backward pass of {@link #lstmForward} for one step: from the kept gates a, c_{t−1}, tanh(c_t),
     * dL/dh_t (gh at ghOff plus the carry dh) and the cell carry dc, dL/dz into dz (rows of 4u), and the
     * new cell carry into dc. The carries are rows of u starting at 0.
     */
    void lstmBackward(float[] a, int aOff, float[] c, int cPrev, float[] tc, int tcOff, float[] gh, int ghOff,
                      float[] dh, float[] dc, float[] dz, int dzOff, int rows, int u);

    /**
     * One GRU step with reset_after (gates z, r, h; σ and tanh): rh (rows of 3u, h_{t−1}·U) gets
     * bRec added; z and r = σ(a + bIn + rh), the candidate tanh(a + bIn + r ⊙ rh), in place in a;
     * h_t = z ⊙ h_{t−1} + (1 − z) ⊙ candidate.
     */
    void gruForward(float[] a, int aOff, float[] rh, int rhOff, float[] bIn, float[] bRec, float[] h, int hPrev,
                    int hOff, int rows, int u);

    /**
     * The backward pass of {@link #gruForward}: dL/dz into dz (rows of 3u), dL/d(h_{t−1}·U + b_rec) into
     * dR, and the carry dh (rows of u at 0, read as part of dL/dh_t) replaced by the part that skips the
     * weights, dL/dh_t ⊙ z.
     */
    void gruBackward(float[] a, int aOff, float[] rh, int rhOff, float[] h, int hPrev, float[] gh, int ghOff,
                     float[] dh, float[] dz, int dzOff, float[] dR, int dROff, int rows, int u);

    /** The name shown to a learner: which path runs. */
    String name();
}
