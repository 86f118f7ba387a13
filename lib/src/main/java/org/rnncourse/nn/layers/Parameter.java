package org.rnncourse.nn.layers;

import org.rnncourse.nn.backend.Tensor;

/**
 * One trainable array of a layer (Keras calls it a weight or variable): its values and the
 * gradient of the loss with respect to them, filled by the layer's backward pass and read by the
 * optimizer. A layer with several matrices (SimpleRNN: kernel, recurrent_kernel, bias; later LSTM
 * and GRU the same with four or three gates stacked) simply has several parameters.
 */
public final class Parameter {
    private final String name;
    private final int[] shape;
    final double[] value;
    final double[] grad;
    String path; // "simple_rnn/kernel" once the layer has its name in a model

    public Parameter(String name, int... shape) {
        this.name = name;
        this.shape = shape.clone();
        this.value = new double[Tensor.sizeOf(shape)];
        this.grad = new double[value.length];
        this.path = name;
    }

    /** Keras's name of the weight inside its layer: {@code kernel}, {@code recurrent_kernel}, {@code bias}… */
    public String name() {
        return name;
    }

    /** The layer's name and the weight's name: {@code simple_rnn/kernel}. */
    public String path() {
        return path;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return value.length;
    }

    /** The values, row-major, not a copy (a kernel (in, units) is {@code value[i * units + j]}). */
    public double[] value() {
        return value;
    }

    /** The gradient of the last backward pass, not a copy. */
    public double[] grad() {
        return grad;
    }

    @Override
    public String toString() {
        return path + " " + Tensor.shapeString(shape);
    }
}
