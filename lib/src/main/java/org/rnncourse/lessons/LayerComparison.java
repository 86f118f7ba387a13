package org.rnncourse.lessons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.callbacks.Callback;
import org.rnncourse.nn.callbacks.EarlyStopping;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.trainers.FitOptions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * A race of recurrent layers on one sentiment task: lesson 08's IMDB recipe, Embedding(vocabulary,
 * 128) → layer → Dropout(0.5) → Dense(1, sigmoid), Adam, batches of 128, the last 20% of the training
 * reviews held out for validation, early stopping with {@code restoreBestWeights}. Only the layer
 * changes from run to run: the data, the seed and the settings stay the same. Each run is timed
 * epoch by epoch and scored on the test reviews, and the comparison reads its own numbers: a table,
 * the validation curves, and a verdict in words.
 */
public final class LayerComparison {
    /**
     * One measured run. {@code parameters} counts the recurrent layer alone (the part that differs);
     * {@code bestEpoch} counts from 1, the epoch whose weights were restored and tested.
     */
    public record Run(String layer, long parameters, int epochsRun, int bestEpoch, double secondsPerEpoch,
            double testAccuracy, History history) {
        @Override
        public String toString() {
            return Messages.get("race.run", layer, String.format(Locale.ROOT, "%,d", parameters), epochsRun, bestEpoch,
                    seconds(secondsPerEpoch), accuracy(testAccuracy));
        }
    }

    private final int[][] xTrain, xTest;
    private final int[] yTrain, yTest;
    private final int vocabulary;
    private int embeddingDim = 128, epochs = 6, batchSize = 128, patience = 2, verbose = 1;
    private double dropout = 0.5, validationSplit = 0.2;
    private String monitor = "val_accuracy";
    private long seed = 7;
    private final List<Run> runs = new ArrayList<>();

    /** Padded reviews (all rows the same length) with their 0/1 labels; word ids below {@code vocabulary}. */
    public LayerComparison(int[][] xTrain, int[] yTrain, int[][] xTest, int[] yTest, int vocabulary) {
        if (xTrain == null || yTrain == null || xTest == null || yTest == null) {
            throw new IllegalArgumentException(Messages.get("race.arg.null"));
        }
        if (xTrain.length != yTrain.length || xTest.length != yTest.length || xTrain.length == 0 || xTest.length == 0) {
            throw new IllegalArgumentException(Messages.get("race.arg.sizes", xTrain.length, yTrain.length,
                    xTest.length, yTest.length));
        }
        this.vocabulary = Args.positive("vocabulary", vocabulary);
        int length = xTrain[0] == null ? 0 : xTrain[0].length;
        checkRows("xTrain", xTrain, length);
        checkRows("xTest", xTest, length);
        checkLabels("yTrain", yTrain);
        checkLabels("yTest", yTest);
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.xTest = xTest;
        this.yTest = yTest;
    }

    private void checkRows(String name, int[][] x, int length) {
        for (int i = 0; i < x.length; i++) {
            int n = x[i] == null ? 0 : x[i].length;
            if (n != length || n == 0) {
                throw new IllegalArgumentException(Messages.get("race.arg.ragged", name, i, n, length));
            }
            for (int id : x[i]) {
                if (id < 0 || id >= vocabulary) {
                    throw new IllegalArgumentException(Messages.get("race.arg.wordId", name, i, id, vocabulary));
                }
            }
        }
    }

    private static void checkLabels(String name, int[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) throw new IllegalArgumentException(Messages.get("race.arg.label", name, i, y[i]));
        }
    }

    /** The most epochs a run may take (early stopping usually ends it sooner). Default 6. */
    public LayerComparison epochs(int epochs) {
        this.epochs = Args.positive("epochs", epochs);
        return this;
    }

    public LayerComparison batchSize(int batchSize) {
        this.batchSize = Args.positive("batchSize", batchSize);
        return this;
    }

    public LayerComparison embeddingDim(int embeddingDim) {
        this.embeddingDim = Args.positive("embeddingDim", embeddingDim);
        return this;
    }

    public LayerComparison dropout(double rate) {
        this.dropout = Args.inHalfOpen("dropout", rate, 0, 1);
        return this;
    }

    /** The fraction of the training reviews held out, from the end, as Keras's {@code validation_split}. */
    public LayerComparison validationSplit(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(Messages.get("race.arg.split", String.valueOf(fraction)));
        }
        this.validationSplit = fraction;
        return this;
    }

    /** What early stopping watches, "val_accuracy" (the default) or "val_loss", and its patience. */
    public LayerComparison earlyStopping(String monitor, int patience) {
        if (!"val_accuracy".equals(monitor) && !"val_loss".equals(monitor)) {
            throw new IllegalArgumentException(Messages.get("race.arg.monitor", String.valueOf(monitor)));
        }
        this.monitor = monitor;
        this.patience = Args.atLeast("patience", patience, 0);
        return this;
    }

    /** 1 (the default) shows the progress bar and early stopping's lines; 0 trains silently. */
    public LayerComparison verbose(int verbose) {
        this.verbose = Args.atLeast("verbose", verbose, 0);
        return this;
    }

    /** The seed every model starts from, so that only the layer differs between runs. */
    public LayerComparison seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The model this race trains around {@code recurrent}. */
    public Sequential model(Layer recurrent) {
        Sequential m = new Sequential(seed, new Input(xTrain[0].length), new Embedding(vocabulary, embeddingDim),
                recurrent, new Dropout(dropout), new Dense(1, "sigmoid"));
        m.compile(new Adam(), "binary_crossentropy", "accuracy");
        return m;
    }

    /**
     * Trains one model, tests it, records and returns the measurement. Early stopping puts the best
     * validation epoch's weights back before the test: without it the test would score the last
     * epoch, {@code patience} epochs past the best and already overfitting. The time per epoch is the
     * median over the epochs run, each timed from its first batch to the end of its validation pass:
     * the very first epoch also pays for the JVM compiling the code, which would make whichever
     * layer runs first look slow.
     */
    public Run run(String label, Layer recurrent) {
        if (label == null || label.isBlank()) throw new IllegalArgumentException(Messages.get("race.arg.labelBlank"));
        if (recurrent == null) throw new IllegalArgumentException(Messages.get("race.arg.layer", label));
        if (runs.stream().anyMatch(r -> r.layer().equals(label))) {
            throw new IllegalArgumentException(Messages.get("race.arg.duplicate", label));
        }
        Sequential m = model(recurrent);
        List<Double> seconds = new ArrayList<>();
        Callback timer = new Callback() {
            private long start;
            @Override public void onEpochBegin(int epoch) { start = System.nanoTime(); }
            @Override public void onEpochEnd(int epoch, Map<String, Double> logs) {
                seconds.add((System.nanoTime() - start) / 1e9);
            }
        };
        EarlyStopping stopper = new EarlyStopping(monitor, patience).restoreBestWeights(true).verbose(verbose);
        History h = m.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(batchSize)
                .validationSplit(validationSplit).verbose(verbose).callbacks(timer, stopper));
        double test = m.evaluate(xTest, yTest).get("accuracy");
        Run r = new Run(label, recurrent.countParams(), h.epochs(), stopper.bestEpoch() + 1, median(seconds), test, h);
        runs.add(r);
        return r;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Adds a measurement made elsewhere (the tests' made-up runs, to check the verdict's words). */
    void record(Run r) {
        runs.add(r);
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** The run with the highest test accuracy (the earlier one on a tie). */
    public Run best() {
        requireRuns();
        Run best = runs.get(0);
        for (Run r : runs) if (r.testAccuracy() > best.testAccuracy()) best = r;
        return best;
    }

    /** The run whose epochs took the least time. */
    public Run fastest() {
        requireRuns();
        Run fastest = runs.get(0);
        for (Run r : runs) if (r.secondsPerEpoch() < fastest.secondsPerEpoch()) fastest = r;
        return fastest;
    }

    /** One row per run: parameters, epochs run, best epoch, seconds per epoch (and ÷ the first run's), test accuracy. */
    public Table table() {
        requireRuns();
        Run base = runs.get(0);
        Table t = Table.create(Messages.get("race.table.caption"),
                StringColumn.create(Messages.get("race.table.layer"), runs.stream().map(Run::layer).toArray(String[]::new)),
                IntColumn.create(Messages.get("race.table.parameters"), runs.stream().mapToInt(r -> (int) r.parameters()).toArray()),
                IntColumn.create(Messages.get("race.table.epochs"), runs.stream().mapToInt(Run::epochsRun).toArray()),
                IntColumn.create(Messages.get("race.table.bestEpoch"), runs.stream().mapToInt(Run::bestEpoch).toArray()),
                DoubleColumn.create(Messages.get("race.table.seconds"), runs.stream().mapToDouble(Run::secondsPerEpoch).toArray()),
                DoubleColumn.create(Messages.get("race.table.ratio", base.layer()),
                        runs.stream().mapToDouble(r -> r.secondsPerEpoch() / base.secondsPerEpoch()).toArray()),
                DoubleColumn.create(Messages.get("race.table.accuracy"), runs.stream().mapToDouble(Run::testAccuracy).toArray()));
        t.intColumn(1).setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        t.doubleColumn(4).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        t.doubleColumn(5).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        t.doubleColumn(6).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        return t;
    }

    /** The validation accuracy after each epoch, one line per run. */
    public Figure valAccuracyPlot() {
        requireRuns();
        ScatterTrace[] traces = new ScatterTrace[runs.size()];
        for (int k = 0; k < traces.length; k++) {
            List<Double> values = runs.get(k).history().get("val_accuracy");
            double[] x = new double[values.size()], y = new double[values.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = values.get(i);
            }
            traces[k] = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(runs.get(k).layer()).build();
        }
        Layout layout = Layout.builder(Messages.get("race.plot.title"))
                .xAxis(Axis.builder().title(Messages.get("race.plot.epoch")).build())
                .yAxis(Axis.builder().title("val_accuracy").build())
                .build();
        return new Figure(layout, traces);
    }

    /**
     * Which layer scored best on the test reviews, by how much over the runner-up, and at what cost
     * in time against the fastest layer. Accuracies are compared as the table prints them (three
     * decimals), so the words never contradict the table.
     */
    public String verdict() {
        Run best = best();
        if (runs.size() == 1) {
            return Messages.get("race.verdict.alone", best.layer(), accuracy(best.testAccuracy()), seconds(best.secondsPerEpoch()));
        }
        Run second = null;
        for (Run r : runs) if (r != best && (second == null || r.testAccuracy() > second.testAccuracy())) second = r;
        String first;
        if (printed(best.testAccuracy()) == printed(second.testAccuracy())) {
            first = Messages.get("race.verdict.tie", best.layer(), second.layer(), accuracy(best.testAccuracy()), xTest.length);
        } else {
            first = Messages.get("race.verdict.best", best.layer(), xTest.length, accuracy(best.testAccuracy()),
                    points(best.testAccuracy(), second.testAccuracy()), second.layer(), accuracy(second.testAccuracy()));
        }
        Run fastest = fastest();
        String cost = fastest == best
                ? Messages.get("race.verdict.fastest", seconds(best.secondsPerEpoch()))
                : Messages.get("race.verdict.cost", seconds(best.secondsPerEpoch()), ratio(best, fastest), fastest.layer(),
                        seconds(fastest.secondsPerEpoch()), points(best.testAccuracy(), fastest.testAccuracy()));
        return first + " " + cost;
    }

    /** One run against another: higher, lower or the same test accuracy, and the ratio of their epoch times. */
    public String versus(String label, String other) {
        Run a = result(label), b = result(other);
        String key = printed(a.testAccuracy()) > printed(b.testAccuracy()) ? "race.versus.higher"
                : printed(a.testAccuracy()) < printed(b.testAccuracy()) ? "race.versus.lower" : "race.versus.same";
        return Messages.get(key, a.layer(), points(a.testAccuracy(), b.testAccuracy()), b.layer(),
                accuracy(a.testAccuracy()), accuracy(b.testAccuracy()), ratio(a, b));
    }

    /** The recorded run with this label. */
    public Run result(String label) {
        requireRuns();
        for (Run r : runs) if (r.layer().equals(label)) return r;
        throw new IllegalArgumentException(Messages.get("race.arg.unknown", String.valueOf(label),
                String.join(", ", runs.stream().map(Run::layer).toList())));
    }

    private void requireRuns() {
        if (runs.isEmpty()) throw new IllegalStateException(Messages.get("race.none"));
    }

    /** An accuracy as the table prints it, in thousandths. */
    private static long printed(double accuracy) {
        return Math.round(accuracy * 1000);
    }

    private static String accuracy(double a) {
        return String.format(Locale.ROOT, "%.3f", a);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    /** The gap between two printed accuracies, in percentage points. */
    private static String points(double a, double b) {
        return String.format(Locale.ROOT, "%.1f", Math.abs(printed(a) - printed(b)) / 10.0);
    }

    private static String ratio(Run a, Run b) {
        return String.format(Locale.ROOT, "%.1f", a.secondsPerEpoch() / b.secondsPerEpoch());
    }
}
