package org.rnncourse.scratch;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Numerical gradient checking: the honest way to know that a backward pass is right.
 *
 * <p>For each entry θ of a parameter matrix, the central difference
 * <pre>   ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / (2ε)</pre>
 * is compared with the analytic gradient through the relative error
 * <pre>   ‖a − n‖ / (‖a‖ + ‖n‖)</pre>
 * In double precision a correct backward pass gives about 1e-9 or less; a bug gives 1e-2 or more.
 *
 * <p>The loss is any {@link DoubleSupplier} that recomputes the scalar loss from scratch. It must
 * read the parameter matrix you pass, because the check changes its entries in place (and puts
 * every entry back afterwards).
 */
public final class GradCheck {
    /** The usual ε for double precision: small enough for accuracy, large enough for rounding. */
    public static final double EPS = 1e-5;

    private GradCheck() {}

    /** One parameter's analytic and numerical gradients and their relative error. */
    public record Comparison(String name, DMatrixRMaj analytic, DMatrixRMaj numerical, double relativeError) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s: relative error %.2e", name, Shapes.of(analytic), relativeError);
        }
    }

    /**
     * The numerical gradient of {@code loss} with respect to every entry of {@code param}, by central
     * differences. {@code param} is changed during the call and restored before it returns.
     */
    public static DMatrixRMaj numericalGradient(DoubleSupplier loss, DMatrixRMaj param, double eps) {
        OwnWork.entry(OwnWork.Topic.NUMERICAL_GRADIENT, "GradCheck.numericalGradient");
        Shapes.requireNonNull("loss", loss, "give the loss as a lambda, e.g. () -> Loss.HALF_SQUARED_ERROR.manyToOne(rnn, xs, target)");
        Shapes.requireFinite("param", param, "the gradient check");
        if (!(eps > 0) || eps > 1e-1) {
            throw new IllegalArgumentException("eps = " + eps + " is not a small positive number: try 1e-5");
        }
        DMatrixRMaj grad = new DMatrixRMaj(param.numRows, param.numCols);
        for (int k = 0; k < param.getNumElements(); k++) {
            double old = param.data[k];
            param.data[k] = old + eps;
            double plus = loss.getAsDouble();
            param.data[k] = old - eps;
            double minus = loss.getAsDouble();
            param.data[k] = old;               // put it back before anything else
            if (!Double.isFinite(plus) || !Double.isFinite(minus)) {
                throw new IllegalArgumentException("the loss is not a finite number near entry " + k + " of param");
            }
            grad.data[k] = (plus - minus) / (2 * eps);
        }
        return grad;
    }

    /** {@link #numericalGradient(DoubleSupplier, DMatrixRMaj, double)} with ε = {@link #EPS}. */
    public static DMatrixRMaj numericalGradient(DoubleSupplier loss, DMatrixRMaj param) {
        OwnWork.entry(OwnWork.Topic.NUMERICAL_GRADIENT, "GradCheck.numericalGradient");
        return numericalGradient(loss, param, EPS);
    }

    /**
     * ‖a − n‖ / (‖a‖ + ‖n‖), 0 when both are zero.
     *
     * @throws IllegalArgumentException if the shapes differ:
     *         {@code numerical has shape (3×4) but the relative error expects (4×3): the shape of analytic}
     */
    public static double relativeError(DMatrixRMaj analytic, DMatrixRMaj numerical) {
        Shapes.requireFinite("analytic", analytic, "the relative error");
        Shapes.require("numerical", numerical, analytic.numRows, analytic.numCols, "the relative error",
                "the shape of analytic");
        double diff = 0;
        for (int k = 0; k < analytic.getNumElements(); k++) {
            double d = analytic.data[k] - numerical.data[k];
            diff += d * d;
        }
        double denominator = Matrices.norm(analytic) + Matrices.norm(numerical);
        return denominator == 0 ? 0 : Math.sqrt(diff) / denominator;
    }

    /** The relative error between {@code analyticGrad} and the numerical gradient of {@code loss} at {@code param}. */
    public static double relativeError(DoubleSupplier loss, DMatrixRMaj param, DMatrixRMaj analyticGrad, double eps) {
        Shapes.requireFinite("param", param, "the gradient check");
        Shapes.require("analyticGrad", analyticGrad, param.numRows, param.numCols, "the gradient check",
                "a gradient has the shape of its parameter");
        return relativeError(analyticGrad, numericalGradient(loss, param, eps));
    }

    /** The numerical gradient of one parameter next to its analytic one, with their relative error. */
    public static Comparison compare(String name, DoubleSupplier loss, DMatrixRMaj param, DMatrixRMaj analyticGrad) {
        Shapes.requireFinite("param", param, "the gradient check");
        Shapes.require("analyticGrad", analyticGrad, param.numRows, param.numCols, "the gradient check",
                "a gradient has the shape of " + name);
        DMatrixRMaj numerical = numericalGradient(loss, param, EPS);
        return new Comparison(name, analyticGrad, numerical, relativeError(analyticGrad, numerical));
    }

    /**
     * Checks every gradient of a many-to-one RNN: dW_ax, dW_aa, db_a, dW_ay, db_y, and the
     * passed-back dX_t of every step.
     */
    public static List<Comparison> manyToOne(Rnn rnn, List<DMatrixRMaj> xs, DMatrixRMaj target, Loss loss) {
        requireArguments(rnn, xs, loss);
        RnnGradients g = Bptt.manyToOne(rnn, rnn.forward(xs), target, loss);
        return all(rnn, xs, g, () -> loss.manyToOne(rnn, xs, target));
    }

    /** Checks every gradient of a many-to-many RNN, as {@link #manyToOne} does. */
    public static List<Comparison> manyToMany(Rnn rnn, List<DMatrixRMaj> xs, List<DMatrixRMaj> targets, Loss loss) {
        requireArguments(rnn, xs, loss);
        RnnGradients g = Bptt.manyToMany(rnn, rnn.forward(xs), targets, loss);
        return all(rnn, xs, g, () -> loss.manyToMany(rnn, xs, targets));
    }

    private static void requireArguments(Rnn rnn, List<DMatrixRMaj> xs, Loss loss) {
        Shapes.requireNonNull("rnn", rnn, "give the Rnn to check");
        Shapes.requireNonNull("xs", xs, "give the inputs X_1 … X_T");
        Shapes.requireNonNull("loss", loss, "choose a Loss, e.g. Loss.CROSS_ENTROPY");
    }

    private static List<Comparison> all(Rnn rnn, List<DMatrixRMaj> xs, RnnGradients g, DoubleSupplier loss) {
        java.util.ArrayList<Comparison> out = new java.util.ArrayList<>(List.of(
                compare("W_ax", loss, rnn.cell.Wax, g.dWax()),
                compare("W_aa", loss, rnn.cell.Waa, g.dWaa()),
                compare("b_a", loss, rnn.cell.ba, g.dba()),
                compare("W_ay", loss, rnn.output.Way, g.dWay()),
                compare("b_y", loss, rnn.output.by, g.dby())));
        for (int t = 1; t <= xs.size(); t++) {
            out.add(compare("X_" + t, loss, xs.get(t - 1), g.dX(t)));
        }
        return out;
    }
}
