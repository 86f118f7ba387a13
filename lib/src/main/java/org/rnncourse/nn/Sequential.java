package org.rnncourse.nn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.losses.Loss;
import org.rnncourse.nn.optimizers.Optimizer;
import org.rnncourse.nn.saving.ModelFile;
import org.rnncourse.nn.trainers.DataChecks;
import org.rnncourse.nn.trainers.FitOptions;
import org.rnncourse.nn.trainers.Trainer;
import org.rnncourse.nn.utils.ModelSummary;
import org.rnncourse.nn.utils.RandomSeed;
import org.rnncourse.show.LiveDisplay;
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
 * This class is the container (layers, shapes, weights, saving, the summary); the training loop is the
 * model's {@link Trainer}, as Keras keeps its {@code Trainer} apart, and the methods below hand it fit,
 * evaluate and predict. One random generator, seeded from the constructor or {@link RandomSeed#set},
 * makes the initial weights, dropout masks and shuffles: the same seed gives the same run, on any number
 * of cores (the float path always cuts a batch into the same two halves and adds their gradients in one order).
 */
public class Sequential {
    private String name = "sequential";
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final Random rng;
    private final Trainer trainer = new Trainer(this);
    private int[] inputShape; // one example, without the batch; null until known

    /** A model seeded from {@link RandomSeed#set} if set, otherwise random. */
    public Sequential(Layer... layers) {
        this(RandomSeed.next(), layers);
    }

    /** A model whose run is reproducible from {@code seed}. */
    public Sequential(long seed, Layer... layers) {
        this.rng = new Random(seed);
        for (Layer l : Args.noNulls("layers", layers)) add(l);
    }

    /** Keras's {@code name=}: the name in the summary's first line. */
    public Sequential name(String name) { this.name = name; return this; }

    public String name() { return name; }

    // ---- building ------------------------------------------------------------------------------

    /** Adds a layer on top; it gets Keras's automatic name and, if the input shape is known, its weights. */
    public void add(Layer layer) {
        if (layer instanceof Input in) {
            if (!layers.isEmpty() || inputShape != null) {
                throw new IllegalArgumentException(Messages.get("nn.sequential.inputFirst"));
            }
            inputShape = in.shape();
            return;
        }
        if (layers.contains(layer)) throw new IllegalArgumentException(Messages.get("nn.sequential.alreadyIn", layer.describe()));
        if (layer.readsTokenIds() && !layers.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("nn.sequential.tokenIdsFirst", layer.describe()));
        }
        if (layer instanceof RecurrentLayer r && r.returnState()) {
            throw new IllegalArgumentException(Messages.get("nn.sequential.returnState", layer.describe()));
        }
        if (layer.declaredInputShape() != null) {
            if (!layers.isEmpty() || inputShape != null) {
                throw new IllegalArgumentException(Messages.get("nn.sequential.inputShapeFirst", layer.describe()));
            }
            inputShape = layer.declaredInputShape();
        }
        if (layer.name() == null) {
            int n = nameCounts.merge(layer.namePrefix(), 1, Integer::sum) - 1; // dense, dense_1…: Keras's names
            layer.name(n == 0 ? layer.namePrefix() : layer.namePrefix() + "_" + n);
        } else {
            for (Layer l : layers) {
                if (l.name().equals(layer.name())) {
                    throw new IllegalArgumentException(Messages.get("nn.sequential.duplicateName", layer.name()));
                }
            }
        }
        layers.add(layer);
        if (inputShape != null) buildLayers();
    }

    /** Creates the weights for one example of this shape (Keras's {@code model.build}). */
    public Sequential build(int... inputShape) {
        DataChecks.requireSteps("inputShape", Args.notNull("inputShape", inputShape));
        if (this.inputShape != null && !Arrays.equals(this.inputShape, inputShape)) {
            throw new IllegalArgumentException(Messages.get("nn.sequential.cannotBuild", Tensor.batchShapeString(this.inputShape),
                    Tensor.batchShapeString(inputShape)));
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

    public boolean isBuilt() { return inputShape != null; }

    public List<Layer> layers() { return Collections.unmodifiableList(layers); }

    /** A layer by its name, e.g. {@code getLayer("simple_rnn")}. */
    public Layer getLayer(String layerName) {
        for (Layer l : layers) if (layerName.equals(l.name())) return l;
        throw new IllegalArgumentException(Messages.get("nn.sequential.noSuchLayer", layerName, layers));
    }

    /** The shape of one input example, or null before it is known. */
    public int[] inputShape() { return inputShape == null ? null : inputShape.clone(); }

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
        if (s == null) throw new IllegalStateException(Messages.get("nn.sequential.noInputShape"));
        return s.isEmpty() ? inputShape.clone() : s.get(s.size() - 1);
    }

    /** Every weight of every layer, in order. */
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) ps.addAll(l.parameters());
        return ps;
    }

    public long countParams() { return layers.stream().mapToLong(Layer::countParams).sum(); }

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
            throw new IllegalArgumentException(Messages.get("nn.sequential.weightCount", weights.size(), ps.size()));
        }
        for (int i = 0; i < ps.size(); i++) {
            if (weights.get(i).length != ps.get(i).size()) {
                throw new IllegalArgumentException(Messages.get("nn.sequential.weightSize", i, weights.get(i).length, ps.get(i),
                        ps.get(i).size()));
            }
            System.arraycopy(weights.get(i), 0, ps.get(i).value(), 0, ps.get(i).size());
        }
    }

    /** The model's random generator: a saved model keeps its state (shuffles and dropout go on). */
    public Random random() { return rng; }

    /**
     * Runs every layer in order; {@code training} switches dropout on. Each recurrent layer runs on its
     * float kernels or on the double reference, as {@link org.rnncourse.nn.backend.Backend#setFloatx}
     * says (fit, evaluate and predict go through here too: one route per batch).
     */
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

    // ---- saving and the summary (ModelFile and ModelSummary do the work) -----------------------

    /**
     * Saves the whole model (Keras's {@code model.save("imdb.keras")}): architecture, weights, compile settings
     * and optimizer state in a Keras 3 file, so {@link #loadModel} gives back a model that predicts the same and
     * trains on from where this one stopped. The write is atomic: a file that was there before stays if it fails.
     */
    public void save(String path) { save(ModelFile.path("save", path)); }
    public void save(Path path) { ModelFile.save(this, path); }

    /** Rebuilds a model saved with {@link #save} (Keras's {@code keras.models.load_model}). */
    public static Sequential loadModel(String path) { return loadModel(ModelFile.path("loadModel", path)); }
    public static Sequential loadModel(Path path) { return ModelFile.load(path); }

    /** Saves only the weights, as HDF5 (Keras's {@code model.save_weights("imdb.weights.h5")}). */
    public void saveWeights(String path) { saveWeights(ModelFile.path("saveWeights", path)); }
    public void saveWeights(Path path) { ModelFile.saveWeights(this, path); }

    /** Puts weights saved with {@link #saveWeights} into this same-shaped model; if the file does not fit, nothing changes. */
    public void loadWeights(String path) { loadWeights(ModelFile.path("loadWeights", path)); }
    public void loadWeights(Path path) { ModelFile.loadWeights(this, path); }

    /** Prints the summary exactly as Keras 3 does (in a notebook as monospaced text whose box lines join). */
    public void summary() {
        if (LiveDisplay.inNotebook()) Show.monospaced(summaryText());
        else System.out.print(summaryText());
    }

    /** The summary as text, line for line Keras 3's. */
    public String summaryText() { return ModelSummary.text(this); }
    /** The summary's rows as a Tablesaw table (a notebook renders it as HTML). */
    public Table summaryTable() { return ModelSummary.table(this); }

    // ---- training: handed to the Trainer -------------------------------------------------------

    /** The training loop of this model: compile's settings, fit, evaluate, predict; callbacks log through it. */
    public Trainer trainer() { return trainer; }

    /** {@code compile(new Adam(), new BinaryCrossentropy(), "accuracy")}. */
    public void compile(Optimizer optimizer, Loss loss, String... metrics) { trainer.compile(optimizer, loss, metrics); }
    /** {@code compile(new Adam().clipnorm(1.0), "binary_crossentropy", "accuracy")}. */
    public void compile(Optimizer optimizer, String loss, String... metrics) { compile(optimizer, Loss.of(loss), metrics); }
    /** {@code compile("adam", "binary_crossentropy", "accuracy")}, with Keras's default settings. */
    public void compile(String optimizer, String loss, String... metrics) { compile(Optimizer.of(optimizer), Loss.of(loss), metrics); }

    public Optimizer optimizer() { return trainer.optimizer(); }
    public Loss loss() { return trainer.loss(); }

    /** For callbacks: EarlyStopping ends fit after the current epoch with {@code stopTraining(true)}. */
    public void stopTraining(boolean stop) { trainer.stopTraining(stop); }
    /** The History of the running or last fit (Keras's {@code model.history}), also after an interrupt. */
    public History history() { return trainer.history(); }

    /** One gradient step on one batch; returns the batch loss (Keras's {@code train_on_batch}). */
    public double trainOnBatch(Tensor x, Tensor y) { return trainer.trainOnBatch(x, y); }
    /** Trains the model with the options of Keras's fit; returns the loss and metrics of every epoch. */
    public History fit(Tensor x, Tensor y, FitOptions options) { return trainer.fit(x, y, options); }
    /** The loss and metrics on data, without training (Keras's {@code evaluate}). */
    public Map<String, Double> evaluate(Tensor x, Tensor y) { return trainer.evaluate(x, y); }
    /** The model's outputs for x, with dropout off (Keras's {@code predict}). */
    public Tensor predict(Tensor x) { return trainer.predict(x); }

    // Java arrays straight in: sequences of vectors, token ids, and the usual label shapes.
    public History fit(double[][][] x, double[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(double[][][] x, double[][] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(double[][][] x, int[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(float[][][] x, float[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(int[][] x, int[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public History fit(int[][] x, double[] y, FitOptions o) { return fit(Tensor.of(x), Tensor.of(y), o); }
    public Map<String, Double> evaluate(double[][][] x, double[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(double[][][] x, double[][] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(double[][][] x, int[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(float[][][] x, float[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(int[][] x, int[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Map<String, Double> evaluate(int[][] x, double[] y) { return evaluate(Tensor.of(x), Tensor.of(y)); }
    public Tensor predict(double[][][] x) { return predict(Tensor.of(x)); }
    public Tensor predict(float[][][] x) { return predict(Tensor.of(x)); }
    public Tensor predict(int[][] x) { return predict(Tensor.of(x)); }

    @Override
    public String toString() {
        return "Sequential \"" + name + "\" " + layers;
    }
}
