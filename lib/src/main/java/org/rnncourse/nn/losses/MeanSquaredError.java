package org.rnncourse.nn.losses;

import org.rnncourse.nn.backend.Tensor;

/** Mean of (prediction − target)² over the last axis, then over the batch: Keras's {@code "mse"}. */
public final class MeanSquaredError implements Loss {
    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public Tensor prepareTargets(Tensor y, int[] predShape) {
        return Loss.sameShapeTargets(name(), y, predShape);
    }

    @Override
    public double compute(Tensor yPred, Tensor yTrue, double[] grad) {
        double[] p = yPred.data(), y = yTrue.data();
        double sum = 0, n = p.length;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            sum += d * d;
            if (grad != null) grad[i] = 2 * d / n;
        }
        return sum / n;
    }
}
