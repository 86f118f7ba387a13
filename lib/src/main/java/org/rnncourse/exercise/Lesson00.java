package org.rnncourse.exercise;

import org.rnncourse.Messages;
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
        String what = Messages.get("lesson00.squares.what");
        if (table == null) {
            throw Check.missing(what, Messages.get("lesson00.squares.missing"));
        }
        for (String name : new String[] {"n", "square"}) {
            if (!table.columnNames().contains(name)) {
                throw Check.fail(what, Messages.get("lesson00.squares.noColumn", name, String.valueOf(table.columnNames())),
                        Messages.get("lesson00.squares.noColumn.hint"));
            }
            if (!(table.column(name) instanceof NumericColumn)) {
                throw Check.fail(what, Messages.get("lesson00.squares.notNumbers", name, String.valueOf(table.column(name).type())),
                        Messages.get("lesson00.squares.notNumbers.hint"));
            }
        }
        if (table.rowCount() != 10) {
            throw Check.fail(what, Messages.get("lesson00.squares.rows", table.rowCount()), Messages.get("lesson00.squares.rows.hint"));
        }
        NumericColumn<?> n = table.numberColumn("n");
        NumericColumn<?> square = table.numberColumn("square");
        for (int row = 0; row < 10; row++) {
            double expectedN = row + 1;
            if (n.getDouble(row) != expectedN) {
                throw Check.fail(what, Messages.get("lesson00.squares.order", row, n.getString(row)), Messages.get("lesson00.squares.order.hint"));
            }
            if (square.getDouble(row) != expectedN * expectedN) {
                throw Check.fail(what, Messages.get("lesson00.squares.square", row, (int) expectedN, square.getString(row)),
                        Messages.get("lesson00.squares.square.hint"));
            }
        }
        Check.pass(Messages.get("lesson00.squares.passWhat", what));
    }
}
