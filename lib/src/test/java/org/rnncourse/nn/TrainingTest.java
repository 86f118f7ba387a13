package org.rnncourse.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.EarlyStopping;
import org.rnncourse.nn.callbacks.EarlyStoppingTest;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.trainers.FitOptions;
import org.rnncourse.nn.utils.RandomSeed;
import tech.tablesaw.api.Table;

/** Small models learn small tasks, and one seed gives one run. */
class TrainingTest {

    /** Sequences of ±1; the label says whether the sum is positive: the RNN has to count. */
    static double[][][] signs(int n, int steps, Random rng, double[] labels) {
        double[][][] x = new double[n][steps][1];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                x[i][t][0] = rng.nextBoolean() ? 1 : -1;
                sum += x[i][t][0];
            }
            labels[i] = sum > 0 ? 1 : 0;
        }
        return x;
    }

    static Sequential classifier(long seed) {
        Sequential m = new Sequential(seed, new Input(5, 1), new SimpleRNN(8), new Dense(1, "sigmoid"));
        m.compile(new Adam(0.01), "binary_crossentropy", "accuracy");
        return m;
    }

    @Test
    void learnsWhetherASumIsPositive() {
        double[] y = new double[200];
        double[][][] x = signs(200, 5, new Random(1), y);
        Sequential m = classifier(42);
        History h = m.fit(x, y, new FitOptions().epochs(40).batchSize(16).validationSplit(0.2).verbose(0));
        List<Double> loss = h.get("loss");
        assertTrue(loss.get(loss.size() - 1) < 0.3 * loss.get(0), "loss " + loss);
        assertTrue(h.get("val_accuracy").get(39) > 0.9, "val_accuracy " + h.get("val_accuracy"));
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(h.history().keySet()));

        double[] yt = new double[100];
        double[][][] xt = signs(100, 5, new Random(2), yt);
        Map<String, Double> result = m.evaluate(xt, yt);
        assertTrue(result.get("accuracy") > 0.9, "test " + result);
        // Printed (lesson 11 prints evaluate's result) by the one number rule, not with 17 digits.
        assertTrue(result.toString().matches("\\{loss=\\d+\\.\\d{1,4}(e-\\d+)?, accuracy=[01](\\.\\d{1,4})?\\}"), result.toString());
        assertEquals("{loss=" + org.rnncourse.show.Numbers.format(result.get("loss")) + ", accuracy="
                + org.rnncourse.show.Numbers.format(result.get("accuracy")) + "}", result.toString());
        Tensor p = m.predict(xt);
        assertArrayEquals(new int[] {100, 1}, p.shape());
    }

    @Test
    void sineRegressionLikeLesson07() {
        // Windows of 10 values of a noisy sine; the target is the next value.
        Random rng = new Random(3);
        int n = 300, w = 10;
        double[] series = new double[n + w];
        for (int i = 0; i < series.length; i++) series[i] = Math.sin(0.1 * i) + 0.05 * rng.nextGaussian();
        double[][][] x = new double[n][w][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < w; t++) x[i][t][0] = series[i + t];
            y[i] = series[i + w];
        }
        Sequential m = new Sequential(7L, new Input(w, 1), new SimpleRNN(16), new Dense(1));
        m.compile(new Adam(0.01), "mse", "mae");
        History h = m.fit(x, y, new FitOptions().epochs(15).batchSize(32).validationSplit(0.2).verbose(0));
        assertTrue(h.get("val_loss").get(14) < 0.02, "val_loss " + h.get("val_loss"));
        assertTrue(h.get("mae").get(14) < h.get("mae").get(0));
        Table t = h.toTable();
        assertEquals(15, t.rowCount());
        assertEquals(List.of("epoch", "loss", "mae", "val_loss", "val_mae"), t.columnNames());
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        double[] y = new double[64];
        double[][][] x = signs(64, 5, new Random(5), y);
        FitOptions o = new FitOptions().epochs(3).batchSize(8).verbose(0);
        Sequential a = new Sequential(9L, new Input(5, 1), new SimpleRNN(4), new Dropout(0.3), new Dense(1, "sigmoid"));
        Sequential b = new Sequential(9L, new Input(5, 1), new SimpleRNN(4), new Dropout(0.3), new Dense(1, "sigmoid"));
        Sequential c = new Sequential(10L, new Input(5, 1), new SimpleRNN(4), new Dropout(0.3), new Dense(1, "sigmoid"));
        for (Sequential m : List.of(a, b, c)) m.compile("adam", "binary_crossentropy", "accuracy");
        History ha = a.fit(x, y, o), hb = b.fit(x, y, o), hc = c.fit(x, y, o);
        assertEquals(ha.history(), hb.history());
        EarlyStoppingTest.assertWeightsEqual(a.getWeights(), b.getWeights());
        assertFalse(ha.history().equals(hc.history()));
    }

    @Test
    void globalSeedMakesModelsReproducible() {
        RandomSeed.set(123);
        List<double[]> first = new Sequential(new Input(3, 2), new SimpleRNN(4)).getWeights();
        RandomSeed.set(123);
        List<double[]> second = new Sequential(new Input(3, 2), new SimpleRNN(4)).getWeights();
        RandomSeed.clear();
        EarlyStoppingTest.assertWeightsEqual(first, second);
    }

    @Test
    void initialWeightsFollowKeras() {
        Sequential m = new Sequential(1L, new Input(200), new Embedding(1000, 16), new SimpleRNN(32), new Dense(1));
        Parameter emb = m.parameters().get(0), kernel = m.parameters().get(1), rec = m.parameters().get(2);
        for (double v : emb.value()) assertTrue(v >= -0.05 && v < 0.05);
        double limit = Math.sqrt(6.0 / (16 + 32));
        for (double v : kernel.value()) assertTrue(Math.abs(v) <= limit);
        // The recurrent kernel is orthogonal: UᵀU = I.
        double[] u = rec.value();
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) {
                double dot = 0;
                for (int k = 0; k < 32; k++) dot += u[k * 32 + i] * u[k * 32 + j];
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12);
            }
        }
        for (double v : m.parameters().get(3).value()) assertEquals(0.0, v); // bias
        assertEquals(List.of("embedding/embeddings", "simple_rnn/kernel", "simple_rnn/recurrent_kernel",
                "simple_rnn/bias", "dense/kernel", "dense/bias"), m.parameters().stream().map(Parameter::path).toList());
    }

    @Test
    void sentimentShapedModelTrainsOnTokenIds() {
        // Token 1 anywhere in the sequence means "positive": the Embedding + SimpleRNN must find it.
        Random rng = new Random(8);
        int n = 160;
        int[][] x = new int[n][8];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 8; t++) x[i][t] = 2 + rng.nextInt(18);
            y[i] = rng.nextBoolean() ? 1 : 0;
            if (y[i] == 1) x[i][rng.nextInt(8)] = 1;
        }
        Sequential m = new Sequential(5L, new Input(8), new Embedding(20, 8), new SimpleRNN(8), new Dropout(0.2),
                new Dense(1, "sigmoid"));
        m.compile(new Adam(0.01).clipnorm(1.0), "binary_crossentropy", "accuracy");
        History h = m.fit(x, y, new FitOptions().epochs(30).batchSize(16).validationSplit(0.25)
                .callbacks(new EarlyStopping("val_loss", 5, 0, true)).verbose(0));
        assertTrue(h.get("accuracy").get(h.epochs() - 1) > 0.9, "accuracy " + h.get("accuracy"));
    }

    @Test
    void validationSplitTakesTheLastExamplesBeforeShuffling() {
        // Labels 0 for the first 8 examples, 1 for the last 2: with split 0.2 the validation set is
        // exactly the two 1s, so a model that always answers "0" has val_accuracy 0.
        double[][][] x = new double[10][2][1];
        double[] y = new double[10];
        y[8] = 1;
        y[9] = 1;
        Sequential m = new Sequential(1L, new Input(2, 1), new SimpleRNN(2), new Dense(1, "sigmoid"));
        m.compile("sgd", "binary_crossentropy", "accuracy");
        // All-zero inputs: the output is sigmoid(b) for every example, and b goes negative on 8 zeros.
        History h = m.fit(x, y, new FitOptions().epochs(20).batchSize(8).validationSplit(0.2).verbose(0));
        assertEquals(0.0, h.get("val_accuracy").get(19));
        assertEquals(1.0, h.get("accuracy").get(19));
    }
}
