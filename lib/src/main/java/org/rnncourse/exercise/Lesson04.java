package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Parameters;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for the exercises of lesson 04 (shapes and parameters): the course's one parameter count
 * (24), and the forward pass of a two-layer stack, a function checked on random layers.
 */
public final class Lesson04 {
    /** Exercise 1's layer: embeddings of D_x = 4 numbers into D_h = 3 hidden units. */
    public static final int D_X = 4, D_H = 3;

    private Lesson04() {}

    /** Exercise 1: the parameters of one simple RNN layer with D_x = 4, D_h = 3 (the course's 24). */
    public static void checkParameterCount(long n) {
        long expected = Parameters.rnnLayer(D_X, D_H);
        String what = Messages.get("lesson04.count.what");
        if (n == (long) D_X * D_H + (long) D_H * D_H) {
            throw Check.fail(what, Messages.get("lesson04.count.noBias", n), Messages.get("lesson04.count.noBias.hint"));
        }
        if (n == (long) D_X * D_H + D_H) {
            throw Check.fail(what, Messages.get("lesson04.count.feedForward", n), Messages.get("lesson04.count.feedForward.hint"));
        }
        Check.equal(what, expected, n, Messages.get("lesson04.count.hint"));
    }

    /** A learner's two-layer stack: layer 2 reads layer 1's H_t at every step; returns K_1 … K_T. */
    @FunctionalInterface
    public interface StackForward {
        List<DMatrixRMaj> apply(RnnCell layer1, RnnCell layer2, List<DMatrixRMaj> xs);
    }

    /**
     * Exercise 2: the forward pass of a stack of two RNN layers over a batch of sequences. Checked on
     * random layers, batches and lengths drawn at check time; the usual mistakes are named: layer 2
     * reading only H_T (layer 1 not returning its sequence), layer 2 reading X_t, a state not carried.
     */
    public static void checkStackForward(StackForward f) {
        String what = "stackForward";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson04.stackForward.missing"));
        }
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int m = 1 + r.nextInt(3), nx = 2 + r.nextInt(3), nh = 3 + r.nextInt(2), nk = 2 + r.nextInt(2), T = 2 + r.nextInt(4);
            RnnCell layer1 = new RnnCell(Matrices.gaussian(nx, nh, 0.6, r), Matrices.gaussian(nh, nh, 0.6, r), Matrices.gaussian(1, nh, 0.3, r), Activation.TANH);
            RnnCell layer2 = new RnnCell(Matrices.gaussian(nh, nk, 0.6, r), Matrices.gaussian(nk, nk, 0.6, r), Matrices.gaussian(1, nk, 0.3, r), Activation.TANH);
            List<DMatrixRMaj> xs = new ArrayList<>();
            for (int t = 0; t < T; t++) xs.add(Matrices.gaussian(m, nx, 1, r));
            tryStack(f, layer1, layer2, xs, Messages.get("lesson04.stackForward.trial.random", nx, nh, nk, m, T));
        }
        Check.pass(what);
    }

    private static void tryStack(StackForward f, RnnCell layer1, RnnCell layer2, List<DMatrixRMaj> xs, String trial) {
        String what = Messages.get("lesson04.on", "stackForward", trial);
        int T = xs.size(), m = xs.get(0).numRows;
        List<DMatrixRMaj> hs = layer1.forward(xs).hiddenStates();
        List<DMatrixRMaj> ks = layer2.forward(hs).hiddenStates();
        List<DMatrixRMaj> got;
        try {
            List<DMatrixRMaj> copies = new ArrayList<>();
            for (DMatrixRMaj x : xs) copies.add(x.copy());
            got = OwnWork.check("stackForward", () -> f.apply(copy(layer1), copy(layer2), copies), OwnWork.Topic.RNN_SEQUENCE);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("stackForward", Messages.get("lesson04.notWritten", e.getMessage()), Messages.get("lesson04.writeBody"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson04.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson04.stackForward.threw.hint"));
        }
        if (got == null) {
            throw Check.missing(what, Messages.get("lesson04.stackForward.null"));
        }
        if (got.size() == 1 && T > 1) {
            DMatrixRMaj onlyLast = layer2.step(hs.get(T - 1), new DMatrixRMaj(m, layer2.nA));
            if (Check.same(onlyLast, got.get(0), TOL)) {
                throw Check.fail(what, Messages.get("lesson04.stackForward.lastOnly"), Messages.get("lesson04.stackForward.lastOnly.hint"));
            }
        }
        Check.isTrueQuietly(what, got.size() == T, Messages.get("lesson04.stackForward.count", T, got.size()),
                Messages.get("lesson04.stackForward.count.hint"));
        if (layer1.nX == layer1.nA && Check.same(layer2.forward(xs).a(T), got.get(T - 1), TOL) && !Check.same(ks.get(T - 1), got.get(T - 1), TOL)) {
            throw Check.fail(what, Messages.get("lesson04.stackForward.readsX"), Messages.get("lesson04.stackForward.readsX.hint"));
        }
        for (int t = 0; t < T; t++) {
            if (got.get(t) != null && got.get(t).numRows == m && got.get(t).numCols == layer1.nA && layer1.nA != layer2.nA
                    && Check.same(hs.get(t), got.get(t), TOL)) {
                throw Check.fail(what, Messages.get("lesson04.stackForward.noLayer2", t + 1), Messages.get("lesson04.stackForward.noLayer2.hint"));
            }
            if (t > 0 && Check.same(layer2.step(hs.get(t), new DMatrixRMaj(m, layer2.nA)), got.get(t), TOL)
                    && !Check.same(ks.get(t), got.get(t), TOL)) {
                throw Check.fail(what, Messages.get("lesson04.stackForward.notCarried", t + 1), Messages.get("lesson04.stackForward.notCarried.hint"));
            }
            Check.requireClose(what + ", K_" + (t + 1), ks.get(t), got.get(t), TOL, Messages.get("lesson04.stackForward.hint"));
        }
    }

    private static RnnCell copy(RnnCell c) {
        return new RnnCell(c.Wax.copy(), c.Waa.copy(), c.ba.copy(), c.f);
    }

    private static final double TOL = 1e-9;
}
