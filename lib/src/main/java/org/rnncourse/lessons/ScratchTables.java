package org.rnncourse.lessons;

import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Embedding;
import org.rnncourse.scratch.GradCheck.Comparison;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Shapes;
import org.rnncourse.scratch.TwoLayerRnn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables lessons 03, 04 and 06 print of from-scratch results: the activations at a few points,
 * an embedding matrix, the weights and shapes of a two-layer stack, and a gradient check. The
 * from-scratch package computes and returns plain matrices and records; only this class knows
 * about tables, so the math reads (and runs) without the display library. Titles, column names and
 * the words in the cells come from the bundle ({@code tables.scratch.*}), in the learner's language;
 * names of quantities ({@code W_ax}, {@code tanh(z)}) stay as the lessons write them.
 */
public final class ScratchTables {
    private ScratchTables() {}

    /**
     * Lesson 03: tanh, ReLU and sigmoid at the given points (4 decimals), one row per z, to compare
     * their ranges; softmax needs a whole vector, so it is not a column here.
     */
    public static Table activations(double... zs) {
        if (zs == null || zs.length == 0) {
            throw new IllegalArgumentException(Messages.get("lessons.scratch.noZ"));
        }
        DMatrixRMaj z = Matrices.row(zs.clone());
        Table t = Table.create(Messages.get("tables.scratch.activations.title"), DoubleColumn.create("z", zs.clone()));
        for (Activation a : new Activation[] {Activation.TANH, Activation.RELU, Activation.SIGMOID}) {
            double[] v = a.apply(z).data;
            for (int k = 0; k < v.length; k++) v[k] = round(v[k], 4);
            t.addColumns(DoubleColumn.create(a + "(z)", v));
        }
        return t;
    }

    /**
     * Lesson 04: the embedding matrix, one row per word (its index, the word, its D numbers to 4
     * decimals). {@code words.get(i)} names row i.
     */
    public static Table embedding(Embedding embedding, List<String> words) {
        Shapes.requireNonNull("embedding", embedding, "give the Embedding to show");
        int V = embedding.vocabularySize(), D = embedding.dimension();
        if (words == null || words.size() != V) {
            throw new IllegalArgumentException(words == null ? Messages.get("lessons.scratch.noWords", V)
                    : Messages.get("lessons.scratch.wordCount", words.size(), V));
        }
        IntColumn index = IntColumn.create(Messages.get("tables.scratch.embedding.index"));
        StringColumn word = StringColumn.create(Messages.get("tables.scratch.embedding.word"));
        DoubleColumn[] e = new DoubleColumn[D];
        for (int j = 0; j < D; j++) e[j] = DoubleColumn.create("e[" + (j + 1) + "]");
        for (int i = 0; i < V; i++) {
            index.append(i);
            word.append(words.get(i));
            for (int j = 0; j < D; j++) e[j].append(round(embedding.E.get(i, j), 4));
        }
        Table t = Table.create(Messages.get("tables.scratch.embedding.title", Shapes.of(embedding.E)), index, word);
        t.addColumns(e);
        return t;
    }

    /** Lesson 04: one row per weight matrix of the stack (name, shape, number of weights), then the total. */
    public static Table stackParameters(TwoLayerRnn stack) {
        Shapes.requireNonNull("stack", stack, "give the TwoLayerRnn");
        StringColumn name = StringColumn.create(Messages.get("tables.scratch.stack.weights"));
        StringColumn shape = StringColumn.create(Messages.get("tables.scratch.shape"));
        LongColumn count = LongColumn.create(Messages.get("tables.scratch.stack.parameters"));
        String layer1 = Messages.get("tables.scratch.stack.layer", 1), layer2 = Messages.get("tables.scratch.stack.layer", 2);
        String output = Messages.get("tables.scratch.stack.output");
        Object[][] rows = {
            {"W_ax " + layer1, stack.layer1.Wax}, {"W_aa " + layer1, stack.layer1.Waa}, {"b_a " + layer1, stack.layer1.ba},
            {"W_hk " + layer2, stack.layer2.Wax}, {"W_kk " + layer2, stack.layer2.Waa}, {"b_k " + layer2, stack.layer2.ba},
            {"W_ky " + output, stack.output.Way}, {"b_y " + output, stack.output.by}};
        for (Object[] row : rows) {
            DMatrixRMaj m = (DMatrixRMaj) row[1];
            name.append((String) row[0]);
            shape.append(Shapes.of(m));
            count.append((long) m.getNumElements());
        }
        name.append(Messages.get("tables.scratch.stack.total"));
        shape.append("");
        count.append(stack.parameterCount());
        return Table.create(Messages.get("tables.scratch.stack.title"), name, shape, count);
    }

    /** Lesson 04: the shape of every quantity of the stack for a batch of m examples and T time steps. */
    public static Table stackShapes(TwoLayerRnn stack, int m, int T) {
        Shapes.requireNonNull("stack", stack, "give the TwoLayerRnn");
        Shapes.requirePositive("m", m);
        Shapes.requirePositive("T", T);
        String steps = Messages.get("tables.scratch.shapes.perStep", T);
        String[][] rows = {
            {"X_t", Messages.get("tables.scratch.shapes.input"), Shapes.of(m, stack.layer1.nX), steps},
            {"H_t", "tanh(X_t·W_ax + H_{t−1}·W_aa + b_a)", Shapes.of(m, stack.layer1.nA), steps},
            {"K_t", "tanh(H_t·W_hk + K_{t−1}·W_kk + b_k)", Shapes.of(m, stack.layer2.nA), steps},
            {"Y", stack.output.g + "(K_T·W_ky + b_y)", Shapes.of(m, stack.output.nY), Messages.get("tables.scratch.shapes.lastStep")}};
        String[] names = {Messages.get("tables.scratch.shapes.quantity"), Messages.get("tables.scratch.shapes.computedAs"),
            Messages.get("tables.scratch.shape"), Messages.get("tables.scratch.shapes.howMany")};
        Table t = Table.create(Messages.get("tables.scratch.shapes.title", m, T));
        for (int c = 0; c < names.length; c++) {
            StringColumn col = StringColumn.create(names[c]);
            for (String[] row : rows) col.append(row[c]);
            t.addColumns(col);
        }
        return t;
    }

    /** Lesson 06: one row per parameter of a gradient check: its shape, both gradients' norms, the relative error. */
    public static Table gradCheck(List<Comparison> comparisons) {
        Shapes.requireNonNull("comparisons", comparisons, "give the list from GradCheck.compare / manyToOne / manyToMany");
        StringColumn name = StringColumn.create(Messages.get("tables.scratch.gradCheck.parameter"));
        StringColumn shape = StringColumn.create(Messages.get("tables.scratch.shape"));
        DoubleColumn analytic = DoubleColumn.create("‖" + Messages.get("tables.scratch.analytic") + "‖");
        DoubleColumn numerical = DoubleColumn.create("‖" + Messages.get("tables.scratch.numerical") + "‖");
        StringColumn error = StringColumn.create(Messages.get("tables.scratch.gradCheck.relativeError"));
        StringColumn verdict = StringColumn.create(Messages.get("tables.scratch.gradCheck.below"));
        String yes = Messages.get("tables.scratch.gradCheck.yes"), no = Messages.get("tables.scratch.gradCheck.no");
        for (Comparison c : comparisons) {
            Shapes.requireNonNull("comparisons", c, "the list holds a null entry");
            name.append(c.name());
            shape.append(Shapes.of(c.analytic()));
            analytic.append(round(Matrices.norm(c.analytic()), 8));
            numerical.append(round(Matrices.norm(c.numerical()), 8));
            error.append(String.format(Locale.ROOT, "%.2e", c.relativeError()));
            verdict.append(c.relativeError() < 1e-7 ? yes : no);
        }
        return Table.create(Messages.get("tables.scratch.gradCheck.title"), name, shape, analytic, numerical, error, verdict);
    }

    /** Lesson 06: one row per entry of one checked parameter, analytic and numerical side by side. */
    public static Table sideBySide(Comparison c) {
        Shapes.requireNonNull("c", c, "give one Comparison");
        return sideBySide(c.name(), c.analytic(), c.numerical());
    }

    /** Lesson 06: one row per entry (i, j): analytic, numerical and their difference. */
    public static Table sideBySide(String name, DMatrixRMaj analytic, DMatrixRMaj numerical) {
        Shapes.requireFinite("analytic", analytic, "the table");
        Shapes.require("numerical", numerical, analytic.numRows, analytic.numCols, "the table", "the shape of analytic");
        StringColumn entry = StringColumn.create(Messages.get("tables.scratch.sideBySide.entry"));
        DoubleColumn a = DoubleColumn.create(Messages.get("tables.scratch.analytic"));
        DoubleColumn n = DoubleColumn.create(Messages.get("tables.scratch.numerical"));
        StringColumn diff = StringColumn.create(Messages.get("tables.scratch.sideBySide.difference"));
        for (int i = 0; i < analytic.numRows; i++) {
            for (int j = 0; j < analytic.numCols; j++) {
                entry.append(name + "[" + i + "," + j + "]");
                a.append(round(analytic.get(i, j), 10));
                n.append(round(numerical.get(i, j), 10));
                diff.append(String.format(Locale.ROOT, "%.1e", analytic.get(i, j) - numerical.get(i, j)));
            }
        }
        return Table.create(Messages.get("tables.scratch.sideBySide.title", name), entry, a, n, diff);
    }

    private static double round(double v, int decimals) {
        double s = Math.pow(10, decimals);
        return Math.round(v * s) / s;
    }
}
