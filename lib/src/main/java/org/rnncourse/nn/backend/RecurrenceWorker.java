package org.rnncourse.nn.backend;

import java.util.Arrays;
import org.rnncourse.fast.Fast;
import org.rnncourse.nn.layers.RecurrentLayer;

/**
 * One thread's share of a batch: its rows of every time step, and its own gradients. Every array is
 * time-major (the rows of step t are contiguous) and kept between batches; the {@link FloatCell}
 * reads and writes its blocks.
 */
final class RecurrenceWorker {
    private final FloatRecurrence r; // the layer's float path: its weights and this batch's shared arrays
    private final RecurrentLayer rnn;
    private final FloatCell cell;
    private final int in, steps, width;
    private final float[] w, u, uT, bIn, bRec;
    final int units;
    float[] xs = new float[0], dxs = new float[0];
    float[] hs = new float[0]; // h_0 = 0 … h_T, block t at t·rows·units
    float[] zx = new float[0]; // x_t·W per step (rows·width each), then the cell's activated gates
    float[] gh = new float[0]; // dL/dh_t arriving from the layer's output (dz itself for a SimpleRNN)
    float[] c = new float[0], tanhC = new float[0]; // LSTM: c_0 … c_T and act(c_1 … c_T)
    float[] rh = new float[0], dR = new float[0];   // GRU: h_{t−1}·U + b_rec, and dL/d of it
    float[] dh = new float[0], dc = new float[0];   // carries from step t to t − 1
    float[] tokenSums = new float[0]; // with a lookup: Σ dz over this worker's positions of token k
    int z; // where this worker's block of the shared dz starts
    int zxOff; // where block 0 of the projection starts in zx
    final float[] gW, gU, gb, gbRec;

    RecurrenceWorker(FloatRecurrence r) {
        this.r = r;
        rnn = r.rnn;
        cell = r.cell;
        in = r.in;
        units = r.units;
        steps = r.steps;
        width = r.width;
        w = r.w;
        u = r.u;
        uT = r.uT;
        bIn = r.bIn;
        bRec = r.bRec;
        gW = new float[in * width];
        gU = new float[units * width];
        gb = new float[width];
        gbRec = new float[bRec == null ? 0 : width];
    }

    float[] u() { return u; }
    float[] uT() { return uT; }
    float[] bIn() { return bIn; }
    float[] bRec() { return bRec; }
    float[] dz() { return r.dz; }

    private void ensure(int rows) {
        int need = steps * rows;
        if (r.tokens == null && xs.length < need * in) {
            xs = new float[need * in];
            dxs = new float[need * in];
        }
        if (hs.length < (need + rows) * units) {
            hs = new float[(need + rows) * units];
            dh = new float[rows * units];
        }
        if (cell.projectsIntoStates()) {
            zx = hs;
            zxOff = rows * units;
        } else {
            zxOff = 0;
            if (zx.length < need * width) zx = new float[need * width];
            if (gh.length < need * units) gh = new float[need * units];
            if (cell.gates == 4 && c.length < (need + rows) * units) {
                c = new float[(need + rows) * units];
                tanhC = new float[need * units];
                dc = new float[rows * units];
            }
            if (cell.splitsRecurrentGradient() && rh.length < need * width) {
                rh = new float[need * width];
                dR = new float[need * width];
            }
        }
    }

    /**
     * Rows [from, from+rows) of the batch: x_t·W for every step first (a gather of the used tokens'
     * projections, or one product over all steps), then the cell's recurrence in place.
     */
    void forward(int from, int rows, double[] out) {
        ensure(rows);
        int bu = rows * units, bg = rows * width;
        Arrays.fill(hs, 0, bu, 0f); // h_0 = 0
        if (c.length > 0) Arrays.fill(c, 0, bu, 0f); // c_0 = 0
        if (r.tokens != null) {
            // x_t·W of a position is the row of its token in proj = E_used·W: a gather.
            for (int i = 0; i < rows; i++)
                for (int t = 0; t < steps; t++) {
                    System.arraycopy(r.proj, r.kOf[(from + i) * steps + t] * width, zx, zxOff + t * bg + i * width, width);
                }
        } else {
            double[] data = r.x.data();
            for (int i = 0; i < rows; i++)
                for (int t = 0; t < steps; t++) {
                    int dst = (t * rows + i) * in, src = ((from + i) * steps + t) * in;
                    for (int j = 0; j < in; j++) xs[dst + j] = (float) data[src + j];
                }
            Fast.matmul(xs, 0, w, 0, zx, zxOff, steps * rows, in, width, false); // one product, all steps
        }
        for (int t = 0; t < steps; t++) cell.forwardStep(this, t, rows);
        if (rnn.returnSequences()) {
            for (int i = 0; i < rows; i++)
                for (int t = 0; t < steps; t++) {
                    int src = (t + 1) * bu + i * units, dst = ((from + i) * steps + t) * units;
                    for (int j = 0; j < units; j++) out[dst + j] = hs[src + j];
                }
        } else {
            int last = steps * bu;
            for (int i = 0; i < rows * units; i++) out[from * units + i] = hs[last + i];
        }
    }

    /**
     * BPTT over this worker's rows, into its block of the shared dz (at steps·from·width); then the
     * weight gradients as big products over all its steps at once.
     */
    void backward(int from, int rows, double[] g, double[] dOut) {
        int bu = rows * units;
        z = steps * from * width;
        // dL/dh_t from the output, time-major: into dz itself for a SimpleRNN (its dz has units columns).
        float[] in0 = cell.projectsIntoStates() ? r.dz : gh;
        int at = cell.projectsIntoStates() ? z : 0;
        if (rnn.returnSequences()) {
            for (int i = 0; i < rows; i++)
                for (int t = 0; t < steps; t++) {
                    int src = ((from + i) * steps + t) * units, dst = at + t * bu + i * units;
                    for (int j = 0; j < units; j++) in0[dst + j] = (float) g[src + j];
                }
        } else {
            Arrays.fill(in0, at, at + steps * bu, 0f);
            int last = at + (steps - 1) * bu;
            for (int i = 0; i < bu; i++) in0[last + i] = (float) g[from * units + i];
        }
        Arrays.fill(dh, 0, bu, 0f); // nothing comes back from after the last step
        if (dc.length > 0) Arrays.fill(dc, 0, bu, 0f);
        if (r.tokens != null) {
            if (tokenSums.length < r.used * width) tokenSums = new float[r.used * width]; // the batch's tokens only
            Arrays.fill(tokenSums, 0, r.used * width, 0f);
        }
        int bg = rows * width;
        for (int t = steps - 1; t >= 0; t--) {
            cell.backwardStep(this, t, rows);
            if (r.tokens != null) {
                for (int i = 0; i < rows; i++) {
                    Fast.addTo(r.dz, z + t * bg + i * width, tokenSums, r.kOf[(from + i) * steps + t] * width, width);
                }
            }
        }
        int n = steps * rows;
        float[] toU = cell.splitsRecurrentGradient() ? dR : r.dz;
        int toUOff = cell.splitsRecurrentGradient() ? 0 : z;
        if (r.tokens == null) Fast.matmulTransA(xs, 0, r.dz, z, gW, 0, n, in, width, false); // Σ_t x_tᵀ·dz_t
        Fast.matmulTransA(hs, 0, toU, toUOff, gU, 0, n, units, width, false); // Σ_t h_{t−1}ᵀ·dz_t
        columnSums(r.dz, z, n, gb);
        if (bRec != null) columnSums(dR, 0, n, gbRec);
        if (dOut != null) {
            Fast.matmulTransB(r.dz, z, w, 0, dxs, 0, n, width, in, false);   // dx_t = dz_t·Wᵀ
            for (int i = 0; i < rows; i++)
                for (int t = 0; t < steps; t++) {
                    int src = (t * rows + i) * in, dst = ((from + i) * steps + t) * in;
                    for (int j = 0; j < in; j++) dOut[dst + j] = dxs[src + j];
                }
        }
    }

    private void columnSums(float[] a, int off, int n, float[] into) {
        Arrays.fill(into, 0f);
        for (int r = 0; r < n; r++) Fast.addTo(a, off + r * width, into, 0, width); // row by row: the same sums, in vectors
    }
}
