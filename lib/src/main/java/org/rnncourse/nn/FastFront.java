package org.rnncourse.nn;

import java.util.Arrays;
import java.util.List;
import org.rnncourse.fast.Fast;

/**
 * The float path that {@link Sequential#fit}, {@code evaluate} and {@code predict} use for the front of a
 * model: an optional {@link Embedding} followed by a {@link SimpleRNN} with tanh. Nearly all the work of
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
final class FastFront {
    /** Below this many examples per part, a second thread costs more than it saves. */
    private static final int MIN_ROWS_PER_THREAD = 8;
    /** A batch is cut into this many parts whatever the number of cores (see Parallel.PARTS). */
    private static final int PARTS = Parallel.PARTS;

    final int size; // how many layers of the model this covers: 1 (SimpleRNN) or 2 (Embedding, SimpleRNN)
    private final Embedding embedding; // null when the model starts with the SimpleRNN
    private final SimpleRNN rnn;
    private final int in, units, steps;
    private final float[] w, u, uT, b;
    // dL/dz of every (time, batch) row, each worker's share at steps·from·units.
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

    private FastFront(Embedding embedding, SimpleRNN rnn) {
        this.embedding = embedding;
        this.rnn = rnn;
        this.size = embedding == null ? 1 : 2;
        int[] shape = rnn.builtInputShape();
        this.steps = shape[0];
        this.in = shape[1];
        this.units = rnn.units();
        w = new float[in * units];
        u = new float[units * units];
        uT = new float[units * units];
        b = new float[units];
        rowsOfTable = embedding == null ? 0 : embedding.inputDim();
        slot = new int[rowsOfTable];
        Arrays.fill(slot, -1);
        usedTokens = new int[rowsOfTable];
        written = new int[rowsOfTable];
        eu = new float[rowsOfTable * in];
        proj = new float[rowsOfTable * units];
        sums = new float[rowsOfTable * units];
        dRows = new float[rowsOfTable * in];
        workers = new Worker[PARTS];
        for (int i = 0; i < PARTS; i++) workers[i] = new Worker();
    }

    /** The fast front of these layers, or null when the model does not start with one it covers. */
    static FastFront of(List<Layer> layers) {
        int i = 0;
        Embedding e = null;
        if (!layers.isEmpty() && layers.get(0).getClass() == Embedding.class) {
            e = (Embedding) layers.get(0);
            i = 1;
        }
        if (layers.size() > i && layers.get(i).getClass() == SimpleRNN.class) {
            SimpleRNN r = (SimpleRNN) layers.get(i);
            if (r.activation() == Activation.TANH && r.isBuilt() && (e == null || e.isBuilt())) {
                return new FastFront(e, r);
            }
        }
        return null;
    }

    /** The SimpleRNN's output for a batch, (batch, units) or (batch, time, units) with returnSequences. */
    Tensor forward(Tensor input, boolean training) {
        (embedding != null ? embedding : rnn).checkInput(input);
        x = input;
        batch = input.dim(0);
        parts = Math.max(1, Math.min(PARTS, batch / MIN_ROWS_PER_THREAD));
        copyWeights();
        if (dz.length < steps * batch * units) dz = new float[steps * batch * units];
        if (embedding != null) projectUsedTokens();
        int t = steps;
        double[] out = new double[rnn.returnSequences() ? batch * t * units : batch * units];
        run(p -> workers[p].forward(rowsFrom(p), rowsFrom(p + 1) - rowsFrom(p), out));
        return rnn.returnSequences() ? new Tensor(out, batch, t, units) : new Tensor(out, batch, units);
    }

    /**
     * Back-propagates dL/d(output of the SimpleRNN) through the last {@link #forward}, filling the
     * gradients of the SimpleRNN (and of the Embedding), and returns dL/d(input) when the input is not
     * token ids, else null.
     */
    Tensor backward(Tensor gradOutput) {
        double[] g = gradOutput.data();
        double[] dx = embedding == null ? new double[batch * steps * in] : null;
        run(p -> workers[p].backward(rowsFrom(p), rowsFrom(p + 1) - rowsFrom(p), g, dx));
        sumInto(rnn.recurrentKernel().grad, p -> workers[p].gU);
        sumInto(rnn.bias().grad, p -> workers[p].gb);
        if (embedding != null) embeddingAndKernelGradients(); // fills the kernel's gradient too
        sumInto(rnn.kernel().grad, p -> workers[p].gW);
        if (embedding != null) return null;
        return new Tensor(dx, batch, steps, in);
    }

    private int rowsFrom(int part) {
        return (int) ((long) batch * part / parts);
    }

    /** Float copies of the double weights the optimizer just changed; Uᵀ once, for every backward step. */
    private void copyWeights() {
        toFloat(rnn.kernel().value, w);
        toFloat(rnn.recurrentKernel().value, u);
        toFloat(rnn.bias().value, b);
        for (int i = 0; i < units; i++)
            for (int j = 0; j < units; j++) uT[j * units + i] = u[i * units + j];
    }

    private static void toFloat(double[] src, float[] dst) {
        for (int i = 0; i < src.length; i++) dst[i] = (float) src[i];
    }

    private interface FloatsOf {
        float[] of(int part);
    }

    private void sumInto(double[] grad, FloatsOf part) {
        float[] first = part.of(0);
        for (int i = 0; i < grad.length; i++) grad[i] = first[i];
        for (int p = 1; p < parts; p++) {
            float[] other = part.of(p);
            for (int i = 0; i < grad.length; i++) grad[i] += other[i];
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
        double[] e = embedding.embeddings().value;
        run(p -> {
            int k0 = Parallel.bound(used, p, parts), k1 = Parallel.bound(used, p + 1, parts);
            for (int k = k0; k < k1; k++) {
                int src = usedTokens[k] * in, dst = k * in;
                for (int j = 0; j < in; j++) eu[dst + j] = (float) e[src + j];
            }
            Fast.matmul(eu, k0 * in, w, 0, proj, k0 * units, k1 - k0, in, units, false);
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
        double[] grad = embedding.embeddings().grad;
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
            System.arraycopy(workers[0].tokenSums, k0 * units, sums, k0 * units, (k1 - k0) * units);
            for (int q = 1; q < parts; q++) {
                float[] other = workers[q].tokenSums;
                for (int i = k0 * units; i < k1 * units; i++) sums[i] += other[i];
            }
            Fast.matmulTransA(eu, k0 * in, sums, k0 * units, workers[p].gW, 0, k1 - k0, in, units, false);
            Fast.matmulTransB(sums, k0 * units, w, 0, dRows, k0 * in, k1 - k0, units, in, false);
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

    /** One thread's share of a batch: its rows of every time step, and its own gradients. */
    private final class Worker {
        float[] xs = new float[0], hs = new float[0], dh = new float[0], dxs = new float[0];
        float[] tokenSums = new float[0]; // with an Embedding: Σ dz over this worker's positions of token k
        final float[] gW = new float[in * units], gU = new float[units * units], gb = new float[units];

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
        }

        /**
         * Rows [from, from+rows) of the batch, time-major (the rows of step t are contiguous, block t of
         * hs at (t+1)·rows·units): x_t·W for every step first, then the recurrence in place.
         */
        void forward(int from, int rows, double[] out) {
            ensure(rows);
            int bu = rows * units;
            Arrays.fill(hs, 0, bu, 0f); // h_0 = 0
            if (embedding != null) {
                // x_t·W of a position is the row of its token in proj = E_used·W: a gather.
                for (int i = 0; i < rows; i++)
                    for (int t = 0; t < steps; t++) {
                        System.arraycopy(proj, kOf[(from + i) * steps + t] * units, hs, bu + t * bu + i * units, units);
                    }
            } else {
                double[] data = x.data();
                for (int i = 0; i < rows; i++)
                    for (int t = 0; t < steps; t++) {
                        int dst = (t * rows + i) * in, src = ((from + i) * steps + t) * in;
                        for (int j = 0; j < in; j++) xs[dst + j] = (float) data[src + j];
                    }
                Fast.matmul(xs, 0, w, 0, hs, bu, steps * rows, in, units, false); // one product, all steps
            }
            for (int t = 0; t < steps; t++) {
                int cur = (t + 1) * bu;
                Fast.matmul(hs, t * bu, u, 0, hs, cur, rows, units, units, true);
                Fast.biasTanh(hs, cur, b, rows, units);
            }
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
         * BPTT over this worker's rows, into its block of the shared dz (at steps·from·units); then the
         * weight gradients as big products over all its steps at once.
         */
        void backward(int from, int rows, double[] g, double[] dx) {
            int bu = rows * units, z = steps * from * units;
            float[] dz = FastFront.this.dz;
            if (rnn.returnSequences()) {
                for (int i = 0; i < rows; i++)
                    for (int t = 0; t < steps; t++) {
                        int src = ((from + i) * steps + t) * units, dst = z + t * bu + i * units;
                        for (int j = 0; j < units; j++) dz[dst + j] = (float) g[src + j];
                    }
            } else {
                Arrays.fill(dz, z, z + steps * bu, 0f);
                int last = z + (steps - 1) * bu;
                for (int i = 0; i < bu; i++) dz[last + i] = (float) g[from * units + i];
            }
            Arrays.fill(dh, 0, bu, 0f); // nothing comes back from after the last step
            if (embedding != null) {
                if (tokenSums.length < rowsOfTable * units) tokenSums = new float[rowsOfTable * units];
                Arrays.fill(tokenSums, 0, used * units, 0f);
            }
            for (int t = steps - 1; t >= 0; t--) {
                int off = t * bu;
                Fast.tanhBackward(dz, z + off, dh, 0, hs, off + bu, bu); // dz_t = (dh_t + carry)·(1 − h_t²)
                if (t > 0) Fast.matmul(dz, z + off, uT, 0, dh, 0, rows, units, units, false); // carry = dz_t·Uᵀ
                if (embedding != null) {
                    for (int i = 0; i < rows; i++) {
                        int src = z + off + i * units, dst = kOf[(from + i) * steps + t] * units;
                        for (int j = 0; j < units; j++) tokenSums[dst + j] += dz[src + j];
                    }
                }
            }
            int n = steps * rows;
            if (embedding == null) Fast.matmulTransA(xs, 0, dz, z, gW, 0, n, in, units, false); // Σ_t x_tᵀ·dz_t
            Fast.matmulTransA(hs, 0, dz, z, gU, 0, n, units, units, false); // Σ_t h_{t−1}ᵀ·dz_t
            Arrays.fill(gb, 0f);
            for (int r = 0; r < n; r++)
                for (int j = 0; j < units; j++) gb[j] += dz[z + r * units + j];
            if (dx != null) {
                Fast.matmulTransB(dz, z, w, 0, dxs, 0, n, units, in, false);   // dx_t = dz_t·Wᵀ
                for (int i = 0; i < rows; i++)
                    for (int t = 0; t < steps; t++) {
                        int src = (t * rows + i) * in, dst = ((from + i) * steps + t) * in;
                        for (int j = 0; j < in; j++) dx[dst + j] = dxs[src + j];
                    }
            }
        }
    }
}
