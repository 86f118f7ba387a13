package org.rnncourse.nn;

import java.util.Locale;

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
     * Looks a metric up by name. As Keras does, {@code "accuracy"} (or {@code "acc"}) becomes binary
     * accuracy for binary cross-entropy or a single output unit, sparse categorical accuracy for
     * integer labels, and categorical accuracy (argmax) otherwise.
     */
    static Metric of(String name, Loss loss, int[] outputShape) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "accuracy", "acc" -> {
                if (loss instanceof BinaryCrossentropy) return new BinaryAccuracy(name);
                if (loss instanceof SparseCategoricalCrossentropy) return new SparseCategoricalAccuracy(name);
                if (loss instanceof CategoricalCrossentropy) return new CategoricalAccuracy(name);
                boolean oneUnit = outputShape != null && outputShape[outputShape.length - 1] == 1;
                return oneUnit ? new BinaryAccuracy(name) : new CategoricalAccuracy(name);
            }
            case "binary_accuracy" -> { return new BinaryAccuracy(name); }
            case "categorical_accuracy" -> { return new CategoricalAccuracy(name); }
            case "sparse_categorical_accuracy" -> { return new SparseCategoricalAccuracy(name); }
            case "mae", "mean_absolute_error" -> { return new MeanAbsoluteError(name); }
            default -> throw new IllegalArgumentException("metrics: unknown name '" + name + "'; expected "
                    + "accuracy, binary_accuracy, categorical_accuracy, sparse_categorical_accuracy or mae");
        }
    }
}
