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
 *   <li><b>the embedding lookup writes the RNN's input directly</b>, time-major, so x_t·W for all time
 *       steps is ONE product of (time·batch) × features rows; only h_{t−1}·U is left per step;</li>
 *   <li><b>no allocation per step or per batch</b>: buffers are kept and reused, each step works in place
 *       on its block of one big array;</li>
 *   <li><b>fused tanh</b>: bias + tanh in one pass forward; (dh + carry)·(1 − h²) in one pass backward,
 *       from the kept h, so no tanh is recomputed;</li>
 *   <li><b>two cores</b>: the batch is cut in two halves, each run by its own thread with its own buffers
 *       and gradients, summed at the end (the examples of a batch are independent until the sum);</li>
 *   <li><b>scatter-add into the rows used</b>: the embedding gradient (Σ dz over a token's positions)·Wᵀ
 *       is computed for, and written into, only the rows of the tokens in the batch, split between the
 *       threads by row, so no two threads write the same row.</li>
 * </ul>
 * The weights stay in double in their {@link Parameter}s (the optimizer updates those); this class keeps
 * float copies, refreshed at each forward, and writes the gradients back in double.
 */
final class FastFront {
    /** Below this many examples per thread, a second thread costs more than it saves. */
    private static final int MIN_ROWS_PER_THREAD = 8;
    private static final int THREADS = Parallel.THREADS;

    final int size; // how many layers of the model this covers: 1 (SimpleRNN) or 2 (Embedding, SimpleRNN)
    private final Embedding embedding; // null when the model starts with the SimpleRNN
    private final SimpleRNN rnn;
    private final int in, units, steps;
    private final float[] w, u, uT, b, table;
    // dL/dz of every (time, batch) row, each worker's share at steps·from·units, and the token of each row.
    private float[] dz = new float[0];
    private int[] tokens = new int[0];
    // The embedding gradient's scatter-add: rows in token order, where each token's rows start, and
    // which table rows each thread wrote at the last batch.
    private int[] order = new int[0];
    private final int[] start, next;
    private final int[][] touched;
    private final float[][] sums = new float[THREADS][0], tableRows = new float[THREADS][0];
    private final int[] touchedCount;
    private final int rowsOfTable;
    private boolean fullClear = true;
    private long referenceBackwardsSeen;
    private int scatterParts;
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
        table = embedding == null ? null : new float[embedding.embeddings().size()];
        rowsOfTable = embedding == null ? 0 : embedding.inputDim();
        start = new int[rowsOfTable + 1];
        next = new int[rowsOfTable];
        touched = new int[THREADS][rowsOfTable];
        touchedCount = new int[THREADS];
        workers = new Worker[THREADS];
        for (int i = 0; i < THREADS; i++) workers[i] = new Worker();
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
        parts = Math.max(1, Math.min(THREADS, batch / MIN_ROWS_PER_THREAD));
        copyWeights();
        if (dz.length < steps * batch * units) dz = new float[steps * batch * units];
        if (tokens.length < steps * batch) tokens = new int[steps * batch];
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
        sumInto(rnn.kernel().grad, p -> workers[p].gW);
        sumInto(rnn.recurrentKernel().grad, p -> workers[p].gU);
        sumInto(rnn.bias().grad, p -> workers[p].gb);
        if (embedding != null) {
            // Embedding.backward (the double path) writes every row: then clear them all once.
            // So does a change in how many threads share the rows (a small last batch runs on one).
            fullClear = fullClear || embedding.referenceBackwards != referenceBackwardsSeen || parts != scatterParts;
            if (fullClear) Arrays.fill(touchedCount, 0);
            sortPositionsByToken();
            run(this::scatterEmbeddingGradient);
            fullClear = false;
            scatterParts = parts;
            referenceBackwardsSeen = embedding.referenceBackwards;
            return null;
        }
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
        if (embedding != null) {
            double[] e = embedding.embeddings().value;
            run(p -> {
                int from = (int) ((long) e.length * p / parts), to = (int) ((long) e.length * (p + 1) / parts);
                for (int i = from; i < to; i++) table[i] = (float) e[i];
            });
        }
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
     * Sorts the (time·batch) positions by token id (a counting sort: one pass to count, one to place),
     * so that each table row's gradient is summed in one go from its positions and written once.
     * Scattering in the order of the positions instead jumps to a random row of the 5 MB table at
     * each of the 25,600 positions, and that waiting on memory cost more than the sum itself.
     */
    private void sortPositionsByToken() {
        int n = steps * batch;
        if (order.length < n) order = new int[n];
        Arrays.fill(start, 0);
        for (int g = 0; g < n; g++) start[tokens[g] + 1]++;
        for (int r = 0; r < rowsOfTable; r++) start[r + 1] += start[r];
        System.arraycopy(start, 0, next, 0, rowsOfTable);
        for (int g = 0; g < n; g++) order[next[tokens[g]]++] = g;
    }

    /**
     * The embedding gradient. Row r of the table receives Σ dx_p over the positions p holding token r,
     * and dx_p = dz_p·Wᵀ, so that sum is (Σ dz_p)·Wᵀ: the dz rows (64 numbers, not 128) are summed per
     * token first, and one product turns the few thousand sums into table rows, instead of a product
     * over all 25,600 positions followed by a scatter of 128-number rows.
     *
     * <p>Thread {@code part} owns the table rows r with r % parts == part, so no two threads write the
     * same row: no locks, and the same sums in any run. Only the rows of tokens in the batch are written
     * (and those of the previous batch cleared), not the whole 1.28-million-number table.
     */
    private void scatterEmbeddingGradient(int part) {
        double[] grad = embedding.embeddings().grad;
        int[] rows = touched[part];
        if (fullClear) {
            for (int r = part; r < rowsOfTable; r += parts) Arrays.fill(grad, r * in, r * in + in, 0.0);
        } else {
            // Rows used by the previous batch hold its gradient: clear them, the others are still 0.
            for (int k = 0; k < touchedCount[part]; k++) Arrays.fill(grad, rows[k] * in, rows[k] * in + in, 0.0);
        }
        int mine = (rowsOfTable + parts - 1) / parts;
        if (sums[part].length < mine * units) {
            sums[part] = new float[mine * units];
            tableRows[part] = new float[mine * in];
        }
        float[] sum = sums[part], out = tableRows[part];
        int count = 0;
        for (int r = part; r < rowsOfTable; r += parts) {
            int from = start[r], to = start[r + 1];
            if (from == to) continue;
            int dst = count * units;
            Arrays.fill(sum, dst, dst + units, 0f);
            for (int k = from; k < to; k++) {
                int src = order[k] * units;
                for (int j = 0; j < units; j++) sum[dst + j] += dz[src + j];
            }
            rows[count++] = r;
        }
        Fast.matmulTransB(sum, 0, w, 0, out, 0, count, units, in, false); // (Σ dz)·Wᵀ
        for (int k = 0; k < count; k++) {
            int src = k * in, dst = rows[k] * in;
            for (int j = 0; j < in; j++) grad[dst + j] = out[src + j];
        }
        touchedCount[part] = count;
    }

    /** Runs part 0 on this thread and the others on the pool, and waits for all. */
    private void run(Parallel.Part task) {
        Parallel.run(parts, task);
    }

    /** One thread's share of a batch: its rows of every time step, and its own gradients. */
    private final class Worker {
        float[] xs = new float[0], hs = new float[0], dh = new float[0], dxs = new float[0];
        final float[] gW = new float[in * units], gU = new float[units * units], gb = new float[units];

        private void ensure(int rows) {
            int need = steps * rows;
            if (xs.length < need * in) xs = new float[need * in];
            if (embedding == null && dxs.length < need * in) dxs = new float[need * in];
            if (hs.length < (need + rows) * units) {
                hs = new float[(need + rows) * units];
                dh = new float[rows * units];
            }
        }

        /** Rows [from, from+rows) of the batch: gather, x·W for all steps at once, then the recurrence. */
        void forward(int from, int rows, double[] out) {
            ensure(rows);
            double[] data = x.data();
            // Time-major: the rows of step t are contiguous, block t starts at t·rows.
            for (int i = 0; i < rows; i++) {
                for (int t = 0; t < steps; t++) {
                    int dst = (t * rows + i) * in, src = ((from + i) * steps + t);
                    if (embedding != null) {
                        int id = embedding.tokenId(data[src], src, x);
                        tokens[steps * from + t * rows + i] = id;
                        System.arraycopy(table, id * in, xs, dst, in);
                    } else {
                        for (int j = 0; j < in; j++) xs[dst + j] = (float) data[src * in + j];
                    }
                }
            }
            int bu = rows * units;
            Arrays.fill(hs, 0, bu, 0f); // h_0 = 0
            Fast.matmul(xs, 0, w, 0, hs, bu, steps * rows, in, units, false);
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
            for (int t = steps - 1; t >= 0; t--) {
                int off = t * bu;
                Fast.tanhBackward(dz, z + off, dh, 0, hs, off + bu, bu); // dz_t = (dh_t + carry)·(1 − h_t²)
                if (t > 0) Fast.matmul(dz, z + off, uT, 0, dh, 0, rows, units, units, false); // carry = dz_t·Uᵀ
            }
            int n = steps * rows;
            Fast.matmulTransA(xs, 0, dz, z, gW, 0, n, in, units, false);  // Σ_t x_tᵀ·dz_t
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
