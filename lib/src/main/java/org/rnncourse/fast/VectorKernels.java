package org.rnncourse.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix products and tanh on the JDK Vector API ({@code jdk.incubator.vector}).
 *
 * <p>The product is register-blocked: a tile of 4 rows of C × 4 vectors of columns (4×64 floats
 * with AVX-512: the whole width of a 64-unit layer) stays in registers while the loop walks down the shared dimension, so each value
 * of B loaded from memory is used 4 times and each value of A 2·lanes times. That, not the SIMD
 * width alone, is what takes a product from ~5 to ~150+ GFLOP/s on one core.
 *
 * <p>Only this class names the incubator module; {@link Fast} loads it by reflection and falls
 * back to {@link PlainKernels} when the module is absent.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int ROWS = 4;
    /** Rows of B per slice: 256 rows of 64 floats is 64 KB, which stays in L2. */
    private static final int KC = 256;

    /** Bᵀ for matmulTransB, reused between calls of one thread. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    @Override
    public void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n,
                       boolean accumulate) {
        product(a, aOff, k, 1, b, bOff, c, cOff, m, k, n, accumulate);
    }

    @Override
    public void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n,
                             boolean accumulate) {
        // Row i of Aᵀ is column i of A: element (i, p) of Aᵀ sits at p * k + i.
        product(a, aOff, 1, k, b, bOff, c, cOff, k, m, n, accumulate);
    }

    @Override
    public void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k,
                             boolean accumulate) {
        float[] bt = SCRATCH.get();
        if (bt.length < n * k) {
            bt = new float[n * k];
            SCRATCH.set(bt);
        }
        for (int j = 0; j < k; j++) {
            for (int p = 0; p < n; p++) {
                bt[p * k + j] = b[bOff + j * n + p];
            }
        }
        product(a, aOff, n, 1, bt, 0, c, cOff, m, n, k, accumulate);
    }

    /**
     * C (m×n) (+)= A' · B where A' (m×k) is read from {@code a} with element (i, p) at
     * {@code i * rs + p * cs}: (k, 1) for A itself, (1, rows of A) for Aᵀ.
     */
    private static void product(float[] a, int aOff, int rs, int cs, float[] b, int bOff, float[] c, int cOff,
                                int m, int k, int n, boolean accumulate) {
        // The shared dimension in slices of KC rows of B, so that the slice stays in cache while every
        // tile of C walks over it (Xᵀ·dY has 25,600 rows: without slicing, B streams from memory).
        for (int p0 = 0; p0 < k || p0 == 0; p0 += KC) {
            int p1 = Math.min(k, p0 + KC);
            boolean acc = accumulate || p0 > 0;
            int i = 0;
            for (; i + ROWS <= m; i += ROWS) {
                int j = 0;
                for (; j + 4 * L <= n; j += 4 * L) {
                    tile4x4(a, aOff, rs, cs, b, bOff, c, cOff, i, j, p0, p1, n, acc);
                }
                for (; j + 2 * L <= n; j += 2 * L) {
                    tile4x2(a, aOff, rs, cs, b, bOff, c, cOff, i, j, p0, p1, n, acc);
                }
                for (; j < n; j += L) {
                    tile4x1(a, aOff, rs, cs, b, bOff, c, cOff, i, j, p0, p1, n, acc, S.indexInRange(j, n));
                }
            }
            for (; i < m; i++) {
                for (int j = 0; j < n; j += L) {
                    tile1x1(a, aOff, rs, cs, b, bOff, c, cOff, i, j, p0, p1, n, acc, S.indexInRange(j, n));
                }
            }
            if (k == 0) {
                break;
            }
        }
    }

    private static void tile4x4(float[] a, int aOff, int rs, int cs, float[] b, int bOff, float[] c, int cOff, int i, int j, int p0, int p1, int n,
                                boolean accumulate) {
        int r0 = cOff + i * n + j, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (accumulate) {
            c00 = FloatVector.fromArray(S, c, r0);
            c01 = FloatVector.fromArray(S, c, r0 + L);
            c02 = FloatVector.fromArray(S, c, r0 + 2 * L);
            c03 = FloatVector.fromArray(S, c, r0 + 3 * L);
            c10 = FloatVector.fromArray(S, c, r1);
            c11 = FloatVector.fromArray(S, c, r1 + L);
            c12 = FloatVector.fromArray(S, c, r1 + 2 * L);
            c13 = FloatVector.fromArray(S, c, r1 + 3 * L);
            c20 = FloatVector.fromArray(S, c, r2);
            c21 = FloatVector.fromArray(S, c, r2 + L);
            c22 = FloatVector.fromArray(S, c, r2 + 2 * L);
            c23 = FloatVector.fromArray(S, c, r2 + 3 * L);
            c30 = FloatVector.fromArray(S, c, r3);
            c31 = FloatVector.fromArray(S, c, r3 + L);
            c32 = FloatVector.fromArray(S, c, r3 + 2 * L);
            c33 = FloatVector.fromArray(S, c, r3 + 3 * L);
        } else {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = FloatVector.zero(S);
            c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = FloatVector.zero(S);
        }
        int a0 = aOff + i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
        for (int p = p0; p < p1; p++) {
            int bp = bOff + p * n + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            int pc = p * cs;
            FloatVector x = FloatVector.broadcast(S, a[a0 + pc]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + pc]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + pc]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + pc]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c02.intoArray(c, r0 + 2 * L);
        c03.intoArray(c, r0 + 3 * L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c12.intoArray(c, r1 + 2 * L);
        c13.intoArray(c, r1 + 3 * L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c22.intoArray(c, r2 + 2 * L);
        c23.intoArray(c, r2 + 3 * L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c32.intoArray(c, r3 + 2 * L);
        c33.intoArray(c, r3 + 3 * L);
    }

    private static void tile4x2(float[] a, int aOff, int rs, int cs, float[] b, int bOff, float[] c, int cOff, int i, int j, int p0, int p1, int n,
                                boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        int r0 = cOff + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
        if (accumulate) {
            c00 = FloatVector.fromArray(S, c, r0 + j);
            c01 = FloatVector.fromArray(S, c, r0 + j + L);
            c10 = FloatVector.fromArray(S, c, r1 + j);
            c11 = FloatVector.fromArray(S, c, r1 + j + L);
            c20 = FloatVector.fromArray(S, c, r2 + j);
            c21 = FloatVector.fromArray(S, c, r2 + j + L);
            c30 = FloatVector.fromArray(S, c, r3 + j);
            c31 = FloatVector.fromArray(S, c, r3 + j + L);
        } else {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(S);
        }
        int a0 = aOff + i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
        for (int p = p0; p < p1; p++) {
            int bp = bOff + p * n + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int pc = p * cs;
            FloatVector x = FloatVector.broadcast(S, a[a0 + pc]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + pc]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + pc]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + pc]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        c00.intoArray(c, r0 + j);
        c01.intoArray(c, r0 + j + L);
        c10.intoArray(c, r1 + j);
        c11.intoArray(c, r1 + j + L);
        c20.intoArray(c, r2 + j);
        c21.intoArray(c, r2 + j + L);
        c30.intoArray(c, r3 + j);
        c31.intoArray(c, r3 + j + L);
    }

    private static void tile4x1(float[] a, int aOff, int rs, int cs, float[] b, int bOff, float[] c, int cOff, int i, int j, int p0, int p1, int n,
                                boolean accumulate, VectorMask<Float> mask) {
        int r0 = cOff + i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
        FloatVector c0, c1, c2, c3;
        if (accumulate) {
            c0 = FloatVector.fromArray(S, c, r0 + j, mask);
            c1 = FloatVector.fromArray(S, c, r1 + j, mask);
            c2 = FloatVector.fromArray(S, c, r2 + j, mask);
            c3 = FloatVector.fromArray(S, c, r3 + j, mask);
        } else {
            c0 = c1 = c2 = c3 = FloatVector.zero(S);
        }
        int a0 = aOff + i * rs, a1 = a0 + rs, a2 = a1 + rs, a3 = a2 + rs;
        for (int p = p0; p < p1; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bOff + p * n + j, mask);
            int pc = p * cs;
            c0 = FloatVector.broadcast(S, a[a0 + pc]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[a1 + pc]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[a2 + pc]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[a3 + pc]).fma(bv, c3);
        }
        c0.intoArray(c, r0 + j, mask);
        c1.intoArray(c, r1 + j, mask);
        c2.intoArray(c, r2 + j, mask);
        c3.intoArray(c, r3 + j, mask);
    }

    private static void tile1x1(float[] a, int aOff, int rs, int cs, float[] b, int bOff, float[] c, int cOff, int i, int j, int p0, int p1, int n,
                                boolean accumulate, VectorMask<Float> mask) {
        int r = cOff + i * n + j;
        FloatVector acc = accumulate ? FloatVector.fromArray(S, c, r, mask) : FloatVector.zero(S);
        int ai = aOff + i * rs;
        for (int p = p0; p < p1; p++) {
            acc = FloatVector.broadcast(S, a[ai + p * cs]).fma(FloatVector.fromArray(S, b, bOff + p * n + j, mask), acc);
        }
        acc.intoArray(c, r, mask);
    }

    @Override
    public void tanh(float[] x, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            tanh(FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
        if (i < to) {
            VectorMask<Float> mask = S.indexInRange(i, to);
            tanh(FloatVector.fromArray(S, x, i, mask)).intoArray(x, i, mask);
        }
    }

    @Override
    public void biasTanh(float[] z, int off, float[] bias, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int row = off + r * n, j = 0;
            for (; j + L <= n; j += L) {
                tanh(FloatVector.fromArray(S, z, row + j).add(FloatVector.fromArray(S, bias, j))).intoArray(z, row + j);
            }
            if (j < n) {
                VectorMask<Float> mask = S.indexInRange(j, n);
                tanh(FloatVector.fromArray(S, z, row + j, mask).add(FloatVector.fromArray(S, bias, j, mask)))
                        .intoArray(z, row + j, mask);
            }
        }
    }

    @Override
    public void tanhBackward(float[] d, int dOff, float[] carry, int carryOff, float[] h, int hOff, int len) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i + L <= len; i += L) {
            FloatVector hv = FloatVector.fromArray(S, h, hOff + i);
            FloatVector.fromArray(S, d, dOff + i).add(FloatVector.fromArray(S, carry, carryOff + i))
                    .mul(one.sub(hv.mul(hv))).intoArray(d, dOff + i);
        }
        for (; i < len; i++) {
            float v = h[hOff + i];
            d[dOff + i] = (d[dOff + i] + carry[carryOff + i]) * (1f - v * v);
        }
    }

    @Override
    public void addTo(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector.fromArray(S, dst, dstOff + i).add(FloatVector.fromArray(S, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        for (; i < len; i++) {
            dst[dstOff + i] += src[srcOff + i];
        }
    }

    // The fused LSTM and GRU steps: whole vectors of units here, the columns past the last whole
    // vector by PlainKernels's loop, which does the same operations in the same order per element.

    private static FloatVector sigmoid(FloatVector v) {
        return tanh(v.mul(0.5f)).mul(0.5f).add(0.5f); // σ(v) = 0.5 + 0.5·tanh(0.5·v), as PlainKernels
    }

    private static FloatVector load(float[] x, int at) {
        return FloatVector.fromArray(S, x, at);
    }

    @Override
    public void lstmForward(float[] z, int zOff, float[] bias, float[] c, int cPrev, int cOut, float[] tc, int tcOff,
                            float[] h, int hOff, int rows, int u) {
        int whole = u - u % L;
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * 4 * u, k = r * u;
            for (int j = 0; j < whole; j += L) {
                FloatVector i = sigmoid(load(z, zr + j).add(load(bias, j)));
                FloatVector f = sigmoid(load(z, zr + u + j).add(load(bias, u + j)));
                FloatVector g = tanh(load(z, zr + 2 * u + j).add(load(bias, 2 * u + j)));
                FloatVector o = sigmoid(load(z, zr + 3 * u + j).add(load(bias, 3 * u + j)));
                i.intoArray(z, zr + j);
                f.intoArray(z, zr + u + j);
                g.intoArray(z, zr + 2 * u + j);
                o.intoArray(z, zr + 3 * u + j);
                FloatVector cell = f.mul(load(c, cPrev + k + j)).add(i.mul(g));
                FloatVector t = tanh(cell);
                cell.intoArray(c, cOut + k + j);
                t.intoArray(tc, tcOff + k + j);
                o.mul(t).intoArray(h, hOff + k + j);
            }
        }
        if (whole < u) PlainKernels.lstmForwardColumns(z, zOff, bias, c, cPrev, cOut, tc, tcOff, h, hOff, rows, u, whole);
    }

    @Override
    public void lstmBackward(float[] a, int aOff, float[] c, int cPrev, float[] tc, int tcOff, float[] gh, int ghOff,
                             float[] dh, float[] dc, float[] dz, int dzOff, int rows, int u) {
        int whole = u - u % L;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * 4 * u, dr = dzOff + r * 4 * u, k = r * u;
            for (int j = 0; j < whole; j += L) {
                FloatVector i = load(a, ar + j), f = load(a, ar + u + j), g = load(a, ar + 2 * u + j), o = load(a, ar + 3 * u + j);
                FloatVector t = load(tc, tcOff + k + j);
                FloatVector dhj = load(gh, ghOff + k + j).add(load(dh, k + j));
                FloatVector cell = dhj.mul(o).mul(one.sub(t.mul(t))).add(load(dc, k + j));
                cell.mul(g).mul(i.mul(one.sub(i))).intoArray(dz, dr + j);
                cell.mul(load(c, cPrev + k + j)).mul(f.mul(one.sub(f))).intoArray(dz, dr + u + j);
                cell.mul(i).mul(one.sub(g.mul(g))).intoArray(dz, dr + 2 * u + j);
                dhj.mul(t).mul(o.mul(one.sub(o))).intoArray(dz, dr + 3 * u + j);
                cell.mul(f).intoArray(dc, k + j);
            }
        }
        if (whole < u) PlainKernels.lstmBackwardColumns(a, aOff, c, cPrev, tc, tcOff, gh, ghOff, dh, dc, dz, dzOff, rows, u, whole);
    }

    @Override
    public void gruForward(float[] a, int aOff, float[] rh, int rhOff, float[] bIn, float[] bRec, float[] h, int hPrev,
                           int hOff, int rows, int u) {
        int whole = u - u % L;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * 3 * u, rr = rhOff + r * 3 * u, k = r * u;
            for (int j = 0; j < whole; j += L) {
                FloatVector rz = load(rh, rr + j).add(load(bRec, j));
                FloatVector rr1 = load(rh, rr + u + j).add(load(bRec, u + j));
                FloatVector rc = load(rh, rr + 2 * u + j).add(load(bRec, 2 * u + j));
                rz.intoArray(rh, rr + j);
                rr1.intoArray(rh, rr + u + j);
                rc.intoArray(rh, rr + 2 * u + j);
                FloatVector z = sigmoid(load(a, ar + j).add(load(bIn, j)).add(rz));
                FloatVector reset = sigmoid(load(a, ar + u + j).add(load(bIn, u + j)).add(rr1));
                FloatVector cand = tanh(load(a, ar + 2 * u + j).add(load(bIn, 2 * u + j)).add(reset.mul(rc)));
                z.intoArray(a, ar + j);
                reset.intoArray(a, ar + u + j);
                cand.intoArray(a, ar + 2 * u + j);
                z.mul(load(h, hPrev + k + j)).add(one.sub(z).mul(cand)).intoArray(h, hOff + k + j);
            }
        }
        if (whole < u) PlainKernels.gruForwardColumns(a, aOff, rh, rhOff, bIn, bRec, h, hPrev, hOff, rows, u, whole);
    }

    @Override
    public void gruBackward(float[] a, int aOff, float[] rh, int rhOff, float[] h, int hPrev, float[] gh, int ghOff,
                            float[] dh, float[] dz, int dzOff, float[] dR, int dROff, int rows, int u) {
        int whole = u - u % L;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * 3 * u, rr = rhOff + r * 3 * u, dr = dzOff + r * 3 * u, rd = dROff + r * 3 * u, k = r * u;
            for (int j = 0; j < whole; j += L) {
                FloatVector z = load(a, ar + j), reset = load(a, ar + u + j), cand = load(a, ar + 2 * u + j);
                FloatVector dhj = load(gh, ghOff + k + j).add(load(dh, k + j));
                FloatVector dZ = dhj.mul(load(h, hPrev + k + j).sub(cand)).mul(z.mul(one.sub(z)));
                FloatVector dCand = dhj.mul(one.sub(z)).mul(one.sub(cand.mul(cand)));
                FloatVector dReset = dCand.mul(load(rh, rr + 2 * u + j)).mul(reset.mul(one.sub(reset)));
                dZ.intoArray(dz, dr + j);
                dReset.intoArray(dz, dr + u + j);
                dCand.intoArray(dz, dr + 2 * u + j);
                dZ.intoArray(dR, rd + j);
                dReset.intoArray(dR, rd + u + j);
                dCand.mul(reset).intoArray(dR, rd + 2 * u + j);
                dhj.mul(z).intoArray(dh, k + j);
            }
        }
        if (whole < u) PlainKernels.gruBackwardColumns(a, aOff, rh, rhOff, h, hPrev, gh, ghOff, dh, dz, dzOff, dR, dROff, rows, u, whole);
    }

    /**
     * {@link PlainKernels#tanh(float)} on every lane, with the same operations in the same order, so
     * the two paths agree bit for bit and a run does not depend on when the JIT compiles this.
     */
    private static FloatVector tanh(FloatVector x) {
        VectorMask<Float> tiny = x.abs().lt(PlainKernels.TANH_TINY);
        FloatVector c = x.max(-PlainKernels.TANH_CLAMP).min(PlainKernels.TANH_CLAMP);
        FloatVector x2 = c.mul(c);
        FloatVector p = FloatVector.broadcast(S, PlainKernels.A13);
        p = p.mul(x2).add(PlainKernels.A11);
        p = p.mul(x2).add(PlainKernels.A9);
        p = p.mul(x2).add(PlainKernels.A7);
        p = p.mul(x2).add(PlainKernels.A5);
        p = p.mul(x2).add(PlainKernels.A3);
        p = p.mul(x2).add(PlainKernels.A1);
        p = p.mul(c);
        FloatVector q = FloatVector.broadcast(S, PlainKernels.B6);
        q = q.mul(x2).add(PlainKernels.B4);
        q = q.mul(x2).add(PlainKernels.B2);
        q = q.mul(x2).add(PlainKernels.B0);
        return p.div(q).blend(x, tiny);
    }

    @Override
    public String name() {
        return "JDK Vector API, " + L + " floats per vector";
    }
}
