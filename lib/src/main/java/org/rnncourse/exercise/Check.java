package org.rnncourse.exercise;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
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
 * gets its own message rather than a NullPointerException. A failure carries no stack trace: the
 * notebook shows the message and the hint, not the check's Java frames.
 */
public final class Check {
    private Check() {}

    /** Checks a whole number, e.g. a parameter count. */
    public static void equal(String what, long expected, long actual, String hint) {
        if (expected != actual) {
            throw fail(what, Messages.get("check.notTheAnswer", actual) + howFarWhole(expected, actual), hint);
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
            throw fail(what, Messages.get("check.notANumber", actual), hint);
        }
        if (!(Math.abs(expected - actual) <= tol)) {
            throw fail(what, Messages.get("check.notWithinTolerance", fmt(actual), fmtTol(tol))
                    + howFar(expected, actual), hint);
        }
    }

    /** Checks a matrix's shape only. */
    public static void shape(String what, int rows, int cols, DMatrixRMaj actual, String hint) {
        requireShape(what, rows, cols, actual, hint);
        pass(Messages.get("check.shapeOf", what, Shapes.of(rows, cols)));
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

    /** Same check as {@link #isTrue} but without printing: for checks that try several cases. */
    static void isTrueQuietly(String what, boolean condition, String problem, String hint) {
        if (!condition) {
            throw fail(what, problem, hint);
        }
    }

    /**
     * Checks a multiple-choice letter against its salted hash: a missing letter, a letter outside
     * a–d and a wrong one each get their own message; none names the answer.
     */
    static void choice(String what, HashedAnswer answer, char actual, String hint) {
        char a = Character.toLowerCase(actual);
        if (a == 0 || a == ' ') {
            throw missing(what, Messages.get("check.choice.missing"));
        }
        if (a < 'a' || a > 'd') {
            throw fail(what, Messages.get("check.choice.notALetter", actual), hint);
        }
        if (!answer.matches(a)) {
            throw fail(what, Messages.get("check.choice.wrong", a), hint);
        }
        pass(what);
    }

    /** Fails with the message for a missing answer. */
    public static AssertionError missing(String what, String hint) {
        return fail(what, Messages.get("check.missing"), hint);
    }

    /** Same checks as {@link #matrixClose} but without printing: lessons combine them with their own hints. */
    static void requireClose(String what, DMatrixRMaj expected, DMatrixRMaj actual, double tol, String hint) {
        requireShape(what, expected.numRows, expected.numCols, actual, hint);
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                double a = actual.get(i, j);
                double e = expected.get(i, j);
                if (!Double.isFinite(a)) {
                    throw fail(what, Messages.get("check.entryNotANumber", i, j, a), hint);
                }
                if (!(Math.abs(a - e) <= tol)) {
                    throw fail(what, wrongEntries(expected, actual, tol) + " " + Messages.get("check.firstWrong", i, j, fmt(a))
                            + howFar(e, a) + transposed(expected, actual, tol), hint);
                }
            }
        }
    }

    static void requireShape(String what, int rows, int cols, DMatrixRMaj actual, String hint) {
        if (actual == null) {
            throw missing(what, hint);
        }
        if (actual.numRows != rows || actual.numCols != cols) {
            throw fail(what, Messages.get("check.wrongShape", Shapes.of(rows, cols), Shapes.of(actual)), hint);
        }
    }

    /** The failure every check throws: "what: problem" and the hint on its own line. */
    static AssertionError fail(String what, String problem, String hint) {
        String message = what + ": " + problem;
        if (hint != null && !hint.isBlank()) {
            message += "\n" + Messages.get("check.hint", hint);
        }
        AssertionError failure = new AssertionError(message);
        // The learner reads the message and the hint; the check's own stack frames
        // ("at org.rnncourse.exercise.Check.fail(Check.java:103)") say nothing to them. The error
        // itself stays: nbgrader scores a cell as failed because it shows an error.
        failure.setStackTrace(new StackTraceElement[0]);
        return failure;
    }

    static void pass(String what) {
        System.out.println(Messages.get("check.pass", what));
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
        return howFar(expected, actual, true);
    }

    /** {@link #howFar}; {@code real} false leaves out "close but not within the tolerance". */
    private static String howFar(double expected, double actual, boolean real) {
        if (actual == 0) {
            return unassigned(true);
        }
        if (expected == 0) {
            return "";
        }
        if (Math.signum(actual) != Math.signum(expected)) {
            return " " + Messages.get("check.signWrong");
        }
        double ratio = Math.abs(actual / expected);
        if (ratio >= 10) {
            return " " + Messages.get("check.tooLarge");
        }
        if (ratio <= 0.1) {
            return " " + Messages.get("check.tooSmall");
        }
        if (real && Math.abs(ratio - 1) <= 0.01) {
            return " " + Messages.get("check.closeButOutside");
        }
        return "";
    }

    /** {@link #howFar} for a count: "close but not within the tolerance" is about real numbers only. */
    static String howFarWhole(long expected, long actual) {
        return howFar(expected, actual, false);
    }

    /** "k of n entries are wrong", so a learner sees whether one entry or the whole matrix is off. */
    static String wrongEntries(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        int wrong = 0;
        for (int k = 0; k < expected.getNumElements(); k++) {
            if (!(Math.abs(expected.data[k] - actual.data[k]) <= tol)) wrong++;
        }
        return Messages.get("check.wrongEntries", wrong, expected.getNumElements());
    }

    /** A square answer that is the transpose of the right one: say so. */
    static String transposed(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        if (expected.numRows != expected.numCols || expected.numRows < 2) return "";
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                if (!(Math.abs(expected.get(i, j) - actual.get(j, i)) <= tol)) return "";
            }
        }
        return " " + Messages.get("check.transposed");
    }

    /** A number variable that was declared but never assigned holds 0: say so. */
    static String unassigned(boolean isZero) {
        return isZero ? " " + Messages.get("check.unassigned") : "";
    }

    static String fmtTol(double tol) {
        return String.format(Locale.ROOT, "%.1e", tol);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
