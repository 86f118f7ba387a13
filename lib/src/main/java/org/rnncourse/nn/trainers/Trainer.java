package org.rnncourse.nn.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.fast.Fast;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Backend;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.CallbackList;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.losses.Loss;
import org.rnncourse.nn.metrics.Metric;
import org.rnncourse.nn.optimizers.Optimizer;

/**
 * The training loop of one model: what compile sets (optimizer, loss, metrics) and fit, evaluate,
 * predict. Keras keeps this in its {@code Trainer}, apart from the layers; {@link Sequential} holds
 * the layers and hands these calls here, so {@code model.fit(...)} reads as in Keras.
 *
 * <p>One step of fit: forward, loss, backward, optimizer. Around the steps, the callbacks
 * ({@link CallbackList}: the given ones, the {@link History}, the progress bar) see every epoch.
 */
public final class Trainer {
    private final Sequential model;
    private Optimizer optimizer;
    private Loss loss;
    private List<String> metricNames = List.of();
    private List<Metric> metrics; // resolved from the first labels seen ("accuracy" depends on their shape)
    private boolean stopTraining;
    private History history; // of the running or last fit, filled epoch by epoch
    private CallbackList callbacks; // of the running fit, for the callbacks' messages

    public Trainer(Sequential model) {
        this.model = Args.notNull("model", model);
    }

    // ---- compile -------------------------------------------------------------------------------

    public void compile(Optimizer optimizer, Loss loss, String... metrics) {
        if (optimizer == null || loss == null) throw new IllegalArgumentException(Messages.get("nn.trainer.compileNeeds"));
        Args.noNulls("metrics", metrics);
        for (String m : metrics) Metric.of(m, null, null); // unknown names fail here, not in fit
        this.optimizer = optimizer;
        this.loss = loss;
        this.metricNames = List.of(metrics);
        this.metrics = null;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Loss loss() {
        return loss;
    }

    /** The metric names given to compile, as Keras's compile config lists them. */
    public List<String> metricNames() {
        return metricNames;
    }

    /** The metrics as resolved for the model: like Keras, from the shapes of the first labels seen. */
    public List<Metric> compiledMetrics() {
        if (metrics != null) return metrics;
        List<Metric> ms = new ArrayList<>();
        for (String m : metricNames) ms.add(Metric.of(m, null, model.isBuilt() ? model.outputShape() : null));
        return ms;
    }

    private void resolveMetrics(Tensor labels) {
        if (metrics != null) return;
        List<Metric> ms = new ArrayList<>();
        for (String m : metricNames) ms.add(Metric.of(m, labels.shape(), model.outputShape()));
        metrics = ms;
    }

    // ---- what callbacks use --------------------------------------------------------------------

    /** Set by a callback (EarlyStopping) to end fit after the current epoch. */
    public void stopTraining(boolean stop) {
        this.stopTraining = stop;
    }

    /** A message for the learner, through the running fit's progress bar (silent with verbose 0). */
    public void log(String line) {
        if (callbacks != null) callbacks.message(line);
    }

    /** The History of the running or last fit; it holds every epoch that finished. Null before any fit. */
    public History history() {
        return history;
    }

    // ---- fit -----------------------------------------------------------------------------------

    /** One gradient step on one batch; returns the batch loss (Keras's {@code train_on_batch}). */
    public double trainOnBatch(Tensor x, Tensor y) {
        requireCompiled("trainOnBatch");
        DataChecks.prepareInput(model, "x", x);
        return trainStep(x, loss.prepareTargets(y, model.outputShape()), 0, 0, 0, null);
    }

    private double trainStep(Tensor x, Tensor y, int epoch, int batch, int batches, double[] metricSums) {
        Tensor out = model.forward(x, true);
        double[] grad = new double[out.size()];
        double l = loss.compute(out, y, grad);
        if (!Double.isFinite(l)) throw new TrainingDivergedException(epoch, batch, batches, l);
        model.backward(new Tensor(grad, out.shape()));
        optimizer.apply(model.parameters());
        if (metricSums != null) {
            List<Metric> ms = compiledMetrics();
            for (int i = 0; i < ms.size(); i++) metricSums[i] += ms.get(i).sum(out, y);
        }
        return l;
    }

    /** Keras's fit: {@code epochs} passes over the data in shuffled mini-batches; the History of every epoch. */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        requireCompiled("fit");
        Args.notNull("options", options);
        DataChecks.checkPair("x", "y", x, y);
        DataChecks.prepareInput(model, "x", x);
        resolveMetrics(y);
        Tensor yAll = loss.prepareTargets(y, model.outputShape());

        Tensor xTrain = x, yTrain = yAll, xVal = null, yVal = null;
        if (options.xVal != null) {
            DataChecks.checkPair("validation x", "validation y", options.xVal, options.yVal);
            DataChecks.prepareInput(model, "validation x", options.xVal);
            xVal = options.xVal;
            yVal = loss.prepareTargets(options.yVal, model.outputShape());
        } else if (options.validationSplit > 0) {
            // Keras: the last fraction, cut before shuffling.
            int n = x.batchSize(), splitAt = (int) Math.floor(n * (1.0 - options.validationSplit));
            if (splitAt == 0 || splitAt == n) {
                throw new IllegalArgumentException(Messages.get(splitAt == 0 ? "nn.trainer.splitNoTraining" : "nn.trainer.splitNoValidation",
                        options.validationSplit, n));
            }
            xTrain = x.rows(0, splitAt);
            yTrain = yAll.rows(0, splitAt);
            xVal = x.rows(splitAt, n);
            yVal = yAll.rows(splitAt, n);
        }

        List<Metric> ms = compiledMetrics();
        int n = xTrain.batchSize(), batchSize = options.batchSize, steps = (n + batchSize - 1) / batchSize;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;

        history = new History(); // readable while fit runs, and after an interrupt
        CallbackList cbs = new CallbackList(options.callbacks, history, options.verbose, options.liveCurves);
        callbacks = cbs;
        if (Backend.isFloat32()) Fast.adviseOnce(); // one line on stdout if the slow kernels run
        stopTraining = false;
        try {
            cbs.setModel(model);
            cbs.setParams(options.epochs, steps);
            cbs.onTrainBegin();
            for (int epoch = 0; epoch < options.epochs && !stopTraining; epoch++) {
                cbs.onEpochBegin(epoch);
                if (options.shuffle) shuffle(order);
                double lossSum = 0;
                double[] metricSums = new double[ms.size()];
                long rows = 0;
                for (int b = 0; b < steps; b++) {
                    int from = b * batchSize, to = Math.min(n, from + batchSize);
                    double l = trainStep(xTrain.take(order, from, to), yTrain.take(order, from, to),
                            epoch + 1, b + 1, steps, metricSums);
                    lossSum += l * (to - from); // Keras averages the loss over examples
                    rows += outputRows(to - from);
                    cbs.onTrainBatchEnd(b, Logs.of(lossSum / to, metricSums, rows, ms));
                }
                Map<String, Double> logs = Logs.of(lossSum / n, metricSums, rows, ms);
                if (xVal != null) evaluateInto(xVal, yVal, batchSize).forEach((k, v) -> logs.put("val_" + k, v));
                cbs.onEpochEnd(epoch, logs);
            }
            cbs.onTrainEnd();
        } finally {
            callbacks = null;
        }
        return history;
    }

    // ---- evaluate and predict ------------------------------------------------------------------

    /** The loss and metrics on data, without training (Keras's {@code evaluate}), batches of 32. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        requireCompiled("evaluate");
        DataChecks.checkPair("x", "y", x, y);
        DataChecks.prepareInput(model, "x", x);
        resolveMetrics(y);
        return evaluateInto(x, loss.prepareTargets(y, model.outputShape()), 32);
    }

    private Map<String, Double> evaluateInto(Tensor x, Tensor y, int batchSize) {
        List<Metric> ms = compiledMetrics();
        int n = x.batchSize();
        double lossSum = 0;
        double[] metricSums = new double[ms.size()];
        long rows = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            Tensor out = model.forward(x.rows(from, to), false), yb = y.rows(from, to);
            lossSum += loss.compute(out, yb, null) * (to - from);
            for (int i = 0; i < ms.size(); i++) metricSums[i] += ms.get(i).sum(out, yb);
            rows += outputRows(to - from);
        }
        return Logs.of(lossSum / n, metricSums, rows, ms);
    }

    /** The model's outputs for x, in batches of 32, with dropout off (Keras's {@code predict}). */
    public Tensor predict(Tensor x) {
        Args.notNull("x", x);
        DataChecks.requireFinite("x", x);
        if (x.batchSize() == 0) throw new IllegalArgumentException(Messages.get("nn.trainer.predictEmpty", x));
        DataChecks.prepareInput(model, "x", x);
        int n = x.batchSize();
        double[] all = null;
        int[] shape = null;
        for (int from = 0; from < n; from += 32) {
            int to = Math.min(n, from + 32);
            Tensor out = model.forward(x.rows(from, to), false);
            if (all == null) {
                shape = out.shape();
                shape[0] = n;
                all = new double[Tensor.sizeOf(shape)];
            }
            System.arraycopy(out.data(), 0, all, from * (out.size() / (to - from)), out.size());
        }
        return new Tensor(all, shape);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Output rows per batch of examples: 1 per example, or 1 per time step for sequence outputs. */
    private long outputRows(int examples) {
        int[] out = model.outputShape();
        long perExample = 1;
        for (int i = 0; i < out.length - 1; i++) perExample *= out[i];
        return perExample * examples;
    }

    /** Fisher–Yates with the model's generator: the same seed gives the same batches. */
    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = model.random().nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private void requireCompiled(String what) {
        if (optimizer == null) {
            throw new IllegalStateException(Messages.get("nn.trainer.notCompiled", what));
        }
    }
}
