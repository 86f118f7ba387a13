package org.rnncourse.nn.losses;

import org.rnncourse.nn.backend.Tensor;

/**
 * −[y·log p + (1 − y)·log(1 − p)] for a probability p (a sigmoid output) and a 0/1 label y,
 * averaged over the last axis, then over the batch. p is clipped to [1e-7, 1 − 1e-7] first, as
 * Keras does, so log(0) never happens; where the clip acts the gradient is 0.
 */
public final class BinaryCrossentropy implements Loss {
    static final double EPSILON = 1e-7;

    @Override
    public String name() {
        return "binary_crossentropy";
    }

    @Override
    public Tensor prepareTargets(Tensor y, int[] predShape) {
        return Loss.sameShapeTargets(name(), y, predShape);
    }

    @Override
    public double compute(Tensor yPred, Tensor yTrue, double[] grad) {
        double[] p = yPred.data(), y = yTrue.data();
        int last = yPred.dim(yPred.rank() - 1), rows = p.length / last;
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double pc = Math.min(Math.max(p[i], EPSILON), 1 - EPSILON);
            sum -= y[i] * Math.log(pc) + (1 - y[i]) * Math.log(1 - pc);
            if (grad != null) {
                boolean clipped = p[i] < EPSILON || p[i] > 1 - EPSILON;
                grad[i] = clipped ? 0 : (-y[i] / pc + (1 - y[i]) / (1 - pc)) / (last * (double) rows);
            }
        }
        return sum / (last * (double) rows);
    }
}
