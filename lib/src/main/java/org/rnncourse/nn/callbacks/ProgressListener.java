package org.rnncourse.nn.callbacks;

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

    /** Both listeners, in order: e.g. the progress lines and the live curves. */
    static ProgressListener both(ProgressListener first, ProgressListener second) {
        return new ProgressListener() {
            @Override
            public void onEpochBegin(int epoch, int epochs) {
                first.onEpochBegin(epoch, epochs);
                second.onEpochBegin(epoch, epochs);
            }

            @Override
            public void onBatchEnd(int step, int steps, Map<String, Double> logs, double seconds) {
                first.onBatchEnd(step, steps, logs, seconds);
                second.onBatchEnd(step, steps, logs, seconds);
            }

            @Override
            public void onEpochEnd(int epoch, int epochs, int steps, Map<String, Double> logs, double seconds) {
                first.onEpochEnd(epoch, epochs, steps, logs, seconds);
                second.onEpochEnd(epoch, epochs, steps, logs, seconds);
            }

            @Override
            public void onMessage(String line) {
                first.onMessage(line);
                second.onMessage(line);
            }
        };
    }

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
