package org.rnncourse.exercise;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Checks for the exercises of lesson 00 (set-up): a first Tablesaw table. */
public final class Lesson00 {
    private Lesson00() {}

    /**
     * Exercise 1: a table with a column {@code n} holding 1 … 10 and a column {@code square}
     * holding n². Prints a confirmation when right; throws an AssertionError that says what to
     * look at when not.
     */
    public static void checkSquares(Table table) {
        if (table == null) {
            throw new AssertionError("squares is null: build the table with Table.create(...) and assign it.");
        }
        for (String name : new String[] {"n", "square"}) {
            if (!table.columnNames().contains(name)) {
                throw new AssertionError("The table has no column named \"" + name + "\"; it has "
                        + table.columnNames() + ". Hint: name the columns exactly n and square.");
            }
            if (!(table.column(name) instanceof NumericColumn)) {
                throw new AssertionError("Column \"" + name + "\" holds " + table.column(name).type()
                        + ", not numbers. Hint: use IntColumn.create or DoubleColumn.create.");
            }
        }
        if (table.rowCount() != 10) {
            throw new AssertionError("Expected 10 rows (n = 1 … 10), got " + table.rowCount()
                    + ". Hint: a loop from 1 to 10 inclusive.");
        }
        NumericColumn<?> n = table.numberColumn("n");
        NumericColumn<?> square = table.numberColumn("square");
        for (int row = 0; row < 10; row++) {
            double expectedN = row + 1;
            if (n.getDouble(row) != expectedN) {
                throw new AssertionError("Row " + row + ": expected n = " + (int) expectedN + ", got "
                        + n.getString(row) + ". Hint: n counts 1, 2, …, 10 in order.");
            }
            if (square.getDouble(row) != expectedN * expectedN) {
                throw new AssertionError("Row " + row + " (n = " + (int) expectedN + "): expected square = "
                        + (int) (expectedN * expectedN) + ", got " + square.getString(row)
                        + ". Hint: square is n * n.");
            }
        }
        System.out.println("✔ Right: 10 rows of n and n².");
    }
}
