package org.rnncourse.nn;

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
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    protected double[][] newSlots(int size) {
        return new double[][] {new double[size], new double[size]};
    }

    @Override
    protected void update(Parameter p, double[][] slots) {
        double[] w = p.value, g = p.grad, m = slots[0], v = slots[1];
        long t = iterations();
        double alpha = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int i = 0; i < w.length; i++) {
            m[i] += (g[i] - m[i]) * (1 - beta1);
            v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
            w[i] -= alpha * m[i] / (Math.sqrt(v[i]) + epsilon);
        }
    }
}
