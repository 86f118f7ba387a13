package org.rnncourse.nn.optimizers;

import org.rnncourse.Messages;
import org.rnncourse.nn.layers.Parameter;

/**
 * Plain gradient descent, w ← w − lr·g, optionally with momentum: v ← μ·v − lr·g, w ← w + v
 * (Nesterov: w ← w + μ·v − lr·g). Keras defaults: learning rate 0.01, momentum 0.
 */
public class SGD extends Optimizer {
    private final double momentum;
    private final boolean nesterov;

    public SGD() {
        this(0.01);
    }

    public SGD(double learningRate) {
        this(learningRate, 0.0, false);
    }

    public SGD(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(Messages.get("nn.optimizers.momentum", momentum));
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    protected Slots newSlots(int size) {
        return momentum > 0 ? new Slots(size, "velocity") : new Slots(size); // plain SGD remembers nothing
    }

    @Override
    protected void update(Parameter p, Slots slots) {
        double[] w = p.value(), g = p.grad();
        if (momentum == 0) {
            for (int i = 0; i < w.length; i++) w[i] -= learningRate * g[i];
            return;
        }
        double[] v = slots.get("velocity");
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] - learningRate * g[i];
            w[i] += nesterov ? momentum * v[i] - learningRate * g[i] : v[i];
        }
    }

    @Override
    public void addKerasConfig(java.util.Map<String, Object> c) {
        c.put("momentum", momentum);
        c.put("nesterov", nesterov);
    }
}
