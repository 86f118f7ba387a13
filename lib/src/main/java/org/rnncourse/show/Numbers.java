package org.rnncourse.show;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.rnncourse.Messages;

/**
 * The course's one rule for showing numbers, in tables, printed vectors and matrices:
 * <ul>
 *   <li>each value is rounded to {@value #DECIMALS} decimals, and the numbers shown together (a
 *       table column, a vector, a matrix) all get the same number of decimals: the fewest that
 *       still show every one of them to that rounding. So {@code [0.8200000000000001, -0.47]}
 *       shows as {@code [0.82, -0.47]}, {@code 3/13} as {@code 0.2308}, and a column never mixes
 *       {@code 0.205} with {@code 0.2322} (it shows {@code 0.2050});</li>
 *   <li>when one of them is not zero but smaller than {@value #SMALL} in size, or is a million or
 *       more, 4 decimals would hide it or drown it in digits: then all of them are written in
 *       scientific notation with 4 significant digits, {@code 1.234e-05};</li>
 *   <li>not-a-number and the infinities show as {@code NaN}, {@code Infinity}, {@code -Infinity},
 *       as Java prints them.</li>
 * </ul>
 */
public final class Numbers {
    /** The most decimals a number is shown with. */
    public static final int DECIMALS = 4;
    /** Below this size (and not zero), numbers are shown in scientific notation. */
    public static final double SMALL = 1e-3;
    /** From this size on, numbers are shown in scientific notation. */
    public static final double LARGE = 1e6;

    private Numbers() {}

    /** One number alone, by the rule: {@code 0.82}, {@code 0.2308}, {@code 3}, {@code 1.234e-05}. */
    public static String format(double value) {
        return formatAll(value)[0];
    }

    /**
     * Numbers shown together (a column, a vector), all with the same number of decimals or all in
     * scientific notation; the array has one string per value, in order.
     */
    public static String[] formatAll(double... values) {
        if (values == null) {
            throw new IllegalArgumentException(Messages.get("show.numbers.noValues"));
        }
        String[] out = new String[values.length];
        if (scientific(values)) {
            for (int i = 0; i < values.length; i++) {
                out[i] = Double.isFinite(values[i]) ? String.format(Locale.ROOT, "%.3e", values[i]) : special(values[i]);
            }
            return out;
        }
        int decimals = decimals(values);
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? rounded(values[i]).setScale(decimals, RoundingMode.UNNECESSARY).toPlainString()
                    : special(values[i]);
        }
        return out;
    }

    /** A vector as the lessons print it: {@code [0.2308, -0.3077, 0.9231]}. {@code null} prints as "null". */
    public static String vector(double... values) {
        if (values == null) {
            return "null";
        }
        return "[" + String.join(", ", formatAll(values)) + "]";
    }

    /** True when the numbers are shown in scientific notation (one of them is tiny or huge). */
    static boolean scientific(double... values) {
        for (double v : values) {
            double a = Math.abs(v);
            if (Double.isFinite(v) && v != 0 && (a < SMALL || a >= LARGE)) {
                return true;
            }
        }
        return false;
    }

    /** The fewest decimals (0 to 4) that show every value as it is to 4 decimals. */
    static int decimals(double... values) {
        int d = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                d = Math.max(d, Math.max(0, rounded(v).stripTrailingZeros().scale()));
            }
        }
        return d;
    }

    // The shortest decimal that is this double (Double.toString's digits), rounded half up as
    // String.format does: 0.8200000000000001 → 0.8200, 0.205 → 0.2050, -0.00001 → 0.0000 (no "-0").
    private static BigDecimal rounded(double v) {
        return BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_UP);
    }

    private static String special(double v) {
        return Double.toString(v); // NaN, Infinity, -Infinity
    }
}
