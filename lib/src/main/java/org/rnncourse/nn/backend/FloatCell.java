package org.rnncourse.nn.backend;

import org.rnncourse.fast.Fast;
import org.rnncourse.nn.layers.Activation;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.layers.SimpleRNN;

/**
 * One recurrent layer's step on the float path, forward and back: what a {@link RecurrentLayer}
 * offers ({@link RecurrentLayer#floatCell()}) for its {@link FloatRecurrence} to run, the way Keras's
 * LSTM asks its backend for a fused implementation. Everything a step shares with the other kinds (the
 * input projection x·W over all steps or over the used tokens, the buffers, the threads, the weight
 * gradients as big products) lives in FloatRecurrence; a cell holds only its own formulas, with the
 * layer's activations ({@link FloatActivation}: tanh, sigmoid, relu, linear).
 *
 * <p>A step works in place on block t of the worker's arrays, so nothing is allocated per step.
 * Each layer kind's z = x_t·W + h_{t−1}·U + b is {@link #gates} blocks of units wide, in Keras's
 * order. The products and every tanh go through {@link Fast} (σ(v) is (1 + tanh(v/2))/2, so the
 * gates too), whose two paths give the same bits; the rest is plain float arithmetic, the same code
 * on both. With Keras's default activations (tanh, σ) an LSTM or GRU step's element-wise part is
 * one fused kernel ({@link Fast#lstmForward}, {@link Fast#gruForward} and their backward twins):
 * one pass over the step's block instead of one per operation, which is where a step's time went
 * besides the product. The written-out loops below do the same arithmetic for the other activations.
 */
public abstract class FloatCell {
    final int gates;

    FloatCell(int gates) {
        this.gates = gates;
    }

    abstract Parameter kernel();

    abstract Parameter recurrentKernel();

    /** (gates·units) numbers, or (2, gates·units) for a GRU: input side, then recurrent side. */
    abstract Parameter bias();

    /** True when the gradient reaching U differs from the one reaching W (GRU's reset gate sits between). */
    boolean splitsRecurrentGradient() {
        return false;
    }

    /** True when x·W goes straight into the state blocks (SimpleRNN: one gate, the state itself). */
    boolean projectsIntoStates() {
        return false;
    }

    /** h_{t+1} (block t+1 of hs) from h_t and block t of the projection x·W. */
    abstract void forwardStep(RecurrenceWorker w, int t, int rows);

    /**
     * dz of step t (block t of dz, and of dR when split) from dL/dh_{t+1} (block t of gh plus the
     * carry), and the carry for step t − 1.
     */
    abstract void backwardStep(RecurrenceWorker w, int t, int rows);

    /** SimpleRNN: h_t = f(x_t·W + h_{t−1}·U + b); with tanh, bias and tanh in one fused pass. */
    public static final class Simple extends FloatCell {
        private final SimpleRNN layer;
        private final Activation f;

        public Simple(SimpleRNN layer) {
            super(1);
            this.layer = layer;
            this.f = layer.activation();
        }

        @Override Parameter kernel() { return layer.kernel(); }
        @Override Parameter recurrentKernel() { return layer.recurrentKernel(); }
        @Override Parameter bias() { return layer.bias(); }
        @Override boolean projectsIntoStates() { return true; }

        @Override
        void forwardStep(RecurrenceWorker w, int t, int rows) {
            int bu = rows * w.units, cur = (t + 1) * bu;
            Fast.matmul(w.hs, t * bu, w.u(), 0, w.hs, cur, rows, w.units, w.units, true);
            if (f == Activation.TANH) {
                Fast.biasTanh(w.hs, cur, w.bIn(), rows, w.units);
                return;
            }
            float[] b = w.bIn();
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < w.units; j++) w.hs[cur + i * w.units + j] += b[j];
            FloatActivation.apply(f, w.hs, cur, cur + bu);
        }

        @Override
        void backwardStep(RecurrenceWorker w, int t, int rows) {
            // The incoming dL/dh_t is already in dz (gh is dz for a SimpleRNN).
            int bu = rows * w.units, off = w.z + t * bu;
            if (f == Activation.TANH) {
                Fast.tanhBackward(w.dz(), off, w.dh, 0, w.hs, (t + 1) * bu, bu); // dz_t = (dh_t + carry)·(1 − h_t²)
            } else {
                float[] dz = w.dz();
                for (int i = 0; i < bu; i++) dz[off + i] += w.dh[i];
                FloatActivation.backward(f, w.hs, (t + 1) * bu, dz, off, bu); // dz_t = (dh_t + carry)·f'(h_t)
            }
            if (t > 0) Fast.matmul(w.dz(), off, w.uT(), 0, w.dh, 0, rows, w.units, w.units, false); // carry = dz_t·Uᵀ
        }
    }

    /**
     * LSTM (Keras: gates i, f, c, o; the recurrent activation σ for the gates, the activation tanh for
     * the candidate and the cell's output, or the others Keras allows). Keeps, per step, the activated
     * gates (over the projection), c_t and act(c_t).
     */
    public static final class Lstm extends FloatCell {
        private final LSTM layer;
        private final Activation act, rec;
        private final Activation[] gateActs;
        /** Keras's defaults (tanh, σ) run as one fused kernel per step; other activations step by step. */
        private final boolean fused;

        public Lstm(LSTM layer) {
            super(4);
            this.layer = layer;
            this.act = layer.activation();
            this.rec = layer.recurrentActivation();
            this.gateActs = new Activation[] {rec, rec, act, rec};
            this.fused = act == Activation.TANH && rec == Activation.SIGMOID;
        }

        @Override Parameter kernel() { return layer.kernel(); }
        @Override Parameter recurrentKernel() { return layer.recurrentKernel(); }
        @Override Parameter bias() { return layer.bias(); }

        @Override
        void forwardStep(RecurrenceWorker w, int t, int rows) {
            int u = w.units, g = 4 * u, bu = rows * u, zt = t * rows * g;
            float[] a = w.zx, b = w.bIn(), c = w.c, tc = w.tanhC, hs = w.hs;
            Fast.matmul(hs, t * bu, w.u(), 0, a, zt, rows, u, g, true); // z_t = x_t·W + h_{t−1}·U
            if (fused) {
                // Keras's default activations: bias, gates, c_t, tanh(c_t) and h_t in one pass over the block.
                Fast.lstmForward(a, zt, b, c, t * bu, (t + 1) * bu, tc, t * bu, hs, (t + 1) * bu, rows, u);
                return;
            }
            for (int i = 0; i < rows; i++) {
                int row = zt + i * g;
                for (int j = 0; j < g; j++) a[row + j] += b[j];
            }
            FloatActivation.applyGates(gateActs, u, a, zt, rows); // one vector tanh for the block
            for (int i = 0; i < rows; i++) {
                int row = zt + i * g, k0 = i * u;
                for (int j = 0; j < u; j++) {
                    int k = k0 + j; // c_t = f ⊙ c_{t−1} + i ⊙ cTilde
                    c[(t + 1) * bu + k] = a[row + u + j] * c[t * bu + k] + a[row + j] * a[row + 2 * u + j];
                }
            }
            System.arraycopy(c, (t + 1) * bu, tc, t * bu, bu);
            FloatActivation.apply(act, tc, t * bu, (t + 1) * bu);
            for (int i = 0; i < rows; i++) {
                int row = zt + i * g + 3 * u, k0 = t * bu + i * u, h0 = (t + 1) * bu + i * u;
                for (int j = 0; j < u; j++) hs[h0 + j] = a[row + j] * tc[k0 + j]; // h_t = o ⊙ act(c_t)
            }
        }

        @Override
        void backwardStep(RecurrenceWorker w, int t, int rows) {
            int u = w.units, g = 4 * u, bu = rows * u, zt = t * rows * g, dzt = w.z + zt;
            float[] a = w.zx, c = w.c, tc = w.tanhC, gh = w.gh, dz = w.dz(), dh = w.dh, dc = w.dc;
            if (fused) {
                Fast.lstmBackward(a, zt, c, t * bu, tc, t * bu, gh, t * bu, dh, dc, dz, dzt, rows, u);
            } else {
                backwardGates(w, t, rows);
            }
            if (t > 0) Fast.matmul(dz, dzt, w.uT(), 0, dh, 0, rows, g, u, false); // carry = dz_t·Uᵀ
        }

        /** The same step as Fast.lstmBackward, written out, for the activations it does not fuse. */
        private void backwardGates(RecurrenceWorker w, int t, int rows) {
            int u = w.units, g = 4 * u, bu = rows * u, zt = t * rows * g, dzt = w.z + zt;
            float[] a = w.zx, c = w.c, tc = w.tanhC, gh = w.gh, dz = w.dz(), dh = w.dh, dc = w.dc;
            for (int i = 0; i < rows; i++) {
                int row = zt + i * g, drow = dzt + i * g, k0 = i * u, kt = t * bu + k0;
                // dh reaches o directly (dz_o before σ') and c through act(c_t) (parked in dz_c's slot).
                for (int j = 0; j < u; j++) {
                    float h = gh[kt + j] + dh[k0 + j];
                    dz[drow + 3 * u + j] = h * tc[kt + j];
                    dz[drow + 2 * u + j] = h * a[row + 3 * u + j];
                }
                FloatActivation.backward(act, tc, kt, dz, drow + 2 * u, u);
                for (int j = 0; j < u; j++) {
                    // The cell's gradient: through h and act(c_t), plus what c_{t+1} passes back through f.
                    float dcell = dz[drow + 2 * u + j] + dc[k0 + j];
                    dz[drow + j] = dcell * a[row + 2 * u + j];
                    dz[drow + u + j] = dcell * c[kt + j];
                    dz[drow + 2 * u + j] = dcell * a[row + j];
                    dc[k0 + j] = dcell * a[row + u + j];
                }
                FloatActivation.backward(rec, a, row, dz, drow, 2 * u);
                FloatActivation.backward(act, a, row + 2 * u, dz, drow + 2 * u, u);
                FloatActivation.backward(rec, a, row + 3 * u, dz, drow + 3 * u, u);
            }
        }
    }

    /**
     * GRU with reset_after (Keras 3's default; gates z, r, h): the reset gate scales h_{t−1}·U + b_rec
     * after the product, so that product (rh) is kept per step, and the gradient reaching U (dR)
     * differs from the one reaching W in the candidate's slot.
     */
    public static final class Gru extends FloatCell {
        private final GRU layer;
        private final Activation act, rec;
        /** Keras's defaults (tanh, σ) run as one fused kernel per step; other activations step by step. */
        private final boolean fused;

        public Gru(GRU layer) {
            super(3);
            this.layer = layer;
            this.act = layer.activation();
            this.rec = layer.recurrentActivation();
            this.fused = act == Activation.TANH && rec == Activation.SIGMOID;
        }

        @Override Parameter kernel() { return layer.kernel(); }
        @Override Parameter recurrentKernel() { return layer.recurrentKernel(); }
        @Override Parameter bias() { return layer.bias(); }
        @Override boolean splitsRecurrentGradient() { return true; }

        @Override
        void forwardStep(RecurrenceWorker w, int t, int rows) {
            int u = w.units, g = 3 * u, bu = rows * u, zt = t * rows * g;
            float[] a = w.zx, rh = w.rh, bi = w.bIn(), br = w.bRec(), hs = w.hs;
            Fast.matmul(hs, t * bu, w.u(), 0, rh, zt, rows, u, g, false); // h_{t−1}·U
            if (fused) {
                // Keras's default activations: biases, gates, candidate and h_t in one pass over the block.
                Fast.gruForward(a, zt, rh, zt, bi, br, hs, t * bu, (t + 1) * bu, rows, u);
                return;
            }
            for (int i = 0; i < rows; i++) {
                int row = zt + i * g, k0 = i * u;
                for (int j = 0; j < g; j++) rh[row + j] += br[j];
                for (int j = 0; j < 2 * u; j++) a[row + j] = a[row + j] + bi[j] + rh[row + j];
                FloatActivation.apply(rec, a, row, row + 2 * u); // z and r
                // The candidate: the reset gate scales U's part after the product.
                for (int j = 0; j < u; j++) {
                    a[row + 2 * u + j] = a[row + 2 * u + j] + bi[2 * u + j] + a[row + u + j] * rh[row + 2 * u + j];
                }
                FloatActivation.apply(act, a, row + 2 * u, row + g);
                for (int j = 0; j < u; j++) {
                    int k = k0 + j;
                    float z = a[row + j]; // z keeps the old state
                    hs[(t + 1) * bu + k] = z * hs[t * bu + k] + (1f - z) * a[row + 2 * u + j];
                }
            }
        }

        @Override
        void backwardStep(RecurrenceWorker w, int t, int rows) {
            int u = w.units, g = 3 * u, bu = rows * u, zt = t * rows * g, dzt = w.z + zt;
            float[] a = w.zx, rh = w.rh, gh = w.gh, dz = w.dz(), dR = w.dR, dh = w.dh, hs = w.hs;
            if (fused) {
                Fast.gruBackward(a, zt, rh, zt, hs, t * bu, gh, t * bu, dh, dz, dzt, dR, zt, rows, u);
            } else {
                backwardGates(w, t, rows);
            }
            if (t > 0) Fast.matmul(dR, zt, w.uT(), 0, dh, 0, rows, g, u, true); // carry += dR_t·Uᵀ
        }

        /** The same step as Fast.gruBackward, written out, for the activations it does not fuse. */
        private void backwardGates(RecurrenceWorker w, int t, int rows) {
            int u = w.units, g = 3 * u, bu = rows * u, zt = t * rows * g, dzt = w.z + zt;
            float[] a = w.zx, rh = w.rh, gh = w.gh, dz = w.dz(), dR = w.dR, dh = w.dh, hs = w.hs;
            for (int i = 0; i < rows; i++) {
                int row = zt + i * g, drow = dzt + i * g, k0 = i * u, kt = t * bu + k0;
                for (int j = 0; j < u; j++) {
                    float h = gh[kt + j] + dh[k0 + j];
                    float z = a[row + j];
                    dz[drow + j] = h * (hs[kt + j] - a[row + 2 * u + j]);
                    dz[drow + 2 * u + j] = h * (1f - z);
                    dh[k0 + j] = h * z; // the path that skips every weight: h_{t−1} copied through z
                }
                FloatActivation.backward(rec, a, row, dz, drow, u);
                FloatActivation.backward(act, a, row + 2 * u, dz, drow + 2 * u, u);
                for (int j = 0; j < u; j++) {
                    float dCand = dz[drow + 2 * u + j];
                    dz[drow + u + j] = dCand * rh[row + 2 * u + j];
                    dR[row + 2 * u + j] = dCand * a[row + u + j];
                }
                FloatActivation.backward(rec, a, row + u, dz, drow + u, u);
                System.arraycopy(dz, drow, dR, row, 2 * u);
            }
        }
    }
}
