package org.rnncourse.nn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.metrics.BinaryAccuracy;
import org.rnncourse.nn.metrics.CategoricalAccuracy;
import org.rnncourse.nn.metrics.MeanAbsoluteError;
import org.rnncourse.nn.metrics.Metric;
import org.rnncourse.nn.metrics.SparseCategoricalAccuracy;

/** Loss and metric values against hand-computed numbers, and Keras's choice of "accuracy". */
class LossAndMetricTest {

    static Tensor col(double... v) {
        return new Tensor(v.clone(), v.length, 1);
    }

    @Test
    void binaryCrossentropyClipsLikeKeras() {
        BinaryCrossentropy bce = new BinaryCrossentropy();
        assertEquals((-Math.log(0.9) - Math.log(0.8)) / 2, bce.compute(col(0.9, 0.2), col(1, 0), null), 1e-15);
        // p = 0 for a positive label: log(1e-7) instead of −∞.
        assertEquals(-Math.log(1e-7), bce.compute(col(0.0), col(1), null), 1e-9);
        // The untrained model's loss: ln 2 = 0.6931 for p = 0.5.
        assertEquals(Math.log(2), bce.compute(col(0.5, 0.5), col(1, 0), null), 1e-15);
    }

    @Test
    void categoricalAndSparseCrossentropyAgree() {
        Tensor p = Tensor.of(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}});
        double expected = (-Math.log(0.7) - Math.log(0.3)) / 2;
        assertEquals(expected, new CategoricalCrossentropy().compute(p, Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}}), null), 1e-15);
        assertEquals(expected, new SparseCategoricalCrossentropy().compute(p, Tensor.of(new int[] {0, 1}), null), 1e-15);
    }

    @Test
    void meanSquaredError() {
        assertEquals((0.25 + 4) / 2, new MeanSquaredError().compute(col(0.5, 3), col(0, 1), null), 1e-15);
    }

    @Test
    void accuracyVariants() {
        // Binary: strictly above 0.5 counts as 1, as Keras.
        assertEquals(2.0, new BinaryAccuracy().sum(col(0.5, 0.51, 0.2), col(1, 1, 0)));
        Tensor p = Tensor.of(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}});
        assertEquals(1.0, new CategoricalAccuracy().sum(p, Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}})));
        assertEquals(2.0, new SparseCategoricalAccuracy().sum(p, Tensor.of(new int[] {0, 2})));
        assertEquals((0.5 + 2) / 1, new MeanAbsoluteError().sum(col(0.5, 3), col(0, 1)));
    }

    @Test
    void accuracyIsChosenFromTheShapesAsKeras3Does() {
        assertInstanceOf(BinaryAccuracy.class, Metric.of("accuracy", new int[] {8}, new int[] {1}));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metric.of("accuracy", new int[] {8}, new int[] {10}));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metric.of("acc", new int[] {8, 1}, new int[] {10}));
        assertInstanceOf(CategoricalAccuracy.class, Metric.of("accuracy", new int[] {8, 10}, new int[] {10}));
        assertEquals("acc", Metric.of("acc", new int[] {8}, new int[] {1}).name());
    }

    @Test
    void sparseLabelsWithSoftmaxReportSparseAccuracy() {
        Sequential m = new Sequential(1L, new Input(3, 2), new SimpleRNN(4), new Dense(3, "softmax"));
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        m.evaluate(new double[4][3][2], new int[] {0, 1, 2, 0});
        assertInstanceOf(SparseCategoricalAccuracy.class, m.trainer().compiledMetrics().get(0));
    }
}
