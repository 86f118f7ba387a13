package org.rnncourse.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.optimizers.SGD;

/**
 * Every layer's backward pass against central differences: for L = Σ out·R with a fixed random R,
 * dL/dθ ≈ (L(θ + h) − L(θ − h)) / 2h. The relative error ‖a − n‖ / (‖a‖ + ‖n‖) must stay below 1e-6.
 */
public class GradientCheckTest {
    private static final double H = 1e-5, TOLERANCE = 1e-6;

    public static Tensor random(Random rng, int... shape) {
        double[] d = new double[Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextGaussian();
        return new Tensor(d, shape);
    }

    static double relativeError(double[] a, double[] n) {
        double diff = 0, na = 0, nn = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - n[i]) * (a[i] - n[i]);
            na += a[i] * a[i];
            nn += n[i] * n[i];
        }
        double denom = Math.sqrt(na) + Math.sqrt(nn);
        return denom == 0 ? 0 : Math.sqrt(diff) / denom;
    }

    /** The numerical gradient of f with respect to every entry of v (changed and restored in place). */
    static double[] numerical(double[] v, DoubleSupplier f) {
        double[] g = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double old = v[i];
            v[i] = old + H;
            double plus = f.getAsDouble();
            v[i] = old - H;
            double minus = f.getAsDouble();
            v[i] = old;
            g[i] = (plus - minus) / (2 * H);
        }
        return g;
    }

    /** Checks a layer's input and parameter gradients on input x. */
    static void checkLayer(Layer layer, Tensor x, boolean checkInput) {
        Random rng = new Random(7);
        int[] shape = x.shape();
        layer.build(java.util.Arrays.copyOfRange(shape, 1, shape.length), rng);
        // Non-zero biases, so their gradients are tested away from the starting point.
        for (Parameter p : layer.parameters()) {
            if (p.name().equals("bias")) for (int i = 0; i < p.size(); i++) p.value[i] = 0.1 * rng.nextGaussian();
        }
        Tensor out = layer.forward(x, false);
        Tensor r = random(rng, out.shape());
        DoubleSupplier lossFn = () -> {
            Tensor o = layer.forward(x, false);
            double s = 0;
            for (int i = 0; i < o.size(); i++) s += o.data()[i] * r.data()[i];
            return s;
        };
        layer.forward(x, false);
        Tensor dx = layer.backward(r);
        for (Parameter p : layer.parameters()) {
            double[] analytic = p.grad.clone();
            double err = relativeError(analytic, numerical(p.value, lossFn));
            assertTrue(err < TOLERANCE, layer + " " + p.name() + ": relative error " + err);
        }
        if (checkInput) {
            double err = relativeError(dx.data(), numerical(x.data(), lossFn));
            assertTrue(err < TOLERANCE, layer + " input: relative error " + err);
        }
    }

    @Test
    void denseOnVectorsForEveryActivation() {
        for (Activation a : Activation.values()) {
            checkLayer(new Dense(4, a), random(new Random(1), 3, 5), true);
        }
    }

    @Test
    void denseOnSequencesWorksOnTheLastAxis() {
        checkLayer(new Dense(3, "tanh"), random(new Random(2), 2, 4, 5), true);
    }

    @Test
    void simpleRnnLastOutput() {
        checkLayer(new SimpleRNN(4), random(new Random(3), 3, 5, 2), true);
    }

    @Test
    void simpleRnnWholeSequence() {
        checkLayer(SimpleRNN.builder(4).returnSequences(true).build(), random(new Random(4), 2, 6, 3), true);
    }

    @Test
    void simpleRnnOtherActivations() {
        checkLayer(SimpleRNN.builder(3).activation("sigmoid").returnSequences(true).build(),
                random(new Random(5), 2, 4, 3), true);
        checkLayer(SimpleRNN.builder(3).activation("linear").build(), random(new Random(6), 2, 4, 3), true);
        checkLayer(SimpleRNN.builder(3).activation("relu").build(), random(new Random(8), 2, 4, 3), true);
    }

    @Test
    void embeddingTableGradient() {
        Tensor ids = Tensor.of(new int[][] {{1, 2, 2, 0}, {4, 1, 3, 3}});
        checkLayer(new Embedding(5, 3), ids, false);
    }

    @Test
    void dropoutPassesGradientThroughItsMask() {
        Dropout d = new Dropout(0.5);
        Tensor x = random(new Random(9), 4, 10);
        d.build(new int[] {10}, new Random(1));
        Tensor out = d.forward(x, true);
        Tensor g = random(new Random(10), 4, 10);
        Tensor dx = d.backward(g);
        int dropped = 0;
        for (int i = 0; i < x.size(); i++) {
            double mask = out.data()[i] / x.data()[i];
            if (mask == 0) dropped++; else assertEquals(2.0, mask, 1e-12);
            assertEquals(g.data()[i] * mask, dx.data()[i], 1e-12);
        }
        assertTrue(dropped > 5 && dropped < 35, "about half dropped, got " + dropped);
        // Outside training it is the identity, forward and backward.
        assertTrue(d.forward(x, false) == x);
        checkLayer(new Dropout(0.3), random(new Random(11), 3, 4), true);
    }

    /** The loss of a whole model and its gradient with respect to every weight (and the input). */
    static void checkModel(Sequential m, Tensor x, Tensor y, boolean checkInput) {
        Tensor yt = m.loss().prepareTargets(y, m.outputShape());
        Tensor out = m.forward(x, false);
        double[] grad = new double[out.size()];
        m.loss().compute(out, yt, grad);
        Tensor dx = m.backward(new Tensor(grad, out.shape()));
        DoubleSupplier lossFn = () -> m.loss().compute(m.forward(x, false), yt, null);
        for (Parameter p : m.parameters()) {
            double err = relativeError(p.grad.clone(), numerical(p.value, lossFn));
            assertTrue(err < TOLERANCE, p.path() + ": relative error " + err);
        }
        if (checkInput) {
            double err = relativeError(dx.data(), numerical(x.data(), lossFn));
            assertTrue(err < TOLERANCE, "model input: relative error " + err);
        }
    }

    @Test
    void wholeSentimentModelWithBinaryCrossentropy() {
        Sequential m = new Sequential(3L, new Input(6), new Embedding(8, 4),
                SimpleRNN.builder(5).returnSequences(true).build(), new SimpleRNN(3), new Dropout(0.5),
                new Dense(1, "sigmoid"));
        m.compile(new Adam(), "binary_crossentropy", "accuracy");
        Tensor x = Tensor.of(new int[][] {{1, 2, 3, 4, 5, 6}, {7, 0, 0, 2, 3, 1}, {5, 5, 5, 1, 2, 3}});
        checkModel(m, x, Tensor.of(new int[] {1, 0, 1}), false);
    }

    @Test
    void wholeStackedModelWithCategoricalCrossentropy() {
        Sequential m = new Sequential(4L, new Input(5, 3), SimpleRNN.builder(4).returnSequences(true).build(),
                new SimpleRNN(4), new Dense(3, "softmax"));
        m.compile(new Adam(), "categorical_crossentropy", "accuracy");
        Tensor y = Tensor.of(new double[][] {{1, 0, 0}, {0, 0, 1}});
        checkModel(m, random(new Random(12), 2, 5, 3), y, true);
    }

    @Test
    void wholeModelWithSparseLabelsAndWithMse() {
        Sequential m = new Sequential(5L, new Input(4, 2), new SimpleRNN(3), new Dense(4, "softmax"));
        m.compile(new SGD(), "sparse_categorical_crossentropy", "accuracy");
        checkModel(m, random(new Random(13), 3, 4, 2), Tensor.of(new int[] {3, 0, 2}), true);

        Sequential r = new Sequential(6L, new Input(4, 1), new SimpleRNN(5), new Dense(1));
        r.compile(new SGD(), "mse", "mae");
        checkModel(r, random(new Random(14), 3, 4, 1), Tensor.of(new double[] {0.5, -1, 2}), true);
    }

    @Test
    void manyToManyModelWithDenseOnEveryStep() {
        Sequential m = new Sequential(7L, new Input(4, 2), SimpleRNN.builder(3).returnSequences(true).build(),
                new Dense(2));
        m.compile(new SGD(), "mse");
        checkModel(m, random(new Random(15), 2, 4, 2), random(new Random(16), 2, 4, 2), true);
    }
}
