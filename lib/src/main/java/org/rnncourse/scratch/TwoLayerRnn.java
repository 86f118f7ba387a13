package org.rnncourse.scratch;

import org.rnncourse.Args;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Two stacked RNN layers and an output layer. Layer 1 reads the inputs X_t and produces H_t; layer 2
 * reads layer 1's H_t at every step (not only the last one) and produces K_t:
 * <pre>
 *   H_t = tanh(X_t · W_ax + H_{t−1} · W_aa + b_a)      (m, n_h)
 *   K_t = tanh(H_t · W_hk + K_{t−1} · W_kk + b_k)      (m, n_k)
 *   Y   = g(K_T · W_ky + b_y)                          (m, n_y)   (many-to-one: the last K only)
 * </pre>
 * This is why a lower layer must return the whole sequence (Keras: {@code return_sequences=True}):
 * layer 2 needs an input at every time step.
 */
public final class TwoLayerRnn {
    /** Layer 1: X_t → H_t (its W_ax, (n_x, n_h), is the transpose of lesson 03's W_xh). */
    public final RnnCell layer1;
    /** Layer 2: H_t → K_t (its W_ax is W_hk, its W_aa is W_kk). */
    public final RnnCell layer2;
    /** The output read from the last K_T. */
    public final OutputLayer output;

    /** What one forward pass produced: both layers' caches and the output. */
    public record Pass(RnnCache layer1, RnnCache layer2, DMatrixRMaj y) {
        @Override
        public String toString() {
            return "Pass(H_t " + Shapes.of(layer1.a(1)) + " × " + layer1.timeSteps() + " steps, K_t "
                    + Shapes.of(layer2.a(1)) + " × " + layer2.timeSteps() + " steps, Y " + Shapes.of(y) + ")";
        }
    }

    /** A stack from two cells and an output; the sizes must chain (n_h of layer 1 = n_x of layer 2, …). */
    public TwoLayerRnn(RnnCell layer1, RnnCell layer2, OutputLayer output) {
        this.layer1 = Shapes.requireNonNull("layer1", layer1, "scratch.hint.giveRnnCell");
        this.layer2 = Shapes.requireNonNull("layer2", layer2, "scratch.hint.giveRnnCell");
        this.output = Shapes.requireNonNull("output", output, "scratch.hint.giveOutputLayer");
        if (layer2.nX != layer1.nA) {
            throw new IllegalArgumentException(Shapes.wrongShape("layer2.W_ax", Shapes.of(layer2.Wax), "scratch.who.stack",
                    Shapes.of(layer1.nA, layer2.nA), Shapes.why("scratch.why.layer2Reads", layer1.nA)));
        }
        if (output.nA != layer2.nA) {
            throw new IllegalArgumentException(Shapes.wrongShape("output.W_ay", Shapes.of(output.Way), "scratch.who.stack",
                    Shapes.of(layer2.nA, output.nY), Shapes.why("scratch.why.outputReadsK", layer2.nA)));
        }
    }

    /** A tanh–tanh stack with Gaussian weights × 0.1 from {@code new Random(seed)}. */
    public static TwoLayerRnn random(int nX, int nH, int nK, int nY, Activation g, long seed) {
        Args.positive("nX (n_x)", nX);
        Args.positive("nH (layer 1's n_a)", nH);
        Args.positive("nK (layer 2's n_a)", nK);
        Args.positive("nY (n_y)", nY);
        Random random = new Random(seed);
        return new TwoLayerRnn(RnnCell.random(nX, nH, Activation.TANH, 0.1, random),
                RnnCell.random(nH, nK, Activation.TANH, 0.1, random),
                OutputLayer.random(nK, nY, g, 0.1, random));
    }

    /** Layer 1 over X_1 … X_T, then layer 2 over H_1 … H_T, then the output from K_T. */
    public Pass forward(List<DMatrixRMaj> xs) {
        OwnWork.entry(OwnWork.Topic.RNN_SEQUENCE, "TwoLayerRnn.forward");
        RnnCache first = layer1.forward(xs);
        RnnCache second = layer2.forward(first.hiddenStates());   // the whole sequence H_1 … H_T
        return new Pass(first, second, output.forward(second.a(second.timeSteps())));
    }

    /** Weights of both layers and the output: nothing depends on T. */
    public long parameterCount() {
        return layer1.parameterCount() + layer2.parameterCount() + output.parameterCount();
    }

    @Override
    public String toString() {
        return "TwoLayerRnn(n_x = " + layer1.nX + " → n_h = " + layer1.nA + " → n_k = " + layer2.nA
                + " → n_y = " + output.nY + "; " + parameterCount() + " parameters)";
    }

}
