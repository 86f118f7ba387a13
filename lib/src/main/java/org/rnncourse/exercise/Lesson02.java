package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.FeedForward;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.Shapes;
import org.rnncourse.lessons.WordOrderDemo;
import org.rnncourse.scratch.OwnWork;

/** Checks for the exercises of lesson 02 (why sequences), all on the lesson's {@link WordOrderDemo}. */
public final class Lesson02 {
    static final double TOL = 1e-9;
    /** The sentence of exercises 1 and 2. */
    public static final String SENTENCE = WordOrderDemo.SENTENCE_2;

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

    /** A learner's run of a cell over a sentence in the row form: the last hidden state, from zeros. */
    @FunctionalInterface
    public interface FinalState {
        DMatrixRMaj apply(RnnCell cell, List<DMatrixRMaj> xs);
    }

    /**
     * Exercise 2: a function that runs the cell over the word vectors, one at a time from A_0 = 0, and
     * returns the final hidden state (1×n_a). The check calls it on "Việt Nam yêu tôi" and on random
     * cells and sequences drawn at check time, with a private reference, so the demo's own
     * {@code rnnFinalState} is no answer.
     */
    public static void checkFinalState(FinalState run) {
        String what = "finalState";
        if (run == null) {
            throw Check.missing(what, "pass your function: Lesson02.checkFinalState((cell, xs) -> finalState(cell, xs)).");
        }
        WordOrderDemo demo = WordOrderDemo.create();
        tryRun(run, demo.rnn.cell, demo.vectors(SENTENCE), "\"" + SENTENCE + "\"");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int steps = 2 + r.nextInt(4);
            List<DMatrixRMaj> xs = new ArrayList<>();
            for (int t = 0; t < steps; t++) xs.add(Matrices.gaussian(1, 3, 1, r));
            tryRun(run, RnnCell.random(3, 4, Activation.TANH, 0.5, r), xs, "a random cell and " + steps + " random word vectors");
        }
        Check.pass(what);
    }

    private static void tryRun(FinalState run, RnnCell cell, List<DMatrixRMaj> xs, String trial) {
        String what = "finalState, on " + trial;
        DMatrixRMaj h = new DMatrixRMaj(1, cell.nA), first = null;
        for (DMatrixRMaj x : xs) {
            h = cell.step(x, h);
            if (first == null) first = h;
        }
        DMatrixRMaj expected = h;
        DMatrixRMaj reversed = new DMatrixRMaj(1, cell.nA);
        for (int t = xs.size() - 1; t >= 0; t--) reversed = cell.step(xs.get(t), reversed);
        DMatrixRMaj lastAlone = cell.step(xs.get(xs.size() - 1), new DMatrixRMaj(1, cell.nA));
        DMatrixRMaj hT;
        try {
            hT = OwnWork.check("finalState", () -> run.apply(cell, List.copyOf(xs)), OwnWork.Topic.RNN_SEQUENCE);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("finalState", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "the row form: cell.step(x (1×n_x), A (1×n_a)) gives the next A (1×n_a); start from Matrices.zeros(1, cell.nA).");
        }
        if (hT != null && hT.numRows == cell.nA && hT.numCols == 1) {
            throw Check.fail(what, "expected shape " + Shapes.of(1, cell.nA) + ", got " + Shapes.of(hT) + ".",
                    "the demo uses the row form: cell.step(X_t (1×3), A_prev (1×4)) gives a (1×4) row.");
        }
        if (hT != null && !Check.same(expected, hT, TOL)) {
            if (Check.same(reversed, hT, TOL)) {
                throw Check.fail(what, "this is the final state of the words read in reverse order.",
                        "read the vectors in the order of the list: the first word first.");
            }
            if (Check.same(lastAlone, hT, TOL)) {
                throw Check.fail(what, "this is the state after reading the last word alone, from zeros.",
                        "carry the state: the A that comes out of one step goes into the next.");
            }
            if (Check.same(first, hT, TOL)) {
                throw Check.fail(what, "this is h_1, the state after the first word only.",
                        "loop over all the word vectors and keep the state from each step.");
            }
        }
        Check.requireClose(what, expected, hT, TOL,
                "start from Matrices.zeros(1, cell.nA) and apply A = cell.step(x, A) to each vector in order.");
    }
}
