package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Rnn;

class Lesson06Test {

    /** The notebook's solution of exercise 1. */
    static DMatrixRMaj biasGradient(DMatrixRMaj A, DMatrixRMaj dA) {
        DMatrixRMaj dZ = new DMatrixRMaj(A.numRows, A.numCols);
        for (int k = 0; k < dZ.data.length; k++) dZ.data[k] = dA.data[k] * (1 - A.data[k] * A.data[k]);
        return CommonOps_DDRM.sumCols(dZ, null);
    }

    /** The notebook's solution of exercise 3. */
    static double numericalDerivative(DoubleSupplier loss, DMatrixRMaj W, int i, int j) {
        double eps = 1e-5, w = W.get(i, j);
        W.set(i, j, w + eps);
        double plus = loss.getAsDouble();
        W.set(i, j, w - eps);
        double minus = loss.getAsDouble();
        W.set(i, j, w);
        return (plus - minus) / (2 * eps);
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void biasGradientRightAndWrong() {
        assertEquals("✔ biasGradient is right.\n", Output.of(() -> Lesson06.checkBiasGradient(Lesson06Test::biasGradient)));
        assertTrue(fails(() -> Lesson06.checkBiasGradient((A, dA) -> CommonOps_DDRM.sumCols(dA, null)))
                .contains("the step through tanh is missing"));
        String notSummed = fails(() -> Lesson06.checkBiasGradient((A, dA) -> CommonOps_DDRM.elementMult(dA, A, null)));
        assertTrue(notSummed.contains("this is not summed"), notSummed);
        assertTrue(fails(() -> Lesson06.checkBiasGradient((A, dA) -> CommonOps_DDRM.transpose(biasGradient(A, dA), null)))
                .contains("a gradient has the shape of its parameter"));
        assertTrue(fails(() -> Lesson06.checkBiasGradient((A, dA) -> {
            throw new UnsupportedOperationException("Exercise not answered yet: write your code here.");
        })).contains("not written yet"));
        assertTrue(fails(() -> Lesson06.checkBiasGradient(null)).contains("missing"));
    }

    @Test
    void biasGradientCannotBeAnsweredWithTheLessonsNumbers() {
        // A constant function that returns the right db_a of the lesson's fixed step fails on the random ones.
        Lesson06.StepData d = Lesson06.stepData();
        DMatrixRMaj fixed = Bptt.cellBackward(d.cell(), d.X(), d.Aprev(), d.cell().preActivation(d.X(), d.Aprev()), d.dA()).dba;
        String m = fails(() -> Lesson06.checkBiasGradient((A, dA) -> fixed));
        assertTrue(m.contains("random batch"), m);
    }

    @Test
    void stateGradientRightAndWrong() {
        assertEquals("✔ stateGradient is right.\n",
                Output.of(() -> Lesson06.checkStateGradient((dZ, Waa) -> CommonOps_DDRM.multTransB(dZ, Waa, null))));
        assertTrue(fails(() -> Lesson06.checkStateGradient((dZ, Waa) -> CommonOps_DDRM.mult(dZ, Waa, null)))
                .contains("dZ_t · W_aaᵀ"));
        String threw = fails(() -> Lesson06.checkStateGradient((dZ, Waa) -> CommonOps_DDRM.mult(Waa, dZ, null)));
        assertTrue(threw.contains("the function threw") || threw.contains("shape"), threw);
    }

    @Test
    void numericalDerivativeRightAndWrong() {
        assertEquals("✔ numericalDerivative is right.\n",
                Output.of(() -> Lesson06.checkNumericalDerivative(Lesson06Test::numericalDerivative)));
        String half = fails(() -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> 2 * numericalDerivative(loss, W, i, j)));
        assertTrue(half.contains("twice the derivative") && half.contains("2ε"), half);
        String oneSided = fails(() -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> {
            double w = W.get(i, j), base = loss.getAsDouble();
            W.set(i, j, w + 1e-5);
            double plus = loss.getAsDouble();
            W.set(i, j, w);
            return (plus - base) / 1e-5;
        }));
        assertTrue(oneSided.contains("one-sided"), oneSided);
        String notRestored = fails(() -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> {
            double w = W.get(i, j);
            W.set(i, j, w + 1e-5);
            double plus = loss.getAsDouble();
            W.set(i, j, w - 1e-5);
            return (plus - loss.getAsDouble()) / 2e-5;
        }));
        assertTrue(notRestored.contains("not put back"), notRestored);
    }

    @Test
    void theAnalyticGradientOfTheLessonsModelIsNotAnAnswer() {
        // What a student could read from the library: Bptt's dW_aa[0, 1] of the lesson's model, as a constant.
        Rnn rnn = Lesson06.gradCheckModel();
        List<DMatrixRMaj> xs = Lesson06.gradCheckInputs();
        double analytic = Bptt.manyToOne(rnn, rnn.forward(xs), Lesson06.gradCheckTarget(), Loss.CROSS_ENTROPY).dWaa().get(0, 1);
        String m = fails(() -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> analytic));
        assertTrue(m.contains("random model"), m);
        assertTrue(!m.contains(String.format(java.util.Locale.ROOT, "%.6g", analytic)) || m.contains("got"), m);
    }
}
