package org.rnncourse.nn.metrics;

import org.rnncourse.nn.backend.Tensor;

/** The share of rows whose largest prediction is at the integer label. */
public final class SparseCategoricalAccuracy extends Accuracy {
    public SparseCategoricalAccuracy() {
        this("sparse_categorical_accuracy");
    }

    SparseCategoricalAccuracy(String name) {
        super(name);
    }

    @Override
    public double sum(Tensor yPred, Tensor yTrue) {
        double[] p = yPred.data(), y = yTrue.data();
        int classes = yPred.dim(yPred.rank() - 1), rows = p.length / classes;
        double s = 0;
        for (int r = 0; r < rows; r++) {
            if (CategoricalAccuracy.argmax(p, r * classes, classes) == (int) y[r]) s += 1;
        }
        return s;
    }
}
