package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * What a forward pass of a gated cell ({@link LstmCell}, {@link GruCell}) keeps for BPTT: every step's
 * record, t = 1 … T, in order. BPTT walks it backwards.
 *
 * @param <S> the cell's record of one step (its inputs, gates and new state)
 */
public abstract class StepCache<S> {
    private final List<S> steps;
    private final Function<S, DMatrixRMaj> hiddenState;

    StepCache(List<S> steps, Function<S, DMatrixRMaj> hiddenState) {
        this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
        this.hiddenState = hiddenState;
    }

    /** T, the number of time steps. */
    public int timeSteps() {
        return steps.size();
    }

    /** Step t = 1 … T. */
    public S step(int t) {
        if (t < 1 || t > steps.size()) {
            throw new IllegalArgumentException("t = " + t + " is outside 1 … " + steps.size());
        }
        return steps.get(t - 1);
    }

    /** All the steps, t = 1 … T (read-only). */
    public List<S> steps() {
        return steps;
    }

    /** H_1 … H_T. */
    public List<DMatrixRMaj> hiddenStates() {
        return steps.stream().map(hiddenState).toList();
    }

    /** H_T, what a many-to-one model reads. */
    public DMatrixRMaj lastH() {
        return hiddenState.apply(steps.get(steps.size() - 1));
    }

    @Override
    public String toString() {
        return getClass().getEnclosingClass().getSimpleName() + ".Cache(T = " + steps.size() + ", H_t "
                + Shapes.of(lastH()) + ")";
    }
}
