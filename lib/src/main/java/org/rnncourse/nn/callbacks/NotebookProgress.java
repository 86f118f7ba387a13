package org.rnncourse.nn.callbacks;

import org.rnncourse.show.LiveDisplay;

/**
 * Keras-like progress in a notebook: the lines of finished epochs, and under them the running
 * epoch's bar, redrawn in place a few times a second instead of printing a line per batch.
 */
public final class NotebookProgress extends ProgressBar {
    /** Redraw at most this often: a redraw is a message to the browser. */
    private static final long REDRAW_NANOS = 250_000_000L;

    private final StringBuilder finished = new StringBuilder();
    private LiveDisplay display;
    private long lastRedraw;

    public NotebookProgress(int verbose) {
        super(verbose);
    }

    @Override
    protected void finishedLine(String line) {
        finished.append(line).append('\n');
        redraw(finished.toString());
    }

    @Override
    protected void runningLine(String line) {
        long now = System.nanoTime();
        if (now - lastRedraw >= REDRAW_NANOS) {
            lastRedraw = now;
            redraw(finished + line);
        }
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
