package org.rnncourse.nn;

import java.util.Map;

/**
 * Where {@code fit} reports its progress. The default prints Keras-like lines to System.out
 * ({@link ConsoleProgress}); a notebook can plug in one that redraws a single line instead.
 * What the lines look like lives in {@link ProgressFormat}, so both show the same text.
 */
public interface ProgressListener {
    /** Epoch numbers are from 1 here, as the learner reads them. */
    void onEpochBegin(int epoch, int epochs);

    /** After each training batch; {@code logs} holds the running means of the epoch so far. */
    default void onBatchEnd(int step, int steps, Map<String, Double> logs, double seconds) {}

    /** After the epoch, with its final loss, metrics and validation values. */
    void onEpochEnd(int epoch, int epochs, int steps, Map<String, Double> logs, double seconds);

    /** A free line of text, e.g. EarlyStopping's "Epoch 5: early stopping". */
    default void onMessage(String line) {}

    /** A listener that shows nothing: {@code verbose(0)}. */
    static ProgressListener silent() {
        return new ProgressListener() {
            @Override
            public void onEpochBegin(int epoch, int epochs) {}

            @Override
            public void onEpochEnd(int epoch, int epochs, int steps, Map<String, Double> logs, double seconds) {}
        };
    }
}
