package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnncourse.data.Glossary;
import tech.tablesaw.api.Table;

/** Surefire runs in lib/, where Glossary.load() finds ../data/glossary.csv as a notebook does. */
class Lesson01Test {

    @Test
    void hiddenStateAcceptsTheGlossaryTermAndRejectsAnother() {
        assertDoesNotThrow(() -> Lesson01.checkHiddenStateInVietnamese("Trạng thái ẩn"));
        AssertionError e = assertThrows(AssertionError.class,
                () -> Lesson01.checkHiddenStateInVietnamese("Tính hồi quy"));
        assertTrue(e.getMessage().contains("\"Tính hồi quy\" is not the Vietnamese term") && !e.getMessage().contains("Trạng thái ẩn"), e.getMessage());
        assertThrows(AssertionError.class, () -> Lesson01.checkHiddenStateInVietnamese(null));
    }

    @Test
    void vietnameseTermsAcceptTheTrueSentenceOnly() {
        assertDoesNotThrow(() -> Lesson01.checkVietnameseTerms('b'));
        assertDoesNotThrow(() -> Lesson01.checkVietnameseTerms('B'));
        for (char wrong : new char[] {'a', 'c', 'd'}) {
            AssertionError e = assertThrows(AssertionError.class, () -> Lesson01.checkVietnameseTerms(wrong));
            assertTrue(e.getMessage().contains("is not the answer") && e.getMessage().contains("glossary"), e.getMessage());
        }
        assertTrue(assertThrows(AssertionError.class, () -> Lesson01.checkVietnameseTerms('\0')).getMessage().contains("missing"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson01.checkVietnameseTerms('x')).getMessage().contains("not one of a, b, c, d"));
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
