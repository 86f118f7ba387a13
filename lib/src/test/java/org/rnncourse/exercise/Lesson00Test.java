package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class Lesson00Test {
    /** A failed assertion in a Vietnamese run must not leave Vietnamese for the next test. */
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }


    private static Table squares(int count, int offset) {
        IntColumn n = IntColumn.create("n");
        IntColumn square = IntColumn.create("square");
        for (int k = 1; k <= count; k++) {
            n.append(k);
            square.append(k * k + offset);
        }
        return Table.create("squares", n, square);
    }

    @Test
    void acceptsTheSolution() {
        assertEquals("✔ the table squares (10 rows of n and n²) is right.\n", Output.of(() -> Lesson00.checkSquares(squares(10, 0))));
        assertEquals("✔ bảng squares (10 hàng gồm n và n²) đúng.\n", Bilingual.printedIn("vi", () -> Lesson00.checkSquares(squares(10, 0))));
    }

    @Test
    void rejectsAWrongSquareAndSaysWhichRow() {
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson00.checkSquares(squares(10, 1)));
        assertTrue(e.getMessage().contains("row 0 (n = 1) holds square = 2, which is not n²"), e.getMessage());
        assertEquals("bảng squares: hàng 0 (n = 1) chứa square = 2, không phải n².\nGợi ý: square là n * n.",
                Bilingual.failureIn("vi", () -> Lesson00.checkSquares(squares(10, 1))));
    }

    @Test
    void rejectsTheWrongNumberOfRows() {
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson00.checkSquares(squares(9, 0)));
        assertTrue(e.getMessage().contains("expected 10 rows"), e.getMessage());
        String vi = Bilingual.failureIn("vi", () -> Lesson00.checkSquares(squares(9, 0)));
        assertTrue(vi.contains("cần 10 hàng (n = 1 … 10), nhận được 9."), vi);
    }

    @Test
    void rejectsAMissingColumnAndListsTheColumnsThereAre() {
        Table t = squares(10, 0).removeColumns("square");
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson00.checkSquares(t));
        assertTrue(e.getMessage().contains("no column named \"square\""), e.getMessage());
        String vi = Bilingual.failureIn("vi", () -> Lesson00.checkSquares(t));
        assertTrue(vi.contains("không có cột nào tên là \"square\"; nó có [n]."), vi);
    }

    @Test
    void rejectsTextColumnsAndNull() {
        Table text = Table.create("t", StringColumn.create("n", "1"), StringColumn.create("square", "1"));
        assertThrows(AssertionError.class, () -> Lesson00.checkSquares(text));
        String vi = Bilingual.failureIn("vi", () -> Lesson00.checkSquares(text));
        assertTrue(vi.startsWith("bảng squares: cột \"n\" chứa ") && vi.contains(", không phải số."), vi);
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson00.checkSquares(null));
        assertTrue(e.getMessage().contains("null"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson00.checkSquares(null)).contains("chưa có đáp án (null)"));
    }
}
