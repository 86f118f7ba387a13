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
 * Long Short-Term Memory, with Keras 3's formulas. Each step computes four gates from one product,
 * z = x_t·W + h_{t−1}·U + b, split in Keras's order i, f, c, o:
 * <pre>
 * i_t = σ(z_i)            input gate: how much of the candidate to write
 * f_t = σ(z_f)            forget gate: how much of the old cell to keep
 * cTilde_t = tanh(z_c)         candidate
 * c_t = f_t ⊙ c_{t−1} + i_t ⊙ cTilde_t      the additive cell update
 * o_t = σ(z_o)            output gate
 * h_t = o_t ⊙ tanh(c_t)
 * </pre>
 * Parameters: kernel W (features, 4·units), recurrent_kernel U (units, 4·units), bias b (4·units):
 * 4·(units·(features + units) + units), four SimpleRNNs' worth. As in Keras the kernel starts
 * glorot_uniform, U orthogonal and b zero except the forget gate's slice, which starts at 1
 * ({@code unit_forget_bias}): a new LSTM keeps its cell rather than forgetting it.
 *
 * <p>The call returns h (the last one, or all of them with {@code returnSequences}); its final
 * states are h and c ({@link #states()}).
 */
public class LSTM extends RecurrentLayer {
    private final Activation activation, recurrentActivation;
    private final boolean unitForgetBias;
    private Parameter kernel, recurrentKernel, bias;
    private int in;

    // Kept from forward, time-major. hs and cs hold h_0 = c_0 = 0 … h_T, c_T (block t at t·batch·units);
    // gates holds the activated i, f, cTilde, o of each step; tanhC holds tanh(c_t) for t = 1 … T.
    private int batch, steps;
    private double[] xs, hs, cs, gates, tanhC;

    /** {@code new LSTM(64)}: last output only, as {@code layers.LSTM(64)}. */
    public LSTM(int units) {
        this(units, false, false);
    }

    /** Keras's {@code layers.LSTM(units, return_sequences=…, return_state=…)}. */
    public LSTM(int units, boolean returnSequences, boolean returnState) {
        this(units, Activation.TANH, Activation.SIGMOID, true, returnSequences, returnState);
    }

    private LSTM(int units, Activation activation, Activation recurrentActivation, boolean unitForgetBias,
                 boolean returnSequences, boolean returnState) {
        super(units, returnSequences, returnState);
        this.activation = requireElementwise("activation", activation);
        this.recurrentActivation = requireElementwise("recurrentActivation", recurrentActivation);
        this.unitForgetBias = unitForgetBias;
    }

    static Activation requireElementwise(String what, Activation a) {
        if (a == Activation.SOFTMAX) {
            throw new IllegalArgumentException(Messages.get("nn.layers.gateSoftmax", what));
        }
        return a;
    }

    /** Named arguments, as in Keras: {@code LSTM.builder(64).returnSequences(true).build()}. */
    public static Builder builder(int units) {
        return new Builder(units);
    }

    /** Keras's keyword arguments as methods; {@link #build()} makes the layer. */
    public static final class Builder {
        private final int units;
        private Activation activation = Activation.TANH, recurrentActivation = Activation.SIGMOID;
        private boolean unitForgetBias = true, returnSequences, returnState;
        private int[] inputShape;
        private String name;

        private Builder(int units) {
            this.units = Args.positive("LSTM units", units);
        }

        public Builder activation(String activation) { this.activation = Activation.of(activation); return this; }
        public Builder activation(Activation activation) { this.activation = Args.notNull("activation", activation); return this; }
        public Builder recurrentActivation(String recurrentActivation) { this.recurrentActivation = Activation.of("recurrentActivation", recurrentActivation); return this; }
        public Builder recurrentActivation(Activation recurrentActivation) { this.recurrentActivation = Args.notNull("recurrentActivation", recurrentActivation); return this; }
        public Builder unitForgetBias(boolean b) { this.unitForgetBias = b; return this; }
        public Builder returnSequences(boolean b) { this.returnSequences = b; return this; }
        public Builder returnState(boolean b) { this.returnState = b; return this; }
        public Builder inputShape(int... shape) { this.inputShape = Args.notNull("inputShape", shape).clone(); return this; }
        public Builder name(String name) { this.name = name; return this; }

        public LSTM build() {
            LSTM l = new LSTM(units, activation, recurrentActivation, unitForgetBias, returnSequences, returnState);
            if (inputShape != null) l.inputShape(inputShape);
            if (name != null) l.name(name);
            return l;
        }
    }

    public Activation activation() {
        return activation;
    }

    public Activation recurrentActivation() {
        return recurrentActivation;
    }

    public boolean unitForgetBias() {
        return unitForgetBias;
    }

    public Parameter kernel() { return kernel; }
    public Parameter recurrentKernel() { return recurrentKernel; }
    public Parameter bias() { return bias; }

    /** The fused float step, for every activation Keras allows here (tanh, sigmoid, relu, linear). */
    @Override
    public FloatCell floatCell() {
        return FloatActivation.supported(activation) && FloatActivation.supported(recurrentActivation)
                ? new FloatCell.Lstm(this) : null;
    }

    @Override
    RecurrentLayer sameConfig() {
        return new LSTM(units, activation, recurrentActivation, unitForgetBias, returnSequences, returnState);
    }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
        in = inputShape[1];
        int g4 = 4 * units;
        kernel = addParameter("kernel", in, g4);
        recurrentKernel = addParameter("recurrent_kernel", units, g4);
        bias = addParameter("bias", g4);
        Initializers.glorotUniform(kernel.value, in, g4, rng);
        Initializers.orthogonal(recurrentKernel.value, units, g4, rng);
        if (unitForgetBias) java.util.Arrays.fill(bias.value, units, 2 * units, 1.0);
    }

    @Override
    protected Tensor forwardReference(Tensor x, boolean training) {
        checkInput(x);
        batch = x.dim(0);
        steps = x.dim(1);
        int bu = batch * units, g4 = 4 * units, u = units;
        xs = new double[steps * batch * in];
        MatOps.swapFirstAxes(x.data(), 0, xs, batch, steps, in);
        gates = new double[steps * batch * g4];
        // x_t·W + b for every step at once; each step then adds h_{t−1}·U in place.
        MatOps.matmul(xs, 0, kernel.value, 0, gates, 0, steps * batch, in, g4, false);
        MatOps.addRowVector(gates, 0, bias.value, steps * batch, g4);
        hs = new double[(steps + 1) * bu];
        cs = new double[(steps + 1) * bu];
        tanhC = new double[steps * bu];
        for (int t = 0; t < steps; t++) {
            int gOff = t * batch * g4, prev = t * bu, cur = (t + 1) * bu;
            MatOps.matmul(hs, prev, recurrentKernel.value, 0, gates, gOff, batch, units, g4, true);
            for (int b = 0; b < batch; b++) {
                int row = gOff + b * g4;
                recurrentActivation.apply(gates, row, 2 * u); // i and f sit side by side
                activation.apply(gates, row + 2 * u, u);
                recurrentActivation.apply(gates, row + 3 * u, u);
                for (int j = 0; j < u; j++) {
                    int k = b * u + j;
                    cs[cur + k] = gates[row + u + j] * cs[prev + k] + gates[row + j] * gates[row + 2 * u + j];
                }
            }
            System.arraycopy(cs, cur, tanhC, t * bu, bu);
            activation.apply(tanhC, t * bu, bu);
            for (int b = 0; b < batch; b++) {
                int row = gOff + b * g4;
                for (int j = 0; j < u; j++) {
                    int k = b * u + j;
                    hs[cur + k] = gates[row + 3 * u + j] * tanhC[t * bu + k];
                }
            }
        }
        return output(hs, batch, steps);
    }

    /** The final hidden state h_T and cell state c_T of the last forward, in Keras's order. */
    @Override
    protected List<Tensor> referenceStates() {
        if (hs == null) throw new IllegalStateException(Messages.get("nn.layers.notRunYet", describe()));
        return List.of(lastStep(hs, batch, steps), lastStep(cs, batch, steps));
    }

    /** The activated gates of the last forward at step t (0-based) for example b: i, f, cTilde, o, each of units values. */
    public double[][] gates(int b, int t) {
        int[] f = floatShape();
        if (f == null && gates == null) throw new IllegalStateException(Messages.get("nn.layers.notRunYet", describe()));
        int batch = f == null ? this.batch : f[0], steps = f == null ? this.steps : f[1];
        if (b < 0 || b >= batch || t < 0 || t >= steps) {
            throw new IllegalArgumentException(Messages.get("nn.layers.gatesIndex", batch, steps, b, t));
        }
        if (f != null) return floatGates(b, t);
        double[][] out = new double[4][units];
        int row = (t * batch + b) * 4 * units;
        for (int g = 0; g < 4; g++) System.arraycopy(gates, row + g * units, out[g], 0, units);
        return out;
    }

    @Override
    protected Tensor backwardReference(Tensor gradOutput) {
        if (gates == null) throw new IllegalStateException(describe() + ": backward needs a forward pass first");
        int bu = batch * units, g4 = 4 * units, u = units;
        double[] dhs = gradientPerStep(gradOutput, batch, steps);
        double[] dGates = new double[steps * batch * g4]; // dL/dz for every step, time-major
        double[] dhNext = new double[bu], dcNext = new double[bu], dTanhC = new double[bu];
        double[] uT = new double[g4 * units];
        MatOps.transpose(recurrentKernel.value, 0, uT, units, g4);
        for (int t = steps - 1; t >= 0; t--) {
            int gOff = t * batch * g4, prev = t * bu;
            // dh reaches o directly and c through tanh(c).
            for (int b = 0; b < batch; b++) {
                int row = gOff + b * g4;
                for (int j = 0; j < u; j++) {
                    int k = b * u + j;
                    double dh = dhs[prev + k] + dhNext[k];
                    dGates[row + 3 * u + j] = dh * tanhC[prev + k];
                    dTanhC[k] = dh * gates[row + 3 * u + j];
                }
            }
            activation.backward(tanhC, prev, dTanhC, 0, bu);
            for (int b = 0; b < batch; b++) {
                int row = gOff + b * g4;
                for (int j = 0; j < u; j++) {
                    int k = b * u + j;
                    // The cell's gradient: what comes through h plus what c_{t+1} passes back through f.
                    double dc = dTanhC[k] + dcNext[k];
                    dGates[row + j] = dc * gates[row + 2 * u + j];
                    dGates[row + u + j] = dc * cs[prev + k];
                    dGates[row + 2 * u + j] = dc * gates[row + j];
                    dcNext[k] = dc * gates[row + u + j];
                }
                recurrentActivation.backward(gates, row, dGates, row, 2 * u);
                activation.backward(gates, row + 2 * u, dGates, row + 2 * u, u);
                recurrentActivation.backward(gates, row + 3 * u, dGates, row + 3 * u, u);
            }
            MatOps.matmul(dGates, gOff, uT, 0, dhNext, 0, batch, g4, units, false); // dL/dh_{t−1} = dz_t·Uᵀ
        }
        MatOps.matmulTransA(xs, 0, dGates, 0, kernel.grad, 0, steps * batch, in, g4, false);
        MatOps.matmulTransA(hs, 0, dGates, 0, recurrentKernel.grad, 0, steps * batch, units, g4, false);
        MatOps.sumRows(dGates, 0, bias.grad, steps * batch, g4, false);
        double[] dxs = new double[steps * batch * in];
        MatOps.matmulTransB(dGates, 0, kernel.value, 0, dxs, 0, steps * batch, g4, in, false);
        double[] dx = new double[dxs.length];
        MatOps.swapFirstAxes(dxs, 0, dx, steps, batch, in);
        return new Tensor(dx, batch, steps, in);
    }
}
