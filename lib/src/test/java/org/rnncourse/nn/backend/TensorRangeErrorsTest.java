package org.rnncourse.nn.backend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

/** A mini-batch range outside the tensor, in both languages: what n counts is said in the learner's words. */
class TensorRangeErrorsTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void rowsOutsideTheTensor() {
        Tensor t = Tensor.zeros(4, 2);
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> t.rows(2, 5),
                "from = 2 and to = 5 must satisfy 0 ≤ from ≤ to ≤ 4 (the number of rows).",
                "from = 2 và to = 5 phải thỏa 0 ≤ from ≤ to ≤ 4 (số hàng).");
    }

    @Test
    void indexRangeOutsideTheIndex() {
        Tensor t = Tensor.zeros(4, 2);
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> t.take(new int[] {0, 1}, 1, 0),
                "from = 1 and to = 0 must satisfy 0 ≤ from ≤ to ≤ 2 (the number of index).",
                "from = 1 và to = 0 phải thỏa 0 ≤ from ≤ to ≤ 2 (số phần tử của index).");
    }
}
