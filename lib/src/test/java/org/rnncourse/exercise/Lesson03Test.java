package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnncourse.step.Activation;
import org.rnncourse.step.WorkedExample;

/** Each check against a solution written as in the notebook, and against wrong solutions. */
class Lesson03Test {
    final WorkedExample ex = WorkedExample.create();

    /** The notebook's solution: one column-form step with plain EJML operations. */
    DMatrixRMaj step(DMatrixRMaj x, DMatrixRMaj h, boolean withTanh) {
        DMatrixRMaj z = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.mult(ex.cell().Wxh(), x, z);
        CommonOps_DDRM.multAdd(ex.cell().Whh(), h, z);
        CommonOps_DDRM.addEquals(z, ex.cell().bh());
        return withTanh ? Activation.TANH.apply(z) : z;
    }

    DMatrixRMaj y(DMatrixRMaj h) {
        DMatrixRMaj y = new DMatrixRMaj(2, 1);
        CommonOps_DDRM.mult(ex.output().Why(), h, y);
        return y;
    }

    @Test
    void firstHiddenState() {
        DMatrixRMaj x1 = ex.inputColumns().get(0);
        DMatrixRMaj right = step(x1, new DMatrixRMaj(4, 1), true);
        assertEquals("✔ h_1 is right.\n", Output.of(() -> Lesson03.checkFirstHiddenState(right)));
        AssertionError noTanh = assertThrows(AssertionError.class,
                () -> Lesson03.checkFirstHiddenState(step(x1, new DMatrixRMaj(4, 1), false)));
        assertTrue(noTanh.getMessage().startsWith("h_1: these are the numbers before the activation."), noTanh.getMessage());
        AssertionError row = assertThrows(AssertionError.class,
                () -> Lesson03.checkFirstHiddenState(CommonOps_DDRM.transpose(right, null)));
        assertTrue(row.getMessage().startsWith("h_1: expected shape (4×1), got (1×4)."), row.getMessage());
        AssertionError wrongInput = assertThrows(AssertionError.class,
                () -> Lesson03.checkFirstHiddenState(step(ex.inputColumns().get(1), new DMatrixRMaj(4, 1), true)));
        assertTrue(wrongInput.getMessage().contains("should be") && wrongInput.getMessage().contains("Hint: h_1 = tanh"),
                wrongInput.getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Lesson03.checkFirstHiddenState(null))
                .getMessage().contains("the answer is missing"));
    }

    @Test
    void lastOutput() {
        List<DMatrixRMaj> xs = ex.inputColumns();
        DMatrixRMaj h = new DMatrixRMaj(4, 1);
        for (DMatrixRMaj x : xs) {
            h = step(x, h, true);
        }
        DMatrixRMaj right = y(h);
        assertEquals("✔ y_3 is right.\n", Output.of(() -> Lesson03.checkLastOutput(right)));
        // Wrong implementation: h is not carried, every step starts from 0.
        DMatrixRMaj forgetful = y(step(xs.get(2), new DMatrixRMaj(4, 1), true));
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson03.checkLastOutput(forgetful));
        assertTrue(e.getMessage().contains("carry the hidden state"), e.getMessage());
        // Wrong implementation: y_1 instead of y_3.
        DMatrixRMaj first = y(step(xs.get(0), new DMatrixRMaj(4, 1), true));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson03.checkLastOutput(first)).getMessage()
                .startsWith("y_3: entry"));
    }

    @Test
    void batchStep() {
        DMatrixRMaj X = new DMatrixRMaj(new double[][] {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}});
        DMatrixRMaj z = new DMatrixRMaj(3, 4);
        CommonOps_DDRM.mult(X, ex.cell().Wax, z);
        DMatrixRMaj right = Activation.TANH.apply(z);
        assertEquals("✔ A (the batch step) is right: row i is the h_1 of input x_i, one example per row.\n",
                Output.of(() -> Lesson03.checkBatchStep(right)));
        AssertionError t = assertThrows(AssertionError.class,
                () -> Lesson03.checkBatchStep(CommonOps_DDRM.transpose(right, null)));
        assertTrue(t.getMessage().contains("expected shape (3×4), got (4×3)"), t.getMessage());
        // Wrong implementation: X·W_ax without tanh.
        assertTrue(assertThrows(AssertionError.class, () -> Lesson03.checkBatchStep(z)).getMessage().contains("tanh"));
    }
}
