package org.rnncourse.fast;

/**
 * The plain-Java path, used when the JVM runs without the Vector API module: the same bits as
 * {@link VectorKernels}, so a seed gives the same training run on either path. Every element of a
 * product is summed in the same order as there (along the shared dimension, starting from C when
 * accumulating), and each step is a fused multiply-add ({@link Math#fma}, one rounding), as the
 * Vector API's {@code fma} is: a separate multiply and add round twice, and those last-bit
 * differences grow, over epochs of training, into different early stopping and divergence epochs.
 * The i-k-j loop order reads B and writes C row by row, which is the fastest order plain Java has.
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
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
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
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(ari, b[br + j], c[ci + j]);
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
                float sum = accumulate ? c[cOff + i * k + j] : 0f; // C first, then the terms: the vector path's order
                for (int p = 0; p < n; p++) {
                    sum = Math.fma(a[ai + p], b[bj + p], sum);
                }
                c[cOff + i * k + j] = sum;
            }
        }
    }

    @Override
    public void tanh(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = tanh(x[i]);
        }
    }

    @Override
    public void biasTanh(float[] z, int off, float[] bias, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * n;
            for (int j = 0; j < n; j++) {
                z[row + j] = tanh(z[row + j] + bias[j]);
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

    // tanh as a rational function, x·P(x²)/Q(x²) on [−7.9, 7.9] (the float approximation of the Eigen
    // library, within a few units in the last place of float): only multiplications, additions and one
    // division, so VectorKernels computes it lane by lane with the very same operations and both paths
    // give the same bits. The Vector API's own TANH does not: its compiled form and its interpreted
    // form differ in the last bit, and which one runs depends on when the JIT compiler gets to it, so
    // the same seed would not give the same training run.
    static final float TANH_CLAMP = 7.90531110763549805f, TANH_TINY = 0.0004f;
    static final float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f,
            A7 = 5.12229709037114e-08f, A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f,
            A13 = -2.76076847742355e-16f;
    static final float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f,
            B6 = 1.19825839466702e-06f;

    static float tanh(float x) {
        if (Math.abs(x) < TANH_TINY) {
            return x; // tanh x = x − x³/3 + …: below 0.0004 the x³ term is under float's last bit
        }
        float c = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, x)); // tanh is ±1 in float beyond
        float x2 = c * c;
        float p = A13;
        p = p * x2 + A11;
        p = p * x2 + A9;
        p = p * x2 + A7;
        p = p * x2 + A5;
        p = p * x2 + A3;
        p = p * x2 + A1;
        p = p * c;
        float q = B6;
        q = q * x2 + B4;
        q = q * x2 + B2;
        q = q * x2 + B0;
        return p / q;
    }

    @Override
    public String name() {
        return "plain Java";
    }
}
