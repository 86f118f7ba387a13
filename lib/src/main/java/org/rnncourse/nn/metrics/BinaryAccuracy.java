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
    int[] predicted(Tensor yPred) {
        double[] p = yPred.data();
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = p[i] > 0.5 ? 1 : 0;
        return out;
    }

    /** 0 and 1 as they are; any other target (a soft label) is never right, as Keras's equality test. */
    @Override
    int[] truth(Tensor yTrue, Tensor yPred) {
        double[] y = yTrue.data();
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) out[i] = y[i] == 1 ? 1 : y[i] == 0 ? 0 : -1;
        return out;
    }

    @Override
    int itemsPerRow(Tensor yPred) {
        return yPred.dim(yPred.rank() - 1); // per row: the mean over the last axis
    }
}
