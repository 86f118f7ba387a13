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
    void gradientCountAcceptsTheSolutionAndRejectsACaseSensitiveCount() {
        Table g = Glossary.load();
        // The solution: rows whose lower-cased explanation contains "gradient".
        int solution = (int) g.stringColumn("explanation").lowerCase().containsString("gradient").size();
        assertDoesNotThrow(() -> Lesson01.checkGradientTermCount(solution));
        // A wrong implementation: counting only the exact lower-case word in the original text misses "Gradients".
        int caseSensitive = (int) g.stringColumn("explanation").containsString("gradient").size();
        assertTrue(caseSensitive != solution, "the data must tell the two apart");
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson01.checkGradientTermCount(caseSensitive));
        assertTrue(e.getMessage().contains("lower-case"), e.getMessage());
    }
}
