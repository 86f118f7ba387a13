package org.rnncourse.nn.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.rnncourse.nn.Sequential;
import org.rnncourse.show.LiveDisplay;

/**
 * The callbacks of one fit, called in one order (Keras's {@code CallbackList}): the given callbacks
 * in their order, then the {@link History}, then the progress bar, then the live curves. A
 * {@link ProgressBar} among the given callbacks takes the place of the standard one (after the
 * History, so what it shows is in the History); {@code verbose} 0 adds none.
 */
public final class CallbackList implements Callback {
    private final List<Callback> callbacks = new ArrayList<>();
    private final List<ProgressBar> bars = new ArrayList<>();

    public CallbackList(List<Callback> given, History history, int verbose, boolean liveCurves) {
        for (Callback c : given) {
            if (c instanceof ProgressBar bar) bars.add(bar);
            else callbacks.add(c);
        }
        callbacks.add(history);
        if (bars.isEmpty() && verbose > 0) bars.add(ProgressBar.standard(verbose));
        callbacks.addAll(bars);
        if (liveCurves && LiveDisplay.inNotebook()) callbacks.add(new LiveCurves());
    }

    /** Every callback, in the order they are called. */
    public List<Callback> callbacks() {
        return Collections.unmodifiableList(callbacks);
    }

    /** A line for the learner (e.g. EarlyStopping's), shown by the progress bar; nothing with verbose 0. */
    public void message(String line) {
        for (ProgressBar b : bars) b.message(line);
    }

    @Override
    public void setModel(Sequential model) {
        for (Callback c : callbacks) c.setModel(model);
    }

    @Override
    public void setParams(int epochs, int steps) {
        for (Callback c : callbacks) c.setParams(epochs, steps);
    }

    @Override
    public void onTrainBegin() {
        for (Callback c : callbacks) c.onTrainBegin();
    }

    @Override
    public void onEpochBegin(int epoch) {
        for (Callback c : callbacks) c.onEpochBegin(epoch);
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        for (Callback c : callbacks) c.onTrainBatchEnd(batch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        for (Callback c : callbacks) c.onEpochEnd(epoch, logs);
    }

    @Override
    public void onTrainEnd() {
        for (Callback c : callbacks) c.onTrainEnd();
    }
}
