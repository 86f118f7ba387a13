package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnncourse.step.Matrices;
import org.rnncourse.step.WordOrderDemo;

/** Each check against a solution written as in the notebook, and against wrong solutions. */
class Lesson02Test {
    final WordOrderDemo demo = WordOrderDemo.create();

    DMatrixRMaj sum(List<DMatrixRMaj> xs) {
        DMatrixRMaj s = new DMatrixRMaj(1, 3);
        for (DMatrixRMaj x : xs) {
            CommonOps_DDRM.addEquals(s, x);
        }
        return s;
    }

    DMatrixRMaj run(String sentence) {
        DMatrixRMaj a = Matrices.zeros(1, 4);
        for (DMatrixRMaj x : demo.vectors(sentence)) {
            a = demo.rnn.cell.step(x, a);
        }
        return a;
    }

    @Test
    void average() {
        DMatrixRMaj s = sum(demo.vectors("Việt Nam yêu tôi"));
        DMatrixRMaj right = s.copy();
        CommonOps_DDRM.divide(right, 4);
        assertTrue(Output.of(() -> Lesson02.checkAverage(right)).startsWith("✔ the average is right."));
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson02.checkAverage(s));
        assertTrue(e.getMessage().startsWith("the average: this is the sum of the four word vectors."), e.getMessage());
        AssertionError one = assertThrows(AssertionError.class, () -> Lesson02.checkAverage(demo.vectors("tôi").get(0)));
        assertTrue(one.getMessage().startsWith("the average: 3 of 3 entries are wrong. First wrong: entry (0, 0)"), one.getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Lesson02.checkAverage(null)).getMessage().contains("the answer is missing"));
    }

    @Test
    void finalState() {
        assertEquals("✔ h_4 is right.\n", Output.of(() -> Lesson02.checkFinalState(run("việt nam yêu tôi"))));
        AssertionError other = assertThrows(AssertionError.class, () -> Lesson02.checkFinalState(run("tôi yêu việt nam")));
        assertTrue(other.getMessage().startsWith("h_4: this is the final state of \"Tôi yêu Việt Nam\"."), other.getMessage());
        AssertionError alone = assertThrows(AssertionError.class, () -> Lesson02.checkFinalState(run("tôi")));
        assertTrue(alone.getMessage().contains("carry the state"), alone.getMessage());
        AssertionError first = assertThrows(AssertionError.class, () -> Lesson02.checkFinalState(run("việt")));
        assertTrue(first.getMessage().startsWith("h_4: this is h_1"), first.getMessage());
        AssertionError column = assertThrows(AssertionError.class,
                () -> Lesson02.checkFinalState(CommonOps_DDRM.transpose(run("việt nam yêu tôi"), null)));
        assertTrue(column.getMessage().startsWith("h_4: expected shape (1×4), got (4×1)."), column.getMessage());
    }

    @Test
    void sharedWeights() {
        long right = 3 * 4 + 4 * 4 + 4;
        assertEquals("✔ the cell's weight count is right.\n", Output.of(() -> Lesson02.checkSharedWeights(right)));
        AssertionError perStep = assertThrows(AssertionError.class, () -> Lesson02.checkSharedWeights(40 * right));
        assertTrue(perStep.getMessage().contains("the weights are shared"), perStep.getMessage());
        AssertionError noBias = assertThrows(AssertionError.class, () -> Lesson02.checkSharedWeights(28));
        assertTrue(noBias.getMessage().contains("count the bias"), noBias.getMessage());
        AssertionError other = assertThrows(AssertionError.class, () -> Lesson02.checkSharedWeights(12));
        assertTrue(other.getMessage().startsWith("the cell's weight count: got 12, which is not the answer.") && !other.getMessage().contains("32"), other.getMessage());
    }
}
