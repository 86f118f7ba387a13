package org.rnncourse.nn.metrics;

/**
 * What the three accuracies share: a name (Keras's, or "accuracy" when the learner asked for it
 * by that word) and that higher is better. Each subclass says only how a row counts as right.
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
}
