package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * A one-layer RNN with an output: an {@link RnnCell} run over the sequence and an
 * {@link OutputLayer} read at each step. This is the model that {@link Bptt} differentiates.
 */
public final class Rnn {
    /** The recurrence A_t = f(X_t·W_ax + A_{t−1}·W_aa + b_a). */
    public final RnnCell cell;
    /** The output Y_t = g(A_t·W_ay + b_y). */
    public final OutputLayer output;

    /** An RNN from a cell and an output layer whose input size is the cell's hidden size. */
    public Rnn(RnnCell cell, OutputLayer output) {
        this.cell = Shapes.requireNonNull("cell", cell, "scratch.hint.giveRnnCell");
        this.output = Shapes.requireNonNull("output", output, "scratch.hint.giveOutputLayer");
        if (output.nA != cell.nA) {
            throw new IllegalArgumentException(Shapes.wrongShape("output.W_ay", Shapes.of(output.Way), "scratch.who.rnn",
                    Shapes.of(cell.nA, output.nY), Shapes.why("scratch.why.fromCell", "n_a = " + cell.nA)));
        }
    }

    /**
     * An RNN with Gaussian weights × {@code scale}, zero biases, all drawn from {@code new Random(seed)}
     * in the order W_ax, W_aa, W_ay.
     */
    public static Rnn random(int nX, int nA, int nY, Activation f, Activation g, double scale, long seed) {
        Random random = new Random(seed);
        RnnCell cell = RnnCell.random(nX, nA, f, scale, random);
        return new Rnn(cell, OutputLayer.random(nA, nY, g, scale, random));
    }

    /** Runs the sequence X_1 … X_T from A_0 = 0 and computes Y_t at every step. */
    public RnnCache forward(List<DMatrixRMaj> xs) {
        OwnWork.entry(OwnWork.Topic.RNN_SEQUENCE, "Rnn.forward");
        return withOutputs(cell.forward(xs));
    }

    /** Runs the sequence X_1 … X_T from the given A_0 and computes Y_t at every step. */
    public RnnCache forward(List<DMatrixRMaj> xs, DMatrixRMaj A0) {
        OwnWork.entry(OwnWork.Topic.RNN_SEQUENCE, "Rnn.forward");
        return withOutputs(cell.forward(xs, A0));
    }

    private RnnCache withOutputs(RnnCache hidden) {
        List<DMatrixRMaj> zys = new ArrayList<>();
        List<DMatrixRMaj> ys = new ArrayList<>();
        for (DMatrixRMaj a : hidden.hiddenStates()) {
            DMatrixRMaj zy = output.preActivation(a);
            zys.add(zy);
            ys.add(output.g.apply(zy));
        }
        return hidden.withOutputs(zys, ys);
    }

    /** All weights: the cell's n_x·n_a + n_a·n_a + n_a plus the output's n_a·n_y + n_y. */
    public long parameterCount() {
        return cell.parameterCount() + output.parameterCount();
    }

    @Override
    public String toString() {
        return "Rnn(" + cell + ", " + output + ")";
    }
}
