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
    int[] predicted(Tensor yPred) {
        return rowArgmax(yPred);
    }

    @Override
    int[] truth(Tensor yTrue, Tensor yPred) {
        double[] y = yTrue.data();
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (int) y[i];
        return out;
    }
}
