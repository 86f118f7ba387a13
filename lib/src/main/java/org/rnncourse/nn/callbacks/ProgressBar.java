package org.rnncourse.nn.callbacks;

import java.util.Map;
import org.rnncourse.show.LiveDisplay;

/**
 * Keras's progress output as a callback ({@code ProgbarLogger}): "Epoch 1/5", then the finished bar
 * with the epoch's values ({@code verbose} 1) or the compact line ({@code verbose} 2). What the lines
 * look like lives in {@link ProgressFormat}; where they go is the subclass's: printed lines
 * ({@link ConsoleProgress}) or one display redrawn in place ({@link NotebookProgress}).
 *
 * <p>fit adds one by itself unless {@code verbose(0)} or one is among the callbacks; it runs after the
 * {@link History}. Other callbacks' messages ({@code "Epoch 5: early stopping"}) go through
 * {@link #message}, so they appear in the same place as the progress.
 */
public abstract class ProgressBar implements Callback {
    protected final int verbose;
    private int epochs = 1, steps;
    private long epochStart;

    protected ProgressBar(int verbose) {
        if (verbose < 1 || verbose > 2) throw new IllegalArgumentException("a progress bar's verbose must be 1 or 2, got " + verbose);
        this.verbose = verbose;
    }

    /** The bar fit uses when none is given: redrawn in place in a notebook, printed lines elsewhere. */
    public static ProgressBar standard(int verbose) {
        return LiveDisplay.inNotebook() ? new NotebookProgress(verbose) : new ConsoleProgress(System.out, verbose);
    }

    /** A line that stays: a header, a finished epoch, a message. */
    protected abstract void finishedLine(String line);

    /** The running epoch's bar after a batch; shown only where it can be redrawn in place. */
    protected void runningLine(String line) {}

    /** A free line of text from another callback, shown with the progress. */
    public void message(String line) {
        finishedLine(line);
    }

    @Override
    public void setParams(int epochs, int steps) {
        this.epochs = epochs;
        this.steps = steps;
    }

    @Override
    public void onEpochBegin(int epoch) {
        epochStart = System.nanoTime();
        finishedLine(ProgressFormat.epochHeader(epoch + 1, epochs));
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (verbose == 1) runningLine(ProgressFormat.progressLine(batch + 1, steps, logs, seconds()));
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        finishedLine(verbose == 2 ? ProgressFormat.compactLine(steps, logs, seconds())
                : ProgressFormat.progressLine(steps, steps, logs, seconds()));
    }

    /** The epochs fit runs and the batches of each, as {@link #setParams} was told. */
    protected int epochs() {
        return epochs;
    }

    protected int steps() {
        return steps;
    }

    /** Seconds since the running epoch began (its batches and its validation pass). */
    protected double seconds() {
        return (System.nanoTime() - epochStart) / 1e9;
    }
}
