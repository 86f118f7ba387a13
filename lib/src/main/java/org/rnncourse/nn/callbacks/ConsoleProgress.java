package org.rnncourse.nn.callbacks;

import java.io.PrintStream;
import org.rnncourse.Args;

/** Keras-like progress printed one line at a time: "Epoch 1/5", then the epoch's finished line. */
public class ConsoleProgress extends ProgressBar {
    private final PrintStream out;

    public ConsoleProgress() {
        this(System.out, 1);
    }

    public ConsoleProgress(PrintStream out, int verbose) {
        super(verbose);
        this.out = Args.notNull("out", out);
    }

    @Override
    protected void finishedLine(String line) {
        out.println(line);
        out.flush();
    }
}
