package org.rnncourse.scratch;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Scalar losses for a batch of m examples (one per row), each paired with the output activation
 * whose gradient it makes simple. All are averaged over the batch (÷ m); over time they are summed.
 * <pre>
 *   CROSS_ENTROPY          L = −(1/m) Σ_i Σ_k T_ik log P_ik       with g = softmax   ∂L/∂Z_y = (P − T) / m
 *   BINARY_CROSS_ENTROPY   L = −(1/m) Σ [T log P + (1−T) log(1−P)] with g = sigmoid   ∂L/∂Z_y = (P − T) / m
 *   HALF_SQUARED_ERROR     L = (1/m) Σ ½ (Y − T)²                  with any g but softmax: ∂L/∂Z_y = (Y − T) ⊙ g'(Z_y) / m
 * </pre>
 * The "(P − T)" shortcut is why softmax never needs its own derivative.
 *
 * <p><b>Why the ½, and why it is not called MSE.</b> The derivative of ½(y − t)² is just y − t: the ½
 * cancels the 2 that differentiating the square brings down, so the backward pass of lesson 06 reads
 * as cleanly as cross-entropy's P − T. Keras's {@code "mse"} (the Keras-style
 * {@code nn.MeanSquaredError} of lessons 07–11) has no ½ and also averages over the outputs:
 * mean (Y − T)². The two differ by a constant factor (2 for one output), which changes the size of the
 * gradients but not where the minimum is; the different name keeps a learner from comparing a
 * number of one with a number of the other.
 */
public enum Loss {
    /** Cross-entropy on one-hot targets; needs a softmax output. */
    CROSS_ENTROPY,
    /** Binary cross-entropy on 0/1 targets; needs a sigmoid output. */
    BINARY_CROSS_ENTROPY,
    /** Half the squared error, summed over outputs and averaged over the batch; for regression. */
    HALF_SQUARED_ERROR;

    /** log(0) would be −∞: probabilities are kept at least this far from 0 (and 1). */
    private static final double TINY = 1e-300;

    /** The loss of outputs Y (m, n_y) against targets T of the same shape. */
    public double value(DMatrixRMaj Y, DMatrixRMaj T) {
        Shapes.requireFinite("Y", Y, "scratch.who.loss");
        Shapes.require("target", T, Y.numRows, Y.numCols, "scratch.who.loss", "scratch.why.sameAsOutput");
        double sum = 0;
        for (int k = 0; k < Y.getNumElements(); k++) {
            double y = Y.data[k];
            double t = T.data[k];
            switch (this) {
                case CROSS_ENTROPY -> sum -= t == 0 ? 0 : t * Math.log(Math.max(y, TINY));
                case BINARY_CROSS_ENTROPY -> sum -= t * Math.log(Math.max(y, TINY)) + (1 - t) * Math.log(Math.max(1 - y, TINY));
                case HALF_SQUARED_ERROR -> sum += 0.5 * (y - t) * (y - t);
            }
        }
        return sum / Y.numRows;
    }

    /**
     * ∂L/∂Z_y, the gradient of this loss with respect to the output layer's pre-activation.
     *
     * @param g  the output activation (softmax for CROSS_ENTROPY, sigmoid for BINARY_CROSS_ENTROPY)
     * @param Zy the pre-activation, (m, n_y)
     * @param Y  the output g(Z_y), (m, n_y)
     * @param T  the targets, (m, n_y)
     */
    public DMatrixRMaj gradient(Activation g, DMatrixRMaj Zy, DMatrixRMaj Y, DMatrixRMaj T) {
        requireActivation(g);
        Shapes.requireFinite("Y", Y, "scratch.who.loss");
        Shapes.require("Z_y", Zy, Y.numRows, Y.numCols, "scratch.who.loss", "scratch.why.sameAsOutput");
        Shapes.require("target", T, Y.numRows, Y.numCols, "scratch.who.loss", "scratch.why.sameAsOutput");
        int m = Y.numRows;
        DMatrixRMaj d = new DMatrixRMaj(Y.numRows, Y.numCols);
        DMatrixRMaj gPrime = this == HALF_SQUARED_ERROR ? g.derivative(Zy) : null;
        for (int k = 0; k < d.getNumElements(); k++) {
            double diff = Y.data[k] - T.data[k];
            d.data[k] = (this == HALF_SQUARED_ERROR ? diff * gPrime.data[k] : diff) / m;
        }
        return d;
    }

    /** Checks that the output activation suits this loss; throws IllegalArgumentException if not. */
    public void requireActivation(Activation g) {
        Shapes.requireNonNull("g", g, "scratch.hint.giveOutputActivation");
        boolean ok = switch (this) {
            case CROSS_ENTROPY -> g == Activation.SOFTMAX;
            case BINARY_CROSS_ENTROPY -> g == Activation.SIGMOID;
            case HALF_SQUARED_ERROR -> g != Activation.SOFTMAX;
        };
        if (!ok) {
            throw new IllegalArgumentException("the output activation g = " + g + " does not suit the loss " + this
                    + ": " + switch (this) {
                        case CROSS_ENTROPY -> "cross-entropy needs g = softmax";
                        case BINARY_CROSS_ENTROPY -> "binary cross-entropy needs g = sigmoid";
                        case HALF_SQUARED_ERROR -> "use cross-entropy with softmax";
                    });
        }
    }

    /** Many-to-one: runs {@code rnn} over X_1 … X_T and returns the loss of the last output Y_T only. */
    public double manyToOne(Rnn rnn, List<DMatrixRMaj> xs, DMatrixRMaj target) {
        Shapes.requireNonNull("rnn", rnn, "scratch.hint.giveRnn");
        requireActivation(rnn.output.g);
        RnnCache cache = rnn.forward(xs);
        return value(cache.y(cache.timeSteps()), target);
    }

    /** Many-to-many: runs {@code rnn} over X_1 … X_T and returns Σ_t loss(Y_t, T_t). */
    public double manyToMany(Rnn rnn, List<DMatrixRMaj> xs, List<DMatrixRMaj> targets) {
        Shapes.requireNonNull("rnn", rnn, "scratch.hint.giveRnn");
        requireActivation(rnn.output.g);
        RnnCache cache = rnn.forward(xs);
        Bptt.requireTargets(targets, cache.timeSteps());
        double sum = 0;
        for (int t = 1; t <= cache.timeSteps(); t++) {
            sum += value(cache.y(t), targets.get(t - 1));
        }
        return sum;
    }

    @Override
    public String toString() {
        return switch (this) {
            case CROSS_ENTROPY -> "cross-entropy";
            case BINARY_CROSS_ENTROPY -> "binary cross-entropy";
            case HALF_SQUARED_ERROR -> "½·squared error";
        };
    }
}
