package org.rnncourse.nn.trainers;

/**
 * Thrown when the loss becomes NaN or infinite during {@code fit}: the weights are already
 * broken, so going on would only print NaN for every later epoch.
 */
public class TrainingDivergedException extends RuntimeException {
    private final int epoch, batch;

    TrainingDivergedException(int epoch, int batch, int batches, double loss) {
        super("The loss became " + loss + (epoch == 0 ? " in trainOnBatch"
                : " at epoch " + epoch + ", batch " + batch + " of " + batches)
                + ": the training diverged, most likely because the gradients exploded. Try gradient clipping "
                + "(e.g. new Adam().clipnorm(1.0)) or a lower learning rate, and check the inputs for NaN "
                + "or very large values.");
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
