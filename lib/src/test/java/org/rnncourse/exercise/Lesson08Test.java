package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Lesson08Test {
    private static final double[] P = {0.9, 0.5, 0.2, 0.7, 0.4};
    private static final int[] Y = {1, 1, 0, 0, 0};

    @Test
    void accuracyAcceptsTheThresholdAtHalfAndRejectsCommonSlips() {
        assertDoesNotThrow(() -> Lesson08.checkAccuracy(4.0 / 5, P, Y));
        AssertionError strict = assertThrows(AssertionError.class, () -> Lesson08.checkAccuracy(3.0 / 5, P, Y));
        assertTrue(strict.getMessage().contains("counts p = 0.5 as negative"), strict.getMessage());
        AssertionError count = assertThrows(AssertionError.class, () -> Lesson08.checkAccuracy(4, P, Y));
        assertTrue(count.getMessage().contains("a count of reviews"), count.getMessage());
    }

    @Test
    void paddingAcceptsKerasDefaultsAndExplainsPostPaddingAndPostTruncation() {
        assertDoesNotThrow(() -> Lesson08.checkPadding(new int[] {0, 0, 0, 1, 14, 22, 16, 43}, new int[] {22, 16, 43}));
        AssertionError post = assertThrows(AssertionError.class,
                () -> Lesson08.checkPadding(new int[] {1, 14, 22, 16, 43, 0, 0, 0}, new int[] {22, 16, 43}));
        assertTrue(post.getMessage().contains("zeros go in FRONT"), post.getMessage());
        AssertionError cut = assertThrows(AssertionError.class,
                () -> Lesson08.checkPadding(new int[] {0, 0, 0, 1, 14, 22, 16, 43}, new int[] {1, 14, 22}));
        assertTrue(cut.getMessage().contains("cuts the BEGINNING"), cut.getMessage());
        assertThrows(AssertionError.class, () -> Lesson08.checkPadding(null, null));
    }
}
