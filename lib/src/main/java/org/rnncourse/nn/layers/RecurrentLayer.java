package org.rnncourse.nn.layers;

import java.util.List;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Backend;
import org.rnncourse.nn.backend.FloatCell;
import org.rnncourse.nn.backend.FloatRecurrence;
import org.rnncourse.nn.backend.MatOps;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.scratch.OwnWork;

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
        if (units <= 0) throw new IllegalArgumentException(Messages.get("nn.layers.units", getClass().getSimpleName(), units));
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

    /**
     * The layer's fused float step, which its forward and backward run when the precision is float32
     * ({@link Backend#setFloatx}), or null when this configuration has none (then the double
     * reference code runs whatever the setting).
     */
    public FloatCell floatCell() {
        return null;
    }

    private FloatRecurrence floatPath; // made on the first float forward
    private boolean noFloatPath;       // floatCell() said none (the configuration never changes)
    private boolean ranFloat;          // which path the last forward took, so backward takes the same

    /**
     * Runs the layer on a batch: on its fused float kernels when the precision is float32 (the
     * default) and the layer has them, else on the double reference code. Either way the result is
     * the same to float rounding; the reference is the code the gradient checks validate.
     */
    @Override
    public final Tensor forward(Tensor x, boolean training) {
        OwnWork.entry(ownWorkTopic(), typeName() + ".forward");
        checkInput(x);
        FloatRecurrence f = Backend.isFloat32() ? floatPath() : null;
        ranFloat = f != null;
        return f != null ? f.forward(x) : forwardReference(x, training);
    }

    /** Back-propagates through the last {@link #forward}, on the path it took. */
    @Override
    public final Tensor backward(Tensor gradOutput) {
        OwnWork.entry(ownWorkTopic() == OwnWork.Topic.RNN_SEQUENCE ? OwnWork.Topic.BPTT : ownWorkTopic(), typeName() + ".backward");
        return ranFloat ? floatPath.backward(gradOutput) : backwardReference(gradOutput);
    }

    /**
     * The exercise this layer's forward pass would answer (lessons 02–08's simple RNN over a sequence, lesson 10's
     * LSTM or GRU step): its check turns the layer off while it runs the learner's function ({@link OwnWork}).
     */
    public final OwnWork.Topic ownWorkTopic() {
        return this instanceof LSTM ? OwnWork.Topic.LSTM : this instanceof GRU ? OwnWork.Topic.GRU : OwnWork.Topic.RNN_SEQUENCE;
    }

    private FloatRecurrence floatPath() {
        if (floatPath == null && !noFloatPath) {
            FloatCell c = floatCell();
            if (c == null) noFloatPath = true;
            else floatPath = new FloatRecurrence(this, c);
        }
        return floatPath;
    }

    /** Whether this layer's forward runs on the float kernels now (float32 and a fused step exists). */
    public boolean runsOnFloatPath() {
        return Backend.isFloat32() && floatPath() != null;
    }

    /** The double-precision forward: the reference. */
    protected abstract Tensor forwardReference(Tensor x, boolean training);

    /** The double-precision backward through the last {@link #forwardReference}. */
    protected abstract Tensor backwardReference(Tensor gradOutput);

    /** The final states of the last {@link #forward}, each (batch, units). */
    public final List<Tensor> states() {
        return ranFloat ? floatPath.states() : referenceStates();
    }

    /** The final states of the last {@link #forwardReference}. */
    protected abstract List<Tensor> referenceStates();

    /** The activated gates at step t of example b from the last forward when it ran on the float path, else null. */
    final double[][] floatGates(int b, int t) {
        return ranFloat ? floatPath.gates(b, t) : null;
    }

    /** (batch, steps) of the last float forward, for the gates' bounds check; null after a reference forward. */
    final int[] floatShape() {
        return ranFloat ? new int[] {floatPath.batch(), floatPath.steps()} : null;
    }

    /*
     * The layers keep their states time-major, h_0 … h_T one (batch, units) block after another,
     * because each step reads the block before it. These turn that layout into Keras's outputs
     * and back.
     */

    /** The layer's output from states kept time-major: every h_t with returnSequences, else h_T. */
    protected final Tensor output(double[] timeMajor, int batch, int steps) {
        if (!returnSequences) {
            return lastStep(timeMajor, batch, steps);
        }
        int bu = batch * units;
        double[] out = new double[steps * bu];
        MatOps.swapFirstAxes(timeMajor, bu, out, steps, batch, units);
        return new Tensor(out, batch, steps, units);
    }

    /** The block of step T (the last) of states kept time-major from step 0. */
    protected final Tensor lastStep(double[] timeMajor, int batch, int steps) {
        int bu = batch * units;
        double[] last = new double[bu];
        System.arraycopy(timeMajor, steps * bu, last, 0, bu);
        return new Tensor(last, batch, units);
    }

    /**
     * dL/dh_t for t = 1 … T, time-major, from the gradient of the layer's output: every step's
     * with returnSequences, else only the last step's (the others are zero).
     */
    protected final double[] gradientPerStep(Tensor gradOutput, int batch, int steps) {
        int bu = batch * units;
        double[] perStep = new double[steps * bu];
        if (returnSequences) {
            MatOps.swapFirstAxes(gradOutput.data(), 0, perStep, batch, steps, units);
        } else {
            System.arraycopy(gradOutput.data(), 0, perStep, (steps - 1) * bu, bu);
        }
        return perStep;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException(Messages.get(inputShape.length == 1 ? "nn.layers.recurrent.lastOutputOnly"
                    : "nn.layers.recurrent.shape", describe(), Tensor.batchShapeString(inputShape)));
        }
        return returnSequences ? new int[] {inputShape[0], units} : new int[] {units};
    }
}
