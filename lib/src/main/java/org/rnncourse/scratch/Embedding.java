package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * An embedding: the input representation of words. Each word of the vocabulary has an index, and
 * row {@code index} of the matrix E (vocabulary size V, dimension D) is that word's vector. A
 * sentence of indices becomes a sequence of X_t, one (1, D) row per word, what an RNN cell reads.
 */
public final class Embedding {
    /** The embedding matrix E, (V, D); live, so training (or a gradient check) can change it. */
    public final DMatrixRMaj E;

    /** An embedding with the given matrix (kept, not copied). */
    public Embedding(DMatrixRMaj E) {
        this.E = Shapes.requireFinite("E", E, "the embedding");
        Shapes.requirePositive("V (rows of E)", E.numRows);
        Shapes.requirePositive("D (columns of E)", E.numCols);
    }

    /** An embedding of V words in D dimensions with Gaussian entries × {@code scale}. */
    public static Embedding random(int vocabularySize, int dimension, double scale, long seed) {
        Shapes.requirePositive("vocabularySize", vocabularySize);
        Shapes.requirePositive("dimension", dimension);
        return new Embedding(Matrices.gaussian(vocabularySize, dimension, scale, new Random(seed)));
    }

    /** V, the number of words. */
    public int vocabularySize() {
        return E.numRows;
    }

    /** D, the length of each word's vector (the RNN's n_x). */
    public int dimension() {
        return E.numCols;
    }

    /** The vector of word {@code index}: a copy of row {@code index} of E, (1, D). */
    public DMatrixRMaj lookup(int index) {
        requireIndex("index", index);
        DMatrixRMaj row = new DMatrixRMaj(1, dimension());
        System.arraycopy(E.data, index * dimension(), row.data, 0, dimension());
        return row;
    }

    /** A sentence of word indices → X_1 … X_T, each (1, D): one example, T time steps. */
    public List<DMatrixRMaj> sequence(int... indices) {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("indices is empty: give the word indices of a sentence");
        }
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int t = 0; t < indices.length; t++) {
            requireIndex("indices[" + t + "]", indices[t]);
            xs.add(lookup(indices[t]));
        }
        return xs;
    }

    /**
     * A batch of m sentences of the same length T → X_1 … X_T, each (m, D): row i of X_t is the
     * vector of word t of sentence i.
     */
    public List<DMatrixRMaj> batch(int[][] sentences) {
        if (sentences == null || sentences.length == 0 || sentences[0] == null || sentences[0].length == 0) {
            throw new IllegalArgumentException("sentences is empty: give m sentences of word indices");
        }
        int T = sentences[0].length;
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            xs.add(new DMatrixRMaj(sentences.length, dimension()));
        }
        for (int i = 0; i < sentences.length; i++) {
            if (sentences[i] == null || sentences[i].length != T) {
                throw new IllegalArgumentException("sentences[" + i + "] has " + (sentences[i] == null ? 0 : sentences[i].length)
                        + " words but sentences[0] has " + T + ": pad the sentences to the same length");
            }
            for (int t = 0; t < T; t++) {
                requireIndex("sentences[" + i + "][" + t + "]", sentences[i][t]);
                System.arraycopy(E.data, sentences[i][t] * dimension(), xs.get(t).data, i * dimension(), dimension());
            }
        }
        return xs;
    }

    /** Weights of the embedding: V·D. */
    public long parameterCount() {
        return (long) E.numRows * E.numCols;
    }

    @Override
    public String toString() {
        return "Embedding(V = " + vocabularySize() + " words, D = " + dimension() + "; E " + Shapes.of(E) + ")";
    }

    private void requireIndex(String name, int index) {
        if (index < 0 || index >= vocabularySize()) {
            throw new IllegalArgumentException(name + " = " + index + " is outside the vocabulary 0 … "
                    + (vocabularySize() - 1) + ": V = " + vocabularySize());
        }
    }
}
