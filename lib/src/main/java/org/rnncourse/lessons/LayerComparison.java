package org.rnncourse.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnncourse.Args;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.callbacks.Callback;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.trainers.FitOptions;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The same sentiment task trained with different recurrent layers, measured: Embedding → layer →
 * Dense(1, sigmoid), Adam and binary cross-entropy, the same data, seed and epochs for each, timing
 * every epoch and scoring on the test reviews. Lesson 10 builds the notes' RNN/LSTM/GRU comparison
 * table from these measurements instead of from adjectives.
 */
public final class LayerComparison {
    /** One measured run. {@code parameters} counts the recurrent layer alone. */
    public record Run(String layer, long parameters, double secondsPerEpoch, double testAccuracy, History history) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %,d parameters, %.1f s per epoch, test accuracy %.3f",
                    layer, parameters, secondsPerEpoch, testAccuracy);
        }
    }

    private final int[][] xTrain, xTest;
    private final int[] yTrain, yTest;
    private final int vocabulary, embeddingDim;
    private int epochs = 3, batchSize = 64;
    private long seed = 7;
    private final List<Run> runs = new ArrayList<>();

    /** Padded reviews and their labels; the embedding has {@code vocabulary} rows of {@code embeddingDim}. */
    public LayerComparison(int[][] xTrain, int[] yTrain, int[][] xTest, int[] yTest, int vocabulary, int embeddingDim) {
        if (xTrain == null || yTrain == null || xTest == null || yTest == null) {
            throw new IllegalArgumentException("LayerComparison needs xTrain, yTrain, xTest and yTest");
        }
        if (xTrain.length != yTrain.length || xTest.length != yTest.length || xTrain.length == 0 || xTest.length == 0) {
            throw new IllegalArgumentException("LayerComparison: xTrain has " + xTrain.length + " rows and yTrain "
                    + yTrain.length + ", xTest " + xTest.length + " and yTest " + yTest.length
                    + ": each pair must have the same, non-zero number");
        }
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.xTest = xTest;
        this.yTest = yTest;
        this.vocabulary = Args.positive("vocabulary", vocabulary);
        this.embeddingDim = Args.positive("embeddingDim", embeddingDim);
    }

    public LayerComparison epochs(int epochs) {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        this.epochs = epochs;
        return this;
    }

    public LayerComparison batchSize(int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        this.batchSize = batchSize;
        return this;
    }

    /** The seed every model starts from, so only the layer differs between runs. */
    public LayerComparison seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The model this comparison trains around {@code recurrent}. */
    public Sequential model(Layer recurrent) {
        Sequential m = new Sequential(seed, new Input(xTrain[0].length), new Embedding(vocabulary, embeddingDim),
                recurrent, new Dense(1, "sigmoid"));
        m.compile(new Adam(), "binary_crossentropy", "accuracy");
        // Every layer on the double reference path, so the race compares the layers' arithmetic on
        // one kind of kernels (the lesson's figures were measured there; its full-data race on the
        // float path, which all three layers now have, is a later step).
        m.fastPath(false);
        return m;
    }

    /**
     * Trains and tests one model, records and returns the measurement. The time per epoch is the
     * median of the epochs' times: the first epoch of the first run also pays for the JVM compiling
     * the code, which would make whichever layer runs first look slow.
     */
    public Run run(String label, Layer recurrent) {
        Sequential m = model(recurrent);
        List<Double> seconds = new ArrayList<>();
        Callback timer = new Callback() {
            private long start;
            @Override public void onEpochBegin(int epoch) { start = System.nanoTime(); }
            @Override public void onEpochEnd(int epoch, Map<String, Double> logs) {
                seconds.add((System.nanoTime() - start) / 1e9);
            }
        };
        History h = m.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(batchSize).verbose(0).callbacks(timer));
        List<Double> sorted = new ArrayList<>(seconds);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        double perEpoch = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        Map<String, Double> test = m.evaluate(xTest, yTest);
        Run r = new Run(label, recurrent.countParams(), perEpoch, test.get("accuracy"), h);
        runs.add(r);
        return r;
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /**
     * The measurements in the layout of the notes' table: one row per property, one column per run.
     * {@code notes} gives, per run label, the words for the rows that are not measured: complexity,
     * state carried and gradient problem.
     */
    public Table table(String caption, Map<String, String[]> notes) {
        if (runs.isEmpty()) throw new IllegalStateException("nothing measured yet: call run(...) first");
        StringColumn what = StringColumn.create("property", "complexity (gates)", "parameters (recurrent layer)",
                "parameters ÷ SimpleRNN's", "seconds per epoch (speed)", "time ÷ SimpleRNN's",
                "memory: state carried per step", "gradient problem", "test accuracy");
        Table t = Table.create(caption, what);
        Run base = runs.get(0);
        for (Run r : runs) {
            String[] words = notes.getOrDefault(r.layer(), new String[] {"", "", ""});
            if (words.length != 3) {
                throw new IllegalArgumentException("notes for " + r.layer() + " need 3 entries (complexity, state, "
                        + "gradient problem), got " + words.length);
            }
            t.addColumns(StringColumn.create(r.layer(),
                    words[0],
                    String.format(Locale.ROOT, "%,d", r.parameters()),
                    String.format(Locale.ROOT, "%.2f×", (double) r.parameters() / base.parameters()),
                    String.format(Locale.ROOT, "%.1f", r.secondsPerEpoch()),
                    String.format(Locale.ROOT, "%.2f×", r.secondsPerEpoch() / base.secondsPerEpoch()),
                    words[1],
                    words[2],
                    String.format(Locale.ROOT, "%.3f", r.testAccuracy())));
        }
        return t;
    }
}
