package org.rnncourse.exercise;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Parameters;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.TwoLayerRnn;

/** Checks for the exercises of lesson 04 (shapes and parameters). */
public final class Lesson04 {
    /** Exercise 1's layer: embeddings of D_x = 4 numbers into D_h = 3 hidden units. */
    public static final int D_X = 4, D_H = 3;
    /** Exercise 2's stack: D_x = 4 → layer 1 with 3 units → layer 2 with 2 units → 1 sigmoid output. */
    public static final int STACK_X = 4, STACK_H = 3, STACK_K = 2, STACK_Y = 1;
    /** Exercise 3's batch: m = 5 examples of n_x = 4 features, into n_a = 3 units. */
    public static final int BATCH_M = 5, BATCH_NX = 4, BATCH_NA = 3;
    private static final long SEED = 4;

    private Lesson04() {}

    /** Exercise 1: the parameters of one simple RNN layer with D_x = 4, D_h = 3 (the course's 24). */
    public static void checkParameterCount(long n) {
        long expected = Parameters.rnnLayer(D_X, D_H);
        String what = "the parameter count";
        if (n == (long) D_X * D_H + (long) D_H * D_H) {
            throw Check.fail(what, "got " + n + ": W_xh and W_hh are counted, the bias is not.",
                    "the bias b_h has D_h more numbers.");
        }
        if (n == (long) D_X * D_H + D_H) {
            throw Check.fail(what, "got " + n + ": that is a feed-forward layer's count.",
                    "the recurrent W_hh (D_h × D_h) is missing.");
        }
        Check.equal(what, expected, n, "D_x·D_h (W_xh) + D_h·D_h (W_hh) + D_h (b_h).");
    }

    /** Exercise 2: the parameters of the stack 4 → SimpleRNN(3) → SimpleRNN(2) → Dense(1). */
    public static void checkStackParameterCount(long n) {
        long expected = stack().parameterCount();
        String what = "the stack's parameter count";
        long layer2ReadsX = Parameters.rnnLayer(STACK_X, STACK_H) + Parameters.rnnLayer(STACK_X, STACK_K)
                + Parameters.dense(STACK_K, STACK_Y);
        if (n == layer2ReadsX) {
            throw Check.fail(what, "got " + n + ": layer 2 is counted as if it read X_t.",
                    "layer 2 reads H_t, not X_t: its input size is layer 1's D_h.");
        }
        if (n == Parameters.stack(STACK_X, STACK_H, STACK_K)) {
            throw Check.fail(what, "got " + n + ": the two recurrent layers without the output layer.",
                    "add the output layer: W_ky and b_y.");
        }
        Check.equal(what, expected, n,
                "each recurrent layer: D_in·D_h + D_h·D_h + D_h (layer 2's D_in is layer 1's D_h); the output layer: D_in·D_y + D_y.");
    }

    /** The cell of exercise 3 (n_x = 4, n_a = 3, tanh), the same on every call. */
    public static RnnCell batchCell() {
        RnnCell cell = RnnCell.random(BATCH_NX, BATCH_NA, Activation.TANH, 0.5, SEED);
        Random r = new Random(SEED + 1);
        for (int j = 0; j < BATCH_NA; j++) {
            cell.ba.set(0, j, 0.1 * r.nextGaussian());
        }
        return cell;
    }

    /** The batch X_1 of exercise 3, (5×4): 5 examples, one per row, the same on every call. */
    public static DMatrixRMaj batchInput() {
        return Matrices.gaussian(BATCH_M, BATCH_NX, 1.0, SEED + 2);
    }

    /** Exercise 3: A_1 = tanh(X_1·W_ax + A_0·W_aa + b_a) for the batch, from A_0 = 0, (5×3). */
    public static void checkBatchStep(DMatrixRMaj A1) {
        RnnCell cell = batchCell();
        DMatrixRMaj expected = cell.step(batchInput(), new DMatrixRMaj(BATCH_M, BATCH_NA));
        String what = "A_1";
        if (A1 != null && A1.numRows == BATCH_NA && A1.numCols == BATCH_M) {
            throw Check.fail(what, "expected shape (5×3), got (3×5).",
                    "(m, n_x) · (n_x, n_a) = (m, n_a): one row per example, one column per hidden unit.");
        }
        Check.requireClose(what, expected, A1, 1e-9,
                "A_1 = tanh(X_1·W_ax + A_0·W_aa + b_a) with A_0 = 0 (5×3); b_a (1×3) is added to every row.");
        Check.pass(what);
    }

    /** The stack of exercise 2 (its weights do not matter for the count). */
    static TwoLayerRnn stack() {
        return TwoLayerRnn.random(STACK_X, STACK_H, STACK_K, STACK_Y, Activation.SIGMOID, SEED);
    }
}
