package org.rnncourse.data;

import java.util.Map;
import org.rnncourse.Messages;
import org.rnncourse.scratch.OwnWork;

/**
 * The result of {@link Imdb#loadData}: Keras's {@code (x_train, y_train), (x_test, y_test)}.
 *
 * <p>{@code xTrain()[i]} is one review as word indices, {@code yTrain()[i]} its label (1 =
 * positive, 0 = negative). The arrays are handed out as they are (no copies), so a notebook can
 * use them without extra memory; changing them changes this object.
 */
public final class ImdbData {
    private final int[][] xTrain;
    private final int[] yTrain;
    private final int[][] xTest;
    private final int[] yTest;
    private final ImdbCorpus corpus;
    private final Imdb.Options options;

    ImdbData(int[][] xTrain, int[] yTrain, int[][] xTest, int[] yTest, ImdbCorpus corpus, Imdb.Options options) {
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.xTest = xTest;
        this.yTest = yTest;
        this.corpus = corpus;
        this.options = options;
    }

    /** The training reviews as word indices (Keras's {@code x_train}). */
    public int[][] xTrain() {
        return xTrain;
    }

    /** The training labels, 1 = positive, 0 = negative (Keras's {@code y_train}). */
    public int[] yTrain() {
        return yTrain;
    }

    /** The test reviews as word indices (Keras's {@code x_test}). */
    public int[][] xTest() {
        return xTest;
    }

    /** The test labels, 1 = positive, 0 = negative (Keras's {@code y_test}). */
    public int[] yTest() {
        return yTest;
    }

    /** The options these data were made with (numWords, skipTop, maxlen, seed, startChar, ...); a copy. */
    public Imdb.Options options() {
        return options.copy();
    }

    /** word → rank, 1 = most frequent training word; as Keras's {@code imdb.get_word_index()}. */
    public Map<String, Integer> wordIndex() {
        return corpus.wordIndex();
    }

    /**
     * The words of {@code review}, separated by spaces, using this object's {@code startChar},
     * {@code oovChar} and {@code indexFrom}: 0 gives {@code <pad>}, the start char {@code <start>},
     * the OOV char {@code <oov>}, an index that names no word {@code ?}.
     */
    public String decode(int[] review) {
        return Imdb.decode(corpus, review, options.startChar(), options.oovChar(), options.indexFrom());
    }

    /**
     * A text of your own as word indices, exactly as a review of these data would be: the same
     * tokenizer ({@link Tokenizer}), the start char first, each word's rank + {@code indexFrom},
     * and the OOV char for a word outside the kept vocabulary (never seen in training, or ranked
     * past {@code numWords} or before {@code skipTop}); with no OOV char such words are dropped.
     */
    public int[] encode(String text) {
        OwnWork.entry(OwnWork.Topic.VOCABULARY, "ImdbData.encode"); // lesson 08 asks for the out-of-vocabulary count by hand
        if (text == null) {
            throw new IllegalArgumentException(Messages.get("data.imdb.noText"));
        }
        Map<String, Integer> ranks = corpus.wordIndex();
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        if (options.startChar() != null) {
            ids.add(options.startChar());
        }
        for (String word : Tokenizer.tokenize(text)) {
            Integer rank = ranks.get(word);
            int index = rank == null ? -1 : rank + options.indexFrom();
            boolean kept = rank != null && (options.numWords() <= 0 || index < options.numWords())
                    && index >= options.skipTop();
            if (kept) {
                ids.add(index);
            } else if (options.oovChar() != null) {
                ids.add(options.oovChar());
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "ImdbData[train=" + xTrain.length + " reviews, test=" + xTest.length + " reviews, " + options + "]";
    }
}
