package org.rnncourse.nn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rnncourse.Args;
import org.rnncourse.nn.backend.Backend;
import org.rnncourse.nn.backend.FastFront;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.Callback;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.callbacks.ProgressListener;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.losses.Loss;
import org.rnncourse.nn.metrics.Metric;
import org.rnncourse.nn.optimizers.Optimizer;
import org.rnncourse.nn.saving.ModelFile;
import org.rnncourse.nn.trainers.FitOptions;
import org.rnncourse.nn.trainers.TrainingDivergedException;
import org.rnncourse.nn.utils.Keras;
import org.rnncourse.nn.utils.ModelSummary;
import org.rnncourse.show.LiveDisplay;
import org.rnncourse.show.Numbers;
import org.rnncourse.show.Show;
import tech.tablesaw.api.Table;

/**
 * A stack of layers, each feeding the next: Keras's {@code keras.Sequential}.
 * <pre>
 * Sequential model = new Sequential(
 *         new Input(10, 32),
 *         SimpleRNN.builder(64).returnSequences(true).build(),
 *         new SimpleRNN(32),
 *         new Dense(10, "softmax"));
 * model.summary();
 * model.compile(new Adam(), "categorical_crossentropy", "accuracy");
 * History h = model.fit(x, y, new FitOptions().epochs(5).batchSize(32).validationSplit(0.2));
 * </pre>
 * One random generator, seeded from the constructor or from {@link Keras#setRandomSeed}, makes the
 * initial weights, dropout masks and shuffles: the same seed gives the same run (on a machine with the
 * same number of cores, up to two: the fast path splits a batch between two threads when it can).
 */
public class Sequential {
    private String name = "sequential";
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final Random rng;
    private int[] inputShape; // one example, without the batch; null until known

    private Optimizer optimizer;
    private Loss loss;
    private List<String> metricNames = List.of();
    private List<Metric> metrics;
    private boolean stopTraining;
    private ProgressListener progress = ProgressListener.silent();
    private boolean fastPath = true;
    private FastFront fastFront; // the float path for the model's front layers, made on first use
    private History history; // of the running or last fit, filled epoch by epoch

    /** A model seeded from {@link Keras#setRandomSeed} if set, otherwise random. */
    public Sequential(Layer... layers) {
        this(Keras.nextSeed(), layers);
    }

    /** A model whose run is reproducible from {@code seed}. */
    public Sequential(long seed, Layer... layers) {
        this.rng = new Random(seed);
        for (Layer l : Args.noNulls("layers", layers)) add(l);
    }

    /** Keras's {@code name=}: the name in the summary's first line. */
    public Sequential name(String name) {
        this.name = name;
        return this;
    }

    public String name() {
        return name;
    }

    // ---- building ------------------------------------------------------------------------------

    /** Adds a layer on top; it gets Keras's automatic name and, if the input shape is known, its weights. */
    public void add(Layer layer) {
        if (layer instanceof Input in) {
            if (!layers.isEmpty() || inputShape != null) {
                throw new IllegalArgumentException("Input must be the first thing added to a Sequential model");
            }
            inputShape = in.shape();
            return;
        }
        if (layers.contains(layer)) throw new IllegalArgumentException(layer.describe() + " is already in the model");
        if (layer.readsTokenIds() && !layers.isEmpty()) {
            throw new IllegalArgumentException(layer.describe() + " reads token ids, so it must be the first layer");
        }
        if (layer instanceof RecurrentLayer r && r.returnState()) {
            throw new IllegalArgumentException(layer.describe() + " has returnState(true): in a Sequential model each "
                    + "layer has one output; call forward(...) and states() on the layer itself instead");
        }
        if (layer.declaredInputShape() != null) {
            if (!layers.isEmpty() || inputShape != null) {
                throw new IllegalArgumentException(layer.describe() + ": only the first layer can take an inputShape");
            }
            inputShape = layer.declaredInputShape();
        }
        if (layer.name() == null) {
            layer.name(uniqueName(layer.namePrefix()));
        } else {
            for (Layer l : layers) {
                if (l.name().equals(layer.name())) {
                    throw new IllegalArgumentException("the model already has a layer named '" + layer.name()
                            + "': layer names must be unique");
                }
            }
        }
        layers.add(layer);
        fastFront = null;
        if (inputShape != null) buildLayers();
    }

    /** dense, dense_1, dense_2…: Keras's names, counted per layer type within this model. */
    private String uniqueName(String prefix) {
        int n = nameCounts.merge(prefix, 1, Integer::sum) - 1;
        return n == 0 ? prefix : prefix + "_" + n;
    }

    /** Creates the weights for one example of this shape (Keras's {@code model.build}). */
    public Sequential build(int... inputShape) {
        requireSteps("inputShape", Args.notNull("inputShape", inputShape));
        if (this.inputShape != null && !java.util.Arrays.equals(this.inputShape, inputShape)) {
            throw new IllegalArgumentException("the model expects input " + Tensor.batchShapeString(this.inputShape)
                    + ", cannot build it for " + Tensor.batchShapeString(inputShape));
        }
        this.inputShape = inputShape.clone();
        buildLayers();
        return this;
    }

    private void buildLayers() {
        int[] shape = inputShape;
        for (Layer l : layers) {
            l.build(shape, rng);
            shape = l.outputShape(shape);
        }
    }

    public boolean isBuilt() {
        return inputShape != null;
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** A layer by its name, e.g. {@code getLayer("simple_rnn")}. */
    public Layer getLayer(String layerName) {
        for (Layer l : layers) if (layerName.equals(l.name())) return l;
        throw new IllegalArgumentException("no layer named '" + layerName + "'; the model has " + layers);
    }

    /** The shape of one input example, or null before it is known. */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    /** Each layer's output shape (without batch), or null before the input shape is known. */
    public List<int[]> outputShapes() {
        if (inputShape == null) return null;
        List<int[]> out = new ArrayList<>();
        int[] shape = inputShape;
        for (Layer l : layers) {
            shape = l.outputShape(shape);
            out.add(shape);
        }
        return out;
    }

    /** The model's output shape (without batch). */
    public int[] outputShape() {
        List<int[]> s = outputShapes();
        if (s == null) throw new IllegalStateException("the model has no input shape yet: add an Input or fit it");
        return s.isEmpty() ? inputShape.clone() : s.get(s.size() - 1);
    }

    /** Every weight of every layer, in order. */
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) ps.addAll(l.parameters());
        return ps;
    }

    public long countParams() {
        long n = 0;
        for (Layer l : layers) n += l.countParams();
        return n;
    }

    /** Copies of all weights (Keras's {@code get_weights()}). */
    public List<double[]> getWeights() {
        List<double[]> ws = new ArrayList<>();
        for (Parameter p : parameters()) ws.add(p.value().clone());
        return ws;
    }

    /** Puts weights back, e.g. from {@link #getWeights()}. */
    public void setWeights(List<double[]> weights) {
        List<Parameter> ps = parameters();
        if (weights.size() != ps.size()) {
            throw new IllegalArgumentException("setWeights: got " + weights.size() + " arrays, the model has " + ps.size());
        }
        for (int i = 0; i < ps.size(); i++) {
            if (weights.get(i).length != ps.get(i).size()) {
                throw new IllegalArgumentException("setWeights: array " + i + " has " + weights.get(i).length
                        + " values, " + ps.get(i) + " needs " + ps.get(i).size());
            }
            System.arraycopy(weights.get(i), 0, ps.get(i).value(), 0, ps.get(i).size());
        }
    }

    // ---- saving --------------------------------------------------------------------------------

    /**
     * Saves the whole model, Keras's {@code model.save("imdb.keras")}: architecture, weights, compile
     * settings and optimizer state in a Keras 3 {@code .keras} file, so {@link #loadModel} gives back a
     * model that predicts the same and trains on from where this one stopped. The write is atomic:
     * if it fails, a file that was there before is unchanged.
     */
    public void save(String path) {
        save(pathOf("save", path));
    }

    public void save(Path path) {
        ModelFile.save(this, path);
    }

    /** Rebuilds a model saved with {@link #save} (Keras's {@code keras.models.load_model}). */
    public static Sequential loadModel(String path) {
        return loadModel(pathOf("loadModel", path));
    }

    private static Path pathOf(String method, String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(method + ": the path must be a file name such as \"models/imdb.keras\", got "
                    + (path == null ? "null" : "an empty string"));
        }
        try {
            return Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(method + ": \"" + path + "\" is not a valid path (" + e.getReason() + ")");
        }
    }

    public static Sequential loadModel(Path path) {
        if (path == null) throw new IllegalArgumentException("loadModel: the path must not be null");
        return ModelFile.load(path);
    }

    /** Saves only the weights, as HDF5 (Keras's {@code model.save_weights("imdb.weights.h5")}). */
    public void saveWeights(String path) {
        saveWeights(pathOf("saveWeights", path));
    }

    public void saveWeights(Path path) {
        ModelFile.saveWeights(this, path);
    }

    /**
     * Puts weights saved with {@link #saveWeights} into this model, which must have the same layers
     * and shapes (Keras's {@code load_weights}). If the file does not fit, nothing is changed.
     */
    public void loadWeights(String path) {
        loadWeights(pathOf("loadWeights", path));
    }

    public void loadWeights(Path path) {
        if (path == null) throw new IllegalArgumentException("loadWeights: the path must not be null");
        ModelFile.loadWeights(this, path);
    }

    /** The model's random generator: a saved model keeps its state (shuffles and dropout go on). */
    public Random random() {
        return rng;
    }

    /** The metric names given to compile, as Keras's compile config lists them. */
    public List<String> metricNames() {
        return metricNames;
    }

    // ---- summary -------------------------------------------------------------------------------

    /**
     * Prints the summary exactly as Keras 3 does. In a notebook it is shown as a block of
     * monospaced text whose lines touch, so the table's box lines join (see {@link Show#monospaced}).
     */
    public void summary() {
        String text = summaryText();
        if (LiveDisplay.inNotebook()) {
            Show.monospaced(text);
        } else {
            System.out.print(text);
        }
    }

    /** The summary as text, line for line Keras 3's. */
    public String summaryText() {
        return ModelSummary.text(this);
    }

    /** The summary's rows as a Tablesaw table (a notebook renders it as HTML). */
    public Table summaryTable() {
        return ModelSummary.table(this);
    }

    // ---- compiling -----------------------------------------------------------------------------

    /** {@code compile(new Adam(), new BinaryCrossentropy(), "accuracy")}. */
    public void compile(Optimizer optimizer, Loss loss, String... metrics) {
        if (optimizer == null || loss == null) throw new IllegalArgumentException("compile needs an optimizer and a loss");
        Args.noNulls("metrics", metrics);
        for (String m : metrics) Metric.of(m, null, null); // unknown names fail here, not in fit
        this.optimizer = optimizer;
        this.loss = loss;
        this.metricNames = List.of(metrics);
        this.metrics = null; // resolved from the first labels seen ("accuracy" depends on their shape)
    }

    /** {@code compile(new Adam().clipnorm(1.0), "binary_crossentropy", "accuracy")}. */
    public void compile(Optimizer optimizer, String loss, String... metrics) {
        compile(optimizer, Loss.of(loss), metrics);
    }

    /** {@code compile("adam", "binary_crossentropy", "accuracy")}, with Keras's default settings. */
    public void compile(String optimizer, String loss, String... metrics) {
        compile(Optimizer.of(optimizer), Loss.of(loss), metrics);
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Loss loss() {
        return loss;
    }

    /**
     * The metrics as resolved for this model (e.g. "accuracy" as binary accuracy); like Keras, the
     * choice is made from the shapes of the first labels and predictions seen by fit or evaluate.
     */
    public List<Metric> compiledMetrics() {
        if (metrics != null) return metrics;
        List<Metric> ms = new ArrayList<>();
        for (String m : metricNames) ms.add(Metric.of(m, null, isBuilt() ? outputShape() : null));
        return ms;
    }

    private void resolveMetrics(Tensor labels) {
        if (metrics != null) return;
        List<Metric> ms = new ArrayList<>();
        for (String m : metricNames) ms.add(Metric.of(m, labels.shape(), outputShape()));
        metrics = ms;
    }

    /** Set by a callback (EarlyStopping) to end fit after the current epoch. */
    public void stopTraining(boolean stop) {
        this.stopTraining = stop;
    }

    /** A message for the learner, through the current progress display (silent with verbose 0). */
    public void log(String line) {
        progress.onMessage(line);
    }

    // ---- running -------------------------------------------------------------------------------

    /**
     * Whether fit, evaluate and predict run the model's front (an optional Embedding, then a SimpleRNN, LSTM
     * or GRU that has a fused float step) on the fast float path, when {@link Backend#floatx()} is float32
     * (on by default; the results agree with the double path to float rounding). {@link #forward} and
     * {@link #backward} always run the double reference path, which the gradient checks validate.
     */
    public Sequential fastPath(boolean on) {
        this.fastPath = on;
        return this;
    }

    public boolean fastPath() {
        return fastPath;
    }

    private FastFront front() {
        if (!fastPath || !Backend.isFloat32()) return null;
        if (fastFront == null || !layers.get(fastFront.size - 1).isBuilt()) fastFront = FastFront.of(layers);
        return fastFront;
    }

    /** forward, with the front on the fast path when it applies: what fit, evaluate and predict run. */
    private Tensor run(Tensor x, boolean training) {
        FastFront f = front();
        if (f == null) return forward(x, training);
        Tensor out = f.forward(x, training);
        for (int i = f.size; i < layers.size(); i++) out = layers.get(i).forward(out, training);
        return out;
    }

    /** backward, matching {@link #run}. */
    private void runBackward(Tensor gradOutput) {
        FastFront f = front();
        if (f == null) {
            backward(gradOutput);
            return;
        }
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= f.size; i--) g = layers.get(i).backward(g);
        f.backward(g);
    }

    /** Runs every layer in order; {@code training} switches dropout on. */
    public Tensor forward(Tensor x, boolean training) {
        Tensor out = x;
        for (Layer l : layers) out = l.forward(out, training);
        return out;
    }

    /** Back-propagates dL/d(output) through every layer, filling each parameter's gradient. */
    public Tensor backward(Tensor gradOutput) {
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= 0 && g != null; i--) g = layers.get(i).backward(g);
        return g;
    }

    /** One gradient step on one batch; returns the batch loss (Keras's {@code train_on_batch}). */
    public double trainOnBatch(Tensor x, Tensor y) {
        requireCompiled("trainOnBatch");
        prepareInput("x", x);
        return trainStep(x, loss.prepareTargets(y, outputShape()), 0, 0, 0, null);
    }

    private double trainStep(Tensor x, Tensor y, int epoch, int batch, int batches, double[] metricSums) {
        Tensor out = run(x, true);
        double[] grad = new double[out.size()];
        double l = loss.compute(out, y, grad);
        if (!Double.isFinite(l)) throw new TrainingDivergedException(epoch, batch, batches, l);
        runBackward(new Tensor(grad, out.shape()));
        optimizer.apply(parameters());
        if (metricSums != null) {
            List<Metric> ms = compiledMetrics();
            for (int i = 0; i < ms.size(); i++) metricSums[i] += ms.get(i).sum(out, y);
        }
        return l;
    }

    /**
     * Trains the model: {@code epochs} passes over the data in mini-batches, with the options of
     * Keras's fit. Returns the loss and metrics of every epoch.
     */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        requireCompiled("fit");
        checkPair("x", "y", x, y);
        prepareInput("x", x);
        resolveMetrics(y);
        Tensor yAll = loss.prepareTargets(y, outputShape());

        Tensor xTrain = x, yTrain = yAll, xVal = null, yVal = null;
        if (options.xVal != null) {
            checkPair("validation x", "validation y", options.xVal, options.yVal);
            prepareInput("validation x", options.xVal);
            xVal = options.xVal;
            yVal = loss.prepareTargets(options.yVal, outputShape());
        } else if (options.validationSplit > 0) {
            // Keras: the last fraction, cut before shuffling.
            int n = x.batchSize(), splitAt = (int) Math.floor(n * (1.0 - options.validationSplit));
            if (splitAt == 0 || splitAt == n) {
                throw new IllegalArgumentException("validationSplit " + options.validationSplit + " of " + n
                        + " examples leaves " + (splitAt == 0 ? "no training" : "no validation") + " examples");
            }
            xTrain = x.rows(0, splitAt);
            yTrain = yAll.rows(0, splitAt);
            xVal = x.rows(splitAt, n);
            yVal = yAll.rows(splitAt, n);
        }

        List<Metric> ms = compiledMetrics();
        List<Callback> callbacks = options.callbackList();
        progress = options.listener();
        History history = new History();
        this.history = history; // readable while fit runs, and after an interrupt
        int n = xTrain.batchSize(), steps = (n + options.batchSize - 1) / options.batchSize;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;

        if (front() != null) org.rnncourse.fast.Fast.adviseOnce(); // one line on stdout if the slow kernels run
        stopTraining = false;
        for (Callback c : callbacks) c.setModel(this);
        for (Callback c : callbacks) c.onTrainBegin();
        for (int epoch = 0; epoch < options.epochs && !stopTraining; epoch++) {
            long start = System.nanoTime();
            progress.onEpochBegin(epoch + 1, options.epochs);
            for (Callback c : callbacks) c.onEpochBegin(epoch);
            if (options.shuffle) shuffle(order);

            double lossSum = 0;
            double[] metricSums = new double[ms.size()];
            long rows = 0;
            for (int b = 0; b < steps; b++) {
                int from = b * options.batchSize, to = Math.min(n, from + options.batchSize);
                Tensor xb = xTrain.take(order, from, to), yb = yTrain.take(order, from, to);
                double l = trainStep(xb, yb, epoch + 1, b + 1, steps, metricSums);
                lossSum += l * (to - from); // Keras averages the loss over examples
                rows += outputRows(to - from);
                progress.onBatchEnd(b + 1, steps, logs(lossSum / to, metricSums, rows, ms), seconds(start));
            }
            Map<String, Double> logs = logs(lossSum / n, metricSums, rows, ms);
            if (xVal != null) {
                evaluateInto(xVal, yVal, options.batchSize).forEach((k, v) -> logs.put("val_" + k, v));
            }
            // Keras's order: the user's callbacks, then the History and the progress line.
            for (Callback c : callbacks) c.onEpochEnd(epoch, logs);
            history.append(logs);
            progress.onEpochEnd(epoch + 1, options.epochs, steps, logs, seconds(start));
        }
        for (Callback c : callbacks) c.onTrainEnd();
        progress = ProgressListener.silent();
        return history;
    }

    /**
     * The History of the running or last fit (Keras's {@code model.history}): it holds every epoch
     * that finished, also when fit was interrupted or failed before returning. Null before any fit.
     */
    public History history() {
        return history;
    }

    /** fit with just epochs and batch size. */
    public History fit(Tensor x, Tensor y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    // Java arrays straight in: sequences of vectors, token ids, and the usual label shapes.
    public History fit(double[][][] x, double[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(double[][][] x, double[][] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(double[][][] x, int[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(float[][][] x, float[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(int[][] x, int[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(int[][] x, double[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }

    /** The loss and metrics on data, without training (Keras's {@code evaluate}), batches of 32. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        requireCompiled("evaluate");
        checkPair("x", "y", x, y);
        prepareInput("x", x);
        resolveMetrics(y);
        return evaluateInto(x, loss.prepareTargets(y, outputShape()), 32);
    }

    public Map<String, Double> evaluate(double[][][] x, double[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(double[][][] x, double[][] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(double[][][] x, int[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(float[][][] x, float[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(int[][] x, int[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(int[][] x, double[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }

    private Map<String, Double> evaluateInto(Tensor x, Tensor y, int batchSize) {
        List<Metric> ms = compiledMetrics();
        int n = x.batchSize();
        double lossSum = 0;
        double[] metricSums = new double[ms.size()];
        long rows = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            Tensor out = run(x.rows(from, to), false), yb = y.rows(from, to);
            lossSum += loss.compute(out, yb, null) * (to - from);
            for (int i = 0; i < ms.size(); i++) metricSums[i] += ms.get(i).sum(out, yb);
            rows += outputRows(to - from);
        }
        return logs(lossSum / n, metricSums, rows, ms);
    }

    /** The model's outputs for x, in batches of 32, with dropout off (Keras's {@code predict}). */
    public Tensor predict(Tensor x) {
        Args.notNull("x", x);
        requireFinite("x", x);
        if (x.batchSize() == 0) throw new IllegalArgumentException("predict: x is empty " + x);
        prepareInput("x", x);
        int n = x.batchSize();
        double[] all = null;
        int[] shape = null;
        for (int from = 0; from < n; from += 32) {
            int to = Math.min(n, from + 32);
            Tensor out = run(x.rows(from, to), false);
            if (all == null) {
                shape = out.shape();
                shape[0] = n;
                all = new double[Tensor.sizeOf(shape)];
            }
            System.arraycopy(out.data(), 0, all, from * (out.size() / (to - from)), out.size());
        }
        return new Tensor(all, shape);
    }

    public Tensor predict(double[][][] x) { return predict(Tensor.of(x)); }
    public Tensor predict(float[][][] x) { return predict(Tensor.of(x)); }
    public Tensor predict(int[][] x) { return predict(Tensor.of(x)); }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * The loss and metrics by name, in Keras's order, printed by the course's number rule:
     * {@code {loss=0.6362, accuracy=0.6263}}, not Java's 17 digits.
     */
    private static final class Logs extends LinkedHashMap<String, Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("{");
            forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=')
                    .append(v == null ? "null" : Numbers.format(v)));
            return sb.append('}').toString();
        }
    }

    private Map<String, Double> logs(double loss, double[] metricSums, long rows, List<Metric> ms) {
        Map<String, Double> logs = new Logs();
        logs.put("loss", loss);
        for (int i = 0; i < ms.size(); i++) logs.put(ms.get(i).name(), metricSums[i] / rows);
        return logs;
    }

    /** Output rows per batch of examples: 1 per example, or 1 per time step for sequence outputs. */
    private long outputRows(int examples) {
        int[] out = outputShape();
        long perExample = 1;
        for (int i = 0; i < out.length - 1; i++) perExample *= out[i];
        return perExample * examples;
    }

    private double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private void requireCompiled(String what) {
        if (optimizer == null) {
            throw new IllegalStateException(what + ": compile the model first, e.g. model.compile(new Adam(), "
                    + "\"binary_crossentropy\", \"accuracy\")");
        }
    }

    private static void checkPair(String xName, String yName, Tensor x, Tensor y) {
        if (x == null || y == null) throw new IllegalArgumentException(xName + " and " + yName + " must not be null");
        if (x.batchSize() == 0) {
            throw new IllegalArgumentException(xName + " is empty: shape " + Tensor.shapeString(x.shape()));
        }
        if (x.batchSize() != y.batchSize()) {
            throw new IllegalArgumentException(xName + " has " + x.batchSize() + " examples " + Tensor.shapeString(x.shape())
                    + " but " + yName + " has " + y.batchSize() + " labels " + Tensor.shapeString(y.shape())
                    + "; they must match one to one");
        }
        requireFinite(xName, x);
        requireFinite(yName, y);
    }

    /** A NaN or infinite input would only come back as a NaN loss: refuse it where it enters, with its place. */
    private static void requireFinite(String what, Tensor t) {
        double[] d = t.data();
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                int[] s = t.shape();
                int[] at = new int[s.length];
                for (int i = s.length - 1, r = k; i >= 0; i--) {
                    at[i] = s[i] == 0 ? 0 : r % s[i];
                    r = s[i] == 0 ? 0 : r / s[i];
                }
                StringBuilder index = new StringBuilder(what);
                for (int i : at) index.append('[').append(i).append(']');
                throw new IllegalArgumentException(index + " is " + d[k] + ": the data must be finite numbers "
                        + "(fix or drop that example before training).");
            }
        }
    }

    /** Every size after the batch must be at least 1: a model with zero time steps has nothing to read. */
    private static void requireSteps(String what, int[] shapeWithoutBatch) {
        for (int i = 0; i < shapeWithoutBatch.length; i++) {
            if (shapeWithoutBatch[i] < 1) {
                throw new IllegalArgumentException(what + " " + Tensor.batchShapeString(shapeWithoutBatch) + " has a size "
                        + shapeWithoutBatch[i] + (i == 0 ? " for the time steps" : "") + ": every size must be at least 1"
                        + (i == 0 ? " (pad the sequences to a length of at least 1 with Sequences.padSequences)." : "."));
            }
        }
    }

    /** Builds the model from the data's shape if needed, then checks the data fits the model. */
    private void prepareInput(String what, Tensor x) {
        if (layers.isEmpty()) throw new IllegalStateException("the model has no layers: add some first");
        int[] s = x.shape();
        if (inputShape == null) {
            if (s.length < 2) {
                throw new IllegalArgumentException(what + " has shape " + Tensor.shapeString(s)
                        + ": expected a batch of examples, e.g. (batch, time, features)");
            }
            requireSteps(what + " has shape " + Tensor.shapeString(s) + ": its example shape", java.util.Arrays.copyOfRange(s, 1, s.length));
            build(java.util.Arrays.copyOfRange(s, 1, s.length));
        }
        boolean ok = s.length == inputShape.length + 1;
        for (int i = 0; ok && i < inputShape.length; i++) ok = s[i + 1] == inputShape[i];
        if (!ok) {
            String hint = s.length != inputShape.length + 1
                    ? " (rank " + s.length + " instead of " + (inputShape.length + 1) + ")"
                    : " (the sizes after the batch differ)";
            throw new IllegalArgumentException(what + " has shape " + Tensor.shapeString(s)
                    + " but the model expects input " + Tensor.batchShapeString(inputShape) + hint);
        }
    }

    @Override
    public String toString() {
        return "Sequential \"" + name + "\" " + layers;
    }
}
