package org.rnncourse.nn;

import java.util.List;

/**
 * What SimpleRNN, LSTM and GRU share: they read (batch, time, features) one step at a time,
 * carry one or more states from step to step, and return either the last output (batch, units)
 * or the whole sequence (batch, time, units) when {@code returnSequences} is set — which a
 * following recurrent layer needs.
 *
 * <p>With {@code returnState} Keras returns the final states as extra outputs. A Sequential model
 * has one output per layer, so here {@link #forward} returns the output and {@link #states()}
 * gives the final states of that same call (h for SimpleRNN and GRU; h and c for LSTM).
 */
public abstract class RecurrentLayer extends Layer {
    protected final int units;
    protected final boolean returnSequences;
    protected final boolean returnState;

    protected RecurrentLayer(int units, boolean returnSequences, boolean returnState) {
        if (units <= 0) throw new IllegalArgumentException(getClass().getSimpleName()
                + " units must be positive, got " + units);
        this.units = units;
        this.returnSequences = returnSequences;
        this.returnState = returnState;
    }

    public int units() {
        return units;
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    public boolean returnState() {
        return returnState;
    }

    /**
     * A new, unbuilt layer with the same arguments: {@link Bidirectional} runs one of these over the
     * reversed sequence, as Keras copies the layer's config for its backward half.
     */
    RecurrentLayer sameConfig() {
        if (this instanceof SimpleRNN s) {
            return new SimpleRNN(units, s.activation(), returnSequences, returnState);
        }
        throw new UnsupportedOperationException(describe() + " cannot be copied for Bidirectional");
    }

    /** The final states of the last {@link #forward}, each (batch, units). */
    public abstract List<Tensor> states();

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException(describe() + " expects input of shape (batch, time, features), "
                    + "i.e. an input shape (time, features), but got " + Tensor.batchShapeString(inputShape)
                    + (inputShape.length == 1 ? ": did the layer before return only its last output? "
                    + "Use returnSequences(true) on a recurrent layer that feeds another one" : ""));
        }
        return returnSequences ? new int[] {inputShape[0], units} : new int[] {units};
    }
}
