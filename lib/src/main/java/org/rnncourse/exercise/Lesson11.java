package org.rnncourse.exercise;

import org.rnncourse.data.Bucketing;
import org.rnncourse.metrics.Metrics;

/**
 * Checks for the exercises of lesson 11 (practice): F1 from a confusion matrix, perplexity from
 * the probabilities a model gave to the true next characters, and the time steps saved by bucketing.
 */
public final class Lesson11 {
    private static final double TOL = 1e-9;

    private Lesson11() {}

    /**
     * Exercise 1: the F1 score of class 1 ("up") for the classifier's test predictions, from TP, FP
     * and FN. The check recomputes it with {@link Metrics#f1(int[], int[])}.
     */
    public static void checkF1(int[] yTrue, int[] yPred, double f1) {
        if (yTrue == null || yPred == null) {
            throw Check.missing("the labels", "pass the lesson's yTest and predicted arrays to the check");
        }
        double expected = Metrics.f1(yTrue, yPred);
        String what = "F1";
        if (Math.abs(f1 - expected) > TOL) {
            if (Math.abs(f1 - Metrics.accuracy(yTrue, yPred)) <= TOL) {
                throw Check.fail(what, "this is the accuracy, " + Check.fmt(f1) + ".",
                        "F1 looks at class 1 only: 2·TP / (2·TP + FP + FN).");
            }
            if (Math.abs(f1 - Metrics.precision(yTrue, yPred)) <= TOL || Math.abs(f1 - Metrics.recall(yTrue, yPred)) <= TOL) {
                throw Check.fail(what, "this is the precision or the recall, " + Check.fmt(f1) + ", not their harmonic mean.",
                        "F1 = 2·P·R / (P + R) with P = TP / (TP + FP) and R = TP / (TP + FN).");
            }
        }
        Check.close(what, expected, f1, TOL,
                "TP: true up, predicted up; FP: true down, predicted up; FN: true up, predicted down; F1 = 2·TP / (2·TP + FP + FN). "
                        + "Did you divide ints? (2.0 * tp) keeps the fraction.");
    }

    /** The probabilities a small model gave to the true next character of "the cat", step by step. */
    public static double[] nextCharacterProbabilities() {
        return new double[] {0.62, 0.81, 0.35, 0.12, 0.44, 0.27};
    }

    /** Exercise 2: perplexity = exp(−mean log p) of {@link #nextCharacterProbabilities()}. */
    public static void checkPerplexity(double perplexity) {
        double[] p = nextCharacterProbabilities();
        double expected = Metrics.perplexityOf(p);
        String what = "perplexity";
        double ce = Math.log(expected);
        if (Math.abs(perplexity - ce) <= 1e-6) {
            throw Check.fail(what, "this is the mean cross-entropy, " + Check.fmt(perplexity) + ", the exponent.",
                    "perplexity = exp(mean cross-entropy) = exp(−(1/n) Σ log p_i).");
        }
        if (Math.abs(perplexity - 1 / expected) <= 1e-6) {
            throw Check.fail(what, "got " + Check.fmt(perplexity) + ", one over the perplexity: a sign is off.",
                    "log p is negative, so the cross-entropy −(1/n) Σ log p_i is positive and the perplexity is above 1.");
        }
        double sum = 0;
        for (double v : p) sum -= Math.log(v);
        if (Math.abs(perplexity - Math.exp(sum)) <= 1e-6 * Math.exp(sum)) {
            throw Check.fail(what, "got " + Check.fmt(perplexity) + ": the sum was not divided by the " + p.length + " characters.",
                    "use the MEAN of −log p_i, then exp.");
        }
        Check.close(what, expected, perplexity, 1e-6,
                "perplexity = exp(−(1/n) Σ log p_i) over the " + p.length + " probabilities (Math.log is the natural log).");
    }

    /** The lengths of the ten reviews of exercise 3. */
    public static int[] reviewLengths() {
        return new int[] {12, 250, 31, 40, 18, 95, 27, 60, 35, 120};
    }

    /** Ten reviews of those lengths (token 1 everywhere: only the lengths matter here). */
    public static int[][] reviews() {
        int[] lengths = reviewLengths();
        int[][] out = new int[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            out[i] = new int[lengths[i]];
            java.util.Arrays.fill(out[i], 1);
        }
        return out;
    }

    /**
     * Exercise 3: the time steps an RNN runs over {@link #reviews()} in batches of 5, padded to
     * the global maximum and bucketed by length.
     */
    public static void checkSteps(long paddedSteps, long bucketedSteps) {
        long padded = Bucketing.steps(Bucketing.paddedToMax(reviews(), null, 5));
        long bucketed = Bucketing.steps(Bucketing.byLength(reviews(), null, 5, 0));
        Check.equal("time steps padded to the maximum", padded, paddedSteps,
                "every one of the reviews is padded to the longest one.");
        if (bucketedSteps == unsortedPerBatch() && bucketedSteps != bucketed) {
            throw Check.fail("time steps with bucketing", "got " + bucketedSteps
                            + ": each batch padded to its own longest, but the reviews were not sorted by length first.",
                    "sort the lengths first, then take them 5 at a time: similar lengths share a batch.");
        }
        Check.equal("time steps with bucketing", bucketed, bucketedSteps,
                "sort the lengths, cut them into batches of 5, and pad each batch to its own longest review.");
    }

    /** Batches of 5 in the given order, each padded to its own longest: padding per batch without sorting. */
    static long unsortedPerBatch() {
        int[] l = reviewLengths();
        long steps = 0;
        for (int from = 0; from < l.length; from += 5) {
            int longest = 0;
            for (int k = from; k < Math.min(l.length, from + 5); k++) longest = Math.max(longest, l[k]);
            steps += 5L * longest;
        }
        return steps;
    }
}
