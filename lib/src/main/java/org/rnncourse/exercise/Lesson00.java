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
        String what = "the table squares";
        if (table == null) {
            throw Check.missing(what, "build the table with Table.create(...) and assign it to squares.");
        }
        for (String name : new String[] {"n", "square"}) {
            if (!table.columnNames().contains(name)) {
                throw Check.fail(what, "it has no column named \"" + name + "\"; it has " + table.columnNames() + ".",
                        "name the columns exactly n and square.");
            }
            if (!(table.column(name) instanceof NumericColumn)) {
                throw Check.fail(what, "column \"" + name + "\" holds " + table.column(name).type() + ", not numbers.",
                        "use IntColumn.create or DoubleColumn.create.");
            }
        }
        if (table.rowCount() != 10) {
            throw Check.fail(what, "expected 10 rows (n = 1 … 10), got " + table.rowCount() + ".",
                    "a loop from 1 to 10 inclusive.");
        }
        NumericColumn<?> n = table.numberColumn("n");
        NumericColumn<?> square = table.numberColumn("square");
        for (int row = 0; row < 10; row++) {
            double expectedN = row + 1;
            if (n.getDouble(row) != expectedN) {
                throw Check.fail(what, "row " + row + " holds n = " + n.getString(row) + ", out of order.",
                        "n counts 1, 2, …, 10 in order, one row each.");
            }
            if (square.getDouble(row) != expectedN * expectedN) {
                throw Check.fail(what, "row " + row + " (n = " + (int) expectedN + ") holds square = "
                        + square.getString(row) + ", which is not n².", "square is n * n.");
            }
        }
        Check.pass(what + " (10 rows of n and n²)");
    }
}
