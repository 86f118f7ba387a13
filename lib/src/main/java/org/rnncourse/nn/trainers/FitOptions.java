package org.rnncourse.nn.trainers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.Callback;

/**
 * The keyword arguments of Keras's {@code fit}, with Keras's defaults (1 epoch, batch 32, no
 * validation, shuffling on, progress printed):
 * <pre>
 * new FitOptions().epochs(5).batchSize(128).validationSplit(0.2)
 *                 .callbacks(new EarlyStopping("val_loss", 2))
 * </pre>
 */
public final class FitOptions {
    int epochs = 1;
    int batchSize = 32;
    double validationSplit = 0.0;
    Tensor xVal, yVal;
    boolean shuffle = true;
    final List<Callback> callbacks = new ArrayList<>();
    int verbose = 1;
    boolean liveCurves;

    public FitOptions epochs(int epochs) {
        if (epochs < 1) throw new IllegalArgumentException(Messages.get("nn.fit.epochs", epochs));
        this.epochs = epochs;
        return this;
    }

    public FitOptions batchSize(int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException(Messages.get("nn.fit.batchSize", batchSize));
        this.batchSize = batchSize;
        return this;
    }

    /**
     * The fraction of the data kept for validation: the <em>last</em> examples, taken before any
     * shuffling, as Keras does (so shuffle sorted data yourself first).
     */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException(Messages.get("nn.fit.validationSplit", fraction));
        }
        this.validationSplit = fraction;
        return this;
    }

    /** Separate validation data (Keras's {@code validation_data=(x_val, y_val)}); wins over validationSplit. */
    public FitOptions validationData(Tensor x, Tensor y) {
        this.xVal = x;
        this.yVal = y;
        return this;
    }

    public FitOptions validationData(double[][][] x, double[] y) {
        return validationData(Tensor.of(x), Tensor.of(y));
    }

    public FitOptions validationData(int[][] x, int[] y) {
        return validationData(Tensor.of(x), Tensor.of(y));
    }

    public FitOptions shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /**
     * Keras's {@code callbacks=[...]}, called in this order; fit adds the {@link org.rnncourse.nn.callbacks.History}
     * and a progress bar after them (a {@link org.rnncourse.nn.callbacks.ProgressBar} given here, such as
     * {@code new ConsoleProgress(out, 2)}, takes the standard bar's place).
     */
    public FitOptions callbacks(Callback... callbacks) {
        this.callbacks.addAll(Arrays.asList(Args.noNulls("callbacks", callbacks)));
        return this;
    }

    /** 0 silent (no progress bar), 1 a progress bar line per epoch, 2 a compact line per epoch. */
    public FitOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) throw new IllegalArgumentException(Messages.get("nn.fit.verbose", verbose));
        this.verbose = verbose;
        return this;
    }

    public List<Callback> callbackList() {
        return Collections.unmodifiableList(callbacks);
    }

    /** Also draws the training curves while training runs, redrawn after each epoch (in a notebook). */
    public FitOptions liveCurves(boolean draw) {
        this.liveCurves = draw;
        return this;
    }
}
