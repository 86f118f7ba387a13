package org.rnncourse.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnncourse.nn.layers.GradientCheckTest.checkLayer;
import static org.rnncourse.nn.layers.GradientCheckTest.checkModel;
import static org.rnncourse.nn.layers.GradientCheckTest.random;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnncourse.lessons.GradientReach;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.trainers.FitOptions;

/** LSTM, GRU and Bidirectional: gradients by central differences, Keras's formulas, counts and names. */
@org.junit.jupiter.api.extension.ExtendWith(OnTheFloat64Reference.class) // the checks validate the double reference
class GatedLayersTest {
    @org.junit.jupiter.api.AfterEach
    void backToEnglish() {
        org.rnncourse.Course.setLanguage("en");
    }

    // ---- gradients -----------------------------------------------------------------------------

    @Test
    void lstmGradientsLastOutput() {
        checkLayer(new LSTM(4), random(new Random(21), 3, 5, 2), true);
    }

    @Test
    void lstmGradientsWholeSequence() {
        checkLayer(LSTM.builder(3).returnSequences(true).build(), random(new Random(22), 2, 6, 3), true);
    }

    @Test
    void lstmGradientsWithOtherActivations() {
        checkLayer(LSTM.builder(3).activation("linear").recurrentActivation("sigmoid").returnSequences(true).build(),
                random(new Random(23), 2, 4, 2), true);
    }

    @Test
    void gruGradientsLastOutput() {
        checkLayer(new GRU(4), random(new Random(24), 3, 5, 2), true);
    }

    @Test
    void gruGradientsWholeSequence() {
        checkLayer(GRU.builder(3).returnSequences(true).build(), random(new Random(25), 2, 6, 3), true);
    }

    @Test
    void bidirectionalGradientsForEveryWrappedLayer() {
        checkLayer(new Bidirectional(new SimpleRNN(3)), random(new Random(26), 2, 5, 2), true);
        checkLayer(new Bidirectional(LSTM.builder(3).returnSequences(true).build()), random(new Random(27), 2, 4, 3), true);
        checkLayer(new Bidirectional(new GRU(3)), random(new Random(28), 3, 4, 2), true);
        checkLayer(new Bidirectional(GRU.builder(2).returnSequences(true).build()), random(new Random(29), 2, 5, 2), true);
    }

    @Test
    void wholeSentimentModelsWithGatedLayers() {
        Tensor x = Tensor.of(new int[][] {{1, 2, 3, 4, 5, 6}, {7, 0, 0, 2, 3, 1}, {5, 5, 5, 1, 2, 3}});
        Tensor y = Tensor.of(new int[] {1, 0, 1});
        Sequential m = new Sequential(3L, new Input(6), new Embedding(8, 4),
                LSTM.builder(3).returnSequences(true).build(), new GRU(3), new Dense(1, "sigmoid"));
        m.compile(new Adam(), "binary_crossentropy", "accuracy");
        checkModel(m, x, y, false);
        Sequential b = new Sequential(4L, new Input(6), new Embedding(8, 4),
                new Bidirectional(new LSTM(3)), new Dense(1, "sigmoid"));
        b.compile(new Adam(), "binary_crossentropy", "accuracy");
        checkModel(b, x, y, false);
    }

    // ---- the formulas, against a plain step-by-step computation --------------------------------

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** Keras's LSTM step written out for one example: gates i, f, c, o in that order. */
    @Test
    void lstmMatchesKerasFormulasStepByStep() {
        int d = 2, u = 3, steps = 4;
        LSTM lstm = LSTM.builder(u).returnSequences(true).build();
        Tensor x = random(new Random(31), 1, steps, d);
        Tensor out = lstm.forward(x, false);
        double[] w = lstm.parameters().get(0).value(), uu = lstm.parameters().get(1).value(),
                b = lstm.parameters().get(2).value();
        double[] h = new double[u], c = new double[u];
        for (int t = 0; t < steps; t++) {
            double[] z = new double[4 * u];
            for (int k = 0; k < 4 * u; k++) {
                z[k] = b[k];
                for (int i = 0; i < d; i++) z[k] += x.get(0, t, i) * w[i * 4 * u + k];
                for (int j = 0; j < u; j++) z[k] += h[j] * uu[j * 4 * u + k];
            }
            for (int j = 0; j < u; j++) {
                double ig = sigmoid(z[j]), fg = sigmoid(z[u + j]), cand = Math.tanh(z[2 * u + j]), og = sigmoid(z[3 * u + j]);
                c[j] = fg * c[j] + ig * cand;
                h[j] = og * Math.tanh(c[j]);
                assertEquals(h[j], out.get(0, t, j), 1e-12);
            }
        }
        List<Tensor> states = lstm.states();
        assertEquals(2, states.size());
        for (int j = 0; j < u; j++) assertEquals(c[j], states.get(1).get(0, j), 1e-12);
    }

    /** Keras's GRU step (reset_after): gates z, r, h; reset applied to U's part after the product. */
    @Test
    void gruMatchesKerasFormulasStepByStep() {
        int d = 2, u = 3, steps = 4;
        GRU gru = GRU.builder(u).returnSequences(true).build();
        Tensor x = random(new Random(32), 1, steps, d);
        gru.build(new int[] {steps, d}, new Random(1));
        double[] b = gru.parameters().get(2).value();
        for (int i = 0; i < b.length; i++) b[i] = 0.1 * (i % 5) - 0.2; // both bias rows matter
        Tensor out = gru.forward(x, false);
        double[] w = gru.parameters().get(0).value(), uu = gru.parameters().get(1).value();
        double[] h = new double[u];
        for (int t = 0; t < steps; t++) {
            double[] a = new double[3 * u], r = new double[3 * u];
            for (int k = 0; k < 3 * u; k++) {
                a[k] = b[k];
                r[k] = b[3 * u + k];
                for (int i = 0; i < d; i++) a[k] += x.get(0, t, i) * w[i * 3 * u + k];
                for (int j = 0; j < u; j++) r[k] += h[j] * uu[j * 3 * u + k];
            }
            double[] next = new double[u];
            for (int j = 0; j < u; j++) {
                double zg = sigmoid(a[j] + r[j]), rg = sigmoid(a[u + j] + r[u + j]);
                double cand = Math.tanh(a[2 * u + j] + rg * r[2 * u + j]);
                next[j] = zg * h[j] + (1 - zg) * cand;
                assertEquals(next[j], out.get(0, t, j), 1e-12);
            }
            h = next;
        }
    }

    @Test
    void bidirectionalConcatenatesForwardAndReversedBackward() {
        Bidirectional bi = new Bidirectional(SimpleRNN.builder(2).returnSequences(true).build());
        Tensor x = random(new Random(33), 2, 5, 3);
        Tensor out = bi.forward(x, false);
        assertArrayEquals(new int[] {2, 5, 4}, out.shape());
        Tensor f = bi.forwardLayer().forward(x, false);
        Tensor back = bi.backwardLayer().forward(Bidirectional.reverseTime(x), false);
        for (int t = 0; t < 5; t++)
            for (int j = 0; j < 2; j++) {
                assertEquals(f.get(1, t, j), out.get(1, t, j), 1e-12);
                // step t of the backward half has read x_T … x_t: its output (4 − t) in reversed time
                assertEquals(back.get(1, 4 - t, j), out.get(1, t, 2 + j), 1e-12);
            }
    }

    // ---- initializers, counts, names -----------------------------------------------------------

    @Test
    void lstmStartsWithForgetBiasOneAndOrthogonalRecurrentKernel() {
        LSTM l = new LSTM(4);
        l.build(new int[] {3, 5}, new Random(2));
        double[] b = l.parameters().get(2).value();
        for (int k = 0; k < 16; k++) assertEquals(k >= 4 && k < 8 ? 1.0 : 0.0, b[k]);
        LSTM plain = LSTM.builder(4).unitForgetBias(false).build();
        plain.build(new int[] {3, 5}, new Random(2));
        for (double v : plain.parameters().get(2).value()) assertEquals(0.0, v);
        // U (4, 16) has orthonormal rows: U·Uᵀ = I.
        double[] uu = l.parameters().get(1).value();
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                double dot = 0;
                for (int k = 0; k < 16; k++) dot += uu[i * 16 + k] * uu[j * 16 + k];
                assertEquals(i == j ? 1 : 0, dot, 1e-10);
            }
        assertArrayEquals(new int[] {5, 16}, l.parameters().get(0).shape());
    }

    @Test
    void gruHasTwoBiasRowsStartingAtZero() {
        GRU g = new GRU(4);
        g.build(new int[] {3, 5}, new Random(2));
        assertArrayEquals(new int[] {2, 12}, g.parameters().get(2).shape());
        for (double v : g.parameters().get(2).value()) assertEquals(0.0, v);
    }

    static long lstmFormula(int d, int u) {
        return 4L * (u * (d + u) + u);
    }

    static long gruFormula(int d, int u) {
        return 3L * (u * (d + u) + 2 * u);
    }

    @Test
    void parameterCountsFollowTheFormulas() {
        for (int[] du : new int[][] {{1, 1}, {3, 4}, {128, 64}, {32, 50}}) {
            int d = du[0], u = du[1];
            Sequential m = new Sequential(1L, new Input(7, d), new LSTM(u));
            assertEquals(lstmFormula(d, u), m.countParams());
            Sequential g = new Sequential(1L, new Input(7, d), new GRU(u));
            assertEquals(gruFormula(d, u), g.countParams());
            Sequential s = new Sequential(1L, new Input(7, d), new SimpleRNN(u));
            Sequential b = new Sequential(1L, new Input(7, d), new Bidirectional(new LSTM(u)));
            assertEquals(4 * s.countParams(), m.countParams());
            assertEquals(2 * lstmFormula(d, u), b.countParams());
        }
    }

    static Sequential imdb(Layer recurrent) {
        return new Sequential(1L, new Input(200), new Embedding(10000, 128), recurrent, new Dense(1, "sigmoid"));
    }

    @Test
    void imdbSummariesMatchKeras() {
        String lstm = imdb(new LSTM(64)).summaryText();
        assertTrue(lstm.contains("│ lstm (LSTM)                     │ (None, 64)             │        49,408 │"), lstm);
        assertTrue(lstm.contains(" Total params: 1,329,473 "), lstm);
        String gru = imdb(new GRU(64)).summaryText();
        assertTrue(gru.contains("│ gru (GRU)                       │ (None, 64)             │        37,248 │"), gru);
        String bi = imdb(new Bidirectional(new SimpleRNN(64))).summaryText();
        assertTrue(bi.contains("│ bidirectional (Bidirectional)   │ (None, 128)            │        24,704 │"), bi);
        assertTrue(bi.contains("│ dense (Dense)                   │ (None, 1)              │           129 │"), bi);
    }

    @Test
    void namesAndWeightPathsAsKeras() {
        Sequential m = new Sequential(1L, new Input(6, 3),
                new Bidirectional(LSTM.builder(4).returnSequences(true).build()),
                new Bidirectional(new GRU(2, true, false)), new LSTM(2, false, false));
        assertEquals(List.of("bidirectional", "bidirectional_1", "lstm"), m.layers().stream().map(Layer::name).toList());
        assertEquals("bidirectional/forward_lstm/kernel", m.parameters().get(0).path());
        assertEquals("bidirectional/backward_lstm/bias", m.parameters().get(5).path());
        assertEquals("bidirectional_1/backward_gru/recurrent_kernel", m.parameters().get(10).path());
        assertArrayEquals(new int[] {6, 4}, m.outputShapes().get(1));
        assertArrayEquals(new int[] {6, 8}, m.outputShapes().get(0));
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new LSTM(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LSTM.builder(3).activation("softmax").build());
        assertTrue(e.getMessage().contains("activation"));
        e = assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new LSTM(3, false, true)));
        assertTrue(e.getMessage().contains("returnState"));
        e = assertThrows(IllegalArgumentException.class, () -> new Sequential(1L, new Input(5), new GRU(3)));
        assertTrue(e.getMessage().contains("(None, 5)"), e.getMessage());
        LSTM l = new LSTM(3);
        l.forward(random(new Random(1), 2, 4, 2), false);
        e = assertThrows(IllegalArgumentException.class, () -> l.forward(random(new Random(1), 2, 4, 5), false));
        assertTrue(e.getMessage().contains("(2, 4, 5)"), e.getMessage());
    }

    @Test
    void lstmAndGruLearnASimpleSequenceTask() {
        // Label: is the first step's value positive? The answer must survive 8 steps of noise.
        Random rng = new Random(5);
        int n = 200, steps = 8;
        double[][][] xs = new double[n][steps][1];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) xs[i][t][0] = rng.nextGaussian() * 0.3;
            ys[i] = rng.nextBoolean() ? 1 : 0;
            xs[i][0][0] = ys[i] == 1 ? 1 : -1;
        }
        for (Layer layer : List.of(new LSTM(8), new GRU(8), new Bidirectional(new SimpleRNN(8)))) {
            Sequential m = new Sequential(9L, new Input(steps, 1), layer, new Dense(1, "sigmoid"));
            m.compile(new Adam(0.01), "binary_crossentropy", "accuracy");
            History h = m.fit(Tensor.of(xs), Tensor.of(ys), new FitOptions().epochs(15).batchSize(32).verbose(0));
            double acc = m.evaluate(Tensor.of(xs), Tensor.of(ys)).get("accuracy");
            assertTrue(acc > 0.9, layer + " accuracy " + acc + " after " + h);
        }
    }

    @Test
    void anOpenForgetOrUpdateGateCarriesTheGradientBackManySteps() {
        Tensor x = GradientReach.randomSequence(60, 4, 1);
        double[] simple = GradientReach.inputGradientNorms(new SimpleRNN(8), x, 3);
        LSTM open = new LSTM(8);
        open.build(new int[] {60, 4}, new Random(3));
        GradientReach.setGateBias(open, 1, 6.0);
        double[] lstm = GradientReach.inputGradientNorms(open, x, 3);
        GRU keep = new GRU(8);
        keep.build(new int[] {60, 4}, new Random(3));
        GradientReach.setGateBias(keep, 0, 6.0);
        double[] gru = GradientReach.inputGradientNorms(keep, x, 3);
        // ratio of what reaches x_1 to what reaches x_60
        assertTrue(simple[0] / simple[59] < 1e-6, "SimpleRNN " + simple[0] / simple[59]);
        assertTrue(lstm[0] / lstm[59] > 1e-2, "LSTM with f ≈ 1: " + lstm[0] / lstm[59]);
        assertTrue(gru[0] / gru[59] > 1e-2, "GRU with z ≈ 1: " + gru[0] / gru[59]);
        assertThrows(IllegalArgumentException.class, () -> GradientReach.setGateBias(open, 4, 1.0));
    }

    @Test
    void theReachTableHasOneRowPerStepBackInTheLearnersLanguage() {
        java.util.Map<String, double[]> flows = new java.util.LinkedHashMap<>();
        flows.put("SimpleRNN", new double[] {1e-4, 1e-2, 1});
        flows.put("LSTM", new double[] {0.5, 0.8, 2});
        var en = GradientReach.table("reach", flows, 0, 2);
        assertEquals(List.of("steps back", "SimpleRNN", "LSTM"), en.columnNames());
        assertEquals(List.of("1.0e+00", "1.0e-04"), en.stringColumn("SimpleRNN").asList());
        assertEquals(List.of("1.0e+00", "2.5e-01"), en.stringColumn("LSTM").asList());
        var vi = org.rnncourse.OutputInLanguage.vietnamese(() -> GradientReach.table("reach", flows, 0, 2));
        assertEquals(List.of("số bước lùi lại", "SimpleRNN", "LSTM"), vi.columnNames());
        assertEquals(en.stringColumn("LSTM").asList(), vi.stringColumn("LSTM").asList());
    }
}
