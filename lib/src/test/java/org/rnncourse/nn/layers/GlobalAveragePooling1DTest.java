package org.rnncourse.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.trainers.FitOptions;

/** Lesson 08's bag-of-words baseline layer: its mean, its gradient, its summary row and its file. */
class GlobalAveragePooling1DTest {
    @TempDir
    Path dir;

    @Test
    void averagesEveryFeatureOverTheTimeSteps() {
        // Two examples, three steps, two features.
        Tensor x = new Tensor(new double[] {1, 10, 2, 20, 3, 30, /* second */ -1, 0, 1, 0, 6, 3}, 2, 3, 2);
        Tensor y = new GlobalAveragePooling1D().forward(x, false);
        assertArrayEquals(new int[] {2, 2}, y.shape());
        assertArrayEquals(new double[] {2, 20, 2, 1}, y.data(), 1e-12);
    }

    @Test
    void gradientMatchesTheNumericalGradient() {
        GradientCheckTest.checkLayer(new GlobalAveragePooling1D(), GradientCheckTest.random(new Random(3), 3, 5, 4), true);
    }

    @Test
    void wholeBaselineModelGradientIsChecked() {
        Sequential m = new Sequential(5L, new Input(6), new Embedding(8, 4), new GlobalAveragePooling1D(),
                new Dense(1, "sigmoid"));
        m.compile(new Adam(), "binary_crossentropy", "accuracy");
        Tensor x = Tensor.of(new int[][] {{1, 2, 3, 4, 5, 6}, {7, 0, 0, 2, 3, 1}, {5, 5, 5, 1, 2, 3}});
        GradientCheckTest.checkModel(m, x, Tensor.of(new int[] {1, 0, 1}), false);
    }

    @Test
    void summaryHasKerasNameShapeAndNoParameters() {
        Sequential m = new Sequential(1L, new Input(200), new Embedding(10000, 16), new GlobalAveragePooling1D(),
                new Dense(1, "sigmoid"));
        String s = m.summaryText();
        // The summary wraps a long "name (type)" over two rows, as Keras's table does.
        assertTrue(s.contains("│ global_average_pooling1d (Globa │ (None, 16)             │             0 │"), s);
        assertTrue(s.contains("│ lAveragePooling1D)              │"), s);
        assertTrue(s.contains("Total params: 160,017"), s);
    }

    @Test
    void refusesInputWithoutATimeAxis() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential(1L, new Input(10), new Dense(4), new GlobalAveragePooling1D()));
        assertTrue(e.getMessage().contains("GlobalAveragePooling1D") && e.getMessage().contains("(batch, time, features)"),
                e.getMessage());
    }

    @Test
    void savedAndLoadedModelPredictsTheSame() {
        Sequential m = new Sequential(2L, new Input(5), new Embedding(12, 3), new GlobalAveragePooling1D(),
                new Dense(1, "sigmoid"));
        m.compile(new Adam(), "binary_crossentropy", "accuracy");
        int[][] x = {{1, 2, 3, 4, 5}, {0, 0, 7, 8, 11}, {3, 3, 3, 3, 3}, {9, 1, 0, 2, 6}};
        m.fit(x, new int[] {1, 0, 1, 0}, new FitOptions().epochs(2).batchSize(2).verbose(0));
        Path file = dir.resolve("baseline.keras");
        m.save(file);
        Sequential back = Sequential.loadModel(file);
        List<String> types = back.layers().stream().map(Layer::typeName).toList();
        assertEquals(List.of("Embedding", "GlobalAveragePooling1D", "Dense"), types);
        assertEquals("global_average_pooling1d", back.layers().get(1).name());
        assertArrayEquals(m.predict(x).data(), back.predict(x).data(), 0);
    }
}
