package org.rnncourse.scratch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

/** Clipping's argument errors (lesson 09) in both languages. */
class ClippingErrorsTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void thresholdAndNullGradients() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Clipping.clipByNorm(new double[] {1, 2}, -1.0),
                "the clipping threshold c must be a positive number, got -1.0",
                "ngưỡng cắt gradient (clipping threshold) c phải là một số dương, nhận được -1.0");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Clipping.clipByGlobalNorm(null, 1.0),
                "gs is null: give the list of gradients to clip together",
                "gs là null: hãy truyền vào danh sách các gradient cần cắt cùng nhau");
        BilingualErrors.assertVietnameseContains(IllegalArgumentException.class,
                () -> Clipping.clipByGlobalNorm(java.util.Arrays.asList(new double[] {1}, null), 1.0),
                "gs.get(1) là null");
    }
}
