package org.rnncourse.nn.callbacks;

import java.io.PrintStream;
import java.util.Map;

/**
 * Prints Keras-like progress, one line per epoch: "Epoch 1/5" and then the finished bar with the
 * epoch's values ({@code verbose} 1) or the compact form ({@code verbose} 2).
 */
public class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private final int verbose;

    public ConsoleProgress() {
        this(System.out, 1);
    }

    public ConsoleProgress(PrintStream out, int verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public void onEpochBegin(int epoch, int epochs) {
        out.println(ProgressFormat.epochHeader(epoch, epochs));
    }

    @Override
    public void onEpochEnd(int epoch, int epochs, int steps, Map<String, Double> logs, double seconds) {
        out.println(verbose == 2 ? ProgressFormat.compactLine(steps, logs, seconds)
                : ProgressFormat.progressLine(steps, steps, logs, seconds));
        out.flush();
    }

    @Override
    public void onMessage(String line) {
        out.println(line);
    }
}
