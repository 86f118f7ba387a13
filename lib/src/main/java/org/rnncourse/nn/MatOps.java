package org.rnncourse.nn;

/**
 * The matrix products every layer needs, in one place, so a faster kernel can replace them later
 * without touching the layers. Matrices are flat row-major arrays with an offset; each method
 * <em>adds</em> into C when {@code accumulate} is true and overwrites it otherwise.
 *
 * <p>The loops are ordered so the innermost one walks memory contiguously (i-k-j instead of
 * i-j-k): that is most of the speed a plain Java loop can get.
 */
final class MatOps {
    private MatOps() {}

    /** C(m,n) = A(m,k) · B(k,n). */
    static void matmul(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                       int m, int k, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * n;
            int aRow = aOff + i * k;
            for (int p = 0; p < k; p++) {
                double aip = a[aRow + p];
                if (aip == 0.0) continue; // padding and ReLU zeros are common
                int bRow = bOff + p * n;
                for (int j = 0; j < n; j++) c[cRow + j] += aip * b[bRow + j];
            }
        }
    }

    /** C(k,n) = A(m,k)ᵀ · B(m,n): the weight gradient Xᵀ·dZ. */
    static void matmulTransA(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                             int m, int k, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, cOff, cOff + k * n, 0.0);
        for (int i = 0; i < m; i++) {
            int aRow = aOff + i * k;
            int bRow = bOff + i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[aRow + p];
                if (aip == 0.0) continue;
                int cRow = cOff + p * n;
                for (int j = 0; j < n; j++) c[cRow + j] += aip * b[bRow + j];
            }
        }
    }

    /** C(m,k) = A(m,n) · B(k,n)ᵀ: the input gradient dZ·Wᵀ. */
    static void matmulTransB(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                             int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int aRow = aOff + i * n;
            for (int p = 0; p < k; p++) {
                int bRow = bOff + p * n;
                double s = 0.0;
                for (int j = 0; j < n; j++) s += a[aRow + j] * b[bRow + j];
                int ci = cOff + i * k + p;
                c[ci] = accumulate ? c[ci] + s : s;
            }
        }
    }

    /** Adds the bias row b(n) to every row of C(m,n). */
    static void addRowVector(double[] c, int cOff, double[] b, int m, int n) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * n;
            for (int j = 0; j < n; j++) c[row + j] += b[j];
        }
    }

    /** out(n) (+)= the column sums of A(m,n): the bias gradient. */
    static void sumRows(double[] a, int aOff, double[] out, int m, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            int row = aOff + i * n;
            for (int j = 0; j < n; j++) out[j] += a[row + j];
        }
    }

    /** Swaps the first two axes of a (d0, d1, d2) block: (batch, time, f) ↔ (time, batch, f). */
    static void swapFirstAxes(double[] src, int srcOff, double[] dst, int d0, int d1, int d2) {
        for (int i = 0; i < d0; i++)
            for (int j = 0; j < d1; j++)
                System.arraycopy(src, srcOff + (i * d1 + j) * d2, dst, (j * d0 + i) * d2, d2);
    }
}
