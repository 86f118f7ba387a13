package org.rnncourse.nn.layers;

import java.util.List;
import java.util.Random;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.FloatActivation;
import org.rnncourse.nn.backend.FloatCell;
import org.rnncourse.nn.backend.MatOps;
import org.rnncourse.nn.backend.Tensor;

/**
 * The plain recurrent layer: h_t = f(x_t·W + h_{t−1}·U + b), with h_0 = 0 and f = tanh by default.
 * Parameters: kernel W (features, units), recurrent_kernel U (units, units), bias b (units):
 * features·units + units² + units of them, the same W, U, b at every time step.
 *
 * <p>Inside, the batch is turned time-major, (time, batch, ·), so the rows of one time step sit
 * next to each other: x·W for all steps is one big product, each step adds h_{t−1}·U in place,
 * and the backward pass (BPTT) needs only one small product per step.
 */
public class SimpleRNN extends RecurrentLayer {
    private final Activation activation;
    private Parameter kernel, recurrentKernel, bias;
    private int in;

    // Kept from forward, time-major. hs holds h_0 (zeros) … h_T, block t at t·batch·units.
    private int batch, steps;
    private double[] xs, hs;

    /** {@code new SimpleRNN(64)}: tanh, last output only, as {@code layers.SimpleRNN(64)}. */
    public SimpleRNN(int units) {
        this(units, Activation.TANH, false, false);
    }

    /** All of Keras's arguments in Keras's order: {@code new SimpleRNN(64, "tanh", true, false)}. */
    public SimpleRNN(int units, String activation, boolean returnSequences, boolean returnState) {
        this(units, Activation.of(activation), returnSequences, returnState);
    }

    public SimpleRNN(int units, Activation activation, boolean returnSequences, boolean returnState) {
        super(units, returnSequences, returnState);
        Args.notNull("SimpleRNN activation", activation);
        if (activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException(Messages.get("nn.layers.simpleRnn.softmax"));
        }
        this.activation = activation;
    }

    /** Named arguments, as in Keras: {@code SimpleRNN.builder(64).returnSequences(true).build()}. */
    public static Builder builder(int units) {
        return new Builder(units);
    }

    /** Keras's keyword arguments as methods; {@link #build()} makes the layer. */
    public static final class Builder {
        private final int units;
        private Activation activation = Activation.TANH;
        private boolean returnSequences, returnState;
        private int[] inputShape;
        private String name;

        private Builder(int units) {
            this.units = Args.positive("SimpleRNN units", units);
        }

        public Builder activation(String activation) { this.activation = Activation.of(activation); return this; }
        public Builder activation(Activation activation) { this.activation = Args.notNull("activation", activation); return this; }
        public Builder returnSequences(boolean b) { this.returnSequences = b; return this; }
        public Builder returnState(boolean b) { this.returnState = b; return this; }
        public Builder inputShape(int... shape) { this.inputShape = Args.notNull("inputShape", shape).clone(); return this; }
        public Builder name(String name) { this.name = name; return this; }

        public SimpleRNN build() {
            SimpleRNN rnn = new SimpleRNN(units, activation, returnSequences, returnState);
            if (inputShape != null) rnn.inputShape(inputShape);
            if (name != null) rnn.name(name);
            return rnn;
        }
    }

    public Activation activation() {
        return activation;
    }

    /** The fused float step, for every activation a SimpleRNN takes (tanh, relu, sigmoid, linear). */
    @Override
    public FloatCell floatCell() {
        return FloatActivation.supported(activation) ? new FloatCell.Simple(this) : null;
    }

    public Parameter kernel() { return kernel; }
    public Parameter recurrentKernel() { return recurrentKernel; }
    public Parameter bias() { return bias; }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
        in = inputShape[1];
        kernel = addParameter("kernel", in, units);
        recurrentKernel = addParameter("recurrent_kernel", units, units);
        bias = addParameter("bias", units);
        Initializers.glorotUniform(kernel.value, in, units, rng);
        Initializers.orthogonal(recurrentKernel.value, units, units, rng);
    }

    @Override
    protected Tensor forwardReference(Tensor x, boolean training) {
        checkInput(x);
        batch = x.dim(0);
        steps = x.dim(1);
        int bu = batch * units;
        xs = new double[steps * batch * in];
        MatOps.swapFirstAxes(x.data(), 0, xs, batch, steps, in);
        hs = new double[(steps + 1) * bu];
        // x_t·W for every step at once, written where h_1 … h_T will go.
        MatOps.matmul(xs, 0, kernel.value, 0, hs, bu, steps * batch, in, units, false);
        for (int t = 0; t < steps; t++) {
            int prev = t * bu, cur = (t + 1) * bu;
            MatOps.matmul(hs, prev, recurrentKernel.value, 0, hs, cur, batch, units, units, true);
            MatOps.addRowVector(hs, cur, bias.value, batch, units);
            activation.apply(hs, cur, bu);
        }
        return output(hs, batch, steps);
    }

    @Override
    protected List<Tensor> referenceStates() {
        if (hs == null) throw new IllegalStateException(Messages.get("nn.layers.notRunYet", describe()));
        return List.of(lastStep(hs, batch, steps));
    }

    @Override
    protected Tensor backwardReference(Tensor gradOutput) {
        int bu = batch * units;
        // dz holds dL/dh_t for every step, then (in place) dL/dz_t, time-major.
        double[] dz = gradientPerStep(gradOutput, batch, steps);
        double[] dhNext = new double[bu]; // what h_t receives from step t+1 through U
        double[] uT = new double[units * units]; // Uᵀ, made once so each step is a plain product
        MatOps.transpose(recurrentKernel.value, 0, uT, units, units);
        for (int t = steps - 1; t >= 0; t--) {
            int off = t * bu;
            for (int i = 0; i < bu; i++) dz[off + i] += dhNext[i];
            activation.backward(hs, (t + 1) * bu, dz, off, bu);
            MatOps.matmul(dz, off, uT, 0, dhNext, 0, batch, units, units, false); // dL/dh_{t-1} = dz_t·Uᵀ
        }
        // The shared weights collect their gradient from all steps at once (sum over time).
        MatOps.matmulTransA(xs, 0, dz, 0, kernel.grad, 0, steps * batch, in, units, false);
        MatOps.matmulTransA(hs, 0, dz, 0, recurrentKernel.grad, 0, steps * batch, units, units, false);
        MatOps.sumRows(dz, 0, bias.grad, steps * batch, units, false);
        double[] dxs = new double[steps * batch * in];
        MatOps.matmulTransB(dz, 0, kernel.value, 0, dxs, 0, steps * batch, units, in, false);
        double[] dx = new double[dxs.length];
        MatOps.swapFirstAxes(dxs, 0, dx, steps, batch, in);
        return new Tensor(dx, batch, steps, in);
    }
}
