package org.rnncourse.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The README's promise for a kernel without the Vector API module ("the same results, more slowly"),
 * held to the bit: every product, and whole training runs like lessons 08 and 09's, give the same
 * numbers on the plain path as on the vector path, and on one thread as on two.
 */
class SameResultsOnBothPathsTest {

    /** Shapes with vector tails, 4-row tails, and a shared dimension above the vector path's 256-row slices. */
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {4, 64, 64}, {5, 17, 33}, {9, 300, 65}, {128, 64, 64},
        {2, 513, 19}, {13, 1, 100}};

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                    what + " element " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void everyProductGivesTheSameBitsOnBothPaths() {
        Kernels plain = Fast.plain(), vector = KernelsTest.vectorOrPlain();
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            Random r = new Random(m * 1000 + k * 10 + n);
            float[] a = KernelsTest.random(r, m * k), b = KernelsTest.random(r, k * n), c0 = KernelsTest.random(r, m * n);
            a[0] = 0f; // a zero in A: the plain path used to skip it, the vector path multiplies it
            for (boolean acc : new boolean[] {false, true}) {
                String shape = m + "x" + k + "x" + n + (acc ? " accumulating" : "");
                float[] cp = c0.clone(), cv = c0.clone();
                plain.matmul(a, b, cp, m, k, n, acc);
                vector.matmul(a, b, cv, m, k, n, acc);
                assertSameBits(cv, cp, "A·B " + shape);

                float[] bt = KernelsTest.random(r, m * n), tp = KernelsTest.random(r, k * n), tv = tp.clone();
                plain.matmulTransA(a, bt, tp, m, k, n, acc);
                vector.matmulTransA(a, bt, tv, m, k, n, acc);
                assertSameBits(tv, tp, "Aᵀ·B " + shape);

                float[] w = KernelsTest.random(r, n * k), bp = KernelsTest.random(r, m * n), bv = bp.clone();
                plain.matmulTransB(a, w, bp, m, k, n, acc); // (m×k)·(n×k)ᵀ
                vector.matmulTransB(a, w, bv, m, k, n, acc);
                assertSameBits(bv, bp, "A·Bᵀ " + shape);
            }
        }
    }

    @Test
    void tanhBackwardGivesTheSameBitsOnBothPaths() {
        Kernels plain = Fast.plain(), vector = KernelsTest.vectorOrPlain();
        for (int len : new int[] {1, 15, 16, 17, 64, 100}) {
            Random r = new Random(len);
            float[] d = KernelsTest.random(r, len), carry = KernelsTest.random(r, len), h = KernelsTest.random(r, len);
            float[] dp = d.clone(), dv = d.clone();
            plain.tanhBackward(dp, 0, carry, 0, h, 0, len);
            vector.tanhBackward(dv, 0, carry, 0, h, 0, len);
            assertSameBits(dv, dp, "tanhBackward len " + len);
        }
    }

    /** Unit counts with and without a vector tail (16 floats per AVX-512 vector), and row counts with tails. */
    private static final int[][] STEPS = {{1, 1}, {3, 5}, {4, 16}, {2, 17}, {5, 64}, {7, 33}, {1, 100}};

    private static float[] randomGates(Random r, int size) {
        float[] x = KernelsTest.random(r, size);
        for (int i = 0; i < size; i++) x[i] = 0.5f + 0.45f * (float) Math.tanh(x[i]); // kept activations in (0, 1)
        return x;
    }

    @Test
    void fusedLstmStepsGiveTheSameBitsOnBothPaths() {
        Kernels plain = Fast.plain(), vector = KernelsTest.vectorOrPlain();
        for (int[] s : STEPS) {
            int rows = s[0], u = s[1], g = 4 * u, n = rows * u;
            String shape = rows + " rows of " + u + " units";
            Random r = new Random(rows * 100 + u);
            float[] z = KernelsTest.random(r, 3 + rows * g), bias = KernelsTest.random(r, g);
            float[] c = KernelsTest.random(r, 2 * n + 1); // c_{t−1} at 1, c_t at 1 + n: offsets matter
            float[] zp = z.clone(), zv = z.clone(), cp = c.clone(), cv = c.clone();
            float[] tcp = new float[n + 2], tcv = new float[n + 2], hp = new float[n + 5], hv = new float[n + 5];
            plain.lstmForward(zp, 3, bias, cp, 1, 1 + n, tcp, 2, hp, 5, rows, u);
            vector.lstmForward(zv, 3, bias, cv, 1, 1 + n, tcv, 2, hv, 5, rows, u);
            assertSameBits(zp, zv, "LSTM gates, " + shape);
            assertSameBits(cp, cv, "LSTM c_t, " + shape);
            assertSameBits(tcp, tcv, "LSTM tanh(c_t), " + shape);
            assertSameBits(hp, hv, "LSTM h_t, " + shape);

            float[] a = randomGates(r, 3 + rows * g), tc = KernelsTest.random(r, n + 2), gh = KernelsTest.random(r, n + 4);
            float[] dh = KernelsTest.random(r, n), dc = KernelsTest.random(r, n), dcp = dc.clone(), dcv = dc.clone();
            float[] dzp = new float[6 + rows * g], dzv = new float[6 + rows * g];
            plain.lstmBackward(a, 3, c, 1, tc, 2, gh, 4, dh, dcp, dzp, 6, rows, u);
            vector.lstmBackward(a, 3, c, 1, tc, 2, gh, 4, dh, dcv, dzv, 6, rows, u);
            assertSameBits(dzp, dzv, "LSTM dz, " + shape);
            assertSameBits(dcp, dcv, "LSTM cell carry, " + shape);
        }
    }

    @Test
    void fusedGruStepsGiveTheSameBitsOnBothPaths() {
        Kernels plain = Fast.plain(), vector = KernelsTest.vectorOrPlain();
        for (int[] s : STEPS) {
            int rows = s[0], u = s[1], g = 3 * u, n = rows * u;
            String shape = rows + " rows of " + u + " units";
            Random r = new Random(rows * 100 + u + 7);
            float[] a = KernelsTest.random(r, 2 + rows * g), rh = KernelsTest.random(r, 1 + rows * g);
            float[] bIn = KernelsTest.random(r, g), bRec = KernelsTest.random(r, g), h = KernelsTest.random(r, 2 * n + 3);
            float[] ap = a.clone(), av = a.clone(), rp = rh.clone(), rv = rh.clone(), hp = h.clone(), hv = h.clone();
            plain.gruForward(ap, 2, rp, 1, bIn, bRec, hp, 3, 3 + n, rows, u);
            vector.gruForward(av, 2, rv, 1, bIn, bRec, hv, 3, 3 + n, rows, u);
            assertSameBits(ap, av, "GRU gates, " + shape);
            assertSameBits(rp, rv, "GRU h·U + b_rec, " + shape);
            assertSameBits(hp, hv, "GRU h_t, " + shape);

            float[] gates = randomGates(r, 2 + rows * g), gh = KernelsTest.random(r, n + 4);
            float[] dh = KernelsTest.random(r, n), dhp = dh.clone(), dhv = dh.clone();
            float[] dzp = new float[5 + rows * g], dzv = new float[5 + rows * g], dRp = new float[1 + rows * g], dRv = new float[1 + rows * g];
            plain.gruBackward(gates, 2, rh, 1, h, 3, gh, 4, dhp, dzp, 5, dRp, 1, rows, u);
            vector.gruBackward(gates, 2, rh, 1, h, 3, gh, 4, dhv, dzv, 5, dRv, 1, rows, u);
            assertSameBits(dzp, dzv, "GRU dz, " + shape);
            assertSameBits(dRp, dRv, "GRU dR, " + shape);
            assertSameBits(dhp, dhv, "GRU carry, " + shape);
        }
    }

    @Test
    void addToGivesTheSameBitsOnBothPaths() {
        Kernels plain = Fast.plain(), vector = KernelsTest.vectorOrPlain();
        for (int len : new int[] {1, 15, 16, 17, 64, 100}) {
            Random r = new Random(len + 3);
            float[] src = KernelsTest.random(r, len + 2), dst = KernelsTest.random(r, len + 1);
            float[] dp = dst.clone(), dv = dst.clone();
            plain.addTo(src, 2, dp, 1, len);
            vector.addTo(src, 2, dv, 1, len);
            assertSameBits(dp, dv, "addTo len " + len);
            assertEquals(dst[0], dp[0], "addTo wrote before its offset");
            assertEquals(dst[1] + src[2], dp[1], "addTo's first sum");
        }
    }

    private static String probe(String... jvmOptions) throws Exception {
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(javaExe));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.rnncourse.fast.SameRunProbe"));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out + err);
        return out;
    }

    /** The probe's losses without its first line (the path) and the plain path's one line of advice. */
    private static String losses(String out) {
        return out.substring(out.indexOf('\n') + 1).replaceAll("(?m)^Note: .*\n", "");
    }

    /** Lesson 09's three SGD runs and an IMDB-like Adam run, on a JVM without the module and on this one. */
    @Test
    void trainingRunsGiveTheSameLossesWithAndWithoutTheVectorModule() throws Exception {
        assertTrue(Fast.isVectorized(), "Surefire runs with " + Fast.JVM_FLAG);
        String out = probe();
        assertTrue(out.startsWith("path: plain Java"), out);
        String vector = SameRunProbe.report();
        assertTrue(vector.contains("SGD diverged at ") && !vector.contains("SGD diverged at 0:"),
                "lesson 09's plain SGD run should diverge:\n" + vector);
        assertEquals(vector, losses(out), "the plain path trained differently from the vector path");
    }

    /** On one core (Binder, a small VM) the batch's two parts run one after the other: the same run. */
    @Test
    void trainingRunsGiveTheSameLossesOnOneThread() throws Exception {
        String out = probe("--add-modules", "jdk.incubator.vector", "-Drnncourse.threads=1");
        assertTrue(out.startsWith("path: JDK Vector API"), out);
        assertEquals(SameRunProbe.report(), losses(out), "one thread trained differently from two");
    }
}
