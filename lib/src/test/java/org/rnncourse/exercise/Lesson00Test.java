package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class Lesson00Test {

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
        assertDoesNotThrow(() -> Lesson00.checkSquares(squares(10, 0)));
    }

    @Test
    void rejectsAWrongSquareAndSaysWhichRow() {
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson00.checkSquares(squares(10, 1)));
        assertTrue(e.getMessage().contains("row 0 (n = 1) holds square = 2, which is not n²"), e.getMessage());
    }

    @Test
    void rejectsTheWrongNumberOfRows() {
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson00.checkSquares(squares(9, 0)));
        assertTrue(e.getMessage().contains("expected 10 rows"), e.getMessage());
    }

    @Test
    void rejectsAMissingColumnAndListsTheColumnsThereAre() {
        Table t = squares(10, 0).removeColumns("square");
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson00.checkSquares(t));
        assertTrue(e.getMessage().contains("no column named \"square\""), e.getMessage());
    }

    @Test
    void rejectsTextColumnsAndNull() {
        Table text = Table.create("t", StringColumn.create("n", "1"), StringColumn.create("square", "1"));
        assertThrows(AssertionError.class, () -> Lesson00.checkSquares(text));
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson00.checkSquares(null));
        assertTrue(e.getMessage().contains("null"));
    }
}
