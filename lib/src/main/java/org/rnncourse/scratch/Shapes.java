package org.rnncourse.scratch;

import java.util.ResourceBundle;
import org.rnncourse.Args;
import org.rnncourse.Messages;
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
 *
 * <p>The sentences are in the learner's language (the bundle's {@code scratch.*} keys, see
 * {@link Messages}). {@code who}, {@code why} and {@code what} are either a text or a message key
 * such as {@code "scratch.who.cell"}: a key is looked up only when the check fails, so a check that
 * passes costs no formatting. A {@code why} with numbers is a {@link Why} ({@link #why}).
 * Names of code objects ({@code x_t}, {@code n_x = 3}) stay as they are in every language.
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
        return require(name, m, rows, cols, who, new Why(why));
    }

    /** {@link #require(String, DMatrixRMaj, int, int, String, String)} with a {@code why} that has numbers in it. */
    public static DMatrixRMaj require(String name, DMatrixRMaj m, int rows, int cols, String who, Why why) {
        if (m == null) {
            throw new IllegalArgumentException(Messages.get("scratch.shape.null", name, say(who), of(rows, cols), why.text()));
        }
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(wrongShape(name, of(m), who, of(rows, cols), why));
        }
        requireFinite(name, m, who);
        return m;
    }

    /**
     * "{@code name has shape (r×c) but who expects (R×C): why}" for the checks that build the shape
     * they expect themselves (e.g. "(m×3)"), in the learner's language.
     */
    public static String wrongShape(String name, String shape, String who, String expected, Why why) {
        return Messages.get("scratch.shape.wrong", name, shape, say(who), expected, why.text());
    }

    /**
     * Where a needed shape comes from, kept as a message key and its arguments until a check fails
     * (then {@link #text()} says it in the learner's language).
     */
    public static final class Why {
        private final String keyOrText;
        private final Object[] args;

        private Why(String keyOrText, Object... args) {
            this.keyOrText = keyOrText;
            this.args = args;
        }

        /** The reason in the current language. */
        public String text() {
            return say(keyOrText, args);
        }
    }

    /** A reason from the bundle, e.g. {@code why("scratch.why.columnsPerExample", "n_x", 3)}. */
    public static Why why(String key, Object... args) {
        if (key == null || args == null) {
            throw new IllegalArgumentException("Shapes.why: " + (key == null ? "key" : "args")
                    + " is null; give a message key such as \"scratch.why.columnsPerExample\" and its arguments");
        }
        return new Why(key, args);
    }

    /**
     * {@code textOrKey} in the learner's language when it is a key of the bundle, else as it is (a
     * formula such as "n_x = 3", or a text a caller outside the course's packages gives).
     */
    static String say(String textOrKey, Object... args) {
        if (textOrKey != null && textOrKey.startsWith("scratch.") && textOrKey.indexOf(' ') < 0
                && ResourceBundle.getBundle("org.rnncourse.messages").containsKey(textOrKey)) {
            return Messages.get(textOrKey, args);
        }
        return textOrKey;
    }

    /** Checks that {@code m} is not null and holds no NaN or infinity. */
    public static DMatrixRMaj requireFinite(String name, DMatrixRMaj m, String who) {
        if (m == null) {
            throw new IllegalArgumentException(Messages.get("scratch.finite.null", name, say(who)));
        }
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                double v = m.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(Messages.get(
                            Double.isNaN(v) ? "scratch.finite.nan" : "scratch.finite.infinity", name, i, j, say(who)));
                }
            }
        }
        return m;
    }

    /** Checks that a size (n_x, n_a, a number of time steps …) is at least 1. */
    public static int requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(Messages.get("scratch.positive", name, value));
        }
        return value;
    }

    /** Checks that an object argument is not null. */
    public static <T> T requireNonNull(String name, T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(Messages.get("scratch.nonNull", name, say(what)));
        }
        return value;
    }

    /** {@link #requireNonNull(String, Object, String)} with a hint that has numbers in it. */
    public static <T> T requireNonNull(String name, T value, Why what) {
        if (value == null) {
            throw new IllegalArgumentException(Messages.get("scratch.nonNull", name, what.text()));
        }
        return value;
    }
}
