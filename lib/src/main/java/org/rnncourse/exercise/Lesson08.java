package org.rnncourse.exercise;

import java.util.Arrays;
import org.rnncourse.data.ImdbData;
import org.rnncourse.data.Sequences;

/** Checks for lesson 08 (IMDB sentiment). Expected answers come from the library. */
public final class Lesson08 {
    private Lesson08() {}

    /** Exercise 1: accuracy at the 0.5 threshold (p ≥ 0.5 is positive, as Keras's accuracy). */
    public static void checkAccuracy(double answer, double[] probabilities, int[] labels) {
        if (probabilities == null || labels == null || probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("probabilities and labels must be non-empty and of the same length");
        }
        int right = 0;
        int rightStrict = 0;
        for (int i = 0; i < labels.length; i++) {
            right += ((probabilities[i] >= 0.5 ? 1 : 0) == labels[i]) ? 1 : 0;
            rightStrict += ((probabilities[i] > 0.5 ? 1 : 0) == labels[i]) ? 1 : 0;
        }
        double expected = (double) right / labels.length;
        if (answer > 1.0 && answer <= labels.length) {
            throw Check.fail("the accuracy", "got " + answer + ", a count of reviews rather than a fraction.",
                    "divide the number of right answers by the number of reviews.");
        }
        if (Math.abs(answer - expected) > 1e-12 && Math.abs(answer - (double) rightStrict / labels.length) < 1e-12) {
            throw Check.fail("the accuracy", "got " + answer + ", which counts p = 0.5 as negative.",
                    "a probability of exactly 0.5 counts as positive (p ≥ 0.5).");
        }
        Check.close("the accuracy", expected, answer, 1e-12,
                "label = p ≥ 0.5 ? 1 : 0, then the fraction of labels equal to yTest.");
    }

    /** Exercise 2: {1, 14, 22, 16, 43} padded to 8 and cut to 3 with Keras's defaults (pre, pre). */
    public static void checkPadding(int[] padded, int[] cut) {
        int[][] review = {{1, 14, 22, 16, 43}};
        int[] wantPadded = Sequences.padSequences(review, 8)[0];
        int[] wantCut = Sequences.padSequences(review, 3)[0];
        if (padded == null || cut == null) {
            throw Check.missing(padded == null ? "padded" : "cut", "use Sequences.padSequences(new int[][] {…}, length)[0].");
        }
        if (!Arrays.equals(padded, wantPadded)) {
            boolean post = Arrays.equals(padded, Sequences.padSequences(review, 8, "post", "pre", 0)[0]);
            String hint = post ? "the zeros go in FRONT by default (padding \"pre\"), so the review ends at the last step."
                    : "8 numbers: zeros first, then the review.";
            throw Check.fail("padded", "got " + Arrays.toString(padded) + (padded.length != 8 ? ", " + padded.length + " numbers."
                    : post ? ": the zeros are at the end." : ", which is not the padded review."), hint);
        }
        if (!Arrays.equals(cut, wantCut)) {
            boolean post = Arrays.equals(cut, Sequences.padSequences(review, 3, "pre", "post", 0)[0]);
            String hint = post ? "Keras cuts the BEGINNING by default (truncating \"pre\"): the last words stay."
                    : "3 numbers, the last three of the review.";
            throw Check.fail("cut", "got " + Arrays.toString(cut) + (cut.length != 3 ? ", " + cut.length + " numbers."
                    : post ? ": the first words were kept." : ", which is not the cut review."), hint);
        }
        Check.pass("padding and truncation");
    }

    /** Exercise 3: the words of a sentence that are out of the vocabulary (index 2). */
    public static void checkOovCount(int answer, ImdbData data, String sentence) {
        if (data == null || sentence == null) {
            throw new IllegalArgumentException("data and sentence are needed: pass the lesson's data and mine[0]");
        }
        long expected = Arrays.stream(data.encode(sentence)).filter(id -> id == 2).count();
        Check.equal("the number of out-of-vocabulary words", expected, answer,
                "encode the sentence with data.encode(...) and count the ids equal to 2 (the start mark 1 is not a word).");
    }
}
