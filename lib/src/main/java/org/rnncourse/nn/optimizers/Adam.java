package org.rnncourse.nn.optimizers;

import org.rnncourse.Args;
import org.rnncourse.nn.backend.Parallel;
import org.rnncourse.nn.layers.Parameter;
/**
 * Momentum (m, a running mean of gradients) plus RMSprop's scaling (v, a running mean of squared
 * gradients), in Keras's form: at step t,
 * <pre>
 *   m ← m + (g − m)(1 − β1)        v ← v + (g² − v)(1 − β2)
 *   α = lr · √(1 − β2^t) / (1 − β1^t)      (bias correction folded into the step size)
 *   w ← w − α · m / (√v + ε)
 * </pre>
 * Keras defaults: learning rate 0.001, β1 0.9, β2 0.999, ε 1e-7.
 */
public class Adam extends Optimizer {
    private final double beta1, beta2, epsilon;

    public Adam() {
        this(0.001);
    }

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = Args.inHalfOpen("beta1", beta1, 0, 1);
        this.beta2 = Args.inHalfOpen("beta2", beta2, 0, 1);
        this.epsilon = Args.positiveFinite("epsilon", epsilon);
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    protected Slots newSlots(int size) {
        return new Slots(size, "m", "v"); // Keras saves them as "momentum" and "velocity", in this order
    }

    @Override
    protected void update(Parameter p, Slots slots) {
        double[] w = p.value(), g = p.grad(), m = slots.get("m"), v = slots.get("v");
        long t = iterations();
        double alpha = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        // A large weight (an embedding table: 1.28 million numbers) is updated by all cores, each on its
        // own range; every number's update is independent of the others, so the result is the same.
        int parts = w.length >= PARALLEL_FROM ? Parallel.THREADS : 1;
        Parallel.run(parts, part -> step(w, g, m, v, alpha, Parallel.bound(w.length, part, parts),
                Parallel.bound(w.length, part + 1, parts)));
    }

    /** Below this many numbers, handing work to another thread costs more than it saves. */
    private static final int PARALLEL_FROM = 1 << 16;

    private void step(double[] w, double[] g, double[] m, double[] v, double alpha, int from, int to) {
        double b1 = 1 - beta1, b2 = 1 - beta2;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i] + (gi - m[i]) * b1;
            double vi = v[i] + (gi * gi - v[i]) * b2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= alpha * mi / (Math.sqrt(vi) + epsilon);
        }
    }

    @Override
    public void addKerasConfig(java.util.Map<String, Object> c) {
        c.put("beta_1", beta1);
        c.put("beta_2", beta2);
        c.put("epsilon", epsilon);
    }
}
