package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Lesson11Test {
    static final int[] Y = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    static final int[] P = {1, 1, 1, 0, 1, 1, 0, 0, 0, 0};

    @Test
    void f1() {
        // the notebook's solution: counts from the arrays, then 2TP / (2TP + FP + FN)
        int tp = 3, fp = 2, fn = 1;
        assertEquals("✔ F1 is right.\n", Output.of(() -> Lesson11.checkF1(Y, P, 2.0 * tp / (2 * tp + fp + fn))));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson11.checkF1(Y, P, 0.7)).getMessage().contains("accuracy"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson11.checkF1(Y, P, 0.6)).getMessage().contains("precision or the recall"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson11.checkF1(Y, P, 0)).getMessage().contains("Hint"));
    }

    @Test
    void perplexity() {
        double[] p = Lesson11.nextCharacterProbabilities();
        double sum = 0;
        for (double v : p) sum += Math.log(v);
        double ce = -sum / p.length;
        assertEquals("✔ perplexity is right.\n", Output.of(() -> Lesson11.checkPerplexity(Math.exp(ce))));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson11.checkPerplexity(ce)).getMessage().contains("cross-entropy"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson11.checkPerplexity(Math.exp(-ce))).getMessage().contains("sign"));
        final double all = -sum;
        assertTrue(assertThrows(AssertionError.class, () -> Lesson11.checkPerplexity(Math.exp(all))).getMessage().contains("not divided"));
    }

    @Test
    void steps() {
        assertEquals("✔ time steps padded to the maximum is right.\n✔ time steps with bucketing is right.\n",
                Output.of(() -> Lesson11.checkSteps(10 * 250, 5 * 35 + 5 * 250)));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson11.checkSteps(10 * 250, 5 * 250 + 5 * 120))
                .getMessage().contains("not sorted"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson11.checkSteps(688, 1425)).getMessage().contains("padded to the longest"));
    }
}
