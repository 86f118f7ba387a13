package org.rnncourse.exercise;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.step.Shapes;

/**
 * The general checks that a lesson's check cells call.
 *
 * <p>A right answer prints one short line, e.g. {@code ✔ h_1 is right.} A wrong one throws an
 * {@link AssertionError} whose message says what was checked, what was expected, what came, and a
 * hint, e.g.
 * <pre>
 * h_1: expected shape (4×1), got (1×4).
 * Hint: h_1 is a column: W_xh (4×3) times x_1 (3×1).
 * </pre>
 * A missing answer (null) gets its own message rather than a NullPointerException.
 */
public final class Check {
    private Check() {}

    /** Checks a whole number, e.g. a parameter count. */
    public static void equal(String what, long expected, long actual, String hint) {
        if (expected != actual) {
            throw fail(what, "expected " + expected + ", got " + actual + "." + unassigned(actual == 0), hint);
        }
        pass(what);
    }

    /** Checks a number to within {@code tol}. A NaN or infinite answer is always wrong. */
    public static void close(String what, double expected, double actual, double tol, String hint) {
        if (!Double.isFinite(actual)) {
            throw fail(what, "got " + actual + ", not a number: something divided by zero or overflowed.", hint);
        }
        if (!(Math.abs(expected - actual) <= tol)) {
            throw fail(what, "expected " + fmt(expected) + ", got " + fmt(actual) + " (tolerance " + fmtTol(tol) + ")."
                    + unassigned(actual == 0), hint);
        }
        pass(what);
    }

    /** Checks a matrix's shape only. */
    public static void shape(String what, int rows, int cols, DMatrixRMaj actual, String hint) {
        requireShape(what, rows, cols, actual, hint);
        pass(what + "'s shape " + Shapes.of(rows, cols));
    }

    /** Checks a matrix: first its shape, then every entry to within {@code tol}. */
    public static void matrixClose(String what, DMatrixRMaj expected, DMatrixRMaj actual, double tol, String hint) {
        if (expected == null) {
            throw new IllegalArgumentException("expected is null: the check itself is broken");
        }
        requireClose(what, expected, actual, tol, hint);
        pass(what);
    }

    /** Checks a condition, with {@code problem} saying what is wrong when it is false. */
    public static void isTrue(String what, boolean condition, String problem, String hint) {
        if (!condition) {
            throw fail(what, problem, hint);
        }
        pass(what);
    }

    /** Fails with the message for a missing answer. */
    public static AssertionError missing(String what, String hint) {
        return fail(what, "the answer is missing (null): compute it in the exercise cell and assign it, then run this check again.", hint);
    }

    /** Same checks as {@link #matrixClose} but without printing: lessons combine them with their own hints. */
    static void requireClose(String what, DMatrixRMaj expected, DMatrixRMaj actual, double tol, String hint) {
        requireShape(what, expected.numRows, expected.numCols, actual, hint);
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                double a = actual.get(i, j);
                double e = expected.get(i, j);
                if (!Double.isFinite(a)) {
                    throw fail(what, "entry (" + i + ", " + j + ") is " + a + ", not a number.", hint);
                }
                if (!(Math.abs(a - e) <= tol)) {
                    throw fail(what, "entry (" + i + ", " + j + ") should be " + fmt(e) + ", got " + fmt(a)
                            + " (tolerance " + fmtTol(tol) + ").", hint);
                }
            }
        }
    }

    static void requireShape(String what, int rows, int cols, DMatrixRMaj actual, String hint) {
        if (actual == null) {
            throw missing(what, hint);
        }
        if (actual.numRows != rows || actual.numCols != cols) {
            throw fail(what, "expected shape " + Shapes.of(rows, cols) + ", got " + Shapes.of(actual) + ".", hint);
        }
    }

    /** The failure every check throws: "what: problem" and the hint on its own line. */
    static AssertionError fail(String what, String problem, String hint) {
        String message = what + ": " + problem;
        if (hint != null && !hint.isBlank()) {
            message += "\nHint: " + hint;
        }
        return new AssertionError(message);
    }

    static void pass(String what) {
        System.out.println("✔ " + what + " is right.");
    }

    /** Whether two matrices of the same shape agree to within tol (used to recognise common mistakes). */
    static boolean same(DMatrixRMaj a, DMatrixRMaj b, double tol) {
        if (a == null || b == null || a.numRows != b.numRows || a.numCols != b.numCols) {
            return false;
        }
        for (int k = 0; k < a.getNumElements(); k++) {
            if (!(Math.abs(a.data[k] - b.data[k]) <= tol)) {
                return false;
            }
        }
        return true;
    }

    /** A number variable that was declared but never assigned holds 0: say so. */
    static String unassigned(boolean isZero) {
        return isZero ? " (0 is what a declared but unassigned variable holds: did the exercise cell assign it?)" : "";
    }

    static String fmtTol(double tol) {
        return String.format(Locale.ROOT, "%.1e", tol);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
