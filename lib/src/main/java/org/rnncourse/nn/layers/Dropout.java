package org.rnncourse.nn.layers;

import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;

/**
 * During training, sets each value to 0 with probability {@code rate} and multiplies the others by
 * 1/(1 − rate) ("inverted dropout"), so the expected value is unchanged and nothing needs rescaling
 * at prediction time. Outside training it passes its input through untouched. No parameters.
 */
public class Dropout extends Layer {
    private final double rate;
    private Random rng;
    private double[] mask; // 0 or 1/(1-rate) per value of the last training batch; null = identity

    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(Messages.get("nn.layers.dropout.rate", rate));
        }
        this.rate = rate;
    }

    public double rate() {
        return rate;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
        this.rng = rng; // the model's generator: one seed makes the masks reproducible
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        checkInput(x);
        if (!training || rate == 0) {
            mask = null;
            return x;
        }
        double keep = 1 - rate, scale = 1 / keep;
        double[] in = x.data(), out = new double[in.length];
        mask = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            if (rng.nextDouble() < keep) {
                mask[i] = scale;
                out[i] = in[i] * scale;
            }
        }
        return new Tensor(out, x.shape());
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (mask == null) return gradOutput;
        double[] g = gradOutput.data(), dx = new double[g.length];
        for (int i = 0; i < g.length; i++) dx[i] = g[i] * mask[i];
        return new Tensor(dx, gradOutput.shape());
    }
}
