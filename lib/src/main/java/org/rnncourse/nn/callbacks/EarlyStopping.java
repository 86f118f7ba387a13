package org.rnncourse.nn.callbacks;

import org.rnncourse.Messages;
import java.util.List;
import java.util.Map;
import org.rnncourse.Args;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.metrics.Metric;

/**
 * Stops training when the monitored value ({@code val_loss} by default) has not improved for
 * {@code patience} epochs, following Keras 3's rules exactly:
 * <ul>
 *   <li>the direction is inferred from the name: losses and errors should go down, accuracy up
 *       (or set {@link #mode(String)} to "min" or "max");</li>
 *   <li>an epoch improves only if it beats the best value by more than {@code minDelta};</li>
 *   <li>a wait counter grows each epoch and returns to 0 on an improvement; training stops at the
 *       end of an epoch without improvement once wait ≥ patience (never after the first epoch);</li>
 *   <li>with {@code restoreBestWeights}, the weights of the best epoch are put back when training
 *       ends — in Keras 3 this happens whether or not training was stopped early.</li>
 * </ul>
 */
public class EarlyStopping implements Callback {
    private final String monitor;
    private final int patience;
    private final double minDelta;
    private boolean restoreBestWeights;
    private String mode = "auto";
    private Double baseline;
    private int startFromEpoch;
    private int verbose;

    private Sequential model;
    private Boolean lowerIsBetter; // decided at the first epoch end, as Keras does
    private double best;
    private int wait, stoppedEpoch, bestEpoch;
    private List<double[]> bestWeights;

    /** Keras's defaults: monitor val_loss, patience 0, minDelta 0, no restoring. */
    public EarlyStopping() {
        this("val_loss", 0, 0.0, false);
    }

    /** {@code new EarlyStopping("val_loss", 2)}. */
    public EarlyStopping(String monitor, int patience) {
        this(monitor, patience, 0.0, false);
    }

    public EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBestWeights) {
        Args.atLeast("EarlyStopping patience", patience, 0);
        this.monitor = Args.notNull("EarlyStopping monitor", monitor);
        this.patience = patience;
        this.minDelta = Math.abs(Args.finite("EarlyStopping minDelta", minDelta));
        this.restoreBestWeights = restoreBestWeights;
    }

    /**
     * Keras's {@code restore_best_weights}: when training ends, put back the weights of the epoch with
     * the best monitored value. Without it the model keeps the last epoch's weights, which are
     * {@code patience} epochs past the best when training was stopped early: the overfit ones.
     */
    public EarlyStopping restoreBestWeights(boolean restore) {
        this.restoreBestWeights = restore;
        return this;
    }

    public boolean restoreBestWeights() {
        return restoreBestWeights;
    }

    /** "auto" (default), "min" or "max". */
    public EarlyStopping mode(String mode) {
        Args.notNull("EarlyStopping mode", mode);
        if (!List.of("auto", "min", "max").contains(mode)) {
            throw new IllegalArgumentException(Messages.get("nn.callbacks.mode", "EarlyStopping", mode));
        }
        this.mode = mode;
        return this;
    }

    /** Only improvements beyond this value reset the wait counter. */
    public EarlyStopping baseline(double baseline) {
        this.baseline = Args.finite("EarlyStopping baseline", baseline);
        return this;
    }

    /** Epochs to let pass before monitoring starts (a warm-up). */
    public EarlyStopping startFromEpoch(int epoch) {
        this.startFromEpoch = Args.atLeast("EarlyStopping startFromEpoch (epoch)", epoch, 0);
        return this;
    }

    /** 1 prints "Epoch 5: early stopping" and the restore message, as Keras's verbose=1. */
    public EarlyStopping verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    @Override
    public void setModel(Sequential model) {
        this.model = model;
    }

    @Override
    public void onTrainBegin() {
        wait = 0;
        stoppedEpoch = 0;
        bestWeights = null;
        bestEpoch = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (lowerIsBetter == null) decideDirection();
        Double current = logs.get(monitor);
        if (current == null) {
            model.trainer().log(Messages.get("earlyStopping.noMetric", monitor, String.join(",", logs.keySet())));
            return;
        }
        if (epoch < startFromEpoch) return;
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model.getWeights(); // nothing better seen yet: the current weights are the best
            bestEpoch = epoch;
        }
        wait++;
        if (isImprovement(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) bestWeights = model.getWeights();
            if (baseline == null || isImprovement(current, baseline)) wait = 0;
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model.stopTraining(true);
        }
    }

    @Override
    public void onTrainEnd() {
        if (stoppedEpoch > 0 && verbose > 0) model.trainer().log(Messages.get("earlyStopping.stopped", stoppedEpoch + 1));
        if (restoreBestWeights && bestWeights != null) {
            if (verbose > 0) {
                model.trainer().log(Messages.get("earlyStopping.restoring", bestEpoch + 1));
            }
            model.setWeights(bestWeights);
        }
    }

    private void decideDirection() {
        if (mode.equals("min")) {
            lowerIsBetter = true;
        } else if (mode.equals("max")) {
            lowerIsBetter = false;
        } else {
            String metric = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
            if (metric.equals("loss")) lowerIsBetter = true;
            for (Metric m : model.trainer().compiledMetrics()) {
                if (m.name().equals(metric)) lowerIsBetter = !m.higherIsBetter();
            }
            if (lowerIsBetter == null) {
                throw new IllegalArgumentException(Messages.get("nn.callbacks.direction", "EarlyStopping", monitor));
            }
        }
        best = lowerIsBetter ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    // Keras: monitor_op(current - min_delta, reference), with min_delta negated in "min" mode.
    private boolean isImprovement(double current, double reference) {
        return lowerIsBetter ? current + minDelta < reference : current - minDelta > reference;
    }

    /** The epoch (from 0) at which training was stopped, 0 if it was not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch (from 0) with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double best() {
        return best;
    }

    /** Epochs since the last improvement. */
    public int waitCount() {
        return wait;
    }
}
