package org.rnncourse.diagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rnncourse.Messages;
import org.rnncourse.data.ImdbData;
import org.rnncourse.data.Sequences;
import org.rnncourse.nn.Sequential;

/**
 * Which words of a review move a sentiment model's prediction, measured by <b>occlusion</b>: the
 * review is scored once as it is, then once more for each word with that word replaced by the
 * out-of-vocabulary id (the id every unknown word gets), and the change in P(positive) is the word's
 * influence. No gradient is needed, so it works for any model, and a learner can check one number by
 * hand: replace the word, predict, subtract.
 *
 * <p>{@code influence(j) = p(review) − p(review with word j hidden)}: positive when the word pushed the
 * prediction towards "positive", negative when it pushed towards "negative".
 */
public final class Occlusion {
    /** One word as the model reads it: its text (as {@link ImdbData#decode} prints it), its id, its influence. */
    public record Word(String text, int id, double influence) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%+.3f)", text, influence);
        }
    }

    private final String review;
    private final double probability;
    private final List<Word> words;
    private final int cutWords;

    private Occlusion(String review, double probability, List<Word> words, int cutWords) {
        this.review = review;
        this.probability = probability;
        this.words = List.copyOf(words);
        this.cutWords = cutWords;
    }

    /**
     * Measures each word of {@code review} for {@code model}, which reads reviews encoded by
     * {@code data} and padded (Keras's defaults) to {@code maxlen}: one {@code predict} of
     * 1 + (number of words) rows.
     */
    public static Occlusion measure(Sequential model, ImdbData data, String review, int maxlen) {
        if (model == null) throw new IllegalArgumentException("model is null: pass the trained Sequential (lesson 08's model)");
        if (data == null) throw new IllegalArgumentException("data is null: pass the ImdbData the model was trained on (its word ranks encode the review)");
        if (review == null || review.isBlank()) throw new IllegalArgumentException("review is empty: give a sentence, e.g. \"a wonderful film\"");
        if (maxlen < 1) throw new IllegalArgumentException("maxlen must be at least 1 (lesson 08 pads to 200), got " + maxlen);
        int[] out = model.outputShape();
        if (out.length != 1 || out[0] != 1) {
            throw new IllegalArgumentException("the model's output shape is " + java.util.Arrays.toString(out)
                    + ": occlusion needs one probability per review, a model ending in Dense(1, \"sigmoid\")");
        }
        int[] ids = data.encode(review);
        Integer start = data.options().startChar();
        Integer oov = data.options().oovChar();
        int hidden = oov == null ? 0 : oov;    // with no OOV id, padding hides a word as well
        // The model reads only the last maxlen ids (Keras truncates at the front): those are the words we measure.
        int from = Math.max(0, ids.length - maxlen);
        List<Integer> positions = new ArrayList<>();
        for (int j = from; j < ids.length; j++) {
            if (start != null && j == 0 && ids[j] == start) continue;   // the start marker is not a word
            positions.add(j);
        }
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("the review \"" + review + "\" has no words the tokenizer keeps");
        }
        int[][] rows = new int[1 + positions.size()][];
        rows[0] = ids;
        for (int k = 0; k < positions.size(); k++) {
            rows[k + 1] = ids.clone();
            rows[k + 1][positions.get(k)] = hidden;
        }
        double[] p = model.predict(Sequences.padSequences(rows, maxlen)).toArray();
        List<Word> words = new ArrayList<>();
        for (int k = 0; k < positions.size(); k++) {
            int id = ids[positions.get(k)];
            words.add(new Word(data.decode(new int[] {id}), id, p[0] - p[k + 1]));
        }
        int startOffset = start != null && ids.length > 0 && ids[0] == start ? 1 : 0;
        return new Occlusion(review, p[0], words, Math.max(0, from - startOffset));
    }

    /** The review as the learner wrote it. */
    public String review() {
        return review;
    }

    /** P(positive) of the whole review. */
    public double probability() {
        return probability;
    }

    /** The words the model reads, in order, each with its influence. */
    public List<Word> words() {
        return words;
    }

    /** How many words at the front the model never reads (the review is longer than maxlen). */
    public int cutWords() {
        return cutWords;
    }

    /** The largest |influence| (at least a tiny positive number, so a colour scale can divide by it). */
    public double maxAbsInfluence() {
        double m = 0;
        for (Word w : words) m = Math.max(m, Math.abs(w.influence()));
        return Math.max(m, 1e-6);
    }

    /** The {@code k} words with the largest |influence|, largest first. */
    public List<Word> strongest(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble((Word w) -> Math.abs(w.influence())).reversed());
        return Collections.unmodifiableList(sorted.subList(0, Math.min(k, sorted.size())));
    }

    @Override
    public String toString() {
        return Messages.get("out.occlusion.summary", String.format(Locale.ROOT, "%.3f", probability), words.size(), strongest(3));
    }
}
