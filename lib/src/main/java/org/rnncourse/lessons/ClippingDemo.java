package org.rnncourse.lessons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.trainers.TrainingDivergedException;
import org.rnncourse.scratch.Shapes;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.optimizers.Optimizer;
import org.rnncourse.nn.trainers.FitOptions;
import org.rnncourse.show.Plots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Lesson 09's training run with and without gradient clipping: a Keras-style SimpleRNN(16) → Dense(1)
 * on 256 sequences of T = 50 Gaussian numbers, asked for y = x_T + 0.5·x_{T−1} (MSE). Its recurrent
 * kernel starts {@code recurrentScale} times larger than Keras's orthogonal initialisation, and plain
 * SGD with a large learning rate then makes the loss explode; the same run with
 * {@code clipnorm} trains. Everything comes from fixed seeds, so both runs start from the same weights.
 */
public final class ClippingDemo {
    /** Sequence length, number of sequences, hidden units. */
    public static final int T = 50, N = 256, UNITS = 16;
    private static final long DATA_SEED = 9, MODEL_SEED = 42;

    private ClippingDemo() {}

    /** The inputs (N, T, 1) and the targets x_T + 0.5·x_{T−1}. */
    public record Data(double[][][] x, double[] y) {
        @Override
        public String toString() {
            return "ClippingDemo.Data(x (" + x.length + ", " + T + ", 1), y (" + y.length + "))";
        }
    }

    /** One training run: the loss of each epoch, and the epoch (from 1) where it diverged, 0 if it did not. */
    public record Run(String label, List<Double> losses, int divergedAtEpoch, String message) {
        public Run {
            losses = Collections.unmodifiableList(new ArrayList<>(losses));
        }

        public boolean diverged() {
            return divergedAtEpoch > 0;
        }

        public double firstLoss() {
            return losses.isEmpty() ? Double.NaN : losses.get(0);
        }

        public double lastLoss() {
            return losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
        }

        @Override
        public String toString() {
            String end = diverged() ? Messages.get("lessons.clipping.run.diverged", divergedAtEpoch)
                    : Messages.get("lessons.clipping.run.final", String.format(Locale.ROOT, "%.4f", lastLoss()));
            return Messages.get("lessons.clipping.run", label, losses.size(), String.format(Locale.ROOT, "%.4g", firstLoss()),
                    String.format(Locale.ROOT, "%.4g", lastLoss()), end);
        }
    }

    /** The data set, the same on every call. */
    public static Data data() {
        Random r = new Random(DATA_SEED);
        double[][][] x = new double[N][T][1];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            for (int t = 0; t < T; t++) x[i][t][0] = r.nextGaussian();
            y[i] = x[i][T - 1][0] + 0.5 * x[i][T - 2][0];
        }
        return new Data(x, y);
    }

    /** The model, compiled with {@code optimizer} and MSE, its recurrent kernel multiplied by {@code recurrentScale}. */
    public static Sequential model(Optimizer optimizer, double recurrentScale) {
        if (optimizer == null) {
            throw new IllegalArgumentException(Messages.get("lessons.clipping.noOptimizer"));
        }
        if (!(recurrentScale > 0) || Double.isInfinite(recurrentScale)) {
            throw new IllegalArgumentException(Messages.get("lessons.clipping.recurrentScale", recurrentScale));
        }
        Sequential model = new Sequential(MODEL_SEED, new Input(T, 1), new SimpleRNN(UNITS), new Dense(1));
        model.compile(optimizer, "mse");
        for (Parameter p : model.parameters()) {
            if (p.path().endsWith("recurrent_kernel")) {
                double[] u = p.value();
                for (int k = 0; k < u.length; k++) u[k] *= recurrentScale;
            }
        }
        return model;
    }

    /**
     * Trains {@link #model} on {@link #data} for up to {@code epochs} epochs (batch 32, no progress
     * output), one epoch at a time so the losses up to a divergence are kept. A
     * {@link TrainingDivergedException} ends the run and is recorded, not thrown.
     */
    public static Run train(String label, Optimizer optimizer, double recurrentScale, int epochs) {
        Shapes.requirePositive("epochs", epochs);
        Data d = data();
        Sequential model = model(optimizer, recurrentScale);
        List<Double> losses = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            try {
                History h = model.fit(d.x(), d.y(), new FitOptions().epochs(1).batchSize(32).verbose(0));
                losses.add(h.get("loss").get(0));
            } catch (TrainingDivergedException ex) {
                return new Run(label, losses, e, ex.getMessage());
            }
        }
        return new Run(label, losses, 0, "");
    }

    /** How many sequences the first batch of a run holds (fit's batch size). */
    public static final int BATCH = 32;

    /** The model's weights in the order of {@link #firstBatchGradients()}: {@code simple_rnn/kernel}, … */
    public static List<String> weightNames() {
        List<String> names = new ArrayList<>();
        for (Parameter p : model(new org.rnncourse.nn.optimizers.SGD(0.5), 2.0).parameters()) names.add(p.path());
        return names;
    }

    /**
     * The gradient of the loss on the first batch ({@link #BATCH} sequences) at the starting weights of
     * the exploding run (recurrent kernel 2× Keras's), one array per weight, in the order of
     * {@link #weightNames()}: what the optimizer would clip before its first update. Copies, computed
     * in double precision on the reference path, the same on every call.
     */
    public static List<double[]> firstBatchGradients() {
        Data d = data();
        Sequential model = model(new org.rnncourse.nn.optimizers.SGD(0.5), 2.0);
        Tensor x = Tensor.of(java.util.Arrays.copyOf(d.x(), BATCH));
        Tensor y = model.loss().prepareTargets(Tensor.of(java.util.Arrays.copyOf(d.y(), BATCH)), model.outputShape());
        Tensor out = model.forward(x, true);
        double[] grad = new double[out.size()];
        model.loss().compute(out, y, grad);
        model.backward(new Tensor(grad, out.shape()));
        List<double[]> gs = new ArrayList<>();
        for (Parameter p : model.parameters()) gs.add(p.grad().clone());
        return gs;
    }

    /**
     * The norm of each weight's gradient in several versions of one gradient (e.g. as computed,
     * clipped per weight, clipped globally), one column per version, and a last row with the joint norm.
     */
    public static Table normsTable(String title, List<String> weights, java.util.Map<String, List<double[]>> versions) {
        Shapes.requireNonNull("title", title, "give the table's caption");
        Shapes.requireNonNull("weights", weights, "give the weights' names, e.g. ClippingDemo.weightNames()");
        Shapes.requireNonNull("versions", versions, "give a map from a version's name to its gradients");
        StringColumn names = StringColumn.create(Messages.get("tables.clipping.weight"));
        for (String w : weights) names.append(w);
        names.append(Messages.get("tables.clipping.allTogether"));
        Table t = Table.create(title, names);
        for (java.util.Map.Entry<String, List<double[]>> v : versions.entrySet()) {
            List<double[]> gs = v.getValue();
            if (gs == null || gs.size() != weights.size()) {
                throw new IllegalArgumentException(gs == null
                        ? Messages.get("lessons.clipping.versionNone", v.getKey(), weights.size())
                        : Messages.get("lessons.clipping.versionSize", v.getKey(), gs.size(), weights.size()));
            }
            DoubleColumn col = DoubleColumn.create(Messages.get("tables.clipping.norm", v.getKey()));
            double all = 0;
            for (double[] g : gs) {
                double s = 0;
                for (double e : g) s += e * e;
                col.append(Math.sqrt(s));
                all += s;
            }
            col.append(Math.sqrt(all));
            t.addColumns(col);
        }
        return t;
    }

    /**
     * What the three runs show, read from their losses: how much the unclipped loss grew per epoch
     * (the smallest and the largest factor) until it diverged, and which clipped run ended lower.
     * The lesson's text reads this line instead of stating numbers that depend on the float or
     * double path.
     */
    public static String summary(Run plain, Run... clipped) {
        Shapes.requireNonNull("plain", plain, "give the unclipped Run");
        requireRuns(clipped);
        StringBuilder b = new StringBuilder();
        List<Double> l = plain.losses();
        double low = Double.POSITIVE_INFINITY, high = 0;
        for (int k = 1; k < l.size(); k++) {
            double f = l.get(k) / l.get(k - 1);
            low = Math.min(low, f);
            high = Math.max(high, f);
        }
        b.append(Messages.get("lessons.clipping.summary.first", plain.label(), String.format(Locale.ROOT, "%.1e", plain.firstLoss())));
        if (l.size() > 1) {
            b.append(Messages.get("lessons.clipping.summary.growth", String.format(Locale.ROOT, "%.1e", low),
                    String.format(Locale.ROOT, "%.1e", high)));
        }
        b.append(plain.diverged() ? Messages.get("lessons.clipping.summary.diverged", plain.divergedAtEpoch())
                : Messages.get("lessons.clipping.summary.notDiverged"));
        Run best = null;
        for (Run r : clipped) {
            if (!r.diverged() && (best == null || r.lastLoss() < best.lastLoss())) best = r;
        }
        b.append(best == null ? Messages.get("lessons.clipping.summary.allDiverged")
                : Messages.get("lessons.clipping.summary.best", best.label(), String.format(Locale.ROOT, "%.4f", best.lastLoss())));
        return b.toString();
    }

    /**
     * One row per epoch, one column per run; a diverged run shows "diverged" at that epoch and nothing after.
     * Its title, column names and that word come from the bundle ({@code tables.clipping.*}).
     */
    public static Table table(Run... runs) {
        requireRuns(runs);
        int epochs = 0;
        for (Run r : runs) epochs = Math.max(epochs, r.losses().size() + (r.diverged() ? 1 : 0));
        IntColumn epoch = IntColumn.create(Messages.get("tables.clipping.epoch"));
        List<StringColumn> cols = new ArrayList<>();
        for (Run r : runs) cols.add(StringColumn.create(Messages.get("tables.clipping.loss", r.label())));
        String diverged = Messages.get("tables.clipping.diverged");
        for (int e = 1; e <= epochs; e++) {
            epoch.append(e);
            for (int j = 0; j < runs.length; j++) {
                Run r = runs[j];
                cols.get(j).append(e <= r.losses().size() ? String.format(Locale.ROOT, "%.3e", r.losses().get(e - 1))
                        : r.diverged() && e == r.divergedAtEpoch() ? diverged : "");
            }
        }
        Table t = Table.create(Messages.get("tables.clipping.table.title"), epoch);
        cols.forEach(t::addColumns);
        return t;
    }

    /** The loss curves on a log y axis (a diverged run's curve stops where the loss left the numbers). */
    public static Figure plot(Run... runs) {
        requireRuns(runs);
        ScatterTrace[] traces = new ScatterTrace[runs.length];
        double[][] ys = new double[runs.length][];
        for (int j = 0; j < runs.length; j++) {
            List<Double> l = runs[j].losses();
            double[] x = new double[l.size()], y = new double[l.size()];
            for (int k = 0; k < l.size(); k++) {
                x[k] = k + 1;
                y[k] = l.get(k);
            }
            ys[j] = y;
            traces[j] = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(runs[j].label()).build();
        }
        Layout layout = Layout.builder(Messages.get("tables.clipping.plot.title"))
                .xAxis(Axis.builder().title(Messages.get("tables.clipping.epoch")).build())
                .yAxis(Plots.logAxis(Messages.get("tables.clipping.plot.y"), ys))
                .height(420).width(760).build();
        return new Figure(layout, traces);
    }

    private static void requireRuns(Run[] runs) {
        if (runs == null || runs.length == 0) {
            throw new IllegalArgumentException(Messages.get("lessons.clipping.noRuns"));
        }
        for (Run r : runs) Shapes.requireNonNull("run", r, "every entry must come from ClippingDemo.train");
    }
}
