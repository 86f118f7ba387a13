package org.rnncourse.nn.layers;

import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;

/**
 * The shape of one input example, without the batch: {@code new Input(10, 32)} for 10 time steps
 * of 32 features, {@code new Input(200)} for 200 token ids. Like {@code keras.Input(shape=…)} it
 * only tells the model what comes in; it has no weights and no row in the summary.
 */
public final class Input extends Layer {
    private final int[] shape;

    public Input(int... shape) {
        if (shape.length == 0) throw new IllegalArgumentException(Messages.get("nn.layers.input.noDimension"));
        for (int d : shape) {
            if (d <= 0) throw new IllegalArgumentException(Messages.get("nn.layers.input.notPositive", Tensor.shapeString(shape)));
        }
        this.shape = shape.clone();
        inputShape(shape);
    }

    /** The shape of one example. */
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        return x;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput;
    }
}
