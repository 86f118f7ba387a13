package org.rnncourse.nn.metrics;

import java.util.Locale;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;

/**
 * A number reported during training that is not the loss. Each output row (one example, or one
 * time step) gets a value; the epoch's value is the mean over all rows seen, as Keras's running
 * mean gives.
 */
public interface Metric {
    /** The name in the logs and the History: {@code accuracy}, {@code mae}. */
    String name();

    /** The sum of the per-row values for this batch (the caller divides by the row count). */
    double sum(Tensor yPred, Tensor yTrue);

    /** Whether larger is better: EarlyStopping uses it to infer its mode. */
    default boolean higherIsBetter() {
        return false;
    }

    /**
     * Looks a metric up by name. As Keras 3 does, {@code "accuracy"} (or {@code "acc"}) is chosen from
     * the shapes: binary accuracy when the model has one output unit, sparse categorical accuracy when
     * the labels are integer ids (one axis fewer than the predictions, or a last axis of 1), and
     * categorical accuracy (argmax against one-hot rows) otherwise.
     *
     * @param labelShape the labels' shape with the batch axis, or null if not known yet
     * @param outputShape the model's output shape without the batch axis, or null if not known yet
     */
    static Metric of(String name, int[] labelShape, int[] outputShape) {
        String n = Args.notNull("metrics (a metric's name)", name).toLowerCase(Locale.ROOT);
        switch (n) {
            case "accuracy", "acc" -> {
                if (outputShape == null || outputShape[outputShape.length - 1] == 1) return new BinaryAccuracy(name);
                boolean sparse = labelShape != null && (labelShape.length < outputShape.length + 1
                        || labelShape[labelShape.length - 1] == 1);
                return sparse ? new SparseCategoricalAccuracy(name) : new CategoricalAccuracy(name);
            }
            case "binary_accuracy" -> { return new BinaryAccuracy(name); }
            case "categorical_accuracy" -> { return new CategoricalAccuracy(name); }
            case "sparse_categorical_accuracy" -> { return new SparseCategoricalAccuracy(name); }
            case "mae", "mean_absolute_error" -> { return new MeanAbsoluteError(name); }
            default -> throw new IllegalArgumentException(Messages.get("nn.metrics.unknown", name));
        }
    }
}
