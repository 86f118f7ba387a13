package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.lessons.WordOrderDemo;

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

    /** The notebook's solution of exercise 2. */
    static DMatrixRMaj finalState(org.rnncourse.scratch.RnnCell cell, List<DMatrixRMaj> xs) {
        DMatrixRMaj a = Matrices.zeros(1, cell.nA);
        for (DMatrixRMaj x : xs) a = cell.step(x, a);
        return a;
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void finalState() {
        assertEquals("✔ finalState is right.\n", Output.of(() -> Lesson02.checkFinalState(Lesson02Test::finalState)));
        String reversed = fails(() -> Lesson02.checkFinalState((cell, xs) -> {
            List<DMatrixRMaj> r = new java.util.ArrayList<>(xs);
            java.util.Collections.reverse(r);
            return finalState(cell, r);
        }));
        assertTrue(reversed.contains("in reverse order"), reversed);
        String alone = fails(() -> Lesson02.checkFinalState((cell, xs) -> finalState(cell, xs.subList(xs.size() - 1, xs.size()))));
        assertTrue(alone.contains("carry the state"), alone);
        String first = fails(() -> Lesson02.checkFinalState((cell, xs) -> finalState(cell, xs.subList(0, 1))));
        assertTrue(first.contains("this is h_1"), first);
        String column = fails(() -> Lesson02.checkFinalState((cell, xs) -> CommonOps_DDRM.transpose(finalState(cell, xs), null)));
        assertTrue(column.contains("expected shape (1×4), got (4×1)."), column);
        // The demo's own helper hands over the sentence's state; a function returning it fails on random cells.
        DMatrixRMaj given = demo.rnnFinalState(Lesson02.SENTENCE);
        assertTrue(fails(() -> Lesson02.checkFinalState((cell, xs) -> given)).contains("a random cell"));
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
