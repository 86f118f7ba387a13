package org.rnncourse.nn.layers;

import java.util.Random;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.MatOps;
import org.rnncourse.nn.backend.Tensor;

/**
 * y = f(x·W + b): every output unit looks at every input feature. On a sequence (batch, time,
 * features) it works on the last axis, one time step at a time with the same W, as in Keras.
 * Parameters: kernel (in, units) and bias (units), so in·units + units of them.
 */
public class Dense extends Layer {
    private final int units;
    private final Activation activation;
    private Parameter kernel, bias;
    private int in;
    private double[] x, y; // kept from forward for backward
    private int[] xShape, yShape;

    /** A linear Dense layer (no activation), as Keras's default. */
    public Dense(int units) {
        this(units, Activation.LINEAR);
    }

    /** {@code new Dense(10, "softmax")}, as {@code layers.Dense(10, activation="softmax")}. */
    public Dense(int units, String activation) {
        this(units, Activation.of(activation));
    }

    public Dense(int units, Activation activation) {
        this.units = Args.positive("Dense units", units);
        this.activation = Args.notNull("Dense activation (use Activation.LINEAR for none)", activation);
    }

    public int units() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length == 0) {
            throw new IllegalArgumentException(Messages.get("nn.layers.dense.noFeatures", describe(),
                    Tensor.batchShapeString(inputShape)));
        }
        int[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
        in = inputShape[inputShape.length - 1];
        kernel = addParameter("kernel", in, units);
        bias = addParameter("bias", units);
        Initializers.glorotUniform(kernel.value, in, units, rng);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        checkInput(input);
        x = input.data();
        xShape = input.shape();
        int rows = x.length / in;
        double[] out = new double[rows * units];
        MatOps.matmul(x, 0, kernel.value, 0, out, 0, rows, in, units, false);
        MatOps.addRowVector(out, 0, bias.value, rows, units);
        activation.applyRows(out, 0, rows, units);
        y = out;
        yShape = xShape.clone();
        yShape[yShape.length - 1] = units;
        return new Tensor(out, yShape);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        int rows = y.length / units;
        double[] dz = gradOutput.data().clone();
        activation.backwardRows(y, 0, dz, 0, rows, units);
        MatOps.matmulTransA(x, 0, dz, 0, kernel.grad, 0, rows, in, units, false);
        MatOps.sumRows(dz, 0, bias.grad, rows, units, false);
        double[] dx = new double[rows * in];
        MatOps.matmulTransB(dz, 0, kernel.value, 0, dx, 0, rows, units, in, false);
        return new Tensor(dx, xShape);
    }
}
