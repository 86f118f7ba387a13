package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.Messages;
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
        String what = Messages.get("lesson02.average.what");
        DMatrixRMaj sum = expected.copy();
        CommonOps_DDRM.scale(xs.size(), sum);
        if (average != null && !Check.same(expected, average, TOL) && Check.same(sum, average, TOL)) {
            throw Check.fail(what, Messages.get("lesson02.average.sum"), Messages.get("lesson02.average.sum.hint", xs.size()));
        }
        Check.requireClose(what, expected, average, TOL, Messages.get("lesson02.average.hint", SENTENCE));
        System.out.println(Messages.get("lesson02.average.pass", what, WordOrderDemo.SENTENCE_1));
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
            throw Check.missing(what, Messages.get("lesson02.finalState.missing"));
        }
        WordOrderDemo demo = WordOrderDemo.create();
        tryRun(run, demo.rnn.cell, demo.vectors(SENTENCE), "\"" + SENTENCE + "\"");
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int steps = 2 + r.nextInt(4);
            List<DMatrixRMaj> xs = new ArrayList<>();
            for (int t = 0; t < steps; t++) xs.add(Matrices.gaussian(1, 3, 1, r));
            tryRun(run, RnnCell.random(3, 4, Activation.TANH, 0.5, r), xs, Messages.get("lesson02.finalState.trial.random", steps));
        }
        Check.pass(what);
    }

    private static void tryRun(FinalState run, RnnCell cell, List<DMatrixRMaj> xs, String trial) {
        String what = Messages.get("lesson02.on", "finalState", trial);
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
            throw Check.fail("finalState", Messages.get("lesson02.notWritten", e.getMessage()), Messages.get("lesson02.writeBody"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson02.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson02.finalState.threw.hint"));
        }
        if (hT != null && hT.numRows == cell.nA && hT.numCols == 1) {
            throw Check.fail(what, Messages.get("check.wrongShape", Shapes.of(1, cell.nA), Shapes.of(hT)),
                    Messages.get("lesson02.finalState.column.hint"));
        }
        if (hT != null && !Check.same(expected, hT, TOL)) {
            if (Check.same(reversed, hT, TOL)) {
                throw Check.fail(what, Messages.get("lesson02.finalState.reversed"), Messages.get("lesson02.finalState.reversed.hint"));
            }
            if (Check.same(lastAlone, hT, TOL)) {
                throw Check.fail(what, Messages.get("lesson02.finalState.lastAlone"), Messages.get("lesson02.finalState.lastAlone.hint"));
            }
            if (Check.same(first, hT, TOL)) {
                throw Check.fail(what, Messages.get("lesson02.finalState.first"), Messages.get("lesson02.finalState.first.hint"));
            }
        }
        Check.requireClose(what, expected, hT, TOL, Messages.get("lesson02.finalState.hint"));
    }
}
