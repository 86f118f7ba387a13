package org.rnncourse.nn.metrics;

import org.rnncourse.nn.backend.Tensor;

/** Mean of |prediction − target| over the last axis, per row: Keras's {@code "mae"}. */
public final class MeanAbsoluteError implements Metric {
    private final String name;

    public MeanAbsoluteError() {
        this("mae");
    }

    MeanAbsoluteError(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double sum(Tensor yPred, Tensor yTrue) {
        double[] p = yPred.data(), y = yTrue.data();
        int last = yPred.dim(yPred.rank() - 1);
        double s = 0;
        for (int i = 0; i < p.length; i++) s += Math.abs(p[i] - y[i]);
        return s / last;
    }
}
