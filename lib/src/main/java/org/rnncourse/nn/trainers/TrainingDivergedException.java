package org.rnncourse.nn.trainers;

import org.rnncourse.Messages;

/**
 * Thrown when the loss becomes NaN or infinite during {@code fit}: the weights are already
 * broken, so going on would only print NaN for every later epoch.
 */
public class TrainingDivergedException extends RuntimeException {
    private final int epoch, batch;

    TrainingDivergedException(int epoch, int batch, int batches, double loss) {
        super(epoch == 0 ? Messages.get("nn.diverged.trainOnBatch", loss)
                : Messages.get("nn.diverged.fit", loss, epoch, batch, batches));
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch (from 1) in which the loss stopped being a finite number; 0 in trainOnBatch. */
    public int epoch() {
        return epoch;
    }

    /** The batch (from 1) within that epoch. */
    public int batch() {
        return batch;
    }
}
