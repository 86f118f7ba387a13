package org.rnncourse;

import java.util.Locale;

/**
 * Checks of the arguments a learner passes to a public constructor, factory or setter, made where
 * the value enters, so that a wrong value fails at once with a message that names the argument, the
 * value and what is allowed ("clipnorm must be a finite number above 0, got Infinity."), not later
 * deep inside training with an ArrayIndexOutOfBoundsException or a NaN. The texts are the bundle's
 * {@code arg.*} keys, in the learner's language ({@link Messages}); the argument's name stays as in code.
 */
public final class Args {
    private Args() {}

    /** A count of at least 1 (units, a length, a batch size). */
    public static int positive(String name, int value) {
        return atLeast(name, value, 1);
    }

    /** A whole number of at least {@code min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(Messages.get("arg.atLeast", name, min, value));
        }
        return value;
    }

    /** A finite number above 0 (a learning rate, a clipping threshold, a scale). */
    public static double positiveFinite(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(Messages.get("arg.positiveFinite", name, show(value)));
        }
        return value;
    }

    /** A finite number of at least 0. */
    public static double nonNegativeFinite(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(Messages.get("arg.nonNegativeFinite", name, show(value)));
        }
        return value;
    }

    /** Any finite number (not NaN, not infinite). */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(Messages.get("arg.finite", name, show(value)));
        }
        return value;
    }

    /** A number in [lo, hi), e.g. a dropout rate or a decay factor. */
    public static double inHalfOpen(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(Messages.get("arg.inHalfOpen", name, show(lo), show(hi), show(value)));
        }
        return value;
    }

    /** A number in [lo, hi]. */
    public static double inClosed(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(Messages.get("arg.inClosed", name, show(lo), show(hi), show(value)));
        }
        return value;
    }

    /** Not null: a NullPointerException that names the argument instead of one from deep inside. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new NullPointerException(Messages.get("arg.null", name));
        }
        return value;
    }

    /** An array that is neither null nor holds a null. */
    public static <T> T[] noNulls(String name, T[] values) {
        notNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) throw new NullPointerException(Messages.get("arg.null", name + "[" + i + "]"));
        }
        return values;
    }

    private static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.1f", v);
        return Double.toString(v);
    }
}
