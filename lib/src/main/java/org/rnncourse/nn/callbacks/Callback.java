package org.rnncourse.nn.callbacks;

import java.util.Map;
import org.rnncourse.nn.Sequential;

/**
 * Code that {@code fit} calls at fixed moments, as Keras's callbacks. Epochs are counted from 0
 * here, as in Keras (the progress line shows them from 1). The logs map holds the epoch's
 * {@code loss}, metrics and {@code val_} values.
 */
public interface Callback {
    /** Called by fit before anything else, so the callback can stop or read the model. */
    default void setModel(Sequential model) {}

    default void onTrainBegin() {}

    default void onEpochBegin(int epoch) {}

    default void onEpochEnd(int epoch, Map<String, Double> logs) {}

    default void onTrainEnd() {}
}
