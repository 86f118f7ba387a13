package org.rnncourse.nn.losses;

import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;

/**
 * Categorical cross-entropy with integer class labels instead of one-hot rows: −log p_label.
 * Labels (batch,) go with predictions (batch, classes); (batch, time) with (batch, time, classes).
 */
public final class SparseCategoricalCrossentropy implements Loss {
    @Override
    public String name() {
        return "sparse_categorical_crossentropy";
    }

    @Override
    public Tensor prepareTargets(Tensor y, int[] predShape) {
        int[] ys = y.shape();
        boolean ok = ys.length == predShape.length;
        for (int i = 0; ok && i < predShape.length - 1; i++) ok = ys[i + 1] == predShape[i];
        if (!ok) {
            throw new IllegalArgumentException(Messages.get("nn.losses.sparseShape", name(), Tensor.shapeString(ys),
                    Tensor.batchShapeString(predShape)));
        }
        int classes = predShape[predShape.length - 1];
        for (int i = 0; i < y.size(); i++) {
            double v = y.data()[i];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new IllegalArgumentException(Messages.get("nn.losses.notAClass", name(), "y[" + i + "]", v, classes));
            }
        }
        return y;
    }

    @Override
    public double compute(Tensor yPred, Tensor yTrue, double[] grad) {
        double[] p = yPred.data(), y = yTrue.data();
        int classes = yPred.dim(yPred.rank() - 1), rows = p.length / classes;
        double total = 0, eps = BinaryCrossentropy.EPSILON;
        if (grad != null) java.util.Arrays.fill(grad, 0.0);
        for (int r = 0; r < rows; r++) {
            int off = r * classes, label = (int) y[r];
            double s = 0;
            for (int c = 0; c < classes; c++) s += p[off + c];
            double q = p[off + label] / s, qc = Math.min(Math.max(q, eps), 1 - eps);
            total -= Math.log(qc);
            if (grad != null && q >= eps && q <= 1 - eps) {
                // d(−log(p_l / s))/dp_j = −δ_lj / p_l + 1 / s
                for (int c = 0; c < classes; c++) grad[off + c] = 1 / s / rows;
                grad[off + label] -= 1 / p[off + label] / rows;
            }
        }
        return total / rows;
    }
}
