package org.rnncourse.metrics;

import java.util.Locale;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.scratch.OwnWork;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The metrics of the course, computed from plain arrays of true and predicted values.
 * <pre>
 *   accuracy  = correct / n
 *   precision = TP / (TP + FP)     of the predicted positives, how many are positive
 *   recall    = TP / (TP + FN)     of the real positives, how many were found
 *   F1        = 2·P·R / (P + R)    the harmonic mean of the two
 *   MAE       = mean |y − ŷ|
 *   RMSE      = √(mean (y − ŷ)²)   same units as y, punishes big misses more than MAE
 *   MAPE      = 100 · mean |y − ŷ| / |y|   in percent; undefined where y = 0
 *   perplexity = exp(mean cross-entropy) = exp(−mean log p(true next token))
 * </pre>
 * A precision, recall or F1 whose denominator is 0 (nothing predicted positive, no positives at
 * all) is 0, as in scikit-learn's default.
 *
 * <p>Lessons 07 and 08 ask the learner to write the MAE and the accuracy: while those checks run the
 * learner's function, every metric here is off ({@link OwnWork.Topic#METRICS}), so that it cannot
 * compose the answer from them.
 */
public final class Metrics {
    private Metrics() {}

    /** The fraction of predictions equal to the truth. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.accuracy");
        return (double) correct(yTrue, yPred) / yTrue.length;
    }

    /** How many predictions equal the truth: the count behind every accuracy, the nn metrics' too. */
    public static int correct(int[] yTrue, int[] yPred) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.correct");
        requirePair("yTrue", "yPred", yTrue == null ? -1 : yTrue.length, yPred == null ? -1 : yPred.length);
        int right = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == yPred[i]) right++;
        }
        return right;
    }

    /** TP / (TP + FP) for the class {@code positive} (1 for a binary task). */
    public static double precision(int[] yTrue, int[] yPred, int positive) {
        long[] c = counts(yTrue, yPred, positive);
        return ratio(c[0], c[0] + c[1]);
    }

    /** TP / (TP + FN) for the class {@code positive}. */
    public static double recall(int[] yTrue, int[] yPred, int positive) {
        long[] c = counts(yTrue, yPred, positive);
        return ratio(c[0], c[0] + c[2]);
    }

    /** 2·precision·recall / (precision + recall) for the class {@code positive}; 2TP / (2TP + FP + FN). */
    public static double f1(int[] yTrue, int[] yPred, int positive) {
        long[] c = counts(yTrue, yPred, positive);
        return ratio(2 * c[0], 2 * c[0] + c[1] + c[2]);
    }

    /** Precision of class 1. */
    public static double precision(int[] yTrue, int[] yPred) {
        return precision(yTrue, yPred, 1);
    }

    /** Recall of class 1. */
    public static double recall(int[] yTrue, int[] yPred) {
        return recall(yTrue, yPred, 1);
    }

    /** F1 of class 1. */
    public static double f1(int[] yTrue, int[] yPred) {
        return f1(yTrue, yPred, 1);
    }

    /**
     * The confusion matrix: entry [i][j] counts the examples of true class i predicted as class j,
     * so the diagonal holds the right answers.
     *
     * @param classes the number of classes; every label must be in 0 … classes − 1
     */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred, int classes) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.confusionMatrix");
        requirePair("yTrue", "yPred", yTrue == null ? -1 : yTrue.length, yPred == null ? -1 : yPred.length);
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        int[][] m = new int[classes][classes];
        for (int i = 0; i < yTrue.length; i++) {
            requireLabel("yTrue", i, yTrue[i], classes);
            requireLabel("yPred", i, yPred[i], classes);
            m[yTrue[i]][yPred[i]]++;
        }
        return m;
    }

    /**
     * The confusion matrix as a table: one row per true class, one column per predicted class,
     * named by {@code labels} (e.g. "negative", "positive"), with the caption "Confusion matrix".
     */
    public static Table confusionTable(int[] yTrue, int[] yPred, String... labels) {
        if (labels == null || labels.length < 2) {
            throw new IllegalArgumentException("labels must name at least 2 classes, e.g. \"negative\", \"positive\"");
        }
        int[][] m = confusionMatrix(yTrue, yPred, labels.length);
        Table t = Table.create(Messages.get("out.confusion.title"));
        t.addColumns(StringColumn.create(Messages.get("out.confusion.corner"), labels));
        for (int j = 0; j < labels.length; j++) {
            int[] col = new int[labels.length];
            for (int i = 0; i < labels.length; i++) col[i] = m[i][j];
            t.addColumns(IntColumn.create(Messages.get("out.confusion.predicted", labels[j]), col));
        }
        return t;
    }

    /**
     * Class 1 where the probability is above {@code threshold}, else 0: Keras 3's rule
     * ({@code binary_accuracy} casts {@code ops.greater(y_pred, threshold)}), so p = 0.5 is class 0 and
     * these labels give the same accuracy as the model's own {@code accuracy} metric.
     */
    public static int[] threshold(double[] probabilities, double threshold) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.threshold");
        requireValues("probabilities", probabilities);
        Args.inClosed("threshold", threshold, 0, 1);
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) out[i] = probabilities[i] > threshold ? 1 : 0;
        return out;
    }

    /** Mean absolute error, in the units of y. */
    public static double mae(double[] yTrue, double[] yPred) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.mae");
        requireReal(yTrue, yPred);
        return absoluteErrorSum(yTrue, yPred) / yTrue.length;
    }

    /** Σ |y − ŷ|: the sum behind MAE, the nn metric's too. */
    public static double absoluteErrorSum(double[] yTrue, double[] yPred) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.absoluteErrorSum");
        requirePair("yTrue", "yPred", yTrue == null ? -1 : yTrue.length, yPred == null ? -1 : yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) s += Math.abs(yTrue[i] - yPred[i]);
        return s;
    }

    /** Root mean squared error, in the units of y. */
    public static double rmse(double[] yTrue, double[] yPred) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.rmse");
        requireReal(yTrue, yPred);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) s += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
        return Math.sqrt(s / yTrue.length);
    }

    /**
     * Mean absolute percentage error, in percent. It divides by |y|, so a true value of 0 makes it
     * undefined (an exception) and values near 0 make it huge.
     */
    public static double mape(double[] yTrue, double[] yPred) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.mape");
        requireReal(yTrue, yPred);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == 0) {
                throw new IllegalArgumentException("yTrue[" + i + "] is 0: MAPE divides by the true value, "
                        + "so it is undefined there; use MAE or RMSE for series that cross 0");
            }
            s += Math.abs((yTrue[i] - yPred[i]) / yTrue[i]);
        }
        return 100 * s / yTrue.length;
    }

    /** exp(mean cross-entropy in nats): how many equally likely choices the model is still hesitating between. */
    public static double perplexity(double meanCrossEntropy) {
        if (!Double.isFinite(meanCrossEntropy) || meanCrossEntropy < 0) {
            throw new IllegalArgumentException("meanCrossEntropy must be a finite number ≥ 0 (in nats), got " + meanCrossEntropy);
        }
        return Math.exp(meanCrossEntropy);
    }

    /** exp(−mean log p), from the probability the model gave to each true next token. */
    public static double perplexityOf(double[] probabilitiesOfTruth) {
        requireValues("probabilitiesOfTruth", probabilitiesOfTruth);
        double s = 0;
        for (int i = 0; i < probabilitiesOfTruth.length; i++) {
            double p = probabilitiesOfTruth[i];
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilitiesOfTruth[" + i + "] = " + p + " is not a probability in (0, 1]");
            }
            s -= Math.log(p);
        }
        return Math.exp(s / probabilitiesOfTruth.length);
    }

    /** One line with accuracy, precision, recall and F1 (of class 1), four decimals. */
    public static String classificationReport(int[] yTrue, int[] yPred) {
        return String.format(Locale.ROOT, "accuracy %.4f, precision %.4f, recall %.4f, F1 %.4f",
                accuracy(yTrue, yPred), precision(yTrue, yPred), recall(yTrue, yPred), f1(yTrue, yPred));
    }

    /** One line with MAE, RMSE and MAPE, four decimals (MAPE in percent, two). */
    public static String regressionReport(double[] yTrue, double[] yPred) {
        return String.format(Locale.ROOT, "MAE %.4f, RMSE %.4f, MAPE %.2f%%", mae(yTrue, yPred), rmse(yTrue, yPred), mape(yTrue, yPred));
    }

    /** [TP, FP, FN] for one class. */
    private static long[] counts(int[] yTrue, int[] yPred, int positive) {
        OwnWork.entry(OwnWork.Topic.METRICS, "Metrics.precision, recall and f1");
        Args.atLeast("positive (the label of the positive class)", positive, 0);
        requirePair("yTrue", "yPred", yTrue == null ? -1 : yTrue.length, yPred == null ? -1 : yPred.length);
        long tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < yTrue.length; i++) {
            boolean t = yTrue[i] == positive, p = yPred[i] == positive;
            if (t && p) tp++;
            else if (p) fp++;
            else if (t) fn++;
        }
        return new long[] {tp, fp, fn};
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }

    private static void requireReal(double[] yTrue, double[] yPred) {
        requirePair("yTrue", "yPred", yTrue == null ? -1 : yTrue.length, yPred == null ? -1 : yPred.length);
        for (int i = 0; i < yTrue.length; i++) {
            if (!Double.isFinite(yTrue[i]) || !Double.isFinite(yPred[i])) {
                throw new IllegalArgumentException("entry " + i + " is not a finite number: yTrue = " + yTrue[i] + ", yPred = " + yPred[i]);
            }
        }
    }

    private static void requireValues(String name, double[] v) {
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(name + " is " + (v == null ? "null" : "empty") + ": give at least one value");
        }
    }

    private static void requirePair(String a, String b, int na, int nb) {
        if (na < 0 || nb < 0) {
            throw new IllegalArgumentException((na < 0 ? a : b) + " is null: give one value per example");
        }
        if (na == 0) {
            throw new IllegalArgumentException(a + " is empty: a metric needs at least one example");
        }
        if (na != nb) {
            throw new IllegalArgumentException(a + " has " + na + " values but " + b + " has " + nb
                    + ": give one prediction per true value");
        }
    }

    private static void requireLabel(String name, int i, int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(name + "[" + i + "] = " + label + " is outside 0 … " + (classes - 1)
                    + ": classes = " + classes);
        }
    }
}
