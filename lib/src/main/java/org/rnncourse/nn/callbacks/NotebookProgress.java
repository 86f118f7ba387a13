package org.rnncourse.nn.callbacks;

import java.util.Map;
import org.rnncourse.show.LiveDisplay;

/**
 * Keras-like progress in a notebook: the lines of finished epochs, and under them the running
 * epoch's bar, redrawn in place a few times a second instead of printing a line per batch.
 */
public final class NotebookProgress implements ProgressListener {
    /** Redraw at most this often: a redraw is a message to the browser. */
    private static final long REDRAW_NANOS = 250_000_000L;

    private final int verbose;
    private final StringBuilder finished = new StringBuilder();
    private LiveDisplay display;
    private long lastRedraw;

    public NotebookProgress(int verbose) {
        this.verbose = verbose;
    }

    @Override
    public void onEpochBegin(int epoch, int epochs) {
        finished.append(ProgressFormat.epochHeader(epoch, epochs)).append('\n');
        redraw(finished.toString());
    }

    @Override
    public void onBatchEnd(int step, int steps, Map<String, Double> logs, double seconds) {
        long now = System.nanoTime();
        if (verbose == 1 && now - lastRedraw >= REDRAW_NANOS) {
            lastRedraw = now;
            redraw(finished + ProgressFormat.progressLine(step, steps, logs, seconds));
        }
    }

    @Override
    public void onEpochEnd(int epoch, int epochs, int steps, Map<String, Double> logs, double seconds) {
        finished.append(verbose == 2 ? ProgressFormat.compactLine(steps, logs, seconds)
                : ProgressFormat.progressLine(steps, steps, logs, seconds)).append('\n');
        redraw(finished.toString());
    }

    @Override
    public void onMessage(String line) {
        finished.append(line).append('\n');
        redraw(finished.toString());
    }

    private void redraw(String text) {
        String shown = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (display == null) {
            display = LiveDisplay.startText(shown);
        } else {
            display.update(shown);
        }
    }
}
