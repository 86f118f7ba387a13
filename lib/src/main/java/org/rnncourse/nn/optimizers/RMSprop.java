package org.rnncourse.nn.optimizers;

import org.rnncourse.Args;
import org.rnncourse.nn.layers.Parameter;
/**
 * Divides each step by a running average of squared gradients, so weights with large gradients
 * take smaller steps: v ← ρ·v + (1 − ρ)·g², w ← w − lr·g / √(v + ε).
 * Keras defaults: learning rate 0.001, ρ 0.9, ε 1e-7.
 */
public class RMSprop extends Optimizer {
    private final double rho, epsilon;

    public RMSprop() {
        this(0.001);
    }

    public RMSprop(double learningRate) {
        this(learningRate, 0.9, 1e-7);
    }

    public RMSprop(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = Args.inHalfOpen("rho", rho, 0, 1);
        this.epsilon = Args.positiveFinite("epsilon", epsilon);
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    protected Slots newSlots(int size) {
        return new Slots(size, "v"); // the running mean of squared gradients (Keras: "velocity")
    }

    @Override
    protected void update(Parameter p, Slots slots) {
        double[] w = p.value(), g = p.grad(), v = slots.get("v");
        for (int i = 0; i < w.length; i++) {
            v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
            w[i] -= learningRate * g[i] / Math.sqrt(v[i] + epsilon);
        }
    }

    @Override
    public void addKerasConfig(java.util.Map<String, Object> c) {
        c.put("rho", rho);
        c.put("epsilon", epsilon);
    }
}
