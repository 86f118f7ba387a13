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
    int[] predicted(Tensor yPred) {
        return rowArgmax(yPred);
    }

    @Override
    int[] truth(Tensor yTrue, Tensor yPred) {
        return rowArgmax(yTrue);
    }
}
