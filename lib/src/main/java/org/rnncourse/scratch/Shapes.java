package org.rnncourse.scratch;

import org.rnncourse.Args;
import org.ejml.data.DMatrixRMaj;

/**
 * Argument checks shared by every class of this package, so that a learner who passes the wrong
 * thing sees one clear sentence instead of an EJML exception, a NullPointerException or a silent NaN.
 *
 * <p>All messages have the same form, which the tests pin down:
 * <pre>
 *   x_t has shape (4×1) but the cell expects (3×1): n_x = 3
 *   x_t is null but the cell expects a (3×1) matrix: n_x = 3
 *   X_t has a NaN at (0, 2): the cell needs finite numbers
 * </pre>
 * i.e. {@code <name> has shape (r×c) but <who> expects (R×C): <why>}.
 */
public final class Shapes {
    private Shapes() {}

    /** "(rows×cols)", the way the course writes a shape. */
    public static String of(int rows, int cols) {
        Args.atLeast("rows", rows, 0);
        Args.atLeast("cols", cols, 0);
        return "(" + rows + "×" + cols + ")";
    }

    /** The shape of {@code m}, e.g. "(4×1)". */
    public static String of(DMatrixRMaj m) {
        return m == null ? "null" : of(m.numRows, m.numCols);
    }

    /**
     * Checks that {@code m} is a {@code rows × cols} matrix of finite numbers.
     *
     * @param name how the lesson calls the argument, e.g. "x_t"
     * @param who  who needs it, e.g. "the cell"
     * @param why  where the needed shape comes from, e.g. "n_x = 3"
     * @throws IllegalArgumentException "{@code x_t has shape (4×1) but the cell expects (3×1): n_x = 3}"
     */
    public static DMatrixRMaj require(String name, DMatrixRMaj m, int rows, int cols, String who, String why) {
        if (m == null) {
            throw new IllegalArgumentException(name + " is null but " + who + " expects a " + of(rows, cols)
                    + " matrix: " + why);
        }
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " has shape " + of(m) + " but " + who + " expects "
                    + of(rows, cols) + ": " + why);
        }
        requireFinite(name, m, who);
        return m;
    }

    /** Checks that {@code m} is not null and holds no NaN or infinity. */
    public static DMatrixRMaj requireFinite(String name, DMatrixRMaj m, String who) {
        if (m == null) {
            throw new IllegalArgumentException(name + " is null but " + who + " needs a matrix");
        }
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                double v = m.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + " has a " + (Double.isNaN(v) ? "NaN" : "infinity")
                            + " at (" + i + ", " + j + "): " + who + " needs finite numbers");
                }
            }
        }
        return m;
    }

    /** Checks that a size (n_x, n_a, a number of time steps …) is at least 1. */
    public static int requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    /** Checks that an object argument is not null. */
    public static <T> T requireNonNull(String name, T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null: " + what);
        }
        return value;
    }
}
