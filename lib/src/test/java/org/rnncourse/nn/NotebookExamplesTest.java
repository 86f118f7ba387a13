package org.rnncourse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.callbacks.EarlyStopping;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.trainers.FitOptions;
import org.rnncourse.nn.utils.RandomSeed;

/** The code of lessons 07 and 08 as a notebook writes it, on small data, so the snippets stay true. */
class NotebookExamplesTest {

    @Test
    void lesson07SineForecast() {
        RandomSeed.set(42);
        try {
            Random noise = new Random(0);
            int n = 200, window = 10;
            double[] series = new double[n + window];
            for (int i = 0; i < series.length; i++) series[i] = Math.sin(0.1 * i) + 0.1 * noise.nextGaussian();
            double[][][] xWindows = new double[n][window][1];
            double[] yNext = new double[n];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < window; t++) xWindows[i][t][0] = series[i + t];
                yNext[i] = series[i + window];
            }
            Sequential sine = new Sequential(new Input(10, 1), new SimpleRNN(50), new Dense(1));
            sine.compile("adam", "mse", "mae");
            History h = sine.fit(xWindows, yNext, new FitOptions().epochs(10).batchSize(32).validationSplit(0.2).verbose(0));
            double[] forecast = sine.predict(xWindows).toArray();
            assertEquals(n, forecast.length);
            assertTrue(h.get("val_loss").get(9) < 0.05, h.get("val_loss").toString());
        } finally {
            RandomSeed.clear();
        }
    }

    @Test
    void lesson08ImdbShapedRun() {
        Random r = new Random(1);
        int n = 64;
        int[][] xTrain = new int[n][200];
        int[] yTrain = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 200; t++) xTrain[i][t] = t < 150 ? 0 : 3 + r.nextInt(9997); // padded in front
            yTrain[i] = i % 2;
        }
        Sequential model = new Sequential(7L,
                new Input(200),
                new Embedding(10000, 128),
                new SimpleRNN(64),
                new Dropout(0.5),
                new Dense(1, "sigmoid"));
        model.compile(new Adam(), "binary_crossentropy", "accuracy");
        assertEquals(1_292_417, model.countParams());
        History history = model.fit(xTrain, yTrain, new FitOptions()
                .epochs(3).batchSize(16).validationSplit(0.2)
                .callbacks(new EarlyStopping("val_loss", 2)).verbose(0));
        assertTrue(history.epochs() >= 1 && history.epochs() <= 3);
        Map<String, Double> test = model.evaluate(xTrain, yTrain);
        assertEquals(java.util.Set.of("loss", "accuracy"), test.keySet());
        assertEquals(n, model.predict(xTrain).toArray().length);
    }
}
