package org.rnncourse.nn.trainers;

import java.util.Arrays;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;

/**
 * The checks data passes where it enters fit, evaluate and predict, so a mistake is reported with
 * the argument's name and shape instead of surfacing later as a NaN loss or an index error.
 */
public final class DataChecks {
    private DataChecks() {}

    /** x and y are there, not empty, finite, and one label per example. */
    public static void checkPair(String xName, String yName, Tensor x, Tensor y) {
        if (x == null || y == null) throw new IllegalArgumentException(xName + " and " + yName + " must not be null");
        if (x.batchSize() == 0) {
            throw new IllegalArgumentException(xName + " is empty: shape " + Tensor.shapeString(x.shape()));
        }
        if (x.batchSize() != y.batchSize()) {
            throw new IllegalArgumentException(xName + " has " + x.batchSize() + " examples " + Tensor.shapeString(x.shape())
                    + " but " + yName + " has " + y.batchSize() + " labels " + Tensor.shapeString(y.shape())
                    + "; they must match one to one");
        }
        requireFinite(xName, x);
        requireFinite(yName, y);
    }

    /** A NaN or infinite input would only come back as a NaN loss: refuse it where it enters, with its place. */
    public static void requireFinite(String what, Tensor t) {
        double[] d = t.data();
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                int[] s = t.shape();
                int[] at = new int[s.length];
                for (int i = s.length - 1, r = k; i >= 0; i--) {
                    at[i] = s[i] == 0 ? 0 : r % s[i];
                    r = s[i] == 0 ? 0 : r / s[i];
                }
                StringBuilder index = new StringBuilder(what);
                for (int i : at) index.append('[').append(i).append(']');
                throw new IllegalArgumentException(index + " is " + d[k] + ": the data must be finite numbers "
                        + "(fix or drop that example before training).");
            }
        }
    }

    /** Every size after the batch must be at least 1: a model with zero time steps has nothing to read. */
    public static void requireSteps(String what, int[] shapeWithoutBatch) {
        for (int i = 0; i < shapeWithoutBatch.length; i++) {
            if (shapeWithoutBatch[i] < 1) {
                throw new IllegalArgumentException(what + " " + Tensor.batchShapeString(shapeWithoutBatch) + " has a size "
                        + shapeWithoutBatch[i] + (i == 0 ? " for the time steps" : "") + ": every size must be at least 1"
                        + (i == 0 ? " (pad the sequences to a length of at least 1 with Sequences.padSequences)." : "."));
            }
        }
    }

    /** Builds the model from the data's shape if needed, then checks the data fits the model. */
    public static void prepareInput(Sequential model, String what, Tensor x) {
        if (model.layers().isEmpty()) throw new IllegalStateException("the model has no layers: add some first");
        int[] s = x.shape();
        if (!model.isBuilt()) {
            if (s.length < 2) {
                throw new IllegalArgumentException(what + " has shape " + Tensor.shapeString(s)
                        + ": expected a batch of examples, e.g. (batch, time, features)");
            }
            requireSteps(what + " has shape " + Tensor.shapeString(s) + ": its example shape", Arrays.copyOfRange(s, 1, s.length));
            model.build(Arrays.copyOfRange(s, 1, s.length));
        }
        int[] inputShape = model.inputShape();
        boolean ok = s.length == inputShape.length + 1;
        for (int i = 0; ok && i < inputShape.length; i++) ok = s[i + 1] == inputShape[i];
        if (!ok) {
            String hint = s.length != inputShape.length + 1
                    ? " (rank " + s.length + " instead of " + (inputShape.length + 1) + ")"
                    : " (the sizes after the batch differ)";
            throw new IllegalArgumentException(what + " has shape " + Tensor.shapeString(s)
                    + " but the model expects input " + Tensor.batchShapeString(inputShape) + hint);
        }
    }
}
