package org.rnncourse.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Clipping;
import org.rnncourse.scratch.GradientFlow;
import org.rnncourse.scratch.GradientFlow.Measurement;
import org.rnncourse.scratch.Shapes;
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
 * Lesson 09's tables and plots of {@link GradientFlow}'s results: the simulated factor^k curves, the
 * measured ‖∂L/∂h_t‖ of a real RNN, and one gradient clipped three ways. The math (the simulation,
 * BPTT's per-step norms, the clipping) stays in the from-scratch package; this class only lays out
 * the numbers it returns. Titles, axis labels, column names and the words in the cells come from the
 * bundle ({@code tables.gradientFlow.*}), in the learner's language; options such as {@code clipnorm=1.0}
 * stay as Keras spells them.
 */
public final class GradientFlowTables {
    private GradientFlowTables() {}

    /** One row per step 0 … steps, one column per factor: the numbers behind the log plot. */
    public static Table simulationTable(int steps, double... factors) {
        requireFactors(factors);
        Table t = Table.create(Messages.get("tables.gradientFlow.simulation.title"),
                IntColumn.create(Messages.get("tables.gradientFlow.step"), java.util.stream.IntStream.rangeClosed(0, steps).toArray()));
        for (double f : factors) {
            t.addColumns(DoubleColumn.create(factorName(f), GradientFlow.simulate(steps, f)));
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
        IntColumn step = IntColumn.create(Messages.get("tables.gradientFlow.step"));
        List<StringColumn> cols = new ArrayList<>();
        for (double f : factors) cols.add(StringColumn.create(factorName(f)));
        List<double[]> curves = new ArrayList<>();
        for (double f : factors) curves.add(GradientFlow.simulate(steps, f));
        for (int k = 0; k <= steps; k += every) {
            step.append(k);
            for (int j = 0; j < factors.length; j++) cols.get(j).append(sci(curves.get(j)[k]));
        }
        Table t = Table.create(Messages.get("tables.gradientFlow.summary.title"), step);
        cols.forEach(t::addColumns);
        return t;
    }

    /** The curves of {@link GradientFlow#simulate} for each factor on a log y axis (the notes' three-curve plot). */
    public static Figure simulationPlot(int steps, double... factors) {
        requireFactors(factors);
        double[] x = new double[steps + 1];
        for (int k = 0; k <= steps; k++) x[k] = k;
        ScatterTrace[] traces = new ScatterTrace[factors.length];
        for (int j = 0; j < factors.length; j++) {
            double f = factors[j];
            String label = Messages.get(f < 1 ? "tables.gradientFlow.vanishing" : f > 1 ? "tables.gradientFlow.exploding"
                    : "tables.gradientFlow.stable", fmt(f));
            traces[j] = ScatterTrace.builder(x, GradientFlow.simulate(steps, f)).mode(ScatterTrace.Mode.LINE).name(label).build();
        }
        double[][] ys = new double[factors.length][];
        for (int j = 0; j < factors.length; j++) ys[j] = GradientFlow.simulate(steps, factors[j]);
        return new Figure(logLayout(Messages.get("tables.gradientFlow.plot.title"), Messages.get("tables.gradientFlow.plot.x"),
                Messages.get("tables.gradientFlow.plot.y"), ys),
                traces);
    }

    /** ‖∂L/∂h_t‖ (and the step factor) of each measurement at t = T, T − every, …, 1. */
    public static Table measuredTable(int every, Measurement... ms) {
        requireMeasurements(ms);
        Shapes.requirePositive("every", every);
        int T = ms[0].timeSteps();
        IntColumn t = IntColumn.create("t");
        IntColumn back = IntColumn.create(Messages.get("tables.gradientFlow.measured.back"));
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
        Table table = Table.create(Messages.get("tables.gradientFlow.measured.title", T), t, back);
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
        return new Figure(logLayout(Messages.get("tables.gradientFlow.measuredPlot.title"), Messages.get("tables.gradientFlow.measuredPlot.x"),
                Messages.get("tables.gradientFlow.measuredPlot.y"), ys), traces);
    }

    /**
     * What Keras's three clipping options do to the same gradients, computed by
     * {@link GradientFlow}'s clipBy… (the formulas the optimizers run, from {@link Clipping}).
     * {@code gradients} are the gradients of separate weights (e.g. dW and db); clipnorm clips each on
     * its own, globalClipnorm all together, clipvalue every number. One row per option: the clipped
     * numbers, each weight's norm, the joint norm, and whether the direction of the whole gradient was
     * kept (cosine with the original = 1).
     */
    public static Table clippingTable(List<double[]> gradients, double clipnorm, double clipvalue, double globalClipnorm) {
        if (gradients == null || gradients.isEmpty()) {
            throw new IllegalArgumentException(Messages.get(gradients == null ? "lessons.gradientFlow.gradientsNull"
                    : "lessons.gradientFlow.gradientsEmpty"));
        }
        Map<String, List<double[]>> options = new LinkedHashMap<>();
        options.put("clipnorm=" + fmt(clipnorm), GradientFlow.clipByNorm(gradients, clipnorm));
        options.put("globalClipnorm=" + fmt(globalClipnorm), GradientFlow.clipByGlobalNorm(gradients, globalClipnorm));
        options.put("clipvalue=" + fmt(clipvalue), GradientFlow.clipByValue(gradients, clipvalue));
        List<double[]> original = gradients.stream().map(double[]::clone).toList();
        StringColumn option = StringColumn.create(Messages.get("tables.gradientFlow.clipping.option"));
        StringColumn values = StringColumn.create(Messages.get("tables.gradientFlow.clipping.gradient"));
        StringColumn each = StringColumn.create(Messages.get("tables.gradientFlow.clipping.each"));
        DoubleColumn total = DoubleColumn.create(Messages.get("tables.gradientFlow.clipping.joint"));
        DoubleColumn cosine = DoubleColumn.create(Messages.get("tables.gradientFlow.clipping.cosine"));
        StringColumn kept = StringColumn.create(Messages.get("tables.gradientFlow.clipping.kept"));
        String yes = Messages.get("tables.gradientFlow.yes"), no = Messages.get("tables.gradientFlow.no");
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        rows.put(Messages.get("tables.gradientFlow.clipping.none"), original);
        rows.putAll(options);
        rows.forEach((name, g) -> {
            option.append(name);
            values.append(describe(g));
            double[] norms = new double[g.size()];
            for (int k = 0; k < norms.length; k++) norms[k] = Clipping.norm(g.get(k));
            each.append(String.join(", ", Numbers.formatAll(norms)));
            total.append(round(Clipping.globalNorm(g), 4));
            double cos = cosine(original, g);
            cosine.append(round(cos, 4));
            kept.append(Math.abs(cos - 1) < 1e-12 ? yes : no);
        });
        return Table.create(Messages.get("tables.gradientFlow.clipping.title"), option, values, each, total, cosine, kept);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Layout logLayout(String title, String x, String y, double[]... series) {
        return Layout.builder(title)
                .xAxis(Axis.builder().title(x).build())
                .yAxis(Plots.logAxis(y, series))
                .height(420).width(760)
                .build();
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
            throw new IllegalArgumentException(Messages.get("lessons.gradientFlow.noFactor"));
        }
    }

    private static void requireMeasurements(Measurement[] ms) {
        if (ms == null || ms.length == 0) {
            throw new IllegalArgumentException(Messages.get("lessons.gradientFlow.noMeasurement"));
        }
        for (Measurement m : ms) {
            Shapes.requireNonNull("measurement", m, "every entry must come from GradientFlow.measure");
            if (m.timeSteps() != ms[0].timeSteps()) {
                throw new IllegalArgumentException(Messages.get("lessons.gradientFlow.differentT", ms[0].timeSteps(), m.timeSteps()));
            }
        }
    }

    private static String factorName(double f) {
        return Messages.get("tables.gradientFlow.factor", fmt(f));
    }

    /** 1.0 for whole numbers, else as typed (0.9): the labels of the factors and thresholds. */
    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static double round(double v, int decimals) {
        double s = Math.pow(10, decimals);
        return Math.round(v * s) / s;
    }
}
