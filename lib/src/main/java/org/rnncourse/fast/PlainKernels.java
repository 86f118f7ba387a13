package org.rnncourse.fast;

/**
 * The plain-Java path: the same results as {@link VectorKernels} (to float rounding), used when
 * the JVM runs without the Vector API module. The i-k-j loop order reads B and writes C row by row,
 * which is the fastest order plain Java has.
 */
final class PlainKernels implements Kernels {

    @Override
    public void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n,
                       boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * k + p];
                if (aip == 0f) {
                    continue;
                }
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n,
                             boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff, cOff + k * n, 0f);
        }
        for (int r = 0; r < m; r++) {
            int br = bOff + r * n;
            for (int i = 0; i < k; i++) {
                float ari = a[aOff + r * k + i];
                if (ari == 0f) {
                    continue;
                }
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += ari * b[br + j];
                }
            }
        }
    }

    @Override
    public void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k,
                             boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * n;
            for (int j = 0; j < k; j++) {
                int bj = bOff + j * n;
                float sum = 0f;
                for (int p = 0; p < n; p++) {
                    sum += a[ai + p] * b[bj + p];
                }
                c[cOff + i * k + j] = accumulate ? c[cOff + i * k + j] + sum : sum;
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
    public void biasTanh(float[] z, int off, float[] bias, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * n;
            for (int j = 0; j < n; j++) {
                z[row + j] = (float) Math.tanh(z[row + j] + bias[j]);
            }
        }
    }

    @Override
    public void tanhBackward(float[] d, int dOff, float[] carry, int carryOff, float[] h, int hOff, int len) {
        for (int i = 0; i < len; i++) {
            float v = h[hOff + i];
            d[dOff + i] = (d[dOff + i] + carry[carryOff + i]) * (1f - v * v);
        }
    }

    @Override
    public String name() {
        return "plain Java";
    }
}
