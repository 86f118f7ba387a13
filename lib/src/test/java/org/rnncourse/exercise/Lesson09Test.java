package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Lesson09Test {

    @Test
    void clippedByNorm() {
        // The notebook's solution: the norm by hand, then scale by c / norm when the norm is above c.
        double[] g = Lesson09.gradient();
        double norm = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
        double[] right = g.clone();
        if (norm > Lesson09.CLIPNORM) {
            for (int i = 0; i < right.length; i++) right[i] *= Lesson09.CLIPNORM / norm;
        }
        assertEquals("✔ the gradient clipped by norm 2.0 is right.\n", Output.of(() -> Lesson09.checkClippedByNorm(right)));
        assertTrue(fails(new double[] {2, -2, 2}).contains("clipvalue"));
        assertTrue(fails(new double[] {6, -2, 3}).contains("unchanged"));
        assertTrue(fails(new double[] {6 / 7.0, -2 / 7.0, 3 / 7.0}).contains("threshold c is missing"));
        assertTrue(fails(new double[] {12 / 7.0, 4 / 7.0, 6 / 7.0}).contains("number 1 holds 0.571429, which is not right. The sign is wrong."));
        assertTrue(fails(new double[] {1, 2}).contains("expected 3 numbers"));
        assertTrue(fails(null).contains("missing"));
        assertTrue(fails(new double[] {12 / 7.0, -4 / 7.0, 6 / 7.0}).isEmpty());
    }

    private static String fails(double[] answer) {
        try {
            Output.of(() -> Lesson09.checkClippedByNorm(answer));
            return "";
        } catch (AssertionError e) {
            assertTrue(e.getMessage().contains("Hint:"), e.getMessage());
            return e.getMessage();
        }
    }

    @Test
    void firstStepBelow() {
        // The notebook's solution: multiply until the value drops below 0.01.
        double g = 1.0;
        int k = 0;
        while (g >= 0.01) {
            g *= 0.9;
            k++;
        }
        int right = k;
        assertEquals(44, right);
        assertEquals("✔ the step where 0.9^k first drops below 1e-2 is right.\n", Output.of(() -> Lesson09.checkFirstStepBelow(right)));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson09.checkFirstStepBelow(43)).getMessage().contains("off by one"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson09.checkFirstStepBelow(45)).getMessage().contains("off by one"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson09.checkFirstStepBelow(0)).getMessage().contains("unassigned"));
    }

    @Test
    void firstStepAbove() {
        double g = 1.0;
        int k = 0;
        while (g <= 100) {
            g *= 1.1;
            k++;
        }
        int right = k;
        assertEquals(49, right);
        assertEquals("✔ the step where 1.1^k first exceeds 100 is right.\n", Output.of(() -> Lesson09.checkFirstStepAbove(right)));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson09.checkFirstStepAbove(48)).getMessage().contains("off by one"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson09.checkFirstStepAbove(10)).getMessage().contains("got 10, which is not the answer") && !Output.of(() -> {}).contains("49"));
    }
}
