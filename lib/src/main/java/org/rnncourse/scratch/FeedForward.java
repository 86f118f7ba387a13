package org.rnncourse.scratch;

import org.rnncourse.Args;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;

/**
 * A feed-forward network with one hidden layer: it reads one fixed-size input and has no state.
 * <pre>
 *   H = f(X · W_1 + b_1)      X (m, n_in) · W_1 (n_in, n_h) + b_1 (1, n_h)  →  H (m, n_h)
 *   Y = g(H · W_y + b_y)      the {@link OutputLayer}                        →  Y (m, n_y)
 * </pre>
 * It has no time steps: a sentence must first be squeezed into one vector, for example the average
 * of its word vectors ({@link #average}, a "bag of words"), and an average forgets the order.
 * Lesson 02 sets it beside an {@link Rnn} with the same W_1 = W_ax and b_1 = b_a: the only thing the
 * RNN has in addition is the recurrent W_aa.
 */
public final class FeedForward {
    /** Input size n_in and hidden size n_h. */
    public final int nIn, nHidden;
    /** Input-to-hidden weights W_1, (n_in, n_h). */
    public final DMatrixRMaj W1;
    /** Hidden bias b_1, (1, n_h). */
    public final DMatrixRMaj b1;
    /** The hidden activation f. */
    public final Activation f;
    /** The output layer Y = g(H·W_y + b_y). */
    public final OutputLayer output;

    /** A network with the given weights (kept, not copied); the sizes are read from W_1. */
    public FeedForward(DMatrixRMaj W1, DMatrixRMaj b1, Activation f, OutputLayer output) {
        Shapes.requireFinite("W_1", W1, "scratch.who.feedForward");
        this.nIn = W1.numRows;
        this.nHidden = W1.numCols;
        this.W1 = W1;
        this.b1 = Shapes.require("b_1", b1, 1, nHidden, "scratch.who.feedForward", Shapes.why("scratch.why.readFrom", "n_h = " + nHidden, "W_1"));
        this.f = Shapes.requireNonNull("f", f, "scratch.hint.activationTanh");
        if (f == Activation.SOFTMAX) {
            throw new IllegalArgumentException(Messages.get("scratch.softmaxHidden"));
        }
        this.output = Shapes.requireNonNull("output", output, "scratch.hint.giveOutputLayer");
        if (output.nA != nHidden) {
            throw new IllegalArgumentException(Shapes.wrongShape("output.W_ay", Shapes.of(output.Way), "scratch.who.feedForward",
                    Shapes.of(nHidden, output.nY), Shapes.why("scratch.why.fromW1", "n_h = " + nHidden)));
        }
    }

    /** A network with Gaussian weights × {@code scale} and zero biases, drawn in the order W_1, W_y. */
    public static FeedForward random(int nIn, int nHidden, int nOut, Activation f, Activation g, double scale, Random random) {
        Shapes.requirePositive("nIn (n_in)", nIn);
        Shapes.requirePositive("nHidden (n_h)", nHidden);
        Shapes.requirePositive("nOut (n_y)", nOut);
        DMatrixRMaj w1 = Matrices.gaussian(nIn, nHidden, scale, random);
        return new FeedForward(w1, new DMatrixRMaj(1, nHidden), f, OutputLayer.random(nHidden, nOut, g, scale, random));
    }

    /** The hidden layer H = f(X·W_1 + b_1), (m, n_h). */
    public DMatrixRMaj hidden(DMatrixRMaj X) {
        if (X == null || X.numCols != nIn) {
            throw new IllegalArgumentException(Shapes.wrongShape("X", Shapes.of(X), "scratch.who.feedForward",
                    "(" + (X == null ? "m" : X.numRows) + "×" + nIn + ")", Shapes.why("scratch.why.sameNumbers", nIn)));
        }
        // A layer X·W_1 + b_1 is exactly what OutputLayer computes; only its role differs here.
        return new OutputLayer(W1, b1, f).forward(X);
    }

    /** The output Y = g(f(X·W_1 + b_1)·W_y + b_y), (m, n_y). */
    public DMatrixRMaj forward(DMatrixRMaj X) {
        return output.forward(hidden(X));
    }

    /** The output for a sequence squeezed into its average: {@code forward(average(xs))}. */
    public DMatrixRMaj forwardAverage(List<DMatrixRMaj> xs) {
        return forward(average(xs));
    }

    /**
     * The average (1/T) Σ_t X_t of a sequence, the same shape as each X_t: a "bag of words" that
     * keeps which words occur, and forgets in which order.
     */
    public static DMatrixRMaj average(List<DMatrixRMaj> xs) {
        if (xs == null || xs.isEmpty()) {
            throw new IllegalArgumentException("xs is " + (xs == null ? "null" : "empty")
                    + ": give the vectors X_1 … X_T of a sequence");
        }
        DMatrixRMaj first = Shapes.requireFinite("X_1", xs.get(0), "scratch.who.average");
        DMatrixRMaj sum = new DMatrixRMaj(first.numRows, first.numCols);
        for (int t = 0; t < xs.size(); t++) {
            DMatrixRMaj x = Shapes.require("X_" + (t + 1), xs.get(t), first.numRows, first.numCols, "scratch.who.average",
                    "scratch.why.likeX1");
            for (int k = 0; k < sum.data.length; k++) {
                sum.data[k] += x.data[k];
            }
        }
        for (int k = 0; k < sum.data.length; k++) {
            sum.data[k] /= xs.size();
        }
        return sum;
    }

    /** Weights: n_in·n_h + n_h for the hidden layer, plus the output layer's. */
    public long parameterCount() {
        return Parameters.dense(nIn, nHidden) + output.parameterCount();
    }

    @Override
    public String toString() {
        return "FeedForward(n_in = " + nIn + ", n_h = " + nHidden + ", n_y = " + output.nY + ", f = " + f + ", g = "
                + output.g + "; W_1 " + Shapes.of(W1) + ", W_y " + Shapes.of(output.Way) + "; " + parameterCount() + " parameters)";
    }
}
