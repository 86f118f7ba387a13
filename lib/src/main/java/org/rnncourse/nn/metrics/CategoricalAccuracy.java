package org.rnncourse.nn.metrics;

import org.rnncourse.nn.backend.Tensor;

/** The share of rows whose largest prediction is at the one-hot target's position (argmax). */
public final class CategoricalAccuracy extends Accuracy {
    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    CategoricalAccuracy(String name) {
        super(name);
    }

    @Override
    public double sum(Tensor yPred, Tensor yTrue) {
        double[] p = yPred.data(), y = yTrue.data();
        int classes = yPred.dim(yPred.rank() - 1), rows = p.length / classes;
        double s = 0;
        for (int r = 0; r < rows; r++) {
            if (argmax(p, r * classes, classes) == argmax(y, r * classes, classes)) s += 1;
        }
        return s;
    }

    static int argmax(double[] a, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (a[off + i] > a[off + best]) best = i;
        return best;
    }
}
