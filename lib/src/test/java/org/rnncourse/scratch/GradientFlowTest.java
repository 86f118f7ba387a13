package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class GradientFlowTest {

    @Test
    void simulationGivesTheNotesNumbers() {
        assertEquals(Math.pow(0.9, 50), GradientFlow.simulate(50, 0.9)[50], 1e-15);
        assertEquals(5.15e-3, GradientFlow.simulate(50, 0.9)[50], 1e-5);
        assertEquals(1.0, GradientFlow.simulate(50, 1.0)[50]);
        assertEquals(117.39, GradientFlow.simulate(50, 1.1)[50], 1e-2);
        assertEquals(44, GradientFlow.firstStepBelow(0.9, 1e-2));
    }

    @Test
    void measuredNormsVanishForSmallAndExplodeForLargeRecurrentWeights() {
        GradientFlow.Measurement small = GradientFlow.measure(0.5, 100, 1);
        GradientFlow.Measurement large = GradientFlow.measure(3.0, 100, 1);
        assertEquals(100, small.timeSteps());
        assertTrue(small.firstToLastRatio() < 1e-20, small.toString());
        assertTrue(large.firstToLastRatio() > 1e5, large.toString());
        assertTrue(small.meanStepFactor() < 1 && large.meanStepFactor() > 1);
        // The 2-norm of the Jacobian bounds what one step can do to the gradient.
        for (GradientFlow.Measurement m : List.of(small, large)) {
            for (int t = 2; t <= 100; t++) {
                assertTrue(m.gradientNorm(t - 1) <= m.jacobianNorms()[t - 1] * m.gradientNorm(t) * (1 + 1e-9), "t = " + t);
            }
        }
    }

    @Test
    void measuredNormsAreWhatBpttPassesBack() {
        // The same loop by hand on a tiny model: each norm is ‖dA_t‖ from Bptt.cellBackward.
        Rnn rnn = Rnn.random(2, 3, 1, Activation.TANH, Activation.LINEAR, 0.8, 5);
        List<DMatrixRMaj> xs = List.of(Matrices.gaussian(1, 2, 1, 1), Matrices.gaussian(1, 2, 1, 2), Matrices.gaussian(1, 2, 1, 3));
        DMatrixRMaj target = Matrices.row(0.5);
        GradientFlow.Measurement m = GradientFlow.measure("tiny", rnn, xs, target, Loss.HALF_SQUARED_ERROR);
        RnnCache cache = rnn.forward(xs);
        DMatrixRMaj dA = CommonOps_DDRM.multTransB(Loss.HALF_SQUARED_ERROR.gradient(Activation.LINEAR, cache.zy(3), cache.y(3), target), rnn.output.Way, null);
        for (int t = 3; t >= 1; t--) {
            assertEquals(Matrices.norm(dA), m.gradientNorm(t), 1e-15);
            dA = Bptt.cellBackward(rnn.cell, cache, t, dA).dAprev;
        }
        // And dA_1 passed back equals the numerical ∂L/∂A_0 direction's size: check ∂L/∂A_0 numerically.
        RnnGradients g = Bptt.manyToOne(rnn, cache, target, Loss.HALF_SQUARED_ERROR);
        assertEquals(Matrices.norm(g.dA0()), Matrices.norm(dA), 1e-15);
    }

    @Test
    void jacobianNormIsTheLargestStretch() {
        RnnCell cell = RnnCell.random(2, 3, Activation.TANH, 0.7, 3);
        DMatrixRMaj z = Matrices.row(0.1, -0.4, 0.9);
        double n = GradientFlow.jacobianNorm(cell, z);
        // Any unit vector v is stretched by at most n: v · diag(tanh') W_aaᵀ in row form.
        java.util.Random r = new java.util.Random(4);
        DMatrixRMaj d = Activation.TANH.derivative(z);
        for (int k = 0; k < 200; k++) {
            DMatrixRMaj v = Matrices.gaussian(1, 3, 1, r);
            CommonOps_DDRM.divide(v, Matrices.norm(v));
            DMatrixRMaj dz = CommonOps_DDRM.elementMult(v, d, null);
            assertTrue(Matrices.norm(CommonOps_DDRM.multTransB(dz, cell.Waa, null)) <= n + 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.jacobianNorm(cell, Matrices.row(1, 2)));
    }

    @Test
    void clippingCopiesTheGradientsAndClipsThem() {
        assertArrayEquals(new double[] {0.6, -0.8}, GradientFlow.clipByNorm(List.of(new double[] {3, -4}), 1.0).get(0), 1e-15);
        assertArrayEquals(new double[] {0.5, -0.5}, GradientFlow.clipByValue(List.of(new double[] {3, -4}), 0.5).get(0), 0);
        double[] original = {3, -4};
        GradientFlow.clipByGlobalNorm(List.of(original), 1.0);
        assertArrayEquals(new double[] {3, -4}, original, 0, "the copies are clipped, not the caller's arrays");
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradientFlow.firstStepBelow(1.1, 0.01))
                .getMessage().contains("never shrinks"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradientFlow.simulate(0, 0.9))
                .getMessage().startsWith("steps must be at least 1"));
    }
}
