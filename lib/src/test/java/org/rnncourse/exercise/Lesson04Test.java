package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.RnnCell;

class Lesson04Test {

    static long layer(int dx, int dh) {
        return (long) dx * dh + (long) dh * dh + dh;
    }

    @Test
    void parameterCount() {
        long solution = layer(Lesson04.D_X, Lesson04.D_H);
        assertEquals(24, solution, "the course's stated fact");
        assertEquals("✔ the parameter count is right.\n", Output.of(() -> Lesson04.checkParameterCount(solution)));
        AssertionError noBias = assertThrows(AssertionError.class, () -> Lesson04.checkParameterCount(21));
        assertEquals("the parameter count: got 21: W_xh and W_hh are counted, the bias is not.\nHint: the bias b_h "
                + "has D_h more numbers.", noBias.getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Lesson04.checkParameterCount(15)).getMessage()
                .contains("W_hh (D_h × D_h) is missing"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson04.checkParameterCount(7)).getMessage()
                .contains("got 7, which is not the answer."));
    }

    @Test
    void stackParameterCount() {
        long solution = layer(4, 3) + layer(3, 2) + (2 * 1 + 1);
        assertEquals("✔ the stack's parameter count is right.\n",
                Output.of(() -> Lesson04.checkStackParameterCount(solution)));
        // Wrong implementation: layer 2 sized as if it read the inputs X_t.
        long readsX = layer(4, 3) + layer(4, 2) + 3;
        assertTrue(assertThrows(AssertionError.class, () -> Lesson04.checkStackParameterCount(readsX)).getMessage()
                .contains("layer 2 reads H_t, not X_t"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson04.checkStackParameterCount(layer(4, 3) + layer(3, 2)))
                .getMessage().contains("add the output layer"));
    }

    @Test
    void batchStep() {
        RnnCell cell = Lesson04.batchCell();
        DMatrixRMaj X = Lesson04.batchInput();
        DMatrixRMaj z = new DMatrixRMaj(5, 3);
        CommonOps_DDRM.mult(X, cell.Wax, z);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                z.add(i, j, cell.ba.get(0, j));
            }
        }
        DMatrixRMaj right = Activation.TANH.apply(z);
        assertEquals("✔ A_1 is right.\n", Output.of(() -> Lesson04.checkBatchStep(right)));
        // Wrong implementation: forgot the bias.
        DMatrixRMaj noBias = new DMatrixRMaj(5, 3);
        CommonOps_DDRM.mult(X, cell.Wax, noBias);
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson04.checkBatchStep(Activation.TANH.apply(noBias)));
        assertTrue(e.getMessage().startsWith("A_1: 15 of 15 entries are wrong. First wrong: entry (0, 0)"), e.getMessage());
        assertTrue(e.getMessage().contains("b_a (1×3) is added to every row"), e.getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Lesson04.checkBatchStep(CommonOps_DDRM.transpose(right, null)))
                .getMessage().contains("expected shape (5×3), got (3×5)"));
    }
}
