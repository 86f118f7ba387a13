package org.rnncourse.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.layers.Parameter;

/**
 * What each clipping does to the same gradient, g = (3, −4, 12) with ‖g‖ = 13 (lesson 09's vector),
 * and that the optimizers' options give exactly what the public utility gives.
 */
class GradientClippingTest {
    private static final double[] G = {3, -4, 12};

    @Test
    void byNormKeepsTheDirection() {
        double[] g = G.clone();
        GradientClipping.clipByNorm(g, 1.0);
        assertArrayEquals(new double[] {3 / 13.0, -4 / 13.0, 12 / 13.0}, g, 1e-15);
        assertEquals(1.0, GradientClipping.norm(g), 1e-15);
    }

    @Test
    void byNormLeavesASmallGradientExactlyAlone() {
        double[] g = G.clone();
        GradientClipping.clipByNorm(g, 13.5);
        assertArrayEquals(G, g, 0.0);
    }

    @Test
    void byValueChangesTheDirection() {
        double[] g = G.clone();
        GradientClipping.clipByValue(g, 0.5);
        assertArrayEquals(new double[] {0.5, -0.5, 0.5}, g, 0.0);
        assertEquals(Math.sqrt(0.75), GradientClipping.norm(g), 1e-15);
        // cos(angle) between before and after is (3·0.5 + 4·0.5 + 12·0.5) / (13 · 0.866) ≈ 0.84, not 1.
        double cos = (3 * 0.5 + 4 * 0.5 + 12 * 0.5) / (13 * Math.sqrt(0.75));
        assertTrue(cos < 0.9);
    }

    @Test
    void globalNormKeepsTheRelativeSizesOfSeveralGradients() {
        // The same numbers as two weights' gradients: dW = (3, −4) with norm 5, db = (12) with norm 12.
        double[] dW = {3, -4}, db = {12};
        assertEquals(13, GradientClipping.globalNorm(List.of(dW, db)), 1e-15);
        GradientClipping.clipByGlobalNorm(List.of(dW, db), 1.0);
        assertArrayEquals(new double[] {3 / 13.0, -4 / 13.0}, dW, 1e-15);
        assertArrayEquals(new double[] {12 / 13.0}, db, 1e-15);
        // clipnorm instead clips each on its own: both reach norm 1, and dW's share grows.
        double[] dW2 = {3, -4}, db2 = {12};
        GradientClipping.clipByNorm(dW2, 1.0);
        GradientClipping.clipByNorm(db2, 1.0);
        assertArrayEquals(new double[] {0.6, -0.8}, dW2, 1e-15);
        assertArrayEquals(new double[] {1.0}, db2, 1e-15);
    }

    @Test
    void optimizersUseExactlyTheUtility() {
        for (String option : new String[] {"clipnorm", "globalClipnorm", "clipvalue"}) {
            Parameter w = OptimizerTest.param(new double[] {0, 0}, new double[] {3, -4});
            Parameter b = OptimizerTest.param(new double[] {0}, new double[] {12});
            SGD sgd = new SGD(1.0);
            double[] dW = {3, -4}, db = {12};
            switch (option) {
                case "clipnorm" -> {
                    sgd.clipnorm(1.0);
                    GradientClipping.clipByNorm(dW, 1.0);
                    GradientClipping.clipByNorm(db, 1.0);
                }
                case "globalClipnorm" -> {
                    sgd.globalClipnorm(1.0);
                    GradientClipping.clipByGlobalNorm(List.of(dW, db), 1.0);
                }
                default -> {
                    sgd.clipvalue(0.5);
                    GradientClipping.clipByValue(dW, 0.5);
                    GradientClipping.clipByValue(db, 0.5);
                }
            }
            sgd.apply(List.of(w, b));
            // SGD with learning rate 1 from zero weights: the new weights are minus the clipped gradient.
            assertArrayEquals(new double[] {-dW[0], -dW[1]}, w.value(), 0.0, option);
            assertArrayEquals(new double[] {-db[0]}, b.value(), 0.0, option);
        }
    }

    @Test
    void matricesAreClippedOverTheirEntriesOnly() {
        DMatrixRMaj m = new DMatrixRMaj(2, 2, true, 3, -4, 12, 1000);
        m.reshape(1, 3, true);      // the array keeps a 4th, unused number
        assertEquals(13, GradientClipping.norm(m), 1e-15);
        GradientClipping.clipByNorm(m, 1.0);
        assertArrayEquals(new double[] {3 / 13.0, -4 / 13.0, 12 / 13.0}, java.util.Arrays.copyOf(m.data, 3), 1e-15);
        assertEquals(1000, m.data[3]);
        DMatrixRMaj a = new DMatrixRMaj(1, 2, true, 3, -4), c = new DMatrixRMaj(1, 1, true, 12);
        GradientClipping.clipByGlobalNormMatrices(List.of(a, c), 1.0);
        assertEquals(12 / 13.0, c.get(0, 0), 1e-15);
        DMatrixRMaj v = new DMatrixRMaj(1, 3, true, G);
        GradientClipping.clipByValue(v, 0.5);
        assertEquals(-0.5, v.get(0, 1));
    }

    @Test
    void brokenGradientsStayBrokenAsInKeras() {
        double[] g = {1, Double.NaN, 2};
        GradientClipping.clipByNorm(g, 1.0);
        for (double v : g) assertTrue(Double.isNaN(v));
        double[] a = {1, 2}, b = {Double.POSITIVE_INFINITY};
        GradientClipping.clipByGlobalNorm(List.of(a, b), 1.0);
        assertTrue(Double.isNaN(a[0]) && Double.isNaN(a[1]) && Double.isNaN(b[0]));
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByNorm(G.clone(), 0));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByValue((double[]) null, 1));
        assertTrue(e.getMessage().startsWith("g is null"), e.getMessage());
    }
}
