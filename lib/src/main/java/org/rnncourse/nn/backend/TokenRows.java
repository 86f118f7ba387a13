package org.rnncourse.nn.backend;

import java.util.ArrayList;
import java.util.List;
import org.rnncourse.nn.layers.Embedding;

/**
 * An {@link Embedding}'s (batch, time, dim) output, or its gradient, kept per token instead of per
 * position (as TensorFlow's IndexedSlices keep an embedding gradient), so the float path of a
 * recurrent layer never makes the 25,600 × 128 array of an IMDB batch:
 * <ul>
 *   <li><b>lookup</b>: the token ids and the table. A recurrent layer projects only the rows the batch
 *       uses (x_t·W is row tok of E·W); any other reader gets the rows copied out on its first
 *       {@link Tensor#data()}, so a model computes the same whatever follows the Embedding;</li>
 *   <li><b>gradient</b>: for each token used, dL/d(its row) summed over the positions that hold it,
 *       which is all the table's gradient needs. It has no per-position numbers, so only the
 *       Embedding that made the lookup reads it.</li>
 * </ul>
 */
public final class TokenRows {
    public final Embedding embedding;
    private final int[] ids; // (batch, time) as given to the Embedding
    final int batch, steps;
    private final boolean reversed; // time read from the end (the backward half of a Bidirectional)
    private final List<Part> parts; // the gradient's rows, or null for a lookup

    /** Rows of a gradient: row k (dim numbers at k·dim) belongs to token tokens[k], k < count. */
    public record Part(int[] tokens, float[] rows, int count) {}

    private TokenRows(Embedding embedding, int[] ids, int batch, int steps, boolean reversed, List<Part> parts) {
        this.embedding = embedding;
        this.ids = ids;
        this.batch = batch;
        this.steps = steps;
        this.reversed = reversed;
        this.parts = parts;
    }

    /** The lookup of {@code ids} (batch, steps) in the embedding's table, as a (batch, steps, dim) tensor. */
    public static Tensor lookup(Embedding embedding, int[] ids, int batch, int steps) {
        return new Tensor(new TokenRows(embedding, ids, batch, steps, false, null), batch, steps, embedding.outputDim());
    }

    public boolean isGradient() {
        return parts != null;
    }

    /** The same lookup with the time axis reversed (no copy). */
    public Tensor reversed() {
        return new Tensor(new TokenRows(embedding, ids, batch, steps, !reversed, null), batch, steps, embedding.outputDim());
    }

    /** The token id at example b, step t (ids already checked by the Embedding). */
    int id(int b, int t) {
        return ids[b * steps + (reversed ? steps - 1 - t : t)];
    }

    /** The gradient of this lookup, from per-token rows (the arrays are read before the next batch). */
    Tensor gradient(int[] tokens, float[] rows, int count) {
        List<Part> ps = new ArrayList<>(List.of(new Part(tokens, rows, count)));
        return new Tensor(new TokenRows(embedding, ids, batch, steps, false, ps), batch, steps, embedding.outputDim());
    }

    /** Two gradients of lookups of the same table, added (a Bidirectional's two halves). */
    public Tensor plus(TokenRows other) {
        List<Part> ps = new ArrayList<>(parts);
        ps.addAll(other.parts);
        return new Tensor(new TokenRows(embedding, ids, batch, steps, false, ps), batch, steps, embedding.outputDim());
    }

    public List<Part> parts() {
        return parts;
    }

    /** The numbers of a lookup, row-major (batch, steps, dim): what a reader other than a recurrent layer sees. */
    double[] values(int[] shape) {
        if (parts != null) {
            throw new IllegalStateException("this gradient is kept per token (summed over the positions that hold "
                    + "each token): only the Embedding that produced the input reads it");
        }
        int dim = embedding.outputDim();
        double[] table = embedding.embeddings().value(), out = new double[batch * steps * dim];
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < steps; t++) System.arraycopy(table, id(b, t) * dim, out, (b * steps + t) * dim, dim);
        return out;
    }
}
