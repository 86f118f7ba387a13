package org.rnncourse.lessons;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

/** CharRnn's argument errors, in both languages (its progress and sample lines are tested in CharRnnTest). */
class CharRnnErrorsTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void badInputIsToldInBothLanguages() {
        CharRnn g = CharRnn.create(CharRnnTest.TEXT, 8, 1);
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> g.sample("the", 10, 0, new Random(1)),
                "temperature must be > 0, got 0.0", "temperature phải > 0, nhận được 0.0");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> CharRnn.create("short", 8, 1),
                "text must hold at least 20 characters to train on, got 5", "text phải có ít nhất 20 ký tự để huấn luyện, nhận được 5");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> g.sample("thé", 10, 1, new Random(1)),
                "character 'é' at position 2 is not in the vocabulary \"" + g.vocabulary() + "\"",
                "ký tự 'é' ở vị trí 2 không có trong bộ từ vựng \"" + g.vocabulary() + "\"");
        BilingualErrors.assertVietnameseContains(IllegalArgumentException.class, () -> g.loss(new int[] {60}, 20),
                "bắt đầu ở 60", "không vừa trong văn bản huấn luyện");
    }
}
