package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.lessons.WorkedExample;

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

    /** The notebook's solution of exercise 1: one column-form step with plain EJML operations. */
    static DMatrixRMaj cellStep(DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj x, DMatrixRMaj hPrev) {
        DMatrixRMaj z = new DMatrixRMaj(Wxh.numRows, 1);
        CommonOps_DDRM.mult(Wxh, x, z);
        CommonOps_DDRM.multAdd(Whh, hPrev, z);
        CommonOps_DDRM.addEquals(z, bh);
        return Activation.TANH.apply(z);
    }

    /** The notebook's solution of exercise 2. */
    static DMatrixRMaj lastOutput(RnnCell cell, OutputLayer out, List<DMatrixRMaj> xs) {
        DMatrixRMaj h = new DMatrixRMaj(cell.nA, 1);
        for (DMatrixRMaj x : xs) h = cell.stepColumn(x, h);
        return out.forwardColumn(h);
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void cellStepRightAndWrong() {
        assertEquals("✔ cellStep is right.\n", Output.of(() -> Lesson03.checkCellStep(Lesson03Test::cellStep)));
        String noTanh = fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> {
            DMatrixRMaj z = CommonOps_DDRM.mult(W, x, null);
            CommonOps_DDRM.multAdd(U, h, z);
            return CommonOps_DDRM.add(z, b, null);
        }));
        assertTrue(noTanh.contains("these are the numbers before the activation."), noTanh);
        String row = fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> CommonOps_DDRM.transpose(cellStep(W, U, b, x, h), null)));
        assertTrue(row.contains("expected shape (4×1), got (1×4)."), row);
        String notCarried = fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> cellStep(W, U, b, x, new DMatrixRMaj(4, 1))));
        assertTrue(notCarried.contains("the state is not carried"), notCarried);
        String noBias = fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> cellStep(W, U, new DMatrixRMaj(4, 1), x, h)));
        assertTrue(noBias.contains("bias b_h is missing"), noBias);
        String transposed = fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> cellStep(CommonOps_DDRM.transpose(W, null), U, b, x, h)));
        assertTrue(transposed.contains("the function threw") && transposed.contains("W_xh (4×3)"), transposed);
        assertTrue(fails(() -> Lesson03.checkCellStep(null)).contains("missing"));
    }

    @Test
    void theWorkedExamplesHiddenStateIsNotAnAnswer() {
        // The library's helper hands over h_1 of the worked example; a function returning it fails on random weights.
        DMatrixRMaj h1 = ex.hiddenStates().get(0);
        String m = fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> h1));
        assertTrue(m.contains("random weights"), m);
    }

    @Test
    void lastOutputRightAndWrong() {
        assertEquals("✔ lastOutput is right.\n", Output.of(() -> Lesson03.checkLastOutput(Lesson03Test::lastOutput)));
        String forgetful = fails(() -> Lesson03.checkLastOutput((cell, out, xs) ->
                out.forwardColumn(cell.stepColumn(xs.get(xs.size() - 1), new DMatrixRMaj(cell.nA, 1)))));
        assertTrue(forgetful.contains("carry the hidden state"), forgetful);
        String first = fails(() -> Lesson03.checkLastOutput((cell, out, xs) ->
                out.forwardColumn(cell.stepColumn(xs.get(0), new DMatrixRMaj(cell.nA, 1)))));
        assertTrue(first.contains("after the first step"), first);
        DMatrixRMaj y3 = ex.outputs().get(2);
        assertTrue(fails(() -> Lesson03.checkLastOutput((cell, out, xs) -> y3)).contains("random cell"));
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
