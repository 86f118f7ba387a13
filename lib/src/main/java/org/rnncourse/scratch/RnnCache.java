package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What a forward pass over a sequence keeps for backpropagation through time: the inputs X_t, the
 * pre-activations Z_t and the hidden states A_t, and (when an output layer ran) the outputs' Z and Y.
 *
 * <p>Time steps are numbered as in the lessons: 1 … T, with A_0 the initial state.
 */
public final class RnnCache {
    private final List<DMatrixRMaj> xs;
    private final List<DMatrixRMaj> zs;
    private final List<DMatrixRMaj> as;
    private final List<DMatrixRMaj> zys;
    private final List<DMatrixRMaj> ys;

    RnnCache(List<DMatrixRMaj> xs, List<DMatrixRMaj> zs, List<DMatrixRMaj> as) {
        this(xs, zs, as, List.of(), List.of());
    }

    RnnCache(List<DMatrixRMaj> xs, List<DMatrixRMaj> zs, List<DMatrixRMaj> as,
             List<DMatrixRMaj> zys, List<DMatrixRMaj> ys) {
        this.xs = Collections.unmodifiableList(new ArrayList<>(xs));
        this.zs = Collections.unmodifiableList(new ArrayList<>(zs));
        this.as = Collections.unmodifiableList(new ArrayList<>(as));
        this.zys = Collections.unmodifiableList(new ArrayList<>(zys));
        this.ys = Collections.unmodifiableList(new ArrayList<>(ys));
    }

    /** The same cache with the output layer's Z_y and Y per step added. */
    RnnCache withOutputs(List<DMatrixRMaj> zys, List<DMatrixRMaj> ys) {
        return new RnnCache(xs, zs, as, zys, ys);
    }

    /** T, the number of time steps. */
    public int timeSteps() {
        return xs.size();
    }

    /** m, the number of examples in the batch (rows of each X_t). */
    public int batchSize() {
        return xs.get(0).numRows;
    }

    /** X_t for t = 1 … T. */
    public DMatrixRMaj x(int t) {
        return xs.get(check(t, 1) - 1);
    }

    /** Z_t = X_t·W_ax + A_{t−1}·W_aa + b_a for t = 1 … T. */
    public DMatrixRMaj z(int t) {
        return zs.get(check(t, 1) - 1);
    }

    /** A_t for t = 0 … T (A_0 is the initial state). */
    public DMatrixRMaj a(int t) {
        return as.get(check(t, 0));
    }

    /** Y_t for t = 1 … T, when an output layer ran. */
    public DMatrixRMaj y(int t) {
        requireOutputs();
        return ys.get(check(t, 1) - 1);
    }

    /** The output layer's pre-activation Z_y at step t = 1 … T. */
    public DMatrixRMaj zy(int t) {
        requireOutputs();
        return zys.get(check(t, 1) - 1);
    }

    /** Whether the outputs Y_t were computed. */
    public boolean hasOutputs() {
        return !ys.isEmpty();
    }

    /** The inputs X_1 … X_T. */
    public List<DMatrixRMaj> inputs() {
        return xs;
    }

    /** The hidden states A_1 … A_T (without A_0): what a next stacked layer reads. */
    public List<DMatrixRMaj> hiddenStates() {
        return as.subList(1, as.size());
    }

    /** The outputs Y_1 … Y_T (empty when no output layer ran). */
    public List<DMatrixRMaj> outputs() {
        return ys;
    }

    @Override
    public String toString() {
        return "RnnCache(T = " + timeSteps() + ", m = " + batchSize() + ", X_t " + Shapes.of(xs.get(0))
                + ", A_t " + Shapes.of(as.get(0)) + (hasOutputs() ? ", Y_t " + Shapes.of(ys.get(0)) : "") + ")";
    }

    private int check(int t, int first) {
        if (t < first || t > timeSteps()) {
            throw new IllegalArgumentException("t = " + t + " is outside " + first + " … " + timeSteps()
                    + ": the sequence has T = " + timeSteps() + " time steps");
        }
        return t;
    }

    private void requireOutputs() {
        if (!hasOutputs()) {
            throw new IllegalArgumentException("this cache has no outputs Y_t: it came from RnnCell.forward; "
                    + "use Rnn.forward to run the output layer too");
        }
    }
}
