package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.SimpleRNN;

class Lesson08Test {
    private static final double[] P = {0.9, 0.5, 0.2, 0.7, 0.4};
    private static final int[] Y = {1, 0, 0, 0, 0};

    @Test
    void accuracyUsesKerasThresholdAndRejectsCommonSlips() {
        // Keras 3: p > 0.5 is positive, so 0.5 is negative: right on 0.9, 0.5, 0.2, 0.4 = 4 of 5.
        assertDoesNotThrow(() -> Lesson08.checkAccuracy(4.0 / 5, P, Y));
        AssertionError atLeast = assertThrows(AssertionError.class, () -> Lesson08.checkAccuracy(3.0 / 5, P, Y));
        assertTrue(atLeast.getMessage().contains("counts p = 0.5 as positive"), atLeast.getMessage());
        AssertionError count = assertThrows(AssertionError.class, () -> Lesson08.checkAccuracy(4, P, Y));
        assertTrue(count.getMessage().contains("a count of reviews"), count.getMessage());
    }

    /** The notebook's solution, with switches for the mistakes the check names. */
    static double byHand(int[] review, Lesson08.SentimentWeights w, boolean tanh, boolean carry, boolean transposed, boolean sigmoid) {
        int n = w.bias().length;
        double[] h = new double[n];
        for (int id : review) {
            double[] x = w.embeddings()[id], next = new double[n];
            for (int j = 0; j < n; j++) {
                double z = w.bias()[j];
                for (int i = 0; i < x.length; i++) z += x[i] * w.kernel()[i][j];
                if (carry) for (int k = 0; k < n; k++) z += h[k] * (transposed ? w.recurrentKernel()[j][k] : w.recurrentKernel()[k][j]);
                next[j] = tanh ? Math.tanh(z) : z;
            }
            h = next;
        }
        double z = w.denseBias();
        for (int j = 0; j < n; j++) z += h[j] * w.denseKernel()[j];
        return sigmoid ? 1 / (1 + Math.exp(-z)) : z;
    }

    static String failure(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void byHandSolutionPassesAndMistakesAreNamed() {
        assertEquals("✔ pPositive is right.\n", Output.of(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, true, false, true))));
        assertTrue(failure(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, false, true, false, true))).contains("activation is missing"));
        assertTrue(failure(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, false, false, true))).contains("not carried"));
        assertTrue(failure(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, true, true, true))).contains("transposed"));
        assertTrue(failure(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, true, false, false))).contains("before the sigmoid"));
        assertTrue(failure(() -> Lesson08.checkByHand((r, w) -> byHand(java.util.Arrays.stream(r).filter(id -> id != 0).toArray(), w,
                true, true, false, true))).contains("padding steps were skipped"));
        assertTrue(failure(() -> Lesson08.checkByHand((r, w) -> { throw new UnsupportedOperationException("todo"); })).contains("not written yet"));
    }

    @Test
    void weightsOfTheLessonsModelAreKerasShapedAndGiveItsPrediction() {
        Sequential m = new Sequential(3L, new Input(7), new Embedding(20, 4), new SimpleRNN(5), new Dropout(0.5), new Dense(1, "sigmoid"));
        Lesson08.SentimentWeights w = Lesson08.weightsOf(m);
        assertEquals(20, w.embeddings().length);
        assertEquals(4, w.kernel().length);
        assertEquals(5, w.kernel()[0].length);
        assertEquals(5, w.recurrentKernel().length);
        assertEquals(5, w.denseKernel().length);
        int[] review = {0, 0, 1, 7, 3, 19, 2};
        double p = m.predict(new int[][] {review}).data()[0];
        assertEquals(p, byHand(review, w, true, true, false, true), 1e-5); // predict may run in float
        assertThrows(IllegalArgumentException.class, () -> Lesson08.weightsOf(new Sequential(1L, new Input(3, 2), new Dense(1))));
    }
}
