package org.rnncourse.nn.optimizers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.layers.Parameter;

/**
 * Changes the weights using their gradients, one step per batch. Subclasses hold the update rule
 * (SGD, RMSprop, Adam); this class holds what they share: the learning rate, the step counter
 * ({@code iterations}), per-weight memory (Adam's m and v) and Keras's gradient clipping options,
 * applied before the update. As in Keras 3, clipnorm and globalClipnorm cannot be set together;
 * clipvalue can be set with either, and then, as in Keras 3, only the norm option is applied (Keras
 * applies the first set of clipnorm, global_clipnorm, clipvalue, in that order).
 */
public abstract class Optimizer {
    protected double learningRate;
    private double clipnorm = Double.NaN, globalClipnorm = Double.NaN, clipvalue = Double.NaN;
    private long iterations;
    private final Map<Parameter, Slots> slots = new HashMap<>();

    protected Optimizer(double learningRate) {
        learningRate(learningRate);
    }

    /** Keras's name of the optimizer: {@code adam}, {@code rmsprop}, {@code sgd}. */
    public abstract String name();

    public Optimizer learningRate(double lr) {
        this.learningRate = Args.positiveFinite("learningRate", lr);
        return this;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Each weight's gradient is scaled so its norm is at most c (Keras's {@code clipnorm}). */
    public Optimizer clipnorm(double c) {
        this.clipnorm = checkClip("clipnorm", c);
        return this;
    }

    /** All gradients are scaled together so their joint norm is at most c ({@code global_clipnorm}). */
    public Optimizer globalClipnorm(double c) {
        this.globalClipnorm = checkClip("globalClipnorm", c);
        return this;
    }

    /** Every gradient number is clipped to [−c, c] (Keras's {@code clipvalue}). */
    public Optimizer clipvalue(double c) {
        this.clipvalue = checkClip("clipvalue", c);
        return this;
    }

    private double checkClip(String what, double c) {
        Args.positiveFinite(what, c);
        // Keras 3 (BaseOptimizer.__init__) rejects only this pair; clipvalue goes with either.
        boolean normAndGlobal = what.equals("clipnorm") && !Double.isNaN(globalClipnorm)
                || what.equals("globalClipnorm") && !Double.isNaN(clipnorm);
        if (normAndGlobal) {
            throw new IllegalArgumentException(Messages.get("nn.optimizers.bothClipnorms", what));
        }
        return c;
    }

    /** How many update steps were made: Adam's bias correction uses it. */
    public long iterations() {
        return iterations;
    }

    /** One training step: clips the gradients (if asked), then updates every weight. */
    public final void apply(List<Parameter> params) {
        clipGradients(params);
        iterations++;
        for (Parameter p : params) update(p, slots.computeIfAbsent(p, q -> newSlots(q.size())));
    }

    /**
     * Applies the clipping option to the gradients in place. With clipvalue set beside a norm option,
     * only the norm option acts, as in Keras 3's {@code _clip_gradients}.
     */
    public void clipGradients(List<Parameter> params) {
        if (!Double.isNaN(clipnorm)) {
            for (Parameter p : params) GradientClipping.clipByNorm(p.grad(), clipnorm);
        } else if (!Double.isNaN(globalClipnorm)) {
            List<double[]> gs = new ArrayList<>();
            for (Parameter p : params) gs.add(p.grad());
            GradientClipping.clipByGlobalNorm(gs, globalClipnorm);
        } else if (!Double.isNaN(clipvalue)) {
            for (Parameter p : params) GradientClipping.clipByValue(p.grad(), clipvalue);
        }
    }

    /** The per-weight memory this rule needs, named (Adam: {@code new Slots(size, "m", "v")}), zeros at the start. */
    protected abstract Slots newSlots(int size);

    /** Updates one weight from its (already clipped) gradient; {@link #iterations()} counts this step. */
    protected abstract void update(Parameter p, Slots slots);

    /**
     * This optimizer's memory for one weight (Adam: m and v), made (zeros) if no step used it yet:
     * what a saved model stores so that training resumes where it stopped.
     */
    public Slots state(Parameter p) {
        return slots.computeIfAbsent(p, q -> newSlots(q.size()));
    }

    /** Sets the step counter, when a saved model's state is put back. */
    public void iterations(long steps) {
        if (steps < 0) throw new IllegalArgumentException("iterations must be >= 0, got " + steps);
        this.iterations = steps;
    }

    /** The settings as the config of Keras's optimizer of the same name (for a saved model). */
    public Map<String, Object> kerasConfig() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("name", name());
        c.put("learning_rate", learningRate);
        c.put("clipnorm", Double.isNaN(clipnorm) ? null : clipnorm);
        c.put("global_clipnorm", Double.isNaN(globalClipnorm) ? null : globalClipnorm);
        c.put("clipvalue", Double.isNaN(clipvalue) ? null : clipvalue);
        addKerasConfig(c);
        return c;
    }

    /** Each rule adds its own settings (beta_1, rho, momentum…) with Keras's keys. */
    public void addKerasConfig(Map<String, Object> config) {}

    /** Looks an optimizer up by Keras's name, with Keras's default settings. */
    public static Optimizer of(String name) {
        return switch (Args.notNull("optimizer", name).toLowerCase(Locale.ROOT)) {
            case "adam" -> new Adam();
            case "rmsprop" -> new RMSprop();
            case "sgd" -> new SGD();
            default -> throw new IllegalArgumentException(Messages.get("nn.optimizers.unknown", name));
        };
    }

    @Override
    public String toString() {
        return name() + "(learning_rate=" + learningRate + ")";
    }
}
