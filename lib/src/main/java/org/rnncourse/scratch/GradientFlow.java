package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.rnncourse.nn.optimizers.GradientClipping;
import org.rnncourse.show.Numbers;
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
 * How a gradient changes as BPTT carries it back through the time steps (lesson 09).
 *
 * <p>Going back one step multiplies ∂L/∂h_t by the step's Jacobian
 * <pre>   ∂h_t/∂h_{t−1} = diag(tanh′(z_t)) · W_hh        (column form; W_hh = W_aaᵀ)</pre>
 * so after k steps the gradient has been multiplied by k such matrices. If each shrinks vectors
 * (norm below 1, e.g. small W_hh, or tanh′ &lt; 1 from saturated units) the product vanishes
 * geometrically; if each stretches them, it explodes. {@link #simulate} shows the bare arithmetic
 * with one number per step; {@link #measure} runs BPTT of a real RNN and records ‖∂L/∂h_t‖ at every
 * step together with the norm of each step's Jacobian.
 */
public final class GradientFlow {
    private GradientFlow() {}

    // ---- the simulation: one factor per step ----------------------------------------------------

    /** g_0 = 1, g_k = g_{k−1} · factor for k = 1 … steps: a gradient scaled by the same factor at each step. */
    public static double[] simulate(int steps, double factor) {
        Shapes.requirePositive("steps", steps);
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a positive number, got " + factor);
        }
        double[] g = new double[steps + 1];
        g[0] = 1.0;
        for (int k = 1; k <= steps; k++) {
            g[k] = g[k - 1] * factor;
        }
        return g;
    }

    /**
     * The first step k at which factor^k drops below {@code threshold} (e.g. 0.9 and 1e-2 → 44).
     *
     * <p>Package-private: it is exactly the answer of lesson 09's exercise 2, and every student's kernel
     * loads this library.
     *
     * @throws IllegalArgumentException if the factor is not below 1 (the gradient never shrinks)
     */
    static int firstStepBelow(double factor, double threshold) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor = " + factor + " must be in (0, 1): otherwise the gradient never shrinks");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold = " + threshold + " must be in (0, 1)");
        }
        double g = 1.0;
        int k = 0;
        while (g >= threshold) {
            g *= factor;
            k++;
        }
        return k;
    }

    /** One row per step 0 … steps, one column per factor: the numbers behind the log plot. */
    public static Table simulationTable(int steps, double... factors) {
        requireFactors(factors);
        Table t = Table.create("Gradient scaled by a factor at each step",
                IntColumn.create("step", java.util.stream.IntStream.rangeClosed(0, steps).toArray()));
        for (double f : factors) {
            t.addColumns(DoubleColumn.create(factorName(f), simulate(steps, f)));
        }
        return t;
    }

    /**
     * The same numbers every {@code every} steps, printed in scientific notation so 5.2e-03 and
     * 1.2e+02 read equally well: the table the lesson shows.
     */
    public static Table simulationSummary(int steps, int every, double... factors) {
        requireFactors(factors);
        Shapes.requirePositive("every", every);
        IntColumn step = IntColumn.create("step");
        List<StringColumn> cols = new ArrayList<>();
        for (double f : factors) cols.add(StringColumn.create(factorName(f)));
        List<double[]> curves = new ArrayList<>();
        for (double f : factors) curves.add(simulate(steps, f));
        for (int k = 0; k <= steps; k += every) {
            step.append(k);
            for (int j = 0; j < factors.length; j++) cols.get(j).append(sci(curves.get(j)[k]));
        }
        Table t = Table.create("Gradient after k steps: factor^k", step);
        cols.forEach(t::addColumns);
        return t;
    }

    /** The curves of {@link #simulate} for each factor on a log y axis (the notes' three-curve plot). */
    public static Figure simulationPlot(int steps, double... factors) {
        requireFactors(factors);
        double[] x = new double[steps + 1];
        for (int k = 0; k <= steps; k++) x[k] = k;
        ScatterTrace[] traces = new ScatterTrace[factors.length];
        for (int j = 0; j < factors.length; j++) {
            double f = factors[j];
            String label = (f < 1 ? "vanishing" : f > 1 ? "exploding" : "stable") + " (" + fmt(f) + ")";
            traces[j] = ScatterTrace.builder(x, simulate(steps, f)).mode(ScatterTrace.Mode.LINE).name(label).build();
        }
        double[][] ys = new double[factors.length][];
        for (int j = 0; j < factors.length; j++) ys[j] = simulate(steps, factors[j]);
        return new Figure(logLayout("Gradient flow: a factor per time step", "time steps back", "gradient magnitude (log scale)", ys),
                traces);
    }

    // ---- the measurement: BPTT of a real RNN ----------------------------------------------------

    /**
     * What BPTT of one many-to-one loss did at each step: ‖∂L/∂h_t‖ for t = 1 … T and, for t = 2 … T,
     * the largest stretch ‖∂h_t/∂h_{t−1}‖₂ of the step's Jacobian (the factor of the simulation).
     */
    public record Measurement(String label, double recurrentScale, double[] gradientNorms, double[] jacobianNorms) {
        /** T, the number of time steps. */
        public int timeSteps() {
            return gradientNorms.length;
        }

        /** ‖∂L/∂h_t‖ for t = 1 … T. */
        public double gradientNorm(int t) {
            if (t < 1 || t > gradientNorms.length) {
                throw new IllegalArgumentException("t = " + t + " is outside 1 … " + gradientNorms.length);
            }
            return gradientNorms[t - 1];
        }

        /** ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖: how much of the gradient at the last step reaches the first. */
        public double firstToLastRatio() {
            return gradientNorms[0] / gradientNorms[gradientNorms.length - 1];
        }

        /**
         * The factor the gradient was actually multiplied by per step, on average (geometric mean):
         * (‖∂L/∂h_1‖ / ‖∂L/∂h_T‖)^(1/(T−1)). Below 1 it vanishes, above 1 it explodes.
         */
        public double meanStepFactor() {
            int T = gradientNorms.length;
            return T < 2 ? Double.NaN : Math.pow(firstToLastRatio(), 1.0 / (T - 1));
        }

        /**
         * The geometric mean of the per-step Jacobian 2-norms: the most a step could stretch the
         * gradient, an upper bound on {@link #meanStepFactor()}.
         */
        public double meanJacobianNorm() {
            double s = 0;
            int n = 0;
            for (int t = 1; t < jacobianNorms.length; t++) {  // entry 0 (t = 1) has no previous state
                s += Math.log(jacobianNorms[t]);
                n++;
            }
            return n == 0 ? Double.NaN : Math.exp(s / n);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: T = %d, ‖∂L/∂h_T‖ = %.2e, ‖∂L/∂h_1‖ = %.2e, ratio %.2e, "
                    + "average factor per step %.3f (at most %.3f: the mean ‖∂h_t/∂h_t−1‖₂)", label, timeSteps(),
                    gradientNorms[gradientNorms.length - 1], gradientNorms[0], firstToLastRatio(), meanStepFactor(),
                    meanJacobianNorm());
        }
    }

    /**
     * Runs BPTT of a many-to-one loss back from step T and records ‖∂L/∂A_t‖ at every step (of the first
     * example when the batch has several) and the 2-norm of each step's Jacobian, using
     * {@link Bptt#cellBackward}, the same backward step as training.
     */
    public static Measurement measure(String label, Rnn rnn, List<DMatrixRMaj> xs, DMatrixRMaj target, Loss loss) {
        Shapes.requireNonNull("rnn", rnn, "give the Rnn");
        Shapes.requireNonNull("loss", loss, "choose a Loss, e.g. Loss.MSE");
        loss.requireActivation(rnn.output.g);
        RnnCache cache = rnn.forward(xs);
        int T = cache.timeSteps();
        Shapes.require("target", target, cache.batchSize(), rnn.output.nY, "the loss", "the shape of Y_T");
        // From the loss to A_T through the output layer, as Bptt.manyToOne does.
        DMatrixRMaj dZy = loss.gradient(rnn.output.g, cache.zy(T), cache.y(T), target);
        DMatrixRMaj dA = CommonOps_DDRM.multTransB(dZy, rnn.output.Way, null);
        double[] norms = new double[T];
        double[] jac = new double[T];
        for (int t = T; t >= 1; t--) {
            norms[t - 1] = Matrices.norm(CommonOps_DDRM.extractRow(dA, 0, null));
            jac[t - 1] = jacobianNorm(rnn.cell, cache.z(t));
            dA = Bptt.cellBackward(rnn.cell, cache, t, dA).dAprev;
        }
        jac[0] = Double.NaN;   // h_0 is not computed from anything: no Jacobian before step 1
        return new Measurement(label, Double.NaN, norms, jac);
    }

    /**
     * ‖diag(f′(z_t)) · W_hh‖₂ for the first example of the batch: the largest factor by which one step
     * back can stretch a gradient (column form: ∂h_t/∂h_{t−1} = diag(f′(z_t)) · W_aaᵀ).
     */
    public static double jacobianNorm(RnnCell cell, DMatrixRMaj Zt) {
        Shapes.requireNonNull("cell", cell, "give the RnnCell");
        Shapes.requireFinite("Z_t", Zt, "the Jacobian");
        if (Zt.numCols != cell.nA) {
            throw new IllegalArgumentException("Z_t has shape " + Shapes.of(Zt) + " but the Jacobian expects (m×"
                    + cell.nA + "): n_a = " + cell.nA);
        }
        DMatrixRMaj d = cell.f.derivative(CommonOps_DDRM.extractRow(Zt, 0, null));
        DMatrixRMaj J = cell.Whh();                    // W_hh = W_aaᵀ, (n_a, n_a)
        for (int i = 0; i < J.numRows; i++) {          // diag(f′) · W_hh scales row i by f′_i
            for (int j = 0; j < J.numCols; j++) {
                J.set(i, j, J.get(i, j) * d.get(0, i));
            }
        }
        return NormOps_DDRM.normP2(J);
    }

    /**
     * The lesson's network: an RNN with n_x = 4 inputs, n_a = 32 tanh units and one linear output,
     * W_aa Gaussian with standard deviation {@code recurrentScale}/√n_a (so its largest eigenvalues
     * are about {@code recurrentScale}), W_ax small (0.5/√n_x), W_ay 1/√n_a, zero biases; and one input
     * sequence of T Gaussian steps with target 1 and the MSE loss. All from {@code seed}.
     */
    public static Measurement measure(double recurrentScale, int T, long seed) {
        if (!(recurrentScale > 0) || Double.isInfinite(recurrentScale)) {
            throw new IllegalArgumentException("recurrentScale must be a positive number, got " + recurrentScale);
        }
        Shapes.requirePositive("T", T);
        int nX = 4, nA = 32;
        Random r = new Random(seed);
        RnnCell cell = new RnnCell(Matrices.gaussian(nX, nA, 0.5 / Math.sqrt(nX), r),
                Matrices.gaussian(nA, nA, recurrentScale / Math.sqrt(nA), r), new DMatrixRMaj(1, nA), Activation.TANH);
        OutputLayer out = new OutputLayer(Matrices.gaussian(nA, 1, 1 / Math.sqrt(nA), r), new DMatrixRMaj(1, 1), Activation.LINEAR);
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int t = 0; t < T; t++) xs.add(Matrices.gaussian(1, nX, 1.0, r));
        Measurement m = measure("W_aa scale " + fmt(recurrentScale), new Rnn(cell, out), xs, Matrices.row(1.0), Loss.MSE);
        return new Measurement(m.label(), recurrentScale, m.gradientNorms(), m.jacobianNorms());
    }

    /** ‖∂L/∂h_t‖ (and the step factor) of each measurement at t = T, T − every, …, 1. */
    public static Table measuredTable(int every, Measurement... ms) {
        requireMeasurements(ms);
        Shapes.requirePositive("every", every);
        int T = ms[0].timeSteps();
        IntColumn t = IntColumn.create("t");
        IntColumn back = IntColumn.create("steps back");
        List<StringColumn> cols = new ArrayList<>();
        for (Measurement m : ms) {
            cols.add(StringColumn.create("‖∂L/∂h_t‖, " + m.label()));
            cols.add(StringColumn.create("‖∂h_t/∂h_t−1‖, " + m.label()));
        }
        List<Integer> rows = new ArrayList<>();
        for (int k = T; k >= 1; k -= every) rows.add(k);
        if (rows.get(rows.size() - 1) != 1) rows.add(1);
        for (int k : rows) {
            t.append(k);
            back.append(T - k);
            for (int j = 0; j < ms.length; j++) {
                cols.get(2 * j).append(sci(ms[j].gradientNorm(k)));
                double jn = ms[j].jacobianNorms()[k - 1];
                cols.get(2 * j + 1).append(Double.isNaN(jn) ? "–" : String.format(Locale.ROOT, "%.3f", jn));
            }
        }
        Table table = Table.create("Measured gradient norm per time step (many-to-one loss at t = " + T + ")", t, back);
        cols.forEach(table::addColumns);
        return table;
    }

    /** ‖∂L/∂h_t‖ against t for each measurement, on a log y axis. */
    public static Figure measuredPlot(Measurement... ms) {
        requireMeasurements(ms);
        ScatterTrace[] traces = new ScatterTrace[ms.length];
        for (int j = 0; j < ms.length; j++) {
            double[] x = new double[ms[j].timeSteps()];
            for (int k = 0; k < x.length; k++) x[k] = k + 1;
            traces[j] = ScatterTrace.builder(x, ms[j].gradientNorms()).mode(ScatterTrace.Mode.LINE).name(ms[j].label()).build();
        }
        double[][] ys = new double[ms.length][];
        for (int j = 0; j < ms.length; j++) ys[j] = ms[j].gradientNorms();
        return new Figure(logLayout("‖∂L/∂h_t‖ in a real RNN (loss at the last step)", "time step t",
                "‖∂L/∂h_t‖ (log scale)", ys), traces);
    }

    // ---- clipping on one gradient ---------------------------------------------------------------

    /**
     * What Keras's three clipping options do to the same gradients, computed by
     * {@link GradientClipping} (the code the optimizers run). {@code gradients} are the gradients of
     * separate weights (e.g. dW and db); clipnorm clips each on its own, globalClipnorm all together,
     * clipvalue every number. One row per option: the clipped numbers, each weight's norm, the joint
     * norm, and whether the direction of the whole gradient was kept (cosine with the original = 1).
     */
    public static Table clippingTable(List<double[]> gradients, double clipnorm, double clipvalue, double globalClipnorm) {
        if (gradients == null || gradients.isEmpty()) {
            throw new IllegalArgumentException("gradients is " + (gradients == null ? "null" : "empty")
                    + ": give each weight's gradient as a double[], e.g. List.of(dW, db)");
        }
        StringColumn option = StringColumn.create("option");
        StringColumn values = StringColumn.create("gradient");
        StringColumn each = StringColumn.create("norm of each weight's gradient");
        DoubleColumn total = DoubleColumn.create("joint norm");
        DoubleColumn cosine = DoubleColumn.create("cosine with original");
        StringColumn kept = StringColumn.create("direction kept?");
        List<double[]> original = copy(gradients);
        for (String name : new String[] {"none (original)", "clipnorm=" + fmt(clipnorm),
                "globalClipnorm=" + fmt(globalClipnorm), "clipvalue=" + fmt(clipvalue)}) {
            List<double[]> g = copy(gradients);
            if (name.startsWith("clipnorm")) {
                for (double[] a : g) GradientClipping.clipByNorm(a, clipnorm);
            } else if (name.startsWith("global")) {
                GradientClipping.clipByGlobalNorm(g, globalClipnorm);
            } else if (name.startsWith("clipvalue")) {
                for (double[] a : g) GradientClipping.clipByValue(a, clipvalue);
            }
            option.append(name);
            values.append(describe(g));
            double[] norms = new double[g.size()];
            for (int k = 0; k < norms.length; k++) norms[k] = GradientClipping.norm(g.get(k));
            each.append(String.join(", ", Numbers.formatAll(norms)));
            total.append(round(GradientClipping.globalNorm(g), 4));
            double cos = cosine(original, g);
            cosine.append(round(cos, 4));
            kept.append(Math.abs(cos - 1) < 1e-12 ? "yes" : "no");
        }
        return Table.create("One gradient, three ways to clip it", option, values, each, total, cosine, kept);
    }

    /** The gradients after Keras's clipnorm (each weight's gradient on its own), as new arrays. */
    public static List<double[]> clipByNorm(List<double[]> gradients, double c) {
        List<double[]> g = copy(gradients);
        for (double[] a : g) GradientClipping.clipByNorm(a, c);
        return g;
    }

    /** The gradients after Keras's global_clipnorm, as new arrays. */
    public static List<double[]> clipByGlobalNorm(List<double[]> gradients, double c) {
        List<double[]> g = copy(gradients);
        GradientClipping.clipByGlobalNorm(g, c);
        return g;
    }

    /** The gradients after Keras's clipvalue, as new arrays. */
    public static List<double[]> clipByValue(List<double[]> gradients, double c) {
        List<double[]> g = copy(gradients);
        for (double[] a : g) GradientClipping.clipByValue(a, c);
        return g;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Layout logLayout(String title, String x, String y, double[]... series) {
        return Layout.builder(title)
                .xAxis(Axis.builder().title(x).build())
                .yAxis(Plots.logAxis(y, series))
                .height(420).width(760)
                .build();
    }

    private static List<double[]> copy(List<double[]> gradients) {
        if (gradients == null) {
            throw new IllegalArgumentException("gradients is null: give each weight's gradient as a double[]");
        }
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < gradients.size(); k++) {
            if (gradients.get(k) == null) {
                throw new IllegalArgumentException("gradients.get(" + k + ") is null: every gradient must be an array");
            }
            out.add(gradients.get(k).clone());
        }
        return out;
    }

    private static double cosine(List<double[]> a, List<double[]> b) {
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < a.size(); k++) {
            for (int i = 0; i < a.get(k).length; i++) {
                dot += a.get(k)[i] * b.get(k)[i];
                na += a.get(k)[i] * a.get(k)[i];
                nb += b.get(k)[i] * b.get(k)[i];
            }
        }
        return na == 0 || nb == 0 ? Double.NaN : dot / Math.sqrt(na * nb);
    }

    /** "(3, -4 | 12)": every weight's gradient, all numbers by the one rule of {@link Numbers}. */
    private static String describe(List<double[]> g) {
        int size = 0;
        for (double[] a : g) size += a.length;
        double[] all = new double[size];
        int at = 0;
        for (double[] a : g) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        String[] cells = Numbers.formatAll(all);
        StringBuilder sb = new StringBuilder("(");
        at = 0;
        for (int k = 0; k < g.size(); k++) {
            if (k > 0) sb.append(" | ");
            for (int i = 0; i < g.get(k).length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(cells[at++]);
            }
        }
        return sb.append(")").toString();
    }

    private static void requireFactors(double[] factors) {
        if (factors == null || factors.length == 0) {
            throw new IllegalArgumentException("give at least one factor, e.g. 0.9, 1.0, 1.1");
        }
    }

    private static void requireMeasurements(Measurement[] ms) {
        if (ms == null || ms.length == 0) {
            throw new IllegalArgumentException("give at least one Measurement from GradientFlow.measure");
        }
        for (Measurement m : ms) {
            Shapes.requireNonNull("measurement", m, "every entry must come from GradientFlow.measure");
            if (m.timeSteps() != ms[0].timeSteps()) {
                throw new IllegalArgumentException("the measurements have different T (" + ms[0].timeSteps()
                        + " and " + m.timeSteps() + "): measure them on sequences of the same length");
            }
        }
    }

    private static String factorName(double f) {
        return "factor " + fmt(f);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%s", v);
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static double round(double v, int decimals) {
        double s = Math.pow(10, decimals);
        return Math.round(v * s) / s;
    }
}
