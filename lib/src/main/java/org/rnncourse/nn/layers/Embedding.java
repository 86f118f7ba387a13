package org.rnncourse.nn.layers;

import java.util.Random;
import org.rnncourse.nn.backend.FastFront;
import org.rnncourse.nn.backend.Tensor;

/**
 * Turns each token id into a learned vector: a lookup in a table of {@code inputDim} rows
 * (the vocabulary size) and {@code outputDim} columns. Input (batch, time) of ids, output
 * (batch, time, outputDim). Parameters: inputDim·outputDim, started at U(−0.05, 0.05) like Keras.
 */
public class Embedding extends Layer {
    private final int inputDim, outputDim;
    private Parameter embeddings;
    private double[] ids;
    /** Counts the double path's backward calls: the float path then knows every gradient row was written. */
    public long referenceBackwards;

    public Embedding(int inputDim, int outputDim) {
        if (inputDim <= 0 || outputDim <= 0) {
            throw new IllegalArgumentException("Embedding needs positive inputDim and outputDim, got ("
                    + inputDim + ", " + outputDim + ")");
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

    /** The table (inputDim, outputDim); null before build. For the float path in {@link FastFront}. */
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
            throw new IllegalArgumentException(describe() + " expects token ids of shape (batch, time), "
                    + "so an input shape like (200,), but got " + Tensor.batchShapeString(inputShape));
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
        ids = x.data();
        double[] out = new double[ids.length * outputDim];
        for (int i = 0; i < ids.length; i++) {
            int id = tokenId(ids[i], i, x);
            System.arraycopy(embeddings.value, id * outputDim, out, i * outputDim, outputDim);
        }
        return new Tensor(out, x.dim(0), x.dim(1), outputDim);
    }

    public int tokenId(double v, int flatIndex, Tensor x) {
        int id = (int) v;
        if (id != v || id < 0 || id >= inputDim) {
            int t = x.dim(1);
            throw new IllegalArgumentException(describe() + ": token id x[" + flatIndex / t + "][" + flatIndex % t
                    + "] = " + v + " is outside [0, " + inputDim + "): is inputDim the vocabulary size?");
        }
        return id;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        // Each row of the table gets the sum of the gradients of the positions that used it.
        referenceBackwards++;
        java.util.Arrays.fill(embeddings.grad, 0.0);
        double[] g = gradOutput.data();
        for (int i = 0; i < ids.length; i++) {
            int row = (int) ids[i] * outputDim;
            for (int j = 0; j < outputDim; j++) embeddings.grad[row + j] += g[i * outputDim + j];
        }
        return null; // ids are not differentiable
    }
}
