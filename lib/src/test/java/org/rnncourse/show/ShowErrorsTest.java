package org.rnncourse.show;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

/** Show's null arguments in both languages. */
class ShowErrorsTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void nullTextAndHtml() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Show.monospaced(null),
                "text is null", "text là null: hãy truyền vào đoạn văn bản cần hiển thị");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Show.html(null, "x"),
                "html is null", "html là null: hãy truyền vào đoạn HTML cần hiển thị");
    }
}
