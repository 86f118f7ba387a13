package org.rnncourse.nn.backend;

/**
 * The matrix products every layer needs, in one place, so a faster kernel can replace them later
 * without touching the layers. Matrices are flat row-major arrays with an offset; each method
 * <em>adds</em> into C when {@code accumulate} is true and overwrites it otherwise.
 *
 * <p>The loops are ordered so the innermost one walks memory contiguously (i-k-j instead of
 * i-j-k): that is most of the speed a plain Java loop can get.
 */
public final class MatOps {
    private MatOps() {}

    /** C(m,n) = A(m,k) · B(k,n). */
    public static void matmul(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                       int m, int k, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * n;
            int aRow = aOff + i * k;
            int p = 0;
            // Four rows of B at a time: the row of C is read and written a quarter as often.
            for (; p + 3 < k; p += 4) {
                double a0 = a[aRow + p], a1 = a[aRow + p + 1], a2 = a[aRow + p + 2], a3 = a[aRow + p + 3];
                int b0 = bOff + p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; p < k; p++) {
                double aip = a[aRow + p];
                int bRow = bOff + p * n;
                for (int j = 0; j < n; j++) c[cRow + j] += aip * b[bRow + j];
            }
        }
    }

    /** C(k,n) = A(m,k)ᵀ · B(m,n): the weight gradient Xᵀ·dZ, summed over the m rows. */
    public static void matmulTransA(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                             int m, int k, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, cOff, cOff + k * n, 0.0);
        int i = 0;
        // Four rows of A and B at a time, for the same reason as in matmul.
        for (; i + 3 < m; i += 4) {
            int a0 = aOff + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            int b0 = bOff + i * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
            for (int p = 0; p < k; p++) {
                double x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
                int cRow = cOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
                }
            }
        }
        for (; i < m; i++) {
            int aRow = aOff + i * k;
            int bRow = bOff + i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[aRow + p];
                int cRow = cOff + p * n;
                for (int j = 0; j < n; j++) c[cRow + j] += aip * b[bRow + j];
            }
        }
    }

    /**
     * C(m,k) = A(m,n) · B(k,n)ᵀ: the input gradient dZ·Wᵀ. B is transposed once and the product done
     * as {@link #matmul}: a row-times-row dot product does not vectorise, a row update does.
     */
    public static void matmulTransB(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff,
                             int m, int n, int k, boolean accumulate) {
        double[] bt = new double[n * k];
        transpose(b, bOff, bt, k, n);
        matmul(a, aOff, bt, 0, c, cOff, m, n, k, accumulate);
    }

    /** dst(cols, rows) = src(rows, cols)ᵀ. */
    public static void transpose(double[] src, int srcOff, double[] dst, int rows, int cols) {
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) dst[j * rows + i] = src[srcOff + i * cols + j];
    }

    /** Adds the bias row b(n) to every row of C(m,n). */
    public static void addRowVector(double[] c, int cOff, double[] b, int m, int n) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * n;
            for (int j = 0; j < n; j++) c[row + j] += b[j];
        }
    }

    /** out(n) (+)= the column sums of A(m,n): the bias gradient. */
    public static void sumRows(double[] a, int aOff, double[] out, int m, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            int row = aOff + i * n;
            for (int j = 0; j < n; j++) out[j] += a[row + j];
        }
    }

    /** Swaps the first two axes of a (d0, d1, d2) block: (batch, time, f) ↔ (time, batch, f). */
    public static void swapFirstAxes(double[] src, int srcOff, double[] dst, int d0, int d1, int d2) {
        for (int i = 0; i < d0; i++)
            for (int j = 0; j < d1; j++)
                System.arraycopy(src, srcOff + (i * d1 + j) * d2, dst, (j * d0 + i) * d2, d2);
    }
}
