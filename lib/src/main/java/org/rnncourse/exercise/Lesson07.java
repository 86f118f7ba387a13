package org.rnncourse.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for lesson 07 (SimpleRNN, Keras style). Exercise 1 is a function (a SimpleRNN's forward pass
 * from Keras's weights) checked on random weights drawn at check time; exercise 2's shapes come from
 * the library's own model; exercise 3 is a function too (the MAE), checked on random forecasts with
 * the library's metrics off.
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
                    new Way(Messages.get("lesson07.kernelTransposed"), Messages.get("lesson07.kernelTransposed.hint"),
                            true, false, true, true, true, false),
                    new Way(Messages.get("lesson07.recurrentTransposed"), Messages.get("lesson07.recurrentTransposed.hint"),
                            false, true, true, true, true, false),
                    new Way(Messages.get("lesson07.notCarried"), Messages.get("lesson07.notCarried.hint"),
                            false, false, false, true, true, false),
                    new Way(Messages.get("lesson07.noTanh"), Messages.get("lesson07.noTanh.hint"), false, false, true, false, true, false),
                    new Way(Messages.get("lesson07.noBias"), Messages.get("lesson07.noBias.hint"), false, false, true, true, false, false),
                    new Way(Messages.get("lesson07.firstOnly"), Messages.get("lesson07.firstOnly.hint"), false, false, true, true, true, true));
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
            throw Check.missing(what, Messages.get("lesson07.passYourFunction",
                    "Lesson07.checkSimpleRnnForward((k, r, b, xs) -> simpleRnnForward(k, r, b, xs))"));
        }
        Random r = new Random();
        int[][] sizes = {{1, 5, 10}, {3, 3, 4}, {2, 4, 6}, {4, 3, 5}};   // n_x, units, T
        for (int[] s : sizes) {
            tryForward(forward, Matrices.gaussian(s[0], s[1], 0.8, r), Matrices.gaussian(s[1], s[1], 0.5, r),
                    Matrices.gaussian(1, s[1], 0.5, r), Matrices.gaussian(s[2], s[0], 1, r),
                    Messages.get("lesson07.trial", s[0], s[1], s[2]));
        }
        Check.pass(what);
    }

    private static void tryForward(SimpleRnnForward forward, DMatrixRMaj kernel, DMatrixRMaj recurrent, DMatrixRMaj bias,
                                   DMatrixRMaj xs, String trial) {
        String what = Messages.get("lesson07.on", "simpleRnnForward", trial);
        int units = recurrent.numRows;
        DMatrixRMaj want = Way.right().run(kernel, recurrent, bias, xs);
        DMatrixRMaj got;
        try {
            got = OwnWork.check("simpleRnnForward", () -> forward.apply(kernel.copy(), recurrent.copy(), bias.copy(), xs.copy()), OwnWork.Topic.RNN_STEP, OwnWork.Topic.RNN_SEQUENCE);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("simpleRnnForward", Messages.get("lesson07.notWritten", e.getMessage()), Messages.get("lesson07.notWritten.hint"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson07.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson07.threw.hint"));
        }
        if (got != null && got.numRows == xs.numRows && got.numCols == units && xs.numRows > 1) {
            throw Check.fail(what, Messages.get("lesson07.everyH", xs.numRows, units), Messages.get("lesson07.everyH.hint"));
        }
        if (got != null && got.numRows == units && got.numCols == 1 && units > 1) {
            throw Check.fail(what, Messages.get("lesson07.column", units), Messages.get("lesson07.column.hint"));
        }
        if (got != null && !Check.same(want, got, TOL)) {
            for (Way way : Way.mistakes()) {
                if (way.kernelT() && kernel.numRows != kernel.numCols) continue;
                if (Check.same(way.run(kernel, recurrent, bias, xs), got, TOL)) throw Check.fail(what, way.mistake(), way.hint());
            }
        }
        Check.requireClose(what, want, got, TOL, Messages.get("lesson07.forward.hint"));
    }

    /**
     * Exercise 2: SimpleRNN(16) returning sequences → SimpleRNN(8) → Dense(1), on input (5, 3).
     * The model must be built (given its input shape) so that its shapes can be read.
     */
    public static void checkStack(Sequential model) {
        if (model == null) {
            throw Check.missing(Messages.get("lesson07.theModel"), Messages.get("lesson07.theModel.missing.hint"));
        }
        Sequential expected = new Sequential(new Input(5, 3),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(8), new Dense(1));
        if (!model.isBuilt()) {
            throw Check.fail(Messages.get("lesson07.theModel"), Messages.get("lesson07.notBuilt"), Messages.get("lesson07.notBuilt.hint"));
        }
        if (!Arrays.equals(model.inputShape(), expected.inputShape())) {
            throw Check.fail(Messages.get("lesson07.inputShape"),
                    Messages.get("lesson07.inputShape.wrong", Arrays.toString(model.inputShape())),
                    Messages.get("lesson07.inputShape.hint"));
        }
        List<int[]> got = model.outputShapes();
        List<int[]> want = expected.outputShapes();
        if (got.size() != want.size()) {
            throw Check.fail(Messages.get("lesson07.layerCount"), Messages.get("lesson07.layerCount.wrong", want.size(), got.size()),
                    Messages.get("lesson07.layerCount.hint"));
        }
        for (int i = 0; i < want.size(); i++) {
            if (!Arrays.equals(got.get(i), want.get(i))) {
                throw Check.fail(Messages.get("lesson07.layerShape", i + 1),
                        Messages.get("lesson07.layerShape.wrong", Arrays.toString(got.get(i)), Arrays.toString(want.get(i))),
                        Messages.get(i == 0 ? "lesson07.layerShape.firstHint" : "lesson07.layerShape.unitsHint"));
            }
        }
        if (model.countParams() != expected.countParams()) {
            throw Check.fail(Messages.get("lesson07.params"), Messages.get("lesson07.params.wrong", model.countParams()),
                    Messages.get("lesson07.params.hint"));
        }
        Check.pass(Messages.get("lesson07.stack.pass", expected.countParams()));
    }

    /** A learner's mean absolute error of a forecast {@code yPred} against the truth {@code yTrue}. */
    @FunctionalInterface
    public interface Mae {
        double apply(double[] yTrue, double[] yPred);
    }

    /** The MAE and the known ways to get it wrong, each with the message key that names it (the hint is key + ".hint"). */
    private enum MaeWay {
        RIGHT(null), SQUARED("lesson07.mae.squared"), RMSE("lesson07.mae.rmse"), SIGNED("lesson07.mae.signed"),
        SIGNED_OTHER_WAY("lesson07.mae.signed"), SUM("lesson07.mae.sum"), N_MINUS_ONE("lesson07.mae.nMinusOne");

        final String key;

        MaeWay(String key) {
            this.key = key;
        }

        double of(double[] yTrue, double[] yPred) {
            OwnWork.entry(OwnWork.Topic.METRICS, "Lesson07's own reference"); // reflection must not reach it either
            double s = 0;
            for (int i = 0; i < yTrue.length; i++) {
                double e = yPred[i] - yTrue[i];
                s += switch (this) {
                    case SQUARED, RMSE -> e * e;
                    case SIGNED -> e;
                    case SIGNED_OTHER_WAY -> -e;
                    default -> Math.abs(e);
                };
            }
            int n = yTrue.length;
            return switch (this) {
                case SUM -> s;
                case N_MINUS_ONE -> s / (n - 1);
                case RMSE -> Math.sqrt(s / n);
                default -> s / n;
            };
        }
    }

    /**
     * Exercise 3: {@code mae(yTrue, yPred)} = mean |y − ŷ|, tried on random series of several lengths
     * drawn at check time (errors above and below 1, of both signs, so that a squared or signed error
     * and a mean over the wrong count give other numbers), with the library's metrics off.
     */
    public static void checkMae(Mae mae) {
        String what = "mae";
        if (mae == null) {
            throw Check.missing(what, Messages.get("lesson07.passYourFunction", "Lesson07.checkMae((yTrue, yPred) -> mae(yTrue, yPred))"));
        }
        Random r = new Random();
        for (int n : new int[] {3, 8, 21}) {
            double[] yTrue = new double[n], yPred = new double[n];
            for (int i = 0; i < n; i++) {
                yTrue[i] = r.nextGaussian();
                // errors of both signs, some below 1 and some above, so every mistake moves the result
                double e = (i % 3 == 2 ? 1.5 + r.nextDouble() : 0.1 + 0.6 * r.nextDouble());
                yPred[i] = yTrue[i] + (i % 2 == 0 ? e : -e);
            }
            String on = Messages.get("lesson07.on", what, Messages.get("lesson07.mae.trial", n));
            double want = MaeWay.RIGHT.of(yTrue, yPred);
            double got;
            try {
                got = OwnWork.check(what, () -> mae.apply(yTrue.clone(), yPred.clone()), OwnWork.Topic.METRICS);
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, Messages.get("lesson07.notWritten", e.getMessage()), Messages.get("lesson07.notWritten.hint"));
            } catch (RuntimeException e) {
                throw Check.fail(on, Messages.get("lesson07.threw", e.getClass().getSimpleName(), e.getMessage()),
                        Messages.get("lesson07.mae.threw.hint"));
            }
            if (Math.abs(got - want) <= 1e-9) continue;
            for (MaeWay way : MaeWay.values()) {
                if (way.key != null && Math.abs(got - way.of(yTrue, yPred)) <= 1e-9) {
                    throw Check.fail(on, Messages.get(way.key), Messages.get(way.key + ".hint"));
                }
            }
            throw Check.fail(on, Messages.get("lesson07.mae.wrong") + Check.howFar(want, got), Messages.get("lesson07.mae.hint"));
        }
        Check.pass(what);
    }
}
