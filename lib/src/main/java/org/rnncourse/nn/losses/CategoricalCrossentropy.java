package org.rnncourse.nn.losses;

import org.rnncourse.nn.backend.Tensor;

/**
 * −Σ_c y_c·log p_c for a softmax output p and one-hot targets y, averaged over the batch. As in
 * Keras, p is renormalised to sum to 1 and clipped to [1e-7, 1 − 1e-7] before the log.
 */
public final class CategoricalCrossentropy implements Loss {
    @Override
    public String name() {
        return "categorical_crossentropy";
    }

    @Override
    public Tensor prepareTargets(Tensor y, int[] predShape) {
        return Loss.sameShapeTargets(name(), y, predShape);
    }

    @Override
    public double compute(Tensor yPred, Tensor yTrue, double[] grad) {
        double[] p = yPred.data(), y = yTrue.data();
        int classes = yPred.dim(yPred.rank() - 1), rows = p.length / classes;
        double total = 0, eps = BinaryCrossentropy.EPSILON;
        for (int r = 0; r < rows; r++) {
            int off = r * classes;
            double s = 0;
            for (int c = 0; c < classes; c++) s += p[off + c];
            // L = −Σ y_c log(clip(p_c / s)); with q_c = p_c / s, ∂q_c/∂p_j = (δ_cj − q_c) / s.
            double gq = 0; // Σ_c (∂L/∂q_c) q_c, for the normalisation part of the gradient
            for (int c = 0; c < classes; c++) {
                double q = p[off + c] / s, qc = Math.min(Math.max(q, eps), 1 - eps);
                total -= y[off + c] * Math.log(qc);
                if (grad != null) {
                    double dq = (q < eps || q > 1 - eps) ? 0 : -y[off + c] / qc;
                    grad[off + c] = dq;
                    gq += dq * q;
                }
            }
            if (grad != null) {
                for (int c = 0; c < classes; c++) grad[off + c] = (grad[off + c] - gq) / s / rows;
            }
        }
        return total / rows;
    }
}
