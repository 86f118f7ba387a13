package org.rnncourse.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.Shapes;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The worked example of lesson 03: an RNN with input size 3, hidden size 4 and output size 2, run
 * over three time steps.
 * <ul>
 *   <li>weights: Gaussian × 0.1 from {@code new Random(SEED)}, drawn in the order W_xh, W_hh, W_hy,
 *       each in row-major order of its column-form shape; biases zero;</li>
 *   <li>f = tanh, g = linear (the output is a raw score, y_t = W_hy h_t + b_y);</li>
 *   <li>inputs x_1 = (1, 0, 1), x_2 = (0, 1, 0), x_3 = (1, 1, 0); h_0 = 0.</li>
 * </ul>
 */
public final class WorkedExample {
    /** The fixed seed of the example's weights. */
    public static final long SEED = 42;
    /** Sizes of the example. */
    public static final int INPUT_SIZE = 3, HIDDEN_SIZE = 4, OUTPUT_SIZE = 2, TIME_STEPS = 3;
    /** Scale of the random weights. */
    public static final double SCALE = 0.1;
    private static final double[][] INPUTS = {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}};

    /** The example's RNN (row-form matrices inside; see {@link RnnCell#Wxh()} for the column form). */
    public final Rnn rnn;

    private WorkedExample(Rnn rnn) {
        this.rnn = rnn;
    }

    /** Builds the example: the same numbers every time. */
    public static WorkedExample create() {
        Random random = new Random(SEED);
        // Drawn in the column-form shapes, as the lesson writes them, then stored transposed.
        DMatrixRMaj wxh = Matrices.gaussian(HIDDEN_SIZE, INPUT_SIZE, SCALE, random);
        DMatrixRMaj whh = Matrices.gaussian(HIDDEN_SIZE, HIDDEN_SIZE, SCALE, random);
        DMatrixRMaj why = Matrices.gaussian(OUTPUT_SIZE, HIDDEN_SIZE, SCALE, random);
        RnnCell cell = new RnnCell(transpose(wxh), transpose(whh), new DMatrixRMaj(1, HIDDEN_SIZE), Activation.TANH);
        OutputLayer out = new OutputLayer(transpose(why), new DMatrixRMaj(1, OUTPUT_SIZE), Activation.LINEAR);
        return new WorkedExample(new Rnn(cell, out));
    }

    /** The cell of the example. */
    public RnnCell cell() {
        return rnn.cell;
    }

    /** The output layer of the example. */
    public OutputLayer output() {
        return rnn.output;
    }

    /** x_1, x_2, x_3 as column vectors (3×1), fresh copies. */
    public List<DMatrixRMaj> inputColumns() {
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (double[] x : INPUTS) {
            xs.add(Matrices.column(x.clone()));
        }
        return xs;
    }

    /** x_1, x_2, x_3 as row vectors (1×3), the row form with a batch of m = 1, fresh copies. */
    public List<DMatrixRMaj> inputRows() {
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (double[] x : INPUTS) {
            xs.add(Matrices.row(x.clone()));
        }
        return xs;
    }

    /** h_0 = 0, (4×1). */
    public DMatrixRMaj h0() {
        return new DMatrixRMaj(HIDDEN_SIZE, 1);
    }

    /** The hidden states h_1, h_2, h_3 in column form, computed step by step. */
    public List<DMatrixRMaj> hiddenStates() {
        List<DMatrixRMaj> hs = new ArrayList<>();
        DMatrixRMaj h = h0();
        for (DMatrixRMaj x : inputColumns()) {
            h = rnn.cell.stepColumn(x, h);
            hs.add(h);
        }
        return hs;
    }

    /** The outputs y_1, y_2, y_3 in column form. */
    public List<DMatrixRMaj> outputs() {
        List<DMatrixRMaj> ys = new ArrayList<>();
        for (DMatrixRMaj h : hiddenStates()) {
            ys.add(rnn.output.forwardColumn(h));
        }
        return ys;
    }

    /** One line per step with the shapes, e.g. {@code t = 1: x_1 (3×1), h_0 (4×1) → h_1 (4×1), y_1 (2×1)}. */
    public String shapeLog() {
        StringBuilder sb = new StringBuilder();
        DMatrixRMaj h = h0();
        List<DMatrixRMaj> xs = inputColumns();
        for (int t = 1; t <= xs.size(); t++) {
            DMatrixRMaj next = rnn.cell.stepColumn(xs.get(t - 1), h);
            DMatrixRMaj y = rnn.output.forwardColumn(next);
            sb.append(String.format(Locale.ROOT, "t = %d: x_%d %s, h_%d %s → h_%d %s, y_%d %s%n", t, t,
                    Shapes.of(xs.get(t - 1)), t - 1, Shapes.of(h), t, Shapes.of(next), t, Shapes.of(y)));
            h = next;
        }
        return sb.toString().stripTrailing();
    }

    /** The unrolled computation: one row per time step with x_t, h_t (4 numbers) and y_t (2 numbers). */
    public Table unrolledTable() {
        IntColumn t = IntColumn.create("t");
        StringColumn x = StringColumn.create("x_t");
        DoubleColumn[] h = new DoubleColumn[HIDDEN_SIZE];
        for (int j = 0; j < HIDDEN_SIZE; j++) {
            h[j] = DoubleColumn.create("h_t[" + (j + 1) + "]");
        }
        DoubleColumn[] y = new DoubleColumn[OUTPUT_SIZE];
        for (int j = 0; j < OUTPUT_SIZE; j++) {
            y[j] = DoubleColumn.create("y_t[" + (j + 1) + "]");
        }
        List<DMatrixRMaj> hs = hiddenStates();
        List<DMatrixRMaj> ys = outputs();
        for (int step = 0; step < TIME_STEPS; step++) {
            t.append(step + 1);
            double[] in = INPUTS[step];
            x.append("(" + (int) in[0] + ", " + (int) in[1] + ", " + (int) in[2] + ")");
            for (int j = 0; j < HIDDEN_SIZE; j++) {
                h[j].append(Math.round(hs.get(step).get(j, 0) * 1e4) / 1e4);
            }
            for (int j = 0; j < OUTPUT_SIZE; j++) {
                y[j].append(Math.round(ys.get(step).get(j, 0) * 1e4) / 1e4);
            }
        }
        Table table = Table.create(Messages.get("tables.workedExample.title", TIME_STEPS), t, x);
        table.addColumns(h);
        table.addColumns(y);
        return table;
    }

    @Override
    public String toString() {
        return "WorkedExample(input 3, hidden 4, output 2, 3 steps, seed " + SEED + ")";
    }

    private static DMatrixRMaj transpose(DMatrixRMaj m) {
        return org.ejml.dense.row.CommonOps_DDRM.transpose(m, null);
    }
}
