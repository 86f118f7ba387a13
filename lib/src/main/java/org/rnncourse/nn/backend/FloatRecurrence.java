package org.rnncourse.nn.backend;

import java.util.Arrays;
import java.util.List;
import org.rnncourse.fast.Fast;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.scratch.OwnWork;

/**
 * The float path of one recurrent layer (SimpleRNN, LSTM or GRU, alone, in a stack or inside a
 * Bidirectional): what the layer's forward and backward run when the precision is float32
 * ({@link Backend#setFloatx}), the way Keras's LSTM asks its backend for a fused kernel. This class
 * holds what the layer kinds share; each {@link FloatCell} holds its own step's formulas. It
 * computes what the layer's double reference code computes (the tests compare the two on small and
 * odd shapes), in float and with these tricks, each of which pays on its own:
 * <ul>
 *   <li><b>float, Vector API kernels</b> ({@link Fast}): half the memory traffic of double and twice the
 *       numbers per vector instruction; register-blocked products run at ~100 GFLOP/s per core instead
 *       of ~2 for plain loops;</li>
 *   <li><b>the input projection as one product, over the tokens instead of the positions</b>: when the
 *       input is an Embedding's lookup ({@link TokenRows}), x_t·W is row tok of E·W, so the rows of the
 *       table used in the batch (a few thousand tokens, not 25,600 positions) are projected in ONE
 *       product and the recurrence starts from a gather of those rows; the backward pass does the same
 *       in reverse (dW = Eᵀ·S and the rows' gradient S·Wᵀ, with S the sum of dz over each token's
 *       positions), and hands the Embedding per-token rows. Other inputs (features, or the sequence of
 *       a layer below) get x·W for all time steps as one product. Only h_{t−1}·U is left per step;</li>
 *   <li><b>no allocation per step</b>: buffers are kept and reused between batches, each step works in
 *       place on its block of one big array;</li>
 *   <li><b>fused activations</b>: the gates of a block through one vector tanh (σ(v) = (1 + tanh(v/2))/2),
 *       derivatives read from the kept outputs, so nothing is recomputed backward;</li>
 *   <li><b>two cores</b>: the batch is cut in two halves, each run by its own thread with its own buffers
 *       and gradients, summed at the end in a fixed order (the examples of a batch are independent
 *       until the sum), so a seed gives the same run on one core as on two.</li>
 * </ul>
 * The weights stay in double in their {@link Parameter}s (the optimizer updates those); this class keeps
 * float copies, refreshed at each forward, and writes the gradients back in double. Each part of the
 * batch's forward and backward through time is a {@link RecurrenceWorker}'s; this class numbers and
 * projects the tokens, cuts the batch and sums the parts' gradients.
 */
public final class FloatRecurrence {
    /** Below this many examples per part, a second thread costs more than it saves. */
    private static final int MIN_ROWS_PER_THREAD = 8;
    /** A batch is cut into this many parts whatever the number of cores (see Parallel.PARTS). */
    private static final int PARTS = Parallel.PARTS;

    // Package-private: each RecurrenceWorker reads these (the weights, shapes and this batch's arrays).
    final RecurrentLayer rnn;
    final FloatCell cell;
    final int in, units, steps, width; // width = gates·units, the columns of z
    final float[] w, u, uT, bIn, bRec; // bRec only for a GRU's second bias row
    // dL/dz of every (time, batch) row, each worker's share at steps·from·width.
    float[] dz = new float[0];

    // With a lookup as input. The tokens used in the batch get numbers k = 0, 1, … (usedTokens[k] is the
    // id, slot[id] is k, −1 when unused); kOf[b·steps + t] is the k at each position.
    TokenRows tokens; // the lookup of the last forward, or null
    int[] slot = new int[0];
    private int[] usedTokens = new int[0];
    int used;
    int[] kOf = new int[0];
    float[] proj = new float[0];
    private float[] eu = new float[0], sums = new float[0], dRows = new float[0];
    private final RecurrenceWorker[] workers;

    Tensor x; // the input of the last forward
    private int batch, parts;

    public FloatRecurrence(RecurrentLayer rnn, FloatCell cell) {
        this.rnn = rnn;
        this.cell = cell;
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
        workers = new RecurrenceWorker[PARTS];
        for (int i = 0; i < PARTS; i++) workers[i] = new RecurrenceWorker(this);
    }

    public int batch() {
        return batch;
    }

    public int steps() {
        return steps;
    }

    /** The layer's output for a batch, (batch, units) or (batch, time, units) with returnSequences. */
    public Tensor forward(Tensor input) {
        OwnWork.entry(rnn.ownWorkTopic(), rnn.typeName() + ".forward");
        x = input;
        batch = input.dim(0);
        parts = Math.max(1, Math.min(PARTS, batch / MIN_ROWS_PER_THREAD));
        copyWeights();
        if (dz.length < steps * batch * width) dz = new float[steps * batch * width];
        TokenRows t = input.tokenRows();
        tokens = t != null && !t.isGradient() && t.embedding.outputDim() == in ? t : null;
        if (tokens != null) projectUsedTokens();
        double[] out = new double[rnn.returnSequences() ? batch * steps * units : batch * units];
        run(p -> workers[p].forward(rowsFrom(p), rowsFrom(p + 1) - rowsFrom(p), out));
        return rnn.returnSequences() ? new Tensor(out, batch, steps, units) : new Tensor(out, batch, units);
    }

    /**
     * Back-propagates dL/d(output) through the last {@link #forward}, filling the layer's gradients, and
     * returns dL/d(input): per-token rows for a lookup, else a (batch, time, features) tensor.
     */
    public Tensor backward(Tensor gradOutput) {
        OwnWork.entry(rnn.ownWorkTopic() == OwnWork.Topic.RNN_SEQUENCE ? OwnWork.Topic.BPTT : rnn.ownWorkTopic(), rnn.typeName() + ".backward");
        double[] g = gradOutput.data();
        double[] dx = tokens == null ? new double[batch * steps * in] : null;
        run(p -> workers[p].backward(rowsFrom(p), rowsFrom(p + 1) - rowsFrom(p), g, dx));
        double[] bGrad = cell.bias().grad();
        sumInto(cell.recurrentKernel().grad(), 0, p -> workers[p].gU);
        sumInto(bGrad, 0, p -> workers[p].gb);
        if (bRec != null) sumInto(bGrad, width, p -> workers[p].gbRec);
        if (tokens != null) tokenGradients(); // fills the workers' kernel gradients too
        sumInto(cell.kernel().grad(), 0, p -> workers[p].gW);
        if (tokens != null) return tokens.gradient(usedTokens, dRows, used);
        return new Tensor(dx, batch, steps, in);
    }

    /** The final states of the last forward, (batch, units) each: h, and c for an LSTM. */
    public List<Tensor> states() {
        double[] h = new double[batch * units], c = cell.gates == 4 ? new double[batch * units] : null;
        for (int p = 0; p < parts; p++) {
            RecurrenceWorker wk = workers[p];
            int from = rowsFrom(p), rows = rowsFrom(p + 1) - from, last = steps * rows * units;
            for (int i = 0; i < rows * units; i++) {
                h[from * units + i] = wk.hs[last + i];
                if (c != null) c[from * units + i] = wk.c[last + i];
            }
        }
        return c == null ? List.of(new Tensor(h, batch, units)) : List.of(new Tensor(h, batch, units), new Tensor(c, batch, units));
    }

    /** The activated gates of example b at step t, gates × units, from the last forward. */
    public double[][] gates(int b, int t) {
        int p = 0;
        while (rowsFrom(p + 1) <= b) p++;
        RecurrenceWorker wk = workers[p];
        int from = rowsFrom(p), rows = rowsFrom(p + 1) - from;
        int row = wk.zxOff + t * rows * width + (b - from) * width;
        double[][] out = new double[cell.gates][units];
        for (int gi = 0; gi < cell.gates; gi++)
            for (int j = 0; j < units; j++) out[gi][j] = wk.zx[row + gi * units + j];
        return out;
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
     * Numbers the tokens used in the batch, copies their rows of the table to float and projects them:
     * proj = E_used·W, ONE product over the few thousand distinct tokens, where x·W over every position
     * would be a product over 25,600 rows that repeat the same tokens.
     */
    private void projectUsedTokens() {
        int rowsOfTable = tokens.embedding.inputDim();
        if (slot.length != rowsOfTable) {
            slot = new int[rowsOfTable];
            Arrays.fill(slot, -1);
            usedTokens = new int[rowsOfTable];
            used = 0;
        }
        for (int k = 0; k < used; k++) slot[usedTokens[k]] = -1;
        used = 0;
        int n = batch * steps;
        if (kOf.length < n) kOf = new int[n];
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < steps; t++) {
                int id = tokens.id(b, t);
                int k = slot[id];
                if (k < 0) {
                    k = used++;
                    slot[id] = k;
                    usedTokens[k] = id;
                }
                kOf[b * steps + t] = k;
            }
        // The per-token buffers hold the tokens this batch uses (a few thousand of IMDB's 10,000), not
        // the whole table: they grow to the largest batch seen and are kept.
        if (proj.length < used * width) {
            eu = new float[used * in];
            proj = new float[used * width];
            sums = new float[used * width];
            dRows = new float[used * in];
        }
        double[] e = tokens.embedding.embeddings().value();
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
     * dW = Σ_p x_pᵀ·dz_p = E_usedᵀ·S, and the row of token k gets dz·Wᵀ summed, = S_k·Wᵀ. Each thread
     * takes a range of k.
     */
    private void tokenGradients() {
        run(p -> {
            int k0 = Parallel.bound(used, p, parts), k1 = Parallel.bound(used, p + 1, parts);
            // S = the workers' sums added together, over this thread's range of tokens.
            System.arraycopy(workers[0].tokenSums, k0 * width, sums, k0 * width, (k1 - k0) * width);
            for (int q = 1; q < parts; q++) {
                float[] other = workers[q].tokenSums;
                Fast.addTo(other, k0 * width, sums, k0 * width, (k1 - k0) * width);
            }
            Fast.matmulTransA(eu, k0 * in, sums, k0 * width, workers[p].gW, 0, k1 - k0, in, width, false);
            Fast.matmulTransB(sums, k0 * width, w, 0, dRows, k0 * in, k1 - k0, width, in, false);
        });
    }

    /** Runs part 0 on this thread and the others on the pool, and waits for all. */
    private void run(Parallel.Part task) {
        Parallel.run(parts, task);
    }
}
