package org.rnncourse.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both paths against a double-precision reference, on small and odd shapes. */
class KernelsTest {

    static Stream<Arguments> cases() {
        int[][] shapes = {{1, 1, 1}, {1, 3, 1}, {3, 1, 5}, {4, 64, 64}, {5, 7, 17}, {7, 33, 31}, {13, 16, 48},
            {128, 64, 64}, {9, 128, 65}, {2, 5, 100}};
        return Stream.of(Fast.plain(), vectorOrPlain()).flatMap(k ->
                Stream.of(shapes).map(s -> Arguments.of(k, s[0], s[1], s[2])));
    }

    static Kernels vectorOrPlain() {
        try {
            return Fast.vector();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new AssertionError("Surefire runs with " + Fast.JVM_FLAG + ": the vector path must load", e);
        }
    }

    static float[] random(Random r, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** C = op(A)·op(B) in double, element (i, j) = Σ_p a(i,p) b(p,j). */
    static double[] reference(float[] a, float[] b, int m, int k, int n, boolean transA, boolean transB, int rowsA) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[p * m + i] : a[i * k + p];
                    double bpj = transB ? b[j * k + p] : b[p * n + j];
                    s += aip * bpj;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    static void assertClose(double[] expected, float[] actual, int k, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-5 * Math.sqrt(k) * 4 + 1e-6 * Math.abs(expected[i]);
            assertEquals(expected[i], actual[i], tol, what + " element " + i);
        }
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("cases")
    void matmulMatchesTheReferenceAndAccumulates(Kernels kern, int m, int k, int n) {
        Random r = new Random(m * 31 + k * 7 + n);
        float[] a = random(r, m * k), b = random(r, k * n), c = random(r, m * n);
        float[] before = c.clone();
        double[] ref = reference(a, b, m, k, n, false, false, m);
        kern.matmul(a, b, c, m, k, n, false);
        assertClose(ref, c, k, "A·B");
        System.arraycopy(before, 0, c, 0, c.length);
        kern.matmul(a, b, c, m, k, n, true);
        for (int i = 0; i < ref.length; i++) {
            ref[i] += before[i];
        }
        assertClose(ref, c, k, "C + A·B");
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("cases")
    void matmulTransAMatchesTheReference(Kernels kern, int m, int k, int n) {
        Random r = new Random(m + k * 13 + n * 5);
        float[] a = random(r, m * k), b = random(r, m * n), c = new float[k * n];
        // C (k×n) = Aᵀ·B: the reference with A read transposed, sum over m.
        double[] ref = reference(a, b, k, m, n, true, false, m);
        kern.matmulTransA(a, b, c, m, k, n, false);
        assertClose(ref, c, m, "Aᵀ·B");
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("cases")
    void matmulTransBMatchesTheReference(Kernels kern, int m, int n, int k) {
        Random r = new Random(m * 3 + n + k * 11);
        float[] a = random(r, m * n), b = random(r, k * n), c = random(r, m * k);
        float[] before = c.clone();
        double[] ref = reference(a, b, m, n, k, false, true, m);
        kern.matmulTransB(a, b, c, m, n, k, true);
        for (int i = 0; i < ref.length; i++) {
            ref[i] += before[i];
        }
        assertClose(ref, c, n, "C + A·Bᵀ");
    }

    @Test
    void tanhMatchesMathTanhOnBothPathsIncludingTails() {
        for (Kernels kern : new Kernels[] {Fast.plain(), vectorOrPlain()}) {
            for (int len : new int[] {1, 15, 16, 17, 100}) {
                float[] x = random(new Random(len), len);
                for (int i = 0; i < len; i++) {
                    x[i] *= 4;
                }
                float[] y = x.clone();
                kern.tanh(y, 1 % len, len);
                for (int i = 0; i < len; i++) {
                    double expected = i < 1 % len ? x[i] : Math.tanh(x[i]);
                    assertEquals(expected, y[i], 2e-6, kern.name() + " len " + len + " i " + i);
                }
            }
        }
    }

    @Test
    void surefireRunsTheVectorPathAndSaysSo() {
        assertTrue(Fast.isVectorized(), Fast.description());
        assertTrue(Fast.description().startsWith("JDK Vector API"), Fast.description());
    }

    @Test
    void wrongSizesNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fast.matmul(new float[6], new float[5], new float[4], 2, 3, 2, false));
        assertTrue(e.getMessage().contains("b holds 5 floats, too few for its shape (3×2 = 6)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fast.tanh(new float[3], 2, 4));
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("cases")
    void productsWorkOnBlocksAtAnOffsetAndLeaveTheRestAlone(Kernels kern, int m, int k, int n) {
        Random r = new Random(m * 7 + k * 3 + n * 19);
        int aOff = 3, bOff = 5, cOff = 7;
        float[] a0 = random(r, m * k), b0 = random(r, k * n);
        float[] a = new float[aOff + m * k + 2], b = new float[bOff + k * n + 1], c = new float[cOff + m * n + 4];
        System.arraycopy(a0, 0, a, aOff, a0.length);
        System.arraycopy(b0, 0, b, bOff, b0.length);
        java.util.Arrays.fill(c, 9f);
        kern.matmul(a, aOff, b, bOff, c, cOff, m, k, n, false);
        float[] got = java.util.Arrays.copyOfRange(c, cOff, cOff + m * n);
        assertClose(reference(a0, b0, m, k, n, false, false, m), got, k, "A·B at offsets");
        for (int i = 0; i < cOff; i++) assertEquals(9f, c[i], "before C");
        for (int i = cOff + m * n; i < c.length; i++) assertEquals(9f, c[i], "after C");

        float[] bt0 = random(r, m * n), bt = new float[bOff + m * n];
        System.arraycopy(bt0, 0, bt, bOff, bt0.length);
        float[] ct = new float[cOff + k * n];
        kern.matmulTransA(a, aOff, bt, bOff, ct, cOff, m, k, n, false);
        assertClose(reference(a0, bt0, k, m, n, true, false, m), java.util.Arrays.copyOfRange(ct, cOff, ct.length), m,
                "Aᵀ·B at offsets");

        float[] w0 = random(r, n * k), w = new float[bOff + n * k];
        System.arraycopy(w0, 0, w, bOff, w0.length);
        float[] x0 = random(r, m * k), x = new float[aOff + m * k];
        System.arraycopy(x0, 0, x, aOff, x0.length);
        float[] cb = new float[cOff + m * n];
        kern.matmulTransB(x, aOff, w, bOff, cb, cOff, m, k, n, false); // (m×k)·(n×k)ᵀ
        assertClose(reference(x0, w0, m, k, n, false, true, m), java.util.Arrays.copyOfRange(cb, cOff, cb.length), k,
                "A·Bᵀ at offsets");
    }

    @Test
    void biasTanhAndTanhBackwardMatchTheFormulasOnBothPaths() {
        for (Kernels kern : new Kernels[] {Fast.plain(), vectorOrPlain()}) {
            for (int n : new int[] {1, 7, 16, 17, 64, 65}) {
                Random r = new Random(n);
                int rows = 3, off = 2;
                float[] z = random(r, off + rows * n), bias = random(r, n), before = z.clone();
                kern.biasTanh(z, off, bias, rows, n);
                for (int i = 0; i < z.length; i++) {
                    double expected = i < off ? before[i] : Math.tanh(before[i] + bias[(i - off) % n]);
                    assertEquals(expected, z[i], 2e-6, kern.name() + " biasTanh n " + n + " i " + i);
                }
                float[] d = random(r, off + n), carry = random(r, n + 1), h = random(r, n + 3), d0 = d.clone();
                kern.tanhBackward(d, off, carry, 1, h, 3, n);
                for (int i = 0; i < n; i++) {
                    double expected = (d0[off + i] + carry[1 + i]) * (1 - (double) h[3 + i] * h[3 + i]);
                    assertEquals(expected, d[off + i], 1e-5, kern.name() + " tanhBackward n " + n + " i " + i);
                }
                assertEquals(d0[0], d[0]);
            }
        }
    }

    @Test
    void offsetsOutsideTheArrayAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fast.matmul(new float[6], 0, new float[6], 1, new float[4], 0, 2, 3, 2, false));
        assertTrue(e.getMessage().contains("b holds 6 floats, too few for its shape (3×2 = 6) from offset 1"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fast.biasTanh(new float[4], 0, new float[1], 2, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Fast.tanhBackward(new float[4], 1, new float[4], 0, new float[4], 0, 4));
    }

    /** The same bits on both paths, so a seed gives the same training run whichever path runs, and whenever the JIT compiles. */
    @Test
    void tanhGivesTheSameBitsOnBothPathsAndIsAccurate() {
        Kernels plain = Fast.plain(), vector = vectorOrPlain();
        Random r = new Random(11);
        int n = 100_003;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 4));
        x[0] = 0f;
        x[1] = -0f;
        x[2] = 1e-30f;
        x[3] = 100f;
        x[4] = -100f;
        x[5] = 0.0004f;
        x[6] = Float.NaN;
        float[] a = x.clone(), b = x.clone();
        plain.tanh(a, 0, n);
        for (int round = 0; round < 3; round++) { // interpreted, then compiled: the same bits each time
            float[] v = x.clone();
            vector.tanh(v, 0, n);
            b = v;
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(b[i]), "x = " + x[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(x[i])) {
                assertTrue(Float.isNaN(a[i]));
                continue;
            }
            double exact = Math.tanh(x[i]);
            assertEquals(exact, a[i], 6 * Math.ulp((float) exact) + 1e-45, "tanh(" + x[i] + ")"); // a few ulp, ~4e-7 relative
        }
    }

    static Stream<Arguments> stepCases() {
        int[][] shapes = {{1, 1}, {3, 5}, {2, 17}, {5, 64}, {7, 33}};
        return Stream.of(Fast.plain(), vectorOrPlain()).flatMap(k ->
                Stream.of(shapes).map(s -> Arguments.of(k, s[0], s[1])));
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @ParameterizedTest(name = "{0} {1} rows of {2} units")
    @MethodSource("stepCases")
    void fusedLstmStepMatchesKerasFormulas(Kernels kern, int rows, int u) {
        Random r = new Random(rows * 13 + u);
        float[] z = random(r, rows * 4 * u), bias = random(r, 4 * u), c = random(r, 2 * rows * u);
        float[] z0 = z.clone(), c0 = c.clone(), tc = new float[rows * u], h = new float[rows * u];
        kern.lstmForward(z, 0, bias, c, 0, rows * u, tc, 0, h, 0, rows, u);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < u; j++) {
                int zr = i * 4 * u, k = i * u + j;
                double gi = sigmoid(z0[zr + j] + bias[j]), gf = sigmoid(z0[zr + u + j] + bias[u + j]);
                double gc = Math.tanh(z0[zr + 2 * u + j] + bias[2 * u + j]), go = sigmoid(z0[zr + 3 * u + j] + bias[3 * u + j]);
                double cell = gf * c0[k] + gi * gc;
                assertEquals(gf, z[zr + u + j], 1e-5, "the forget gate, row " + i + " unit " + j);
                assertEquals(cell, c[rows * u + k], 1e-5, "c_t, row " + i + " unit " + j);
                assertEquals(go * Math.tanh(cell), h[k], 1e-5, "h_t, row " + i + " unit " + j);
                assertEquals(c0[k], c[k], 0, "c_{t-1} must stay as it was");
            }
    }

    @ParameterizedTest(name = "{0} {1} rows of {2} units")
    @MethodSource("stepCases")
    void fusedGruStepMatchesKerasFormulasWithResetAfter(Kernels kern, int rows, int u) {
        Random r = new Random(rows * 17 + u);
        int g = 3 * u;
        float[] a = random(r, rows * g), rh = random(r, rows * g), bIn = random(r, g), bRec = random(r, g);
        float[] h = random(r, 2 * rows * u), a0 = a.clone(), rh0 = rh.clone();
        kern.gruForward(a, 0, rh, 0, bIn, bRec, h, 0, rows * u, rows, u);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < u; j++) {
                int row = i * g, k = i * u + j;
                double zg = sigmoid(a0[row + j] + bIn[j] + rh0[row + j] + bRec[j]);
                double rg = sigmoid(a0[row + u + j] + bIn[u + j] + rh0[row + u + j] + bRec[u + j]);
                double cand = Math.tanh(a0[row + 2 * u + j] + bIn[2 * u + j] + rg * (rh0[row + 2 * u + j] + bRec[2 * u + j]));
                assertEquals(rg, a[row + u + j], 1e-5, "the reset gate, row " + i + " unit " + j);
                assertEquals(zg * h[k] + (1 - zg) * cand, h[rows * u + k], 1e-5, "h_t, row " + i + " unit " + j);
            }
    }
}
