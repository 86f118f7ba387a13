package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Lesson10Test {
    @Test
    void parameterCountsAcceptTheFormulasAndRecogniseCommonSlips() {
        int d = 100, u = 32;
        long simple = (long) u * (d + u) + u;
        assertTrue(Output.of(() -> Lesson10.checkParameterCounts(4 * simple, 3 * (simple + u), d, u)).contains("✔ the GRU count"));
        AssertionError one = assertThrows(AssertionError.class, () -> Lesson10.checkParameterCounts(simple, 0, d, u));
        assertTrue(one.getMessage().contains("one SimpleRNN's count"), one.getMessage());
        AssertionError resetBefore = assertThrows(AssertionError.class,
                () -> Lesson10.checkParameterCounts(4 * simple, 3 * simple, d, u));
        assertTrue(resetBefore.getMessage().contains("TWO bias vectors"), resetBefore.getMessage());
    }

    private static final double[] C_PREV = {0.8, -0.5}, F = {0.9, 0.1}, I = {0.2, 0.7}, G = {0.5, -0.6}, O = {0.6, 0.9};

    @Test
    void cellUpdateAcceptsTheFormulaAndNamesTheMissingTerm() {
        double[] c = {0.9 * 0.8 + 0.2 * 0.5, 0.1 * -0.5 + 0.7 * -0.6};
        double[] h = {0.6 * Math.tanh(c[0]), 0.9 * Math.tanh(c[1])};
        assertTrue(Output.of(() -> Lesson10.checkCellUpdate(c, h, C_PREV, F, I, G, O)).contains("✔ h_t"));
        AssertionError keep = assertThrows(AssertionError.class,
                () -> Lesson10.checkCellUpdate(new double[] {0.72, -0.05}, h, C_PREV, F, I, G, O));
        assertTrue(keep.getMessage().contains("add i ⊙ cTilde"), keep.getMessage());
        AssertionError noTanh = assertThrows(AssertionError.class,
                () -> Lesson10.checkCellUpdate(c, new double[] {0.6 * c[0], 0.9 * c[1]}, C_PREV, F, I, G, O));
        assertTrue(noTanh.getMessage().contains("o ⊙ tanh"), noTanh.getMessage());
        assertThrows(AssertionError.class, () -> Lesson10.checkCellUpdate(null, null, C_PREV, F, I, G, O));
    }

    @Test
    void gruUpdateExplainsKerasConventionForZ() {
        double[] z = {0.9, 0.2}, hp = {1.0, -1.0}, ht = {0.0, 0.5};
        assertTrue(Output.of(() -> Lesson10.checkGruUpdate(new double[] {0.9, -0.2 + 0.4}, z, hp, ht)).contains("✔"));
        AssertionError swapped = assertThrows(AssertionError.class,
                () -> Lesson10.checkGruUpdate(new double[] {0.1, -0.8 + 0.1}, z, hp, ht));
        assertTrue(swapped.getMessage().contains("Keras's z weighs the OLD state"), swapped.getMessage());
    }
}
