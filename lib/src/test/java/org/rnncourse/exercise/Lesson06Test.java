package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnncourse.step.Loss;
import org.rnncourse.step.Rnn;

class Lesson06Test {

    /** The notebook's solution: dZ = dA ⊙ (1 − A²) with A recomputed from the step's inputs. */
    static DMatrixRMaj dZ(Lesson06.StepData d) {
        DMatrixRMaj A = d.cell().step(d.X(), d.Aprev());
        DMatrixRMaj dZ = new DMatrixRMaj(A.numRows, A.numCols);
        for (int k = 0; k < dZ.data.length; k++) {
            dZ.data[k] = d.dA().data[k] * (1 - A.data[k] * A.data[k]);
        }
        return dZ;
    }

    @Test
    void dbA() {
        Lesson06.StepData d = Lesson06.stepData();
        DMatrixRMaj right = CommonOps_DDRM.sumCols(dZ(d), null);
        assertEquals("✔ db_a is right.\n", Output.of(() -> Lesson06.checkDbA(right)));
        AssertionError noTanh = assertThrows(AssertionError.class,
                () -> Lesson06.checkDbA(CommonOps_DDRM.sumCols(d.dA(), null)));
        assertTrue(noTanh.getMessage().contains("the step through tanh is missing"), noTanh.getMessage());
        AssertionError notSummed = assertThrows(AssertionError.class, () -> Lesson06.checkDbA(dZ(d)));
        assertTrue(notSummed.getMessage().startsWith("db_a: expected shape (1×4), got (2×4)."), notSummed.getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Lesson06.checkDbA(CommonOps_DDRM.transpose(right, null)))
                .getMessage().contains("a gradient has the shape of its parameter"));
    }

    @Test
    void dAprev() {
        Lesson06.StepData d = Lesson06.stepData();
        DMatrixRMaj right = new DMatrixRMaj(2, 4);
        CommonOps_DDRM.multTransB(dZ(d), d.cell().Waa, right);
        assertEquals("✔ dA_prev is right.\n", Output.of(() -> Lesson06.checkDaPrev(right)));
        DMatrixRMaj noTranspose = new DMatrixRMaj(2, 4);
        CommonOps_DDRM.mult(dZ(d), d.cell().Waa, noTranspose);
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson06.checkDaPrev(noTranspose));
        assertTrue(e.getMessage().contains("dZ_t · W_aaᵀ"), e.getMessage());
        // Wrong implementation: dA · W_aaᵀ, skipping tanh'.
        DMatrixRMaj noTanh = new DMatrixRMaj(2, 4);
        CommonOps_DDRM.multTransB(d.dA(), d.cell().Waa, noTanh);
        assertTrue(assertThrows(AssertionError.class, () -> Lesson06.checkDaPrev(noTanh)).getMessage()
                .startsWith("dA_prev: entry"));
    }

    @Test
    void numericalDerivative() {
        Rnn rnn = Lesson06.gradCheckModel();
        List<DMatrixRMaj> xs = Lesson06.gradCheckInputs();
        DMatrixRMaj target = Lesson06.gradCheckTarget();
        double eps = 1e-5;
        double w = rnn.cell.Waa.get(0, 1);
        rnn.cell.Waa.set(0, 1, w + eps);
        double plus = Loss.CROSS_ENTROPY.manyToOne(rnn, xs, target);
        rnn.cell.Waa.set(0, 1, w - eps);
        double minus = Loss.CROSS_ENTROPY.manyToOne(rnn, xs, target);
        rnn.cell.Waa.set(0, 1, w);
        double right = (plus - minus) / (2 * eps);
        assertEquals("✔ ∂L/∂W_aa[0, 1] is right.\n", Output.of(() -> Lesson06.checkNumericalDerivative(right)));
        // Wrong implementation: divided by ε instead of 2ε.
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson06.checkNumericalDerivative((plus - minus) / eps));
        assertTrue(e.getMessage().startsWith("∂L/∂W_aa[0, 1]: expected"), e.getMessage());
        assertTrue(e.getMessage().contains("(2ε)"), e.getMessage());
    }
}
