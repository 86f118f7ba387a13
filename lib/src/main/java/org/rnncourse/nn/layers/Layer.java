package org.rnncourse.nn.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.utils.RandomSeed;

/**
 * What every layer does, whether it is a Dense, a SimpleRNN or (later) an LSTM:
 * <ul>
 *   <li>knows the shape it produces from the shape it receives ({@link #outputShape}), without the
 *       batch axis, so a model can print its summary before seeing any data;</li>
 *   <li>creates its weights once that input shape is known ({@link #build});</li>
 *   <li>{@link #forward} a batch, remembering what the backward pass will need;</li>
 *   <li>{@link #backward}: given dL/d(output), fills each {@link Parameter#grad()} and returns
 *       dL/d(input) for the layer below.</li>
 * </ul>
 * Shapes here never include the batch: a SimpleRNN on input (10, 32) has output (10, 64) or (64).
 */
public abstract class Layer {
    private String name;
    private int[] declaredInputShape;
    private int[] builtInputShape;
    private final List<Parameter> parameters = new ArrayList<>();

    /** The layer's name in its model ({@code simple_rnn_1}), or null before it is added. */
    public String name() {
        return name;
    }

    /** Gives the layer a name of your own instead of Keras's automatic one (Keras's {@code name=}). */
    public Layer name(String name) {
        this.name = name;
        for (Parameter p : parameters) p.path = name + "/" + p.name();
        return this;
    }

    /** The class name Keras shows in the summary: {@code SimpleRNN}, {@code Dense}. */
    public String typeName() {
        return getClass().getSimpleName();
    }

    /** The prefix of automatic names, Keras's snake_case of the class: SimpleRNN → simple_rnn. */
    public String namePrefix() {
        return typeName().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The shape of one input example, given to the first layer of a model (Keras's
     * {@code input_shape=(10, 32)}); the same as starting the model with {@code new Input(10, 32)}.
     */
    public Layer inputShape(int... shape) {
        this.declaredInputShape = shape.clone();
        return this;
    }

    /** The input shape given with {@link #inputShape}, or null. */
    public int[] declaredInputShape() {
        return declaredInputShape == null ? null : declaredInputShape.clone();
    }

    /** The output shape (without batch) for an input of the given shape; checks the input rank. */
    public abstract int[] outputShape(int[] inputShape);

    /** Creates the weights for this input shape, drawing random values from {@code rng}. */
    protected abstract void createParameters(int[] inputShape, Random rng);

    /** Runs the layer on a batch; {@code training} switches on dropout and similar behaviour. */
    public abstract Tensor forward(Tensor x, boolean training);

    /**
     * Back-propagates through the last {@link #forward}: overwrites every parameter's gradient and
     * returns the gradient with respect to the input (null when the input is token ids).
     */
    public abstract Tensor backward(Tensor gradOutput);

    /** Whether this layer reads integer token ids (only an Embedding does). */
    public boolean readsTokenIds() {
        return false;
    }

    /** Builds the layer for this input shape if it was not built yet; called by the model. */
    public final void build(int[] inputShape, Random rng) {
        if (builtInputShape != null) {
            if (!java.util.Arrays.equals(builtInputShape, inputShape)) {
                throw new IllegalArgumentException(Messages.get("nn.layers.builtFor", describe(),
                        Tensor.batchShapeString(builtInputShape), Tensor.batchShapeString(inputShape)));
            }
            return;
        }
        outputShape(inputShape); // validates the rank and sizes before any weight is made
        createParameters(inputShape, rng);
        builtInputShape = inputShape.clone();
    }

    public boolean isBuilt() {
        return builtInputShape != null;
    }

    /** The input shape the layer was built for (without batch), or null. */
    public int[] builtInputShape() {
        return builtInputShape == null ? null : builtInputShape.clone();
    }

    /** Registers a weight; subclasses call this from {@link #createParameters}. */
    protected final Parameter addParameter(String paramName, int... shape) {
        Parameter p = new Parameter(paramName, shape);
        p.path = (name == null ? namePrefix() : name) + "/" + paramName;
        parameters.add(p);
        return p;
    }

    /** The weights in Keras's order (kernel, recurrent_kernel, bias…), empty before build. */
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** The number of weights: the "Param #" column of the summary. */
    public long countParams() {
        long n = 0;
        for (Parameter p : parameters) n += p.size();
        return n;
    }

    /** "SimpleRNN 'simple_rnn'", for error messages. */
    public String describe() {
        return typeName() + (name == null ? "" : " '" + name + "'");
    }

    /**
     * Checks that a batch has the shape this layer was built for. A layer used on its own, outside
     * a model, builds itself on its first batch, as a Keras layer does when it is first called.
     */
    public final void checkInput(Tensor x) {
        int[] s = x.shape();
        if (builtInputShape == null && s.length >= 2) {
            build(java.util.Arrays.copyOfRange(s, 1, s.length), new Random(RandomSeed.next()));
        }
        boolean ok = builtInputShape != null && s.length == builtInputShape.length + 1;
        for (int i = 0; ok && i < builtInputShape.length; i++) ok = s[i + 1] == builtInputShape[i];
        if (!ok) {
            throw new IllegalArgumentException(builtInputShape == null
                    ? Messages.get("nn.layers.notBuilt", describe(), Tensor.shapeString(s))
                    : Messages.get("nn.layers.wrongInput", describe(), Tensor.shapeString(s), Tensor.batchShapeString(builtInputShape)));
        }
    }

    @Override
    public String toString() {
        return (name == null ? namePrefix() : name) + " (" + typeName() + ")";
    }
}
