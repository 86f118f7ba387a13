package org.rnncourse.nn.metrics;

import org.rnncourse.metrics.Metrics;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.scratch.OwnWork;

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
        OwnWork.entry(OwnWork.Topic.METRICS, "MeanAbsoluteError.sum"); // lesson 07 asks for the MAE by hand
        // Σ |y − ŷ| over the batch, per row: the mean over the last axis (Metrics.mae's sum).
        return Metrics.absoluteErrorSum(yTrue.data(), yPred.data()) / yPred.dim(yPred.rank() - 1);
    }
}
