package org.rnncourse.nn.callbacks;

import java.util.Map;
import org.rnncourse.nn.Sequential;

/**
 * Code that {@code fit} calls at fixed moments, as Keras's callbacks: everything that watches
 * training is one, {@link History} and the progress bars included. Epochs and batches are counted
 * from 0 here, as in Keras (the progress line shows them from 1). The logs map holds the epoch's
 * {@code loss}, metrics and {@code val_} values; in {@link #onTrainBatchEnd} the running means
 * of the epoch so far.
 *
 * <p>The order, as Keras's {@code CallbackList}: the callbacks given to
 * {@code FitOptions.callbacks(...)} in their order, then the {@link History}, then the progress bar
 * and the live curves, so what a progress bar shows is already in the History.
 */
public interface Callback {
    /** Called by fit before anything else, so the callback can stop or read the model. */
    default void setModel(Sequential model) {}

    /** Keras's {@code set_params}: how many epochs fit runs and how many batches each has. */
    default void setParams(int epochs, int steps) {}

    default void onTrainBegin() {}

    default void onEpochBegin(int epoch) {}

    /** After each training batch, {@code batch} from 0. */
    default void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

    default void onEpochEnd(int epoch, Map<String, Double> logs) {}

    default void onTrainEnd() {}
}
