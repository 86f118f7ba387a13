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

    @Override
    public void addTo(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] += src[srcOff + i];
        }
    }

    // The fused steps below do, element by element, exactly the float operations of VectorKernels's
    // lanes, in the same order; σ(v) = 0.5 + 0.5·tanh(0.5·v), so it shares tanh's bits.

    static float sigmoid(float v) {
        return 0.5f + 0.5f * tanh(0.5f * v);
    }

    @Override
    public void lstmForward(float[] z, int zOff, float[] bias, float[] c, int cPrev, int cOut, float[] tc, int tcOff,
                            float[] h, int hOff, int rows, int u) {
        lstmForwardColumns(z, zOff, bias, c, cPrev, cOut, tc, tcOff, h, hOff, rows, u, 0);
    }

    /** Columns [j0, u) of every row: all of them here, the vector path's tail there. */
    static void lstmForwardColumns(float[] z, int zOff, float[] bias, float[] c, int cPrev, int cOut, float[] tc, int tcOff,
                            float[] h, int hOff, int rows, int u, int j0) {
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * 4 * u, k = r * u;
            for (int j = j0; j < u; j++) {
                float i = sigmoid(z[zr + j] + bias[j]);
                float f = sigmoid(z[zr + u + j] + bias[u + j]);
                float g = tanh(z[zr + 2 * u + j] + bias[2 * u + j]);
                float o = sigmoid(z[zr + 3 * u + j] + bias[3 * u + j]);
                z[zr + j] = i;
                z[zr + u + j] = f;
                z[zr + 2 * u + j] = g;
                z[zr + 3 * u + j] = o;
                float cell = f * c[cPrev + k + j] + i * g;
                float t = tanh(cell);
                c[cOut + k + j] = cell;
                tc[tcOff + k + j] = t;
                h[hOff + k + j] = o * t;
            }
        }
    }

    @Override
    public void lstmBackward(float[] a, int aOff, float[] c, int cPrev, float[] tc, int tcOff, float[] gh, int ghOff,
                             float[] dh, float[] dc, float[] dz, int dzOff, int rows, int u) {
        lstmBackwardColumns(a, aOff, c, cPrev, tc, tcOff, gh, ghOff, dh, dc, dz, dzOff, rows, u, 0);
    }

    /** Columns [j0, u) of every row: all of them here, the vector path's tail there. */
    static void lstmBackwardColumns(float[] a, int aOff, float[] c, int cPrev, float[] tc, int tcOff, float[] gh, int ghOff,
                             float[] dh, float[] dc, float[] dz, int dzOff, int rows, int u, int j0) {
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * 4 * u, dr = dzOff + r * 4 * u, k = r * u;
            for (int j = j0; j < u; j++) {
                float i = a[ar + j], f = a[ar + u + j], g = a[ar + 2 * u + j], o = a[ar + 3 * u + j];
                float t = tc[tcOff + k + j];
                float dhj = gh[ghOff + k + j] + dh[k + j];
                float cell = dhj * o * (1f - t * t) + dc[k + j];
                dz[dr + j] = cell * g * (i * (1f - i));
                dz[dr + u + j] = cell * c[cPrev + k + j] * (f * (1f - f));
                dz[dr + 2 * u + j] = cell * i * (1f - g * g);
                dz[dr + 3 * u + j] = dhj * t * (o * (1f - o));
                dc[k + j] = cell * f;
            }
        }
    }

    @Override
    public void gruForward(float[] a, int aOff, float[] rh, int rhOff, float[] bIn, float[] bRec, float[] h, int hPrev,
                           int hOff, int rows, int u) {
        gruForwardColumns(a, aOff, rh, rhOff, bIn, bRec, h, hPrev, hOff, rows, u, 0);
    }

    /** Columns [j0, u) of every row: all of them here, the vector path's tail there. */
    static void gruForwardColumns(float[] a, int aOff, float[] rh, int rhOff, float[] bIn, float[] bRec, float[] h, int hPrev,
                           int hOff, int rows, int u, int j0) {
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * 3 * u, rr = rhOff + r * 3 * u, k = r * u;
            for (int j = j0; j < u; j++) {
                float rz = rh[rr + j] + bRec[j], rr1 = rh[rr + u + j] + bRec[u + j], rc = rh[rr + 2 * u + j] + bRec[2 * u + j];
                rh[rr + j] = rz;
                rh[rr + u + j] = rr1;
                rh[rr + 2 * u + j] = rc;
                float z = sigmoid(a[ar + j] + bIn[j] + rz);
                float reset = sigmoid(a[ar + u + j] + bIn[u + j] + rr1);
                float cand = tanh(a[ar + 2 * u + j] + bIn[2 * u + j] + reset * rc);
                a[ar + j] = z;
                a[ar + u + j] = reset;
                a[ar + 2 * u + j] = cand;
                h[hOff + k + j] = z * h[hPrev + k + j] + (1f - z) * cand;
            }
        }
    }

    @Override
    public void gruBackward(float[] a, int aOff, float[] rh, int rhOff, float[] h, int hPrev, float[] gh, int ghOff,
                            float[] dh, float[] dz, int dzOff, float[] dR, int dROff, int rows, int u) {
        gruBackwardColumns(a, aOff, rh, rhOff, h, hPrev, gh, ghOff, dh, dz, dzOff, dR, dROff, rows, u, 0);
    }

    /** Columns [j0, u) of every row: all of them here, the vector path's tail there. */
    static void gruBackwardColumns(float[] a, int aOff, float[] rh, int rhOff, float[] h, int hPrev, float[] gh, int ghOff,
                            float[] dh, float[] dz, int dzOff, float[] dR, int dROff, int rows, int u, int j0) {
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * 3 * u, rr = rhOff + r * 3 * u, dr = dzOff + r * 3 * u, rd = dROff + r * 3 * u, k = r * u;
            for (int j = j0; j < u; j++) {
                float z = a[ar + j], reset = a[ar + u + j], cand = a[ar + 2 * u + j];
                float dhj = gh[ghOff + k + j] + dh[k + j];
                float dZ = dhj * (h[hPrev + k + j] - cand) * (z * (1f - z));
                float dCand = dhj * (1f - z) * (1f - cand * cand);
                float dReset = dCand * rh[rr + 2 * u + j] * (reset * (1f - reset));
                dz[dr + j] = dZ;
                dz[dr + u + j] = dReset;
                dz[dr + 2 * u + j] = dCand;
                dR[rd + j] = dZ;
                dR[rd + u + j] = dReset;
                dR[rd + 2 * u + j] = dCand * reset;
                dh[k + j] = dhj * z;
            }
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
