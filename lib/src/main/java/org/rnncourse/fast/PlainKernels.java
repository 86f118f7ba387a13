package org.rnncourse.fast;

/**
 * The plain-Java path: the same results as {@link VectorKernels} (to float rounding), used when
 * the JVM runs without the Vector API module. The i-k-j loop order reads B and writes C row by row,
 * which is the fastest order plain Java has.
 */
final class PlainKernels implements Kernels {

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                if (aip == 0f) {
                    continue;
                }
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, 0, k * n, 0f);
        }
        for (int r = 0; r < m; r++) {
            int br = r * n;
            for (int i = 0; i < k; i++) {
                float ari = a[r * k + i];
                if (ari == 0f) {
                    continue;
                }
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += ari * b[br + j];
                }
            }
        }
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ai = i * n;
            for (int j = 0; j < k; j++) {
                int bj = j * n;
                float sum = 0f;
                for (int p = 0; p < n; p++) {
                    sum += a[ai + p] * b[bj + p];
                }
                c[i * k + j] = accumulate ? c[i * k + j] + sum : sum;
            }
        }
    }

    @Override
    public void tanh(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    public String name() {
        return "plain Java";
    }
}
