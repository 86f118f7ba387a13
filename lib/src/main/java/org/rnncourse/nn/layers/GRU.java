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
 * Gated Recurrent Unit, with Keras 3's default formulas ({@code reset_after=True}). Each step splits
 * a = x_t·W + b_in and r̂ = h_{t−1}·U + b_rec in Keras's gate order z, r, h:
 * <pre>
 * z_t = σ(a_z + r̂_z)                     update gate
 * r_t = σ(a_r + r̂_r)                     reset gate
 * hTilde_t = tanh(a_h + r_t ⊙ r̂_h)            candidate; the reset gate scales U's part after the product
 * h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ hTilde_t   interpolation
 * </pre>
 * Keras's z keeps the <em>old</em> state (z = 1: copy h_{t−1}); some texts write the same gate as
 * 1 − z. Parameters: kernel W (features, 3·units), recurrent_kernel U (units, 3·units) and a bias
 * of shape (2, 3·units) — row 0 for the input side, row 1 for the recurrent side, because the reset
 * gate multiplies U's part after its bias is added: 3·(units·(features + units) + 2·units).
 */
public class GRU extends RecurrentLayer {
    private final Activation activation, recurrentActivation;
    private Parameter kernel, recurrentKernel, bias;
    private int in;

    // Kept from forward, time-major. hs holds h_0 = 0 … h_T; ax holds the activated z, r, hTilde of each
    // step (in the slots of a); rh holds h_{t−1}·U + b_rec, whose h part the backward pass needs.
    private int batch, steps;
    private double[] xs, hs, ax, rh;

    /** {@code new GRU(64)}: last output only, as {@code layers.GRU(64)}. */
    public GRU(int units) {
        this(units, false, false);
    }

    /** Keras's {@code layers.GRU(units, return_sequences=…, return_state=…)}. */
    public GRU(int units, boolean returnSequences, boolean returnState) {
        this(units, Activation.TANH, Activation.SIGMOID, returnSequences, returnState);
    }

    private GRU(int units, Activation activation, Activation recurrentActivation,
                boolean returnSequences, boolean returnState) {
        super(units, returnSequences, returnState);
        this.activation = LSTM.requireElementwise("activation", activation);
        this.recurrentActivation = LSTM.requireElementwise("recurrentActivation", recurrentActivation);
    }

    /** Named arguments, as in Keras: {@code GRU.builder(64).returnSequences(true).build()}. */
    public static Builder builder(int units) {
        return new Builder(units);
    }

    /** Keras's keyword arguments as methods; {@link #build()} makes the layer. */
    public static final class Builder {
        private final int units;
        private Activation activation = Activation.TANH, recurrentActivation = Activation.SIGMOID;
        private boolean returnSequences, returnState;
        private int[] inputShape;
        private String name;

        private Builder(int units) {
            this.units = Args.positive("GRU units", units);
        }

        public Builder activation(String activation) { this.activation = Activation.of(activation); return this; }
        public Builder activation(Activation activation) { this.activation = Args.notNull("activation", activation); return this; }
        public Builder recurrentActivation(String recurrentActivation) { this.recurrentActivation = Activation.of("recurrentActivation", recurrentActivation); return this; }
        public Builder recurrentActivation(Activation recurrentActivation) { this.recurrentActivation = Args.notNull("recurrentActivation", recurrentActivation); return this; }
        public Builder returnSequences(boolean b) { this.returnSequences = b; return this; }
        public Builder returnState(boolean b) { this.returnState = b; return this; }
        public Builder inputShape(int... shape) { this.inputShape = Args.notNull("inputShape", shape).clone(); return this; }
        public Builder name(String name) { this.name = name; return this; }

        public GRU build() {
            GRU g = new GRU(units, activation, recurrentActivation, returnSequences, returnState);
            if (inputShape != null) g.inputShape(inputShape);
            if (name != null) g.name(name);
            return g;
        }
    }

    public Activation activation() {
        return activation;
    }

    public Activation recurrentActivation() {
        return recurrentActivation;
    }

    public Parameter kernel() { return kernel; }
    public Parameter recurrentKernel() { return recurrentKernel; }
    public Parameter bias() { return bias; }

    /** The fused float step, for every activation Keras allows here (tanh, sigmoid, relu, linear). */
    @Override
    public FloatCell floatCell() {
        return FloatActivation.supported(activation) && FloatActivation.supported(recurrentActivation)
                ? new FloatCell.Gru(this) : null;
    }

    @Override
    RecurrentLayer sameConfig() {
        return new GRU(units, activation, recurrentActivation, returnSequences, returnState);
    }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
        in = inputShape[1];
        int g3 = 3 * units;
        kernel = addParameter("kernel", in, g3);
        recurrentKernel = addParameter("recurrent_kernel", units, g3);
        bias = addParameter("bias", 2, g3);
        Initializers.glorotUniform(kernel.value, in, g3, rng);
        Initializers.orthogonal(recurrentKernel.value, units, g3, rng);
    }

    @Override
    protected Tensor forwardReference(Tensor x, boolean training) {
        checkInput(x);
        batch = x.dim(0);
        steps = x.dim(1);
        int bu = batch * units, g3 = 3 * units, u = units;
        xs = new double[steps * batch * in];
        MatOps.swapFirstAxes(x.data(), 0, xs, batch, steps, in);
        ax = new double[steps * batch * g3];
        MatOps.matmul(xs, 0, kernel.value, 0, ax, 0, steps * batch, in, g3, false);
        MatOps.addRowVector(ax, 0, bias.value, steps * batch, g3); // row 0 of the bias
        rh = new double[steps * batch * g3];
        hs = new double[(steps + 1) * bu];
        for (int t = 0; t < steps; t++) {
            int gOff = t * batch * g3, prev = t * bu, cur = (t + 1) * bu;
            MatOps.matmul(hs, prev, recurrentKernel.value, 0, rh, gOff, batch, units, g3, false);
            for (int b = 0; b < batch; b++) {
                int row = gOff + b * g3;
                for (int j = 0; j < g3; j++) rh[row + j] += bias.value[g3 + j]; // row 1 of the bias
                for (int j = 0; j < 2 * u; j++) ax[row + j] += rh[row + j];
                recurrentActivation.apply(ax, row, 2 * u); // z and r
                for (int j = 0; j < u; j++) ax[row + 2 * u + j] += ax[row + u + j] * rh[row + 2 * u + j];
                activation.apply(ax, row + 2 * u, u);
                for (int j = 0; j < u; j++) {
                    int k = b * u + j;
                    double z = ax[row + j];
                    hs[cur + k] = z * hs[prev + k] + (1 - z) * ax[row + 2 * u + j];
                }
            }
        }
        return output(hs, batch, steps);
    }

    @Override
    protected List<Tensor> referenceStates() {
        if (hs == null) throw new IllegalStateException(Messages.get("nn.layers.notRunYet", describe()));
        return List.of(lastStep(hs, batch, steps));
    }

    /** The activated gates of the last forward at step t (0-based) for example b: z, r, hTilde, each of units values. */
    public double[][] gates(int b, int t) {
        int[] f = floatShape();
        if (f == null && ax == null) throw new IllegalStateException(Messages.get("nn.layers.notRunYet", describe()));
        int batch = f == null ? this.batch : f[0], steps = f == null ? this.steps : f[1];
        if (b < 0 || b >= batch || t < 0 || t >= steps) {
            throw new IllegalArgumentException(Messages.get("nn.layers.gatesIndex", batch, steps, b, t));
        }
        if (f != null) return floatGates(b, t);
        double[][] out = new double[3][units];
        int row = (t * batch + b) * 3 * units;
        for (int g = 0; g < 3; g++) System.arraycopy(ax, row + g * units, out[g], 0, units);
        return out;
    }

    @Override
    protected Tensor backwardReference(Tensor gradOutput) {
        if (ax == null) throw new IllegalStateException(describe() + ": backward needs a forward pass first");
        int bu = batch * units, g3 = 3 * units, u = units;
        double[] dhs = gradientPerStep(gradOutput, batch, steps);
        // dA: dL/d(x-side pre-activations) a; dR: dL/d(h_{t−1}·U + b_rec). They differ only in the h
        // slot, where the reset gate sits between U's product and the sum.
        double[] dA = new double[steps * batch * g3], dR = new double[steps * batch * g3];
        double[] dhNext = new double[bu];
        double[] uT = new double[g3 * units];
        MatOps.transpose(recurrentKernel.value, 0, uT, units, g3);
        for (int t = steps - 1; t >= 0; t--) {
            int gOff = t * batch * g3, prev = t * bu;
            for (int b = 0; b < batch; b++) {
                int row = gOff + b * g3;
                for (int j = 0; j < u; j++) {
                    int k = b * u + j;
                    double dh = dhs[prev + k] + dhNext[k];
                    double z = ax[row + j];
                    dA[row + j] = dh * (hs[prev + k] - ax[row + 2 * u + j]);
                    dA[row + 2 * u + j] = dh * (1 - z);
                    dhNext[k] = dh * z; // the path that skips every weight: h_{t−1} copied through z
                }
                recurrentActivation.backward(ax, row, dA, row, u);
                activation.backward(ax, row + 2 * u, dA, row + 2 * u, u);
                for (int j = 0; j < u; j++) {
                    double dCand = dA[row + 2 * u + j];
                    dA[row + u + j] = dCand * rh[row + 2 * u + j];
                    dR[row + 2 * u + j] = dCand * ax[row + u + j];
                }
                recurrentActivation.backward(ax, row + u, dA, row + u, u);
                System.arraycopy(dA, row, dR, row, 2 * u);
            }
            MatOps.matmul(dR, gOff, uT, 0, dhNext, 0, batch, g3, units, true);
        }
        MatOps.matmulTransA(xs, 0, dA, 0, kernel.grad, 0, steps * batch, in, g3, false);
        MatOps.matmulTransA(hs, 0, dR, 0, recurrentKernel.grad, 0, steps * batch, units, g3, false);
        double[] db = new double[g3];
        MatOps.sumRows(dA, 0, db, steps * batch, g3, false);
        System.arraycopy(db, 0, bias.grad, 0, g3);
        MatOps.sumRows(dR, 0, db, steps * batch, g3, false);
        System.arraycopy(db, 0, bias.grad, g3, g3);
        double[] dxs = new double[steps * batch * in];
        MatOps.matmulTransB(dA, 0, kernel.value, 0, dxs, 0, steps * batch, g3, in, false);
        double[] dx = new double[dxs.length];
        MatOps.swapFirstAxes(dxs, 0, dx, steps, batch, in);
        return new Tensor(dx, batch, steps, in);
    }
}
