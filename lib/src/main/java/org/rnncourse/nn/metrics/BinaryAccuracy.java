package org.rnncourse.nn.metrics;

import org.rnncourse.nn.backend.Tensor;

/** The share of outputs on the right side of 0.5: prediction > 0.5 counts as class 1, as Keras. */
public final class BinaryAccuracy extends Accuracy {
    public BinaryAccuracy() {
        this("binary_accuracy");
    }

    BinaryAccuracy(String name) {
        super(name);
    }

    @Override
    public double sum(Tensor yPred, Tensor yTrue) {
        double[] p = yPred.data(), y = yTrue.data();
        int last = yPred.dim(yPred.rank() - 1);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double predicted = p[i] > 0.5 ? 1 : 0;
            if (predicted == y[i]) s += 1;
        }
        return s / last; // per row: the mean over the last axis
    }
}
