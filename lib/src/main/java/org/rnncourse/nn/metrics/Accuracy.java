package org.rnncourse.nn.metrics;

import org.rnncourse.metrics.Metrics;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.scratch.OwnWork;

/**
 * What the three accuracies share: a name (Keras's, or "accuracy" when the learner asked for it
 * by that word), that higher is better, and the counting: the predicted classes against the true
 * ones, by {@link Metrics#correct} (the accuracy of lessons 08 and 11 on plain labels). Each subclass
 * says only how a prediction and a target are read as classes.
 */
abstract class Accuracy implements Metric {
    private final String name;

    Accuracy(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean higherIsBetter() {
        return true;
    }

    /** The class of each item of the prediction: each row's argmax (binary accuracy: 0/1 per output). */
    int[] predicted(Tensor yPred) {
        return rowArgmax(yPred);
    }

    /** The class each item should be, read from the targets. */
    abstract int[] truth(Tensor yTrue, Tensor yPred);

    /** How many items one row holds: the sum is per row (binary: each output unit is an item). */
    int itemsPerRow(Tensor yPred) {
        return 1;
    }

    @Override
    public final double sum(Tensor yPred, Tensor yTrue) {
        OwnWork.entry(OwnWork.Topic.METRICS, getClass().getSimpleName() + ".sum"); // lesson 08 asks for the accuracy by hand
        return Metrics.correct(truth(yTrue, yPred), predicted(yPred)) / (double) itemsPerRow(yPred);
    }

    /** The index of the largest of a[off], …, a[off + n − 1] (the first one on a tie). */
    static int argmax(double[] a, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (a[off + i] > a[off + best]) best = i;
        return best;
    }

    /** The argmax of every row of a (…, classes) tensor. */
    static int[] rowArgmax(Tensor t) {
        double[] d = t.data();
        int classes = t.dim(t.rank() - 1);
        int[] out = new int[d.length / classes];
        for (int r = 0; r < out.length; r++) out[r] = argmax(d, r * classes, classes);
        return out;
    }
}
