package org.rnncourse.lessons;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Embedding;
import org.rnncourse.scratch.FeedForward;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.Shapes;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The demo of lesson 02: the same four words in two orders, "Tôi yêu Việt Nam" and "Việt Nam yêu
 * tôi", read by a feed-forward network and by an RNN.
 * <ul>
 *   <li>vocabulary: tôi, yêu, việt, nam (index 0 … 3); a sentence is lower-cased and split on spaces;</li>
 *   <li>embedding: each word a vector of D = 3 numbers, Gaussian × 1.0;</li>
 *   <li>RNN: cell 3 → 4 (tanh), output 4 → 2 (linear), Gaussian weights × 0.5;</li>
 *   <li>feed-forward: reads the <b>average</b> of the word vectors, with the RNN's own W_ax, b_a,
 *       tanh and output layer. It differs from the RNN only by the missing recurrence W_aa.</li>
 * </ul>
 * Everything is drawn from {@code new Random(SEED)} in the order E, W_ax, W_aa, W_ay.
 */
public final class WordOrderDemo {
    /** The fixed seed of the demo. */
    public static final long SEED = 2;
    /** Sizes: word vectors, hidden state, output. */
    public static final int DIMENSION = 3, HIDDEN_SIZE = 4, OUTPUT_SIZE = 2;
    /** The two sentences of the lesson. */
    public static final String SENTENCE_1 = "Tôi yêu Việt Nam", SENTENCE_2 = "Việt Nam yêu tôi";
    /** Two outputs closer than this count as the same (they differ only by rounding). */
    public static final double SAME = 1e-9;

    /** The four words, in index order. */
    public final List<String> vocabulary;
    /** The word vectors E, (4×3). */
    public final Embedding embedding;
    /** The RNN: reads one word per time step. */
    public final Rnn rnn;
    /** The feed-forward network: reads the average of the word vectors, once. */
    public final FeedForward feedForward;

    /** A demo with the given parts (the sizes must fit: D → n_h → n_y for both models). */
    public WordOrderDemo(List<String> vocabulary, Embedding embedding, Rnn rnn, FeedForward feedForward) {
        this.vocabulary = List.copyOf(vocabulary);
        this.embedding = embedding;
        this.rnn = rnn;
        this.feedForward = feedForward;
        if (embedding.vocabularySize() != this.vocabulary.size()) {
            throw new IllegalArgumentException(Messages.get("lessons.wordOrder.rows", embedding.vocabularySize(), this.vocabulary.size()));
        }
        if (rnn.cell.nX != embedding.dimension() || feedForward.nIn != embedding.dimension()) {
            throw new IllegalArgumentException(Messages.get("lessons.wordOrder.dimension", embedding.dimension()));
        }
    }

    /** The lesson's demo: the same numbers every time. */
    public static WordOrderDemo create() {
        Random random = new Random(SEED);
        Embedding e = new Embedding(Matrices.gaussian(4, DIMENSION, 1.0, random));
        Rnn rnn = new Rnn(RnnCell.random(DIMENSION, HIDDEN_SIZE, Activation.TANH, 0.5, random),
                OutputLayer.random(HIDDEN_SIZE, OUTPUT_SIZE, Activation.LINEAR, 0.5, random));
        return new WordOrderDemo(List.of("tôi", "yêu", "việt", "nam"), e, rnn, sameWeightsWithoutRecurrence(rnn));
    }

    /** The feed-forward twin of an RNN: its W_ax, b_a, f and output layer, and no W_aa. */
    public static FeedForward sameWeightsWithoutRecurrence(Rnn rnn) {
        return new FeedForward(rnn.cell.Wax, rnn.cell.ba, rnn.cell.f, rnn.output);
    }

    /** The words of a sentence: NFC-normalised, lower-cased, split on white space. */
    public static List<String> words(String sentence) {
        Shapes.requireNonNull("sentence", sentence, "give a sentence, e.g. \"Tôi yêu Việt Nam\"");
        String s = Normalizer.normalize(sentence, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("lessons.wordOrder.empty"));
        }
        return List.of(s.split("\\s+"));
    }

    /** The word indices of a sentence, e.g. "Tôi yêu Việt Nam" → [0, 1, 2, 3]. */
    public int[] indices(String sentence) {
        List<String> ws = words(sentence);
        int[] ix = new int[ws.size()];
        for (int t = 0; t < ix.length; t++) {
            ix[t] = vocabulary.indexOf(ws.get(t));
            if (ix[t] < 0) {
                throw new IllegalArgumentException(Messages.get("lessons.wordOrder.unknownWord", ws.get(t), vocabulary));
            }
        }
        return ix;
    }

    /** The sentence as X_1 … X_T, one (1×3) word vector per time step. */
    public List<DMatrixRMaj> vectors(String sentence) {
        return embedding.sequence(indices(sentence));
    }

    /** The feed-forward output for the average of the word vectors, (1×2). */
    public DMatrixRMaj feedForwardOutput(String sentence) {
        return feedForward.forwardAverage(vectors(sentence));
    }

    /** The RNN's hidden states A_1 … A_T, each (1×4), from A_0 = 0. */
    public List<DMatrixRMaj> rnnStates(String sentence) {
        return rnn.cell.forward(vectors(sentence)).hiddenStates();
    }

    /** The RNN's final hidden state A_T, (1×4): its summary of the whole sentence. */
    public DMatrixRMaj rnnFinalState(String sentence) {
        List<DMatrixRMaj> states = rnnStates(sentence);
        return states.get(states.size() - 1);
    }

    /** The RNN's output after the last word, Y_T = g(A_T·W_ay + b_y), (1×2). */
    public DMatrixRMaj rnnOutput(String sentence) {
        return rnn.output.forward(rnnFinalState(sentence));
    }

    /** Whether two matrices of the same shape differ by more than {@link #SAME} somewhere. */
    public static boolean differ(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            return true;
        }
        for (int k = 0; k < a.getNumElements(); k++) {
            if (Math.abs(a.data[k] - b.data[k]) > SAME) {
                return true;
            }
        }
        return false;
    }

    /**
     * The two models side by side on two sentences: one row per model (feed-forward output, RNN final
     * state, RNN output), the numbers for each sentence, and whether the model tells them apart. Titles,
     * column names and row names come from the bundle ({@code tables.wordOrder.*}); the sentences stay.
     */
    public Table compare(String sentence1, String sentence2) {
        StringColumn model = StringColumn.create(Messages.get("tables.wordOrder.model"));
        // Numbered, so that two sentences that differ only in case still make two columns.
        StringColumn first = StringColumn.create("(1) " + sentence1);
        StringColumn second = StringColumn.create("(2) " + sentence2);
        StringColumn apart = StringColumn.create(Messages.get("tables.wordOrder.apart"));
        add(model, first, second, apart, Messages.get("tables.wordOrder.feedForward"),
                feedForwardOutput(sentence1), feedForwardOutput(sentence2));
        add(model, first, second, apart, Messages.get("tables.wordOrder.finalState"),
                rnnFinalState(sentence1), rnnFinalState(sentence2));
        add(model, first, second, apart, Messages.get("tables.wordOrder.output"), rnnOutput(sentence1), rnnOutput(sentence2));
        return Table.create(Messages.get("tables.wordOrder.compare.title"), model, first, second, apart);
    }

    /** The RNN step by step on two sentences: t, the word read and h_t for each. */
    public Table steps(String sentence1, String sentence2) {
        List<String> w1 = words(sentence1), w2 = words(sentence2);
        List<DMatrixRMaj> h1 = rnnStates(sentence1), h2 = rnnStates(sentence2);
        IntColumn t = IntColumn.create("t");
        StringColumn word1 = StringColumn.create(Messages.get("tables.wordOrder.word", 1)), state1 = StringColumn.create("h_t (1)");
        StringColumn word2 = StringColumn.create(Messages.get("tables.wordOrder.word", 2)), state2 = StringColumn.create("h_t (2)");
        for (int i = 0; i < Math.max(w1.size(), w2.size()); i++) {
            t.append(i + 1);
            word1.append(i < w1.size() ? w1.get(i) : "");
            state1.append(i < h1.size() ? format(h1.get(i)) : "");
            word2.append(i < w2.size() ? w2.get(i) : "");
            state2.append(i < h2.size() ? format(h2.get(i)) : "");
        }
        return Table.create(Messages.get("tables.wordOrder.steps.title"), t, word1, state1, word2, state2);
    }

    /** A row vector as the tables print it: "(0.1234, -0.5678)". */
    public static String format(DMatrixRMaj m) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < m.getNumElements(); k++) {
            double v = Math.round(m.data[k] * 1e4) / 1e4;
            parts.add(String.format(Locale.ROOT, "%.4f", v == 0 ? 0.0 : v));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private static void add(StringColumn model, StringColumn first, StringColumn second, StringColumn apart,
                            String name, DMatrixRMaj a, DMatrixRMaj b) {
        model.append(name);
        first.append(format(a));
        second.append(format(b));
        apart.append(Messages.get(differ(a, b) ? "tables.wordOrder.yes" : "tables.wordOrder.no"));
    }

    @Override
    public String toString() {
        return "WordOrderDemo(vocabulary " + vocabulary + ", D = " + DIMENSION + ", n_h = " + HIDDEN_SIZE
                + ", n_y = " + OUTPUT_SIZE + ")";
    }
}
