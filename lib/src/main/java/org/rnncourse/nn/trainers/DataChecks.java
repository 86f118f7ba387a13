package org.rnncourse.nn.trainers;

import java.util.Arrays;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;

/**
 * The checks data passes where it enters fit, evaluate and predict, so a mistake is reported with
 * the argument's name and shape instead of surfacing later as a NaN loss or an index error. The texts
 * are the bundle's {@code nn.data.*} keys, in the learner's language; names and shapes stay as in code.
 */
public final class DataChecks {
    private DataChecks() {}

    /** x and y are there, not empty, finite, and one label per example. */
    public static void checkPair(String xName, String yName, Tensor x, Tensor y) {
        if (x == null || y == null) throw new IllegalArgumentException(Messages.get("nn.data.pairNull", xName, yName));
        if (x.batchSize() == 0) {
            throw new IllegalArgumentException(Messages.get("nn.data.empty", xName, Tensor.shapeString(x.shape())));
        }
        if (x.batchSize() != y.batchSize()) {
            throw new IllegalArgumentException(Messages.get("nn.data.countMismatch", xName, x.batchSize(),
                    Tensor.shapeString(x.shape()), yName, y.batchSize(), Tensor.shapeString(y.shape())));
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
                throw new IllegalArgumentException(Messages.get("nn.data.notFinite", index, d[k]));
            }
        }
    }

    /** Every size after the batch must be at least 1: a model with zero time steps has nothing to read. */
    public static void requireSteps(String what, int[] shapeWithoutBatch) {
        for (int i = 0; i < shapeWithoutBatch.length; i++) {
            if (shapeWithoutBatch[i] < 1) {
                throw new IllegalArgumentException(Messages.get(i == 0 ? "nn.data.noTimeSteps" : "nn.data.zeroSize",
                        what, Tensor.batchShapeString(shapeWithoutBatch), shapeWithoutBatch[i]));
            }
        }
    }

    /** Builds the model from the data's shape if needed, then checks the data fits the model. */
    public static void prepareInput(Sequential model, String what, Tensor x) {
        if (model.layers().isEmpty()) throw new IllegalStateException(Messages.get("nn.data.noLayers"));
        int[] s = x.shape();
        if (!model.isBuilt()) {
            if (s.length < 2) {
                throw new IllegalArgumentException(Messages.get("nn.data.notABatch", what, Tensor.shapeString(s)));
            }
            requireSteps(Messages.get("nn.data.exampleShape", what, Tensor.shapeString(s)), Arrays.copyOfRange(s, 1, s.length));
            model.build(Arrays.copyOfRange(s, 1, s.length));
        }
        int[] inputShape = model.inputShape();
        boolean ok = s.length == inputShape.length + 1;
        for (int i = 0; ok && i < inputShape.length; i++) ok = s[i + 1] == inputShape[i];
        if (!ok) {
            String hint = s.length != inputShape.length + 1
                    ? Messages.get("nn.data.wrongRank", s.length, inputShape.length + 1)
                    : Messages.get("nn.data.sizesDiffer");
            throw new IllegalArgumentException(Messages.get("nn.data.wrongShape", what, Tensor.shapeString(s),
                    Tensor.batchShapeString(inputShape), hint));
        }
    }
}
