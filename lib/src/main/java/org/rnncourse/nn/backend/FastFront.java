package org.rnncourse.nn.backend;

import java.util.Arrays;
import java.util.List;
import org.rnncourse.fast.Fast;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.layers.SimpleRNN;

/**
 * The float path that {@link Sequential#fit}, {@code evaluate} and {@code predict} use for the front of a
 * model: an optional {@link Embedding} followed by a recurrent layer that offers a fused float step
 * ({@link RecurrentLayer#floatCell()}: SimpleRNN with tanh, LSTM and GRU with Keras's activations).
 * This class holds what the layer kinds share; each {@link FloatCell} holds its own step's formulas. Nearly all the work of
 * a text model happens there; the layers after it (Dropout, Dense) see a (batch, units) array and run on
 * the double reference path, where they cost next to nothing.
 *
 * <p>It computes exactly what {@link Embedding} and {@link SimpleRNN} compute (the tests compare the
 * two on small and odd shapes), in float and with these tricks, each of which pays on its own:
 * <ul>
 *   <li><b>float, Vector API kernels</b> ({@link Fast}): half the memory traffic of double and twice the
 *       numbers per vector instruction; register-blocked products run at ~100 GFLOP/s per core instead
 *       of ~2 for plain loops;</li>
 *   <li><b>the input projection as one product, over the tokens instead of the positions</b>: with an
 *       Embedding, x_t·W is row tok of E·W, so the rows of the table used in the batch (a few thousand
 *       tokens, not 25,600 positions) are projected in ONE product and the recurrence starts from a
 *       gather of those 64-number rows; the backward pass does the same in reverse (dW = Eᵀ·S and the
 *       table's gradient S·Wᵀ, with S the sum of dz over each token's positions). Without an Embedding,
 *       x·W for all time steps is one product of (time·batch) rows. Only h_{t−1}·U is left per step;</li>
 *   <li><b>no allocation per step or per batch</b>: buffers are kept and reused, each step works in place
 *       on its block of one big array;</li>
 *   <li><b>fused tanh</b>: bias + tanh in one pass forward; (dh + carry)·(1 − h²) in one pass backward,
 *       from the kept h, so no tanh is recomputed;</li>
 *   <li><b>two cores</b>: the batch is cut in two halves, each run by its own thread with its own buffers
 *       and gradients, summed at the end (the examples of a batch are independent until the sum);</li>
 *   <li><b>scatter-add into the rows used</b>: the embedding gradient is computed for, and written into,
 *       only the rows of the tokens in the batch (and last batch's rows cleared), not all 1.28 million
 *       numbers of the table.</li>
 * </ul>
 * The weights stay in double in their {@link Parameter}s (the optimizer updates those); this class keeps
 * float copies, refreshed at each forward, and writes the gradients back in double.
 *
 * <p>Every sum is taken in a fixed order, so a seed gives the same run every time on the same number of
 * threads (1 or 2: the halves of a batch are summed separately, which changes the last bits).
 * Measured on lesson 08 (IMDB, batch 128, 2 cores): ≈ 1.5 s per epoch on two threads, ≈ 2.7 s on one.
 */
public final class FastFront {
    /** Below this many examples per part, a second thread costs more than it saves. */
    private static final int MIN_ROWS_PER_THREAD = 8;
    /** A batch is cut into this many parts whatever the number of cores (see Parallel.PARTS). */
    private static final int PARTS = Parallel.PARTS;

    public final int size; // how many layers of the model this covers: 1 (the recurrent layer) or 2 (Embedding first)
    private final Embedding embedding; // null when the model starts with the recurrent layer
    private final RecurrentLayer rnn;
    private final FloatCell cell;
    private final int in, units, steps, width; // width = gates·units, the columns of z
    private final float[] w, u, uT, bIn, bRec; // bRec only for a GRU's second bias row
    // dL/dz of every (time, batch) row, each worker's share at steps·from·width.
    private float[] dz = new float[0];

    // With an Embedding. The tokens used in the batch get numbers k = 0, 1, … (usedTokens[k] is the id,
    // slot[id] is k, −1 when unused); kOf[b·steps + t] is the k at each position.
    private final int rowsOfTable;
    private final int[] slot, usedTokens;
    private int used;
    private int[] kOf = new int[0];
    private final float[] eu, proj, sums, dRows; // per used token: E row, E·W row, Σ dz, (Σ dz)·Wᵀ
    // The table rows the last backward wrote.
    private final int[] written;
    private int writtenCount;
    private boolean fullClear = true;
    private long referenceBackwardsSeen;
    private final Worker[] workers;

    private Tensor x; // the input of the last forward
    private int batch, parts;

    private FastFront(Embedding embedding, RecurrentLayer rnn, FloatCell cell) {
        this.embedding = embedding;
        this.rnn = rnn;
        this.cell = cell;
        this.size = embedding == null ? 1 : 2;
        int[] shape = rnn.builtInputShape();
        this.steps = shape[0];
        this.in = shape[1];
        this.units = rnn.units();
        this.width = cell.gates * units;
        w = new float[in * width];
        u = new float[units * width];
        uT = new float[width * units];
        bIn = new float[width];
        bRec = cell.bias().size() == 2 * width ? new float[width] : null;
        rowsOfTable = embedding == null ? 0 : embedding.inputDim();
        slot = new int[rowsOfTable];
        Arrays.fill(slot, -1);
        usedTokens = new int[rowsOfTable];
        written = new int[rowsOfTable];
        eu = new float[rowsOfTable * in];
        proj = new float[rowsOfTable * width];
        sums = new float[rowsOfTable * width];
        dRows = new float[rowsOfTable * in];
        workers = new Worker[PARTS];
        for (int i = 0; i < PARTS; i++) workers[i] = new Worker();
    }

    /**
     * The fast front of these layers, or null when the model does not start with a recurrent layer
     * (after an optional Embedding) that has a fused float step.
     */
    public static FastFront of(List<Layer> layers) {
        int i = 0;
        Embedding e = null;
        if (!layers.isEmpty() && layers.get(0).getClass() == Embedding.class) {
            e = (Embedding) layers.get(0);
            i = 1;
        }
        if (layers.size() > i && layers.get(i) instanceof RecurrentLayer r && r.isBuilt() && (e == null || e.isBuilt())) {
            FloatCell c = r.floatCell();
            if (c != null) return new FastFront(e, r, c);
        }
        return null;
    }

    /** The recurrent layer's output for a batch, (batch, units) or (batch, time, units) with returnSequences. */
    public Tensor forward(Tensor input, boolean training) {
        (embedding != null ? embedding : rnn).checkInput(input);
        x = input;
        batch = input.dim(0);
        parts = Math.max(1, Math.min(PARTS, batch / MIN_ROWS_PER_THREAD));
        copyWeights();
        if (dz.length < steps * batch * width) dz = new float[steps * batch * width];
        if (embedding != null) projectUsedTokens();
        int t = steps;
        double[] out = new double[rnn.returnSequences() ? batch * t * units : batch * units];
        run(p -> workers[p].forward(rowsFrom(p), rowsFrom(p + 1) - rowsFrom(p), out));
        return rnn.returnSequences() ? new Tensor(out, batch, t, units) : new Tensor(out, batch, units);
    }

    /**
     * Back-propagates dL/d(output of the recurrent layer) through the last {@link #forward}, filling
     * the gradients of the layer (and of the Embedding), and returns dL/d(input) when the input is not
     * token ids, else null.
     */
    public Tensor backward(Tensor gradOutput) {
        double[] g = gradOutput.data();
        double[] dx = embedding == null ? new double[batch * steps * in] : null;
        run(p -> workers[p].backward(rowsFrom(p), rowsFrom(p + 1) - rowsFrom(p), g, dx));
        double[] bGrad = cell.bias().grad();
        sumInto(cell.recurrentKernel().grad(), 0, p -> workers[p].gU);
        sumInto(bGrad, 0, p -> workers[p].gb);
        if (bRec != null) sumInto(bGrad, width, p -> workers[p].gbRec);
        if (embedding != null) embeddingAndKernelGradients(); // fills the kernel's gradient too
        sumInto(cell.kernel().grad(), 0, p -> workers[p].gW);
        if (embedding != null) return null;
        return new Tensor(dx, batch, steps, in);
    }

    private int rowsFrom(int part) {
        return (int) ((long) batch * part / parts);
    }

    /** Float copies of the double weights the optimizer just changed; Uᵀ once, for every backward step. */
    private void copyWeights() {
        toFloat(cell.kernel().value(), 0, w);
        toFloat(cell.recurrentKernel().value(), 0, u);
        toFloat(cell.bias().value(), 0, bIn);
        if (bRec != null) toFloat(cell.bias().value(), width, bRec);
        for (int i = 0; i < units; i++)
            for (int j = 0; j < width; j++) uT[j * units + i] = u[i * width + j];
    }

    private static void toFloat(double[] src, int from, float[] dst) {
        for (int i = 0; i < dst.length; i++) dst[i] = (float) src[from + i];
    }

    private interface FloatsOf {
        float[] of(int part);
    }

    /** grad[at …] = the parts' float arrays summed, in part order. */
    private void sumInto(double[] grad, int at, FloatsOf part) {
        float[] first = part.of(0);
        int n = first.length;
        for (int i = 0; i < n; i++) grad[at + i] = first[i];
        for (int p = 1; p < parts; p++) {
            float[] other = part.of(p);
            for (int i = 0; i < n; i++) grad[at + i] += other[i];
        }
    }

    /**
     * Numbers the tokens used in the batch (checking each id), copies their rows of the table to float
     * and projects them: proj = E_used·W, ONE product over the few thousand distinct tokens, where
     * x·W over every position would be a product over 25,600 rows that repeat the same tokens.
     */
    private void projectUsedTokens() {
        for (int k = 0; k < used; k++) slot[usedTokens[k]] = -1;
        used = 0;
        double[] ids = x.data();
        int n = batch * steps;
        if (kOf.length < n) kOf = new int[n];
        for (int pos = 0; pos < n; pos++) {
            int id = embedding.tokenId(ids[pos], pos, x);
            int k = slot[id];
            if (k < 0) {
                k = used++;
                slot[id] = k;
                usedTokens[k] = id;
            }
            kOf[pos] = k;
        }
        double[] e = embedding.embeddings().value();
        run(p -> {
            int k0 = Parallel.bound(used, p, parts), k1 = Parallel.bound(used, p + 1, parts);
            for (int k = k0; k < k1; k++) {
                int src = usedTokens[k] * in, dst = k * in;
                for (int j = 0; j < in; j++) eu[dst + j] = (float) e[src + j];
            }
            Fast.matmul(eu, k0 * in, w, 0, proj, k0 * width, k1 - k0, in, width, false);
        });
    }

    /**
     * The gradients that go through the used tokens. With S_k = Σ dz_p over the positions p holding
     * token k (each worker summed its own positions during BPTT, while dz_t was still in cache):
     * dW = Σ_p x_pᵀ·dz_p = E_usedᵀ·S, and the table's row of token k gets dz·Wᵀ summed, = S_k·Wᵀ.
     * Each thread takes a range of k; the rows it writes belong to different tokens, so no two threads
     * write the same row of the gradient.
     */
    private void embeddingAndKernelGradients() {
        double[] grad = embedding.embeddings().grad();
        // Rows written by the last backward hold its gradient: clear them (all rows after the double
        // path's Embedding.backward, which writes every row).
        boolean all = fullClear || embedding.referenceBackwards != referenceBackwardsSeen;
        if (all) {
            Arrays.fill(grad, 0.0);
        } else {
            for (int k = 0; k < writtenCount; k++) Arrays.fill(grad, written[k] * in, written[k] * in + in, 0.0);
        }
        fullClear = false;
        referenceBackwardsSeen = embedding.referenceBackwards;

        run(p -> {
            int k0 = Parallel.bound(used, p, parts), k1 = Parallel.bound(used, p + 1, parts);
            // S = the workers' sums added together, over this thread's range of tokens.
            System.arraycopy(workers[0].tokenSums, k0 * width, sums, k0 * width, (k1 - k0) * width);
            for (int q = 1; q < parts; q++) {
                float[] other = workers[q].tokenSums;
                for (int i = k0 * width; i < k1 * width; i++) sums[i] += other[i];
            }
            Fast.matmulTransA(eu, k0 * in, sums, k0 * width, workers[p].gW, 0, k1 - k0, in, width, false);
            Fast.matmulTransB(sums, k0 * width, w, 0, dRows, k0 * in, k1 - k0, width, in, false);
            for (int k = k0; k < k1; k++) {
                int src = k * in, dst = usedTokens[k] * in;
                for (int j = 0; j < in; j++) grad[dst + j] = dRows[src + j];
            }
        });
        System.arraycopy(usedTokens, 0, written, 0, used);
        writtenCount = used;
    }

    /** Runs part 0 on this thread and the others on the pool, and waits for all. */
    private void run(Parallel.Part task) {
        Parallel.run(parts, task);
    }

    /**
     * One thread's share of a batch: its rows of every time step, and its own gradients. Every array is
     * time-major (the rows of step t are contiguous) and kept between batches; the {@link FloatCell}
     * reads and writes its blocks.
     */
    final class Worker {
        final int units = FastFront.this.units;
        float[] xs = new float[0], dxs = new float[0];
        float[] hs = new float[0]; // h_0 = 0 … h_T, block t at t·rows·units
        float[] zx = new float[0]; // x_t·W per step (rows·width each), then the cell's activated gates
        float[] gh = new float[0]; // dL/dh_t arriving from the layer's output (dz itself for a SimpleRNN)
        float[] c = new float[0], tanhC = new float[0]; // LSTM: c_0 … c_T and tanh(c_1 … c_T)
        float[] rh = new float[0], dR = new float[0];   // GRU: h_{t−1}·U + b_rec, and dL/d of it
        float[] dh = new float[0], dc = new float[0];   // carries from step t to t − 1
        float[] tokenSums = new float[0]; // with an Embedding: Σ dz over this worker's positions of token k
        int z; // where this worker's block of the shared dz starts
        private int zxOff; // where block 0 of the projection starts in zx
        final float[] gW = new float[in * width], gU = new float[units * width], gb = new float[width],
                gbRec = new float[bRec == null ? 0 : width];

        float[] u() { return u; }
        float[] uT() { return uT; }
        float[] bIn() { return bIn; }
        float[] bRec() { return bRec; }
        float[] dz() { return dz; }

        private void ensure(int rows) {
            int need = steps * rows;
            if (embedding == null && xs.length < need * in) {
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
                if (cell instanceof FloatCell.Lstm && c.length < (need + rows) * units) {
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
            if (embedding != null) {
                // x_t·W of a position is the row of its token in proj = E_used·W: a gather.
                for (int i = 0; i < rows; i++)
                    for (int t = 0; t < steps; t++) {
                        System.arraycopy(proj, kOf[(from + i) * steps + t] * width, zx, zxOff + t * bg + i * width, width);
                    }
            } else {
                double[] data = x.data();
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
            float[] in0 = cell.projectsIntoStates() ? dz : gh;
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
            if (embedding != null) {
                if (tokenSums.length < rowsOfTable * width) tokenSums = new float[rowsOfTable * width];
                Arrays.fill(tokenSums, 0, used * width, 0f);
            }
            int bg = rows * width;
            for (int t = steps - 1; t >= 0; t--) {
                cell.backwardStep(this, t, rows);
                if (embedding != null) {
                    for (int i = 0; i < rows; i++) {
                        int src = z + t * bg + i * width, dst = kOf[(from + i) * steps + t] * width;
                        for (int j = 0; j < width; j++) tokenSums[dst + j] += dz[src + j];
                    }
                }
            }
            int n = steps * rows;
            float[] toU = cell.splitsRecurrentGradient() ? dR : dz;
            int toUOff = cell.splitsRecurrentGradient() ? 0 : z;
            if (embedding == null) Fast.matmulTransA(xs, 0, dz, z, gW, 0, n, in, width, false); // Σ_t x_tᵀ·dz_t
            Fast.matmulTransA(hs, 0, toU, toUOff, gU, 0, n, units, width, false); // Σ_t h_{t−1}ᵀ·dz_t
            columnSums(dz, z, n, gb);
            if (bRec != null) columnSums(dR, 0, n, gbRec);
            if (dOut != null) {
                Fast.matmulTransB(dz, z, w, 0, dxs, 0, n, width, in, false);   // dx_t = dz_t·Wᵀ
                for (int i = 0; i < rows; i++)
                    for (int t = 0; t < steps; t++) {
                        int src = (t * rows + i) * in, dst = ((from + i) * steps + t) * in;
                        for (int j = 0; j < in; j++) dOut[dst + j] = dxs[src + j];
                    }
            }
        }

        private void columnSums(float[] a, int off, int n, float[] into) {
            Arrays.fill(into, 0f);
            for (int r = 0; r < n; r++)
                for (int j = 0; j < width; j++) into[j] += a[off + r * width + j];
        }
    }
}
