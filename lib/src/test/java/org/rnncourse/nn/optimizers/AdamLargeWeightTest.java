package org.rnncourse.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.layers.Parameter;

/** Adam splits a large weight (an embedding table) between threads: every number gets Keras's update. */
class AdamLargeWeightTest {
    @Test
    void aWeightUpdatedOnSeveralThreadsGetsTheSameUpdateAsOneByOne() {
        int n = (1 << 16) + 12_345; // above the size where the update is split, and not a round number
        Parameter p = new Parameter("embeddings", n);
        Random rng = new Random(1);
        double[] w0 = new double[n], m = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) p.value()[i] = w0[i] = rng.nextGaussian();
        Adam adam = new Adam(0.01);
        for (int step = 1; step <= 3; step++) {
            for (int i = 0; i < n; i++) p.grad()[i] = rng.nextGaussian();
            double[] g = p.grad().clone();
            adam.apply(List.of(p));
            double alpha = 0.01 * Math.sqrt(1 - Math.pow(0.999, step)) / (1 - Math.pow(0.9, step));
            for (int i = 0; i < n; i++) {
                m[i] += (g[i] - m[i]) * (1 - 0.9);
                v[i] += (g[i] * g[i] - v[i]) * (1 - 0.999);
                w0[i] -= alpha * m[i] / (Math.sqrt(v[i]) + 1e-7);
            }
            for (int i = 0; i < n; i += 997) assertEquals(w0[i], p.value()[i], 1e-15, "weight " + i + " after step " + step);
            assertEquals(w0[n - 1], p.value()[n - 1], 1e-15, "the last weight after step " + step);
        }
    }
}
