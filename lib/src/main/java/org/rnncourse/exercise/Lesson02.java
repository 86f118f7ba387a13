package org.rnncourse.exercise;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.step.FeedForward;
import org.rnncourse.step.WordOrderDemo;

/** Checks for the exercises of lesson 02 (why sequences), all on the lesson's {@link WordOrderDemo}. */
public final class Lesson02 {
    static final double TOL = 1e-9;
    /** The sentence of exercises 1 and 2. */
    public static final String SENTENCE = WordOrderDemo.SENTENCE_2;
    /** The length of the long sentence of exercise 3. */
    public static final int LONG_SENTENCE = 40;

    private Lesson02() {}

    /** Exercise 1: the average of the word vectors of "Việt Nam yêu tôi", (1×3): what the feed-forward network reads. */
    public static void checkAverage(DMatrixRMaj average) {
        WordOrderDemo demo = WordOrderDemo.create();
        List<DMatrixRMaj> xs = demo.vectors(SENTENCE);
        DMatrixRMaj expected = FeedForward.average(xs);
        String what = "the average";
        DMatrixRMaj sum = expected.copy();
        CommonOps_DDRM.scale(xs.size(), sum);
        if (average != null && !Check.same(expected, average, TOL) && Check.same(sum, average, TOL)) {
            throw Check.fail(what, "this is the sum of the four word vectors.",
                    "divide by the number of words, T = " + xs.size() + ".");
        }
        Check.requireClose(what, expected, average, TOL,
                "add the four (1×3) vectors of demo.vectors(\"" + SENTENCE + "\") and divide by 4.");
        System.out.println("✔ " + what + " is right. It is the same for \"" + WordOrderDemo.SENTENCE_1
                + "\": a sum does not care about order.");
    }

    /** Exercise 2: the RNN's final hidden state A_4 for "Việt Nam yêu tôi", (1×4), computed step by step. */
    public static void checkFinalState(DMatrixRMaj hT) {
        WordOrderDemo demo = WordOrderDemo.create();
        DMatrixRMaj expected = demo.rnnFinalState(SENTENCE);
        String what = "h_4";
        if (hT != null && hT.numRows == 4 && hT.numCols == 1) {
            throw Check.fail(what, "expected shape (1×4), got (4×1).",
                    "the demo uses the row form: cell.step(X_t (1×3), A_prev (1×4)) gives a (1×4) row.");
        }
        if (hT != null && Check.same(demo.rnnFinalState(WordOrderDemo.SENTENCE_1), hT, TOL)) {
            throw Check.fail(what, "this is the final state of \"" + WordOrderDemo.SENTENCE_1 + "\".",
                    "read the words in the order of \"" + SENTENCE + "\": việt, nam, yêu, tôi.");
        }
        List<DMatrixRMaj> xs = demo.vectors(SENTENCE);
        DMatrixRMaj lastWordAlone = demo.rnn.cell.step(xs.get(xs.size() - 1), new DMatrixRMaj(1, 4));
        if (hT != null && Check.same(lastWordAlone, hT, TOL)) {
            throw Check.fail(what, "this is the state after reading \"tôi\" alone, from zeros.",
                    "carry the state: the A that comes out of one step goes into the next.");
        }
        if (hT != null && Check.same(demo.rnnStates(SENTENCE).get(0), hT, TOL)) {
            throw Check.fail(what, "this is h_1, the state after the first word only.",
                    "loop over all four words and keep the state from each step.");
        }
        Check.requireClose(what, expected, hT, TOL,
                "start from Matrices.zeros(1, 4) and apply A = demo.rnn.cell.step(x, A) to each word vector in order.");
        Check.pass(what);
    }

    /** Exercise 3: how many numbers the RNN cell (W_ax, W_aa, b_a) uses to read a sentence of 40 words. */
    public static void checkSharedWeights(long n) {
        WordOrderDemo demo = WordOrderDemo.create();
        long expected = demo.rnn.cell.parameterCount();
        String what = "the cell's weight count";
        if (n == expected * LONG_SENTENCE) {
            throw Check.fail(what, "got " + n + ": this counts the weights once per word, " + LONG_SENTENCE + " times.",
                    "the weights are shared: all " + LONG_SENTENCE + " steps use the same W_ax, W_aa and b_a.");
        }
        long nx = demo.rnn.cell.nX, na = demo.rnn.cell.nA;
        if (n == nx * na + na * na) {
            throw Check.fail(what, "got " + n + ": W_ax and W_aa are counted, the bias is not.", "count the bias b_a too.");
        }
        Check.equal(what, expected, n, "a matrix of shape (r×c) holds r·c numbers: read the shapes of W_ax, W_aa and b_a "
                + "(Shapes.of(demo.rnn.cell.Wax) …); the length of the sentence does not appear.");
    }
}
