package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.data.Glossary;
import tech.tablesaw.api.Table;

/** Surefire runs in lib/, where Glossary.load() finds ../data/glossary.csv as a notebook does. */
class Lesson01Test {
    /** A failed assertion in a Vietnamese run must not leave Vietnamese for the next test. */
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }


    @Test
    void hiddenStateAcceptsTheGlossaryTermAndRejectsAnother() {
        assertDoesNotThrow(() -> Lesson01.checkHiddenStateInVietnamese("Trạng thái ẩn"));
        AssertionError e = assertThrows(AssertionError.class,
                () -> Lesson01.checkHiddenStateInVietnamese("Tính hồi quy"));
        assertTrue(e.getMessage().contains("\"Tính hồi quy\" is not the Vietnamese term") && !e.getMessage().contains("Trạng thái ẩn"), e.getMessage());
        assertThrows(AssertionError.class, () -> Lesson01.checkHiddenStateInVietnamese(null));
        assertEquals("✔ thuật ngữ tiếng Việt cho hidden state (Trạng thái ẩn) đúng.\n",
                Bilingual.printedIn("vi", () -> Lesson01.checkHiddenStateInVietnamese("Trạng thái ẩn")));
        String vi = Bilingual.failureIn("vi", () -> Lesson01.checkHiddenStateInVietnamese("Tính hồi quy"));
        assertTrue(vi.startsWith("thuật ngữ tiếng Việt cho hidden state: \"Tính hồi quy\" không phải thuật ngữ tiếng Việt của hàng đó.")
                && !vi.contains("Trạng thái ẩn"), vi);
        assertTrue(Bilingual.failureIn("vi", () -> Lesson01.checkHiddenStateInVietnamese(null)).contains("hãy lọc bảng theo cột \"term\""));
    }

    @Test
    void vietnameseTermsAcceptTheTrueSentenceOnly() {
        assertDoesNotThrow(() -> Lesson01.checkVietnameseTerms('b'));
        assertDoesNotThrow(() -> Lesson01.checkVietnameseTerms('B'));
        for (char wrong : new char[] {'a', 'c', 'd'}) {
            AssertionError e = assertThrows(AssertionError.class, () -> Lesson01.checkVietnameseTerms(wrong));
            assertTrue(e.getMessage().contains("is not the answer") && e.getMessage().contains("glossary"), e.getMessage());
            String vi = Bilingual.failureIn("vi", () -> Lesson01.checkVietnameseTerms(wrong));
            assertTrue(vi.startsWith("câu nói về các thuật ngữ tiếng Việt: '" + wrong + "' không phải đáp án.")
                    && vi.contains("bảng thuật ngữ (glossary)"), vi);
        }
        assertTrue(assertThrows(AssertionError.class, () -> Lesson01.checkVietnameseTerms('\0')).getMessage().contains("missing"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson01.checkVietnameseTerms('x')).getMessage().contains("not one of a, b, c, d"));
        assertEquals("✔ câu nói về các thuật ngữ tiếng Việt đúng.\n", Bilingual.printedIn("vi", () -> Lesson01.checkVietnameseTerms('b')));
    }

    @Test
    void theGlossaryCarriesTheNotesOwnTerms() {
        Table g = Glossary.load();
        String vi = String.join("\n", g.stringColumn("vietnamese").asList());
        String explanations = String.join("\n", g.stringColumn("explanation").asList());
        for (String term : new String[] {"tiêu biến đạo hàm", "Tầng nhúng", "hồi tiếp", "hồi quy", "Bộ nhớ dài-ngắn hạn"}) {
            assertTrue(vi.contains(term), term);
        }
        assertTrue(explanations.contains("regression"), "hồi quy's other meaning is said");
        assertTrue(Glossary.find(g, "embedding layer") >= 0);
    }
}
