package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
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
        String what = "the parameter count";
        if (n == (long) D_X * D_H + (long) D_H * D_H) {
            throw Check.fail(what, "got " + n + ": W_ax and W_aa are counted, the bias is not.",
                    "the bias b_a has D_h more numbers.");
        }
        if (n == (long) D_X * D_H + D_H) {
            throw Check.fail(what, "got " + n + ": that is a feed-forward layer's count.",
                    "the recurrent W_aa (D_h × D_h) is missing.");
        }
        Check.equal(what, expected, n, "D_x·D_h (W_ax) + D_h·D_h (W_aa) + D_h (b_a).");
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
            throw Check.missing(what, "pass your function: Lesson04.checkStackForward((layer1, layer2, xs) -> stackForward(layer1, layer2, xs)).");
        }
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int m = 1 + r.nextInt(3), nx = 2 + r.nextInt(3), nh = 3 + r.nextInt(2), nk = 2 + r.nextInt(2), T = 2 + r.nextInt(4);
            RnnCell layer1 = new RnnCell(Matrices.gaussian(nx, nh, 0.6, r), Matrices.gaussian(nh, nh, 0.6, r), Matrices.gaussian(1, nh, 0.3, r), Activation.TANH);
            RnnCell layer2 = new RnnCell(Matrices.gaussian(nh, nk, 0.6, r), Matrices.gaussian(nk, nk, 0.6, r), Matrices.gaussian(1, nk, 0.3, r), Activation.TANH);
            List<DMatrixRMaj> xs = new ArrayList<>();
            for (int t = 0; t < T; t++) xs.add(Matrices.gaussian(m, nx, 1, r));
            tryStack(f, layer1, layer2, xs, "a random stack " + nx + " → " + nh + " → " + nk + ", m = " + m + ", T = " + T);
        }
        Check.pass(what);
    }

    private static void tryStack(StackForward f, RnnCell layer1, RnnCell layer2, List<DMatrixRMaj> xs, String trial) {
        String what = "stackForward, on " + trial;
        int T = xs.size(), m = xs.get(0).numRows;
        List<DMatrixRMaj> hs = layer1.forward(xs).hiddenStates();
        List<DMatrixRMaj> ks = layer2.forward(hs).hiddenStates();
        List<DMatrixRMaj> got;
        try {
            List<DMatrixRMaj> copies = new ArrayList<>();
            for (DMatrixRMaj x : xs) copies.add(x.copy());
            got = OwnWork.check("stackForward", () -> f.apply(copy(layer1), copy(layer2), copies), OwnWork.Topic.RNN_SEQUENCE);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("stackForward", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "layer 1 reads X_t (m×n_x) and returns H_t (m×n_h); layer 2 reads H_t and returns K_t (m×n_k). Does layer 2 read X_t?");
        }
        if (got == null) {
            throw Check.missing(what, "return the list of layer 2's states K_1 … K_T.");
        }
        if (got.size() == 1 && T > 1) {
            DMatrixRMaj onlyLast = layer2.step(hs.get(T - 1), new DMatrixRMaj(m, layer2.nA));
            if (Check.same(onlyLast, got.get(0), TOL)) {
                throw Check.fail(what, "layer 2 read only H_T, one step: layer 1 did not return its whole sequence.",
                        "layer 2 needs an H_t at every step: keep every H_t of layer 1 (Keras: return_sequences=True), then run layer 2 over all of them.");
            }
        }
        Check.isTrueQuietly(what, got.size() == T, "expected " + T + " states K_1 … K_T, got " + got.size() + ".",
                "return one K_t per time step, in order.");
        if (layer1.nX == layer1.nA && Check.same(layer2.forward(xs).a(T), got.get(T - 1), TOL) && !Check.same(ks.get(T - 1), got.get(T - 1), TOL)) {
            throw Check.fail(what, "layer 2 read X_t, not layer 1's H_t.",
                    "layer 2's input at step t is H_t, what layer 1 wrote at that step.");
        }
        for (int t = 0; t < T; t++) {
            if (got.get(t) != null && got.get(t).numRows == m && got.get(t).numCols == layer1.nA && layer1.nA != layer2.nA
                    && Check.same(hs.get(t), got.get(t), TOL)) {
                throw Check.fail(what, "K_" + (t + 1) + " is layer 1's H_" + (t + 1) + ": layer 2 was not applied.",
                        "run layer 2 over H_1 … H_T and return its states.");
            }
            if (t > 0 && Check.same(layer2.step(hs.get(t), new DMatrixRMaj(m, layer2.nA)), got.get(t), TOL)
                    && !Check.same(ks.get(t), got.get(t), TOL)) {
                throw Check.fail(what, "K_" + (t + 1) + " is computed from K = 0: layer 2's state is not carried.",
                        "each layer carries its own state: K_t = tanh(H_t W_hk + K_{t−1} W_kk + b_k).");
            }
            Check.requireClose(what + ", K_" + (t + 1), ks.get(t), got.get(t), TOL,
                    "H_t = layer1.step(X_t, H_{t−1}) for every t, then K_t = layer2.step(H_t, K_{t−1}), both from zeros (m rows).");
        }
    }

    private static RnnCell copy(RnnCell c) {
        return new RnnCell(c.Wax.copy(), c.Waa.copy(), c.ba.copy(), c.f);
    }

    private static final double TOL = 1e-9;
}
