package org.rnncourse.exercise;

import java.util.Arrays;
import java.util.Locale;
import org.rnncourse.nn.optimizers.GradientClipping;

/** Checks for the exercises of lesson 09 (vanishing and exploding gradients, clipping). */
public final class Lesson09 {
    /** The gradient of exercise 1: ‖g‖ = 7. */
    private static final double[] GRADIENT = {6, -2, 3};
    /** The clipnorm threshold of exercise 1. */
    public static final double CLIPNORM = 2.0;

    private Lesson09() {}

    /** A fresh copy of exercise 1's gradient, (6, −2, 3). */
    public static double[] gradient() {
        return GRADIENT.clone();
    }

    /** Exercise 1: g clipped by norm to {@link #CLIPNORM}, computed by hand (12/7, −4/7, 6/7). */
    public static void checkClippedByNorm(double[] clipped) {
        String what = "the gradient clipped by norm 2.0";
        String hint = "compute ‖g‖ = √(Σ g_i²); when it is above c, every number is multiplied by c / ‖g‖: "
                + "the direction stays, the norm becomes exactly c.";
        if (clipped == null) {
            throw Check.missing(what, hint);
        }
        if (clipped.length != GRADIENT.length) {
            throw Check.fail(what, "expected 3 numbers, got " + clipped.length + ".", hint);
        }
        double[] expected = gradient();
        GradientClipping.clipByNorm(expected, CLIPNORM);
        double[] byValue = gradient();
        GradientClipping.clipByValue(byValue, CLIPNORM);
        if (same(clipped, byValue) && !same(clipped, expected)) {
            throw Check.fail(what, "each number was cut to [−2, 2], which is clipvalue and changes the direction.", hint);
        }
        if (same(clipped, GRADIENT)) {
            throw Check.fail(what, "the gradient is unchanged, but its norm is above 2.", hint);
        }
        double[] unit = gradient();
        for (int i = 0; i < unit.length; i++) unit[i] /= 7;
        if (same(clipped, unit)) {
            throw Check.fail(what, "this is g / ‖g‖, of norm 1: the threshold c is missing.", hint);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!Double.isFinite(clipped[i]) || Math.abs(clipped[i] - expected[i]) > 1e-9) {
                throw Check.fail(what, String.format(Locale.ROOT, "number %d holds %.6f, which is not right.", i, clipped[i])
                        + Check.howFar(expected[i], clipped[i]), hint);
            }
        }
        Check.pass(what);
    }

    /** Exercise 2: the first step k at which 0.9^k is below 1e-2 (44). */
    public static void checkFirstStepBelow(int k) {
        int expected = 0;
        for (double g = 1.0; g >= 1e-2; g *= 0.9) expected++;
        String hint = "multiply 1.0 by 0.9 once per step and stop at the first k with 0.9^k < 0.01; "
                + "or solve k > log(0.01) / log(0.9) and take the next whole number.";
        if (k == expected - 1 || k == expected + 1) {
            throw Check.fail("the step where 0.9^k first drops below 1e-2", "got " + k + ": off by one step.",
                    "does your count start at k = 0 with 1.0, and stop at the FIRST k below 0.01? " + hint);
        }
        Check.equal("the step where 0.9^k first drops below 1e-2", expected, k, hint);
    }

    /** Exercise 3: the first step k at which 1.1^k exceeds 100 (49). */
    public static void checkFirstStepAbove(int k) {
        int expected = 0;
        double g = 1.0;
        while (g <= 100) {
            g *= 1.1;
            expected++;
        }
        String hint = "multiply 1.0 by 1.1 once per step and stop at the first k with 1.1^k > 100; "
                + "or solve k > log(100) / log(1.1) and take the next whole number.";
        if (k == expected - 1 || k == expected + 1) {
            throw Check.fail("the step where 1.1^k first exceeds 100", "got " + k + ": off by one step.",
                    "does your count start at k = 0 with 1.0, and stop at the FIRST k above 100? " + hint);
        }
        Check.equal("the step where 1.1^k first exceeds 100", expected, k, hint);
    }

    private static boolean same(double[] a, double[] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= 1e-9)) return false;
        }
        return true;
    }
}
