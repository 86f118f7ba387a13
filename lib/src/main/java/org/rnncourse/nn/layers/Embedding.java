package org.rnncourse.nn.layers;

import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Backend;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.backend.TokenRows;

/**
 * Turns each token id into a learned vector: a lookup in a table of {@code inputDim} rows
 * (the vocabulary size) and {@code outputDim} columns. Input (batch, time) of ids, output
 * (batch, time, outputDim). Parameters: inputDim·outputDim, started at U(−0.05, 0.05) like Keras.
 */
public class Embedding extends Layer {
    private final int inputDim, outputDim;
    private Parameter embeddings;
    private int[] ids;
    // The rows of the table's gradient that the last per-token backward wrote (all rows after a dense one).
    private int[] written = new int[0];
    private int writtenCount;
    private boolean allWritten = true;

    public Embedding(int inputDim, int outputDim) {
        if (inputDim <= 0 || outputDim <= 0) {
            throw new IllegalArgumentException(Messages.get("nn.layers.embedding.dims", inputDim, outputDim));
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    /** The table (inputDim, outputDim); null before build. For the float path ({@link TokenRows}). */
    public Parameter embeddings() {
        return embeddings;
    }

    @Override
    public boolean readsTokenIds() {
        return true;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException(Messages.get("nn.layers.embedding.shape", describe(),
                    Tensor.batchShapeString(inputShape)));
        }
        return new int[] {inputShape[0], outputDim};
    }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
        embeddings = addParameter("embeddings", inputDim, outputDim);
        Initializers.uniform(embeddings.value, -0.05, 0.05, rng);
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        checkInput(x);
        if (x.ids() != null) {
            ids = x.ids(); // kept as ints (Tensor.of(int[][])): checked, not copied
            for (int i = 0; i < ids.length; i++) tokenId(ids[i], i, x);
        } else {
            double[] d = x.data();
            ids = new int[d.length];
            for (int i = 0; i < d.length; i++) ids[i] = tokenId(d[i], i, x);
        }
        if (Backend.isFloat32()) {
            // Kept as ids + table: a recurrent layer after it projects only the rows the batch uses.
            return TokenRows.lookup(this, ids, x.dim(0), x.dim(1));
        }
        double[] out = new double[ids.length * outputDim];
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            System.arraycopy(embeddings.value, id * outputDim, out, i * outputDim, outputDim);
        }
        return new Tensor(out, x.dim(0), x.dim(1), outputDim);
    }

    public int tokenId(double v, int flatIndex, Tensor x) {
        int id = (int) v;
        if (id != v || id < 0 || id >= inputDim) {
            int t = x.dim(1);
            throw new IllegalArgumentException(Messages.get("nn.layers.embedding.tokenId", describe(),
                    "x[" + flatIndex / t + "][" + flatIndex % t + "]", v, inputDim));
        }
        return id;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        TokenRows perToken = gradOutput.tokenRows();
        if (perToken != null && perToken.isGradient()) {
            backwardPerToken(perToken);
            return null;
        }
        // Each row of the table gets the sum of the gradients of the positions that used it.
        allWritten = true;
        java.util.Arrays.fill(embeddings.grad, 0.0);
        double[] g = gradOutput.data();
        for (int i = 0; i < ids.length; i++) {
            int row = ids[i] * outputDim;
            for (int j = 0; j < outputDim; j++) embeddings.grad[row + j] += g[i * outputDim + j];
        }
        return null; // ids are not differentiable
    }

    /**
     * The gradient from per-token rows: only the rows of the tokens used are written (and the rows the
     * last batch wrote cleared), not all inputDim · outputDim numbers of the table.
     */
    private void backwardPerToken(TokenRows g) {
        double[] grad = embeddings.grad;
        int dim = outputDim;
        if (allWritten) {
            java.util.Arrays.fill(grad, 0.0);
        } else {
            for (int k = 0; k < writtenCount; k++) java.util.Arrays.fill(grad, written[k] * dim, written[k] * dim + dim, 0.0);
        }
        int n = 0;
        for (TokenRows.Part p : g.parts()) n += p.count();
        if (written.length < n) written = new int[n];
        writtenCount = 0;
        for (TokenRows.Part p : g.parts()) {
            for (int k = 0; k < p.count(); k++) {
                int row = p.tokens()[k] * dim, src = k * dim;
                for (int j = 0; j < dim; j++) grad[row + j] += p.rows()[src + j];
                written[writtenCount++] = p.tokens()[k];
            }
        }
        allWritten = false;
    }
}
