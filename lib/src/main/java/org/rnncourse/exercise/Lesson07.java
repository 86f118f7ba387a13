package org.rnncourse.exercise;

import java.util.Arrays;
import java.util.List;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;

/** Checks for lesson 07 (SimpleRNN, Keras style). Expected answers come from the library itself. */
public final class Lesson07 {
    private Lesson07() {}

    /** Exercise 1: the parameters of SimpleRNN(32) reading 64 features per time step. */
    public static void checkSimpleRnnParams(long answer) {
        long expected = new Sequential(new Input(10, 64), new SimpleRNN(32)).countParams();
        Check.equal("the parameter count of SimpleRNN(32) on 64 features", expected, answer,
                "units·features (W_x) + units·units (W_h, the recurrent kernel) + units (the bias).");
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
            throw new AssertionError("The model has no input shape yet.\nHint: start it with new Input(5, 3).");
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
