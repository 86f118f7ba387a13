package org.rnncourse.exercise;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.scratch.Shapes;

/**
 * The general checks that a lesson's check cells call.
 *
 * <p>A right answer prints one short line, e.g. {@code ✔ h_1 is right.} A wrong one throws an
 * {@link AssertionError} whose message says what was checked, what is wrong and a hint, e.g.
 * <pre>
 * h_1: expected shape (4×1), got (1×4).
 * Hint: h_1 is a column: W_xh (4×3) times x_1 (3×1).
 * </pre>
 * A failed check never prints the expected value (a student could paste it back, and nbgrader would
 * give full marks): it names the shape, the sign, the order of magnitude or the known mistake the
 * answer looks like, and prints only what the learner's own answer holds. A missing answer (null)
 * gets its own message rather than a NullPointerException.
 */
public final class Check {
    private Check() {}

    /** Checks a whole number, e.g. a parameter count. */
    public static void equal(String what, long expected, long actual, String hint) {
        if (expected != actual) {
            throw fail(what, "got " + actual + ", which is not the answer." + howFarWhole(expected, actual), hint);
        }
        pass(what);
    }

    /** Checks a number to within {@code tol}. A NaN or infinite answer is always wrong. */
    public static void close(String what, double expected, double actual, double tol, String hint) {
        requireNear(what, expected, actual, tol, hint);
        pass(what);
    }

    /** Same check as {@link #close} but without printing: for checks that try several cases. */
    static void requireNear(String what, double expected, double actual, double tol, String hint) {
        if (!Double.isFinite(actual)) {
            throw fail(what, "got " + actual + ", not a number: something divided by zero or overflowed.", hint);
        }
        if (!(Math.abs(expected - actual) <= tol)) {
            throw fail(what, "got " + fmt(actual) + ", which is not the answer (tolerance " + fmtTol(tol) + ")."
                    + howFar(expected, actual), hint);
        }
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
                    throw fail(what, wrongEntries(expected, actual, tol) + " First wrong: entry (" + i + ", " + j
                            + "), which holds " + fmt(a) + "." + howFar(e, a) + transposed(expected, actual, tol), hint);
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

    /**
     * What can be said about a wrong number without giving the right one: 0 (unassigned?), the sign,
     * the order of magnitude (a factor of 10 or more), or near but outside the tolerance. Never a
     * direction finer than a factor of 10, so that trying values against the check cannot home in.
     */
    static String howFar(double expected, double actual) {
        if (actual == 0) {
            return unassigned(true);
        }
        if (expected == 0) {
            return "";
        }
        if (Math.signum(actual) != Math.signum(expected)) {
            return " The sign is wrong.";
        }
        double ratio = Math.abs(actual / expected);
        if (ratio >= 10) {
            return " It is 10 or more times too large in size.";
        }
        if (ratio <= 0.1) {
            return " It is 10 or more times too small in size.";
        }
        if (Math.abs(ratio - 1) <= 0.01) {
            return " It is close (within 1 %) but not within the tolerance: a rounding, a float or a step size?";
        }
        return "";
    }

    /** {@link #howFar} for a count: "close but not within the tolerance" is about real numbers only. */
    static String howFarWhole(long expected, long actual) {
        String far = howFar(expected, actual);
        return far.contains("within 1 %") ? "" : far;
    }

    /** "k of n entries are wrong", so a learner sees whether one entry or the whole matrix is off. */
    static String wrongEntries(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        int wrong = 0;
        for (int k = 0; k < expected.getNumElements(); k++) {
            if (!(Math.abs(expected.data[k] - actual.data[k]) <= tol)) wrong++;
        }
        return wrong + " of " + expected.getNumElements() + " entries are wrong.";
    }

    /** A square answer that is the transpose of the right one: say so. */
    static String transposed(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        if (expected.numRows != expected.numCols || expected.numRows < 2) return "";
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                if (!(Math.abs(expected.get(i, j) - actual.get(j, i)) <= tol)) return "";
            }
        }
        return " It is the transpose of the answer: rows and columns are swapped.";
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
