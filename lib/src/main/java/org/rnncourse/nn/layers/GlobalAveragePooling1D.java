package org.rnncourse.nn.layers;

import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;

/**
 * The mean over the time axis, Keras's {@code GlobalAveragePooling1D}: a batch (m, T, n) becomes
 * (m, n), each feature averaged over the T steps. After an Embedding it turns a review into the
 * average of its word vectors: a "bag of words" that ignores the order of the words, the simplest
 * baseline a recurrent layer has to beat (lesson 08). No parameters.
 *
 * <p>As in Keras without a mask, the padding steps count in the mean (their vectors are the
 * embedding row of id 0). Backward: every step of an example gets the same share of the
 * gradient, dL/dx[b, t, f] = dL/dy[b, f] / T.
 */
public class GlobalAveragePooling1D extends Layer {
    private int steps; // T of the last forward batch

    /** Keras's automatic name: global_average_pooling1d (the digit and the D stay together). */
    @Override
    public String namePrefix() {
        return "global_average_pooling1d";
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException(Messages.get("nn.layers.pooling.shape", describe(),
                    Tensor.batchShapeString(inputShape)));
        }
        return new int[] {inputShape[1]};
    }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
        // nothing to learn
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        checkInput(x);
        int m = x.dim(0), T = x.dim(1), n = x.dim(2);
        steps = T;
        double[] in = x.data(), out = new double[m * n];
        for (int b = 0; b < m; b++) {
            for (int t = 0; t < T; t++) {
                int row = (b * T + t) * n;
                for (int f = 0; f < n; f++) out[b * n + f] += in[row + f];
            }
        }
        for (int i = 0; i < out.length; i++) out[i] /= T;
        return new Tensor(out, m, n);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        int m = gradOutput.dim(0), n = gradOutput.dim(1);
        double[] g = gradOutput.data(), dx = new double[m * steps * n];
        for (int b = 0; b < m; b++) {
            for (int t = 0; t < steps; t++) {
                int row = (b * steps + t) * n;
                for (int f = 0; f < n; f++) dx[row + f] = g[b * n + f] / steps;
            }
        }
        return new Tensor(dx, m, steps, n);
    }
}
