package org.rnncourse.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

/** Bucketing's argument errors, in both languages (its tables and speed-up line are tested in BucketingTest). */
class BucketingErrorsTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void badInputIsToldInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Bucketing.byLength(BucketingTest.SEQS, new int[] {1}, 2, 1),
                "labels has 1 values but sequences has 6: give one label per sequence (or null)",
                "labels có 1 giá trị nhưng sequences có 6: hãy đưa mỗi chuỗi một nhãn (hoặc null)");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Bucketing.paddedToMax(BucketingTest.SEQS, null, 0),
                "batchSize must be ≥ 1, got 0", "batchSize phải ≥ 1, nhận được 0");
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> Bucketing.paddedToMax(new int[][] {{1}, {}}, null, 2),
                "sequences[1] is empty: every sequence needs at least one token", "sequences[1] rỗng: mỗi chuỗi cần ít nhất một token");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Bucketing.imdbLikeSequences(5, 9, 1),
                "maxLength must be ≥ 10, got 9", "maxLength phải ≥ 10, nhận được 9");
    }
}
