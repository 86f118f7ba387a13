package org.rnncourse.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for lesson 07 (SimpleRNN, Keras style). Exercise 1 is a function (a SimpleRNN's forward pass
 * from Keras's weights) checked on random weights drawn at check time; exercise 2's shapes come from
 * the library's own model.
 */
public final class Lesson07 {
    private Lesson07() {}

    static final double TOL = 1e-9;

    /** A learner's SimpleRNN forward pass from Keras's weights: h_T (1, units) of a (T, n_x) sequence. */
    @FunctionalInterface
    public interface SimpleRnnForward {
        DMatrixRMaj apply(DMatrixRMaj kernel, DMatrixRMaj recurrentKernel, DMatrixRMaj bias, DMatrixRMaj xs);
    }

    /** How h_T can be computed: right, or with one known mistake. */
    private record Way(String mistake, String hint, boolean kernelT, boolean recurrentT, boolean carry, boolean tanh,
                       boolean addBias, boolean firstOnly) {
        static Way right() {
            return new Way(null, null, false, false, true, true, true, false);
        }

        static List<Way> mistakes() {
            return List.of(
                    new Way("the kernel was used transposed.",
                            "Keras's kernel is (input_dim, units), the row form's W_ax: x_t (1×n_x)·kernel, as it is. "
                                    + "(Lesson 03's column form W_xh is its transpose.)", true, false, true, true, true, false),
                    new Way("the recurrent kernel was used transposed.",
                            "h_{t−1} (1×units)·recurrent_kernel, as it is: the row form's W_aa = W_hhᵀ.", false, true, true, true, true, false),
                    new Way("the state is not carried: every step starts again from h = 0.",
                            "the h_t that comes out of one step goes into the next: h_t = tanh(x_t·kernel + h_{t−1}·recurrent_kernel + bias).",
                            false, false, false, true, true, false),
                    new Way("tanh is missing.", "SimpleRNN's default activation is tanh: apply it at every step.", false, false, true, false, true, false),
                    new Way("the bias is missing.", "add the bias (1×units) at every step.", false, false, true, true, false, false),
                    new Way("this is h_1, the state after the first step only.",
                            "loop over every row of xs (one row per time step) and return the last state.", false, false, true, true, true, true));
        }

        DMatrixRMaj run(DMatrixRMaj kernel, DMatrixRMaj recurrent, DMatrixRMaj bias, DMatrixRMaj xs) {
            OwnWork.entry(OwnWork.Topic.RNN_SEQUENCE, "Lesson07's own reference"); // reflection must not reach it either
            DMatrixRMaj k = kernelT ? CommonOps_DDRM.transpose(kernel, null) : kernel;
            DMatrixRMaj u = recurrentT ? CommonOps_DDRM.transpose(recurrent, null) : recurrent;
            int units = u.numRows;
            DMatrixRMaj h = new DMatrixRMaj(1, units);
            int steps = firstOnly ? 1 : xs.numRows;
            for (int t = 0; t < steps; t++) {
                DMatrixRMaj z = CommonOps_DDRM.mult(CommonOps_DDRM.extractRow(xs, t, null), k, null);
                if (carry) CommonOps_DDRM.multAdd(h, u, z);
                if (addBias) CommonOps_DDRM.addEquals(z, bias);
                for (int j = 0; j < units; j++) z.set(0, j, tanh ? Math.tanh(z.get(0, j)) : z.get(0, j));
                h = z;
            }
            return h;
        }
    }

    /**
     * Exercise 1: h_T of a SimpleRNN (tanh) from Keras's kernel (n_x, units), recurrent_kernel
     * (units, units) and bias (1, units), over a (T, n_x) sequence from h_0 = 0. The check runs the
     * function on random weights and sequences drawn at check time, one with n_x = units (so that a
     * transposed kernel has the right shape and is recognised by its numbers), against a reference
     * of its own.
     */
    public static void checkSimpleRnnForward(SimpleRnnForward forward) {
        String what = "simpleRnnForward";
        if (forward == null) {
            throw Check.missing(what, "pass your function: Lesson07.checkSimpleRnnForward((k, r, b, xs) -> simpleRnnForward(k, r, b, xs)).");
        }
        Random r = new Random();
        int[][] sizes = {{1, 5, 10}, {3, 3, 4}, {2, 4, 6}, {4, 3, 5}};   // n_x, units, T
        for (int[] s : sizes) {
            tryForward(forward, Matrices.gaussian(s[0], s[1], 0.8, r), Matrices.gaussian(s[1], s[1], 0.5, r),
                    Matrices.gaussian(1, s[1], 0.5, r), Matrices.gaussian(s[2], s[0], 1, r),
                    "random weights, n_x = " + s[0] + ", units = " + s[1] + ", T = " + s[2]);
        }
        Check.pass(what);
    }

    private static void tryForward(SimpleRnnForward forward, DMatrixRMaj kernel, DMatrixRMaj recurrent, DMatrixRMaj bias,
                                   DMatrixRMaj xs, String trial) {
        String what = "simpleRnnForward, on " + trial;
        int units = recurrent.numRows;
        DMatrixRMaj want = Way.right().run(kernel, recurrent, bias, xs);
        DMatrixRMaj got;
        try {
            got = OwnWork.check("simpleRnnForward", () -> forward.apply(kernel.copy(), recurrent.copy(), bias.copy(), xs.copy()), OwnWork.Topic.RNN_STEP, OwnWork.Topic.RNN_SEQUENCE);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("simpleRnnForward", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "row t of xs is x_{t+1} (1×n_x); x_t·kernel (n_x×units) and h_{t−1} (1×units)·recurrent_kernel (units×units) "
                            + "are (1×units), like the bias. Keras's kernel is NOT lesson 03's W_xh: it is its transpose.");
        }
        if (got != null && got.numRows == xs.numRows && got.numCols == units && xs.numRows > 1) {
            throw Check.fail(what, "got every h_t, (" + xs.numRows + "×" + units + "): that is returnSequences(true).",
                    "SimpleRNN(units) returns only the last state h_T, (1×units).");
        }
        if (got != null && got.numRows == units && got.numCols == 1 && units > 1) {
            throw Check.fail(what, "h_T should be a row (1×" + units + "), got a column.", "Keras's row form: x_t·kernel, not W·x_t.");
        }
        if (got != null && !Check.same(want, got, TOL)) {
            for (Way way : Way.mistakes()) {
                if (way.kernelT() && kernel.numRows != kernel.numCols) continue;
                if (Check.same(way.run(kernel, recurrent, bias, xs), got, TOL)) throw Check.fail(what, way.mistake(), way.hint());
            }
        }
        Check.requireClose(what, want, got, TOL,
                "from h = 0 (1×units): for each row x_t of xs, h = tanh(x_t·kernel + h·recurrent_kernel + bias); return the last h.");
    }

    /**
     * Exercise 2: SimpleRNN(16) returning sequences → SimpleRNN(8) → Dense(1), on input (5, 3).
     * The model must be built (given its input shape) so that its shapes can be read.
     */
    public static void checkStack(Sequential model) {
        if (model == null) {
            throw Check.missing("the model", "build it with new Sequential(new Input(5, 3), …).");
        }
        Sequential expected = new Sequential(new Input(5, 3),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(8), new Dense(1));
        if (!model.isBuilt()) {
            throw Check.fail("the model", "it has no input shape yet.", "start it with new Input(5, 3).");
        }
        if (!Arrays.equals(model.inputShape(), expected.inputShape())) {
            throw Check.fail("the input shape", "it is " + Arrays.toString(model.inputShape())
                    + ", expected [5, 3] (5 time steps, 3 features).",
                    "new Input(5, 3): time steps first, then features; the batch is not part of it.");
        }
        List<int[]> got = model.outputShapes();
        List<int[]> want = expected.outputShapes();
        if (got.size() != want.size()) {
            throw Check.fail("the number of layers", "expected " + want.size() + ", got " + got.size() + ".",
                    "three layers: two SimpleRNNs and a Dense.");
        }
        for (int i = 0; i < want.size(); i++) {
            if (!Arrays.equals(got.get(i), want.get(i))) {
                throw Check.fail("the output shape of layer " + (i + 1), "it is " + Arrays.toString(got.get(i))
                        + ", expected " + Arrays.toString(want.get(i)) + " (without the batch).",
                        i == 0 ? "the first SimpleRNN must return the whole sequence (returnSequences(true)) "
                                + "so that the second one has a sequence to read."
                                : "check the units of this layer.");
            }
        }
        if (model.countParams() != expected.countParams()) {
            throw Check.fail("the total parameter count", "got " + model.countParams()
                    + ", which is not the total of the model asked for.", "compare your summary() with the one above.");
        }
        Check.pass("the stacked model (shapes and " + expected.countParams() + " parameters)");
    }

    /** Exercise 3: the mean absolute error of a forecast against the truth. */
    public static void checkMae(double answer, double[] forecast, double[] truth) {
        if (forecast == null || truth == null || forecast.length != truth.length || forecast.length == 0) {
            throw new IllegalArgumentException("forecast and truth must be non-empty and of the same length");
        }
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(forecast[i] - truth[i]);
        }
        double expected = sum / truth.length;
        if (Math.abs(answer - expected) > 1e-9 && Math.abs(answer - Math.sqrt(meanSquare(forecast, truth))) < 1e-9) {
            throw Check.fail("the MAE", "got " + answer + ", which is the RMSE.", "the absolute value of each error, not its square.");
        }
        Check.close("the MAE", expected, answer, 1e-9, "the mean over all points of |forecast − truth|.");
    }

    private static double meanSquare(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s / a.length;
    }
}
