package org.rnncourse.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnncourse.fast.Fast;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.Adam;

/** The float path of fit/evaluate/predict computes what the double reference layers compute. */
class FastFrontTest {
    /** Float has 24 bits (~6e-8); sums over up to 20 steps and 64 terms stay far below this. */
    static final double TOLERANCE = 2e-5;

    static Stream<Arguments> cases() {
        return FastFrontComparison.cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}, embedding {1}, batch {2}, steps {3}, in {4}, units {5}, sequences {6}")
    @MethodSource("cases")
    void outputsAndEveryGradientAgreeWithTheReferencePath(String kind, boolean emb, int batch, int steps, int in,
                                                         int units, boolean seq) {
        assertTrue(Fast.isVectorized(), "Surefire runs with " + Fast.JVM_FLAG);
        double d = FastFrontComparison.maxDifference(kind, emb, batch, steps, in, units, seq);
        assertTrue(d < TOLERANCE, FastFrontComparison.describe(kind, emb, batch, steps, in, units, seq)
                + ": the paths differ by " + d);
    }

    @Test
    void thePlainKernelsAgreeToo() throws Exception {
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(javaExe, "-cp", cp, "org.rnncourse.nn.backend.FastFrontProbe"));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out + err);
        assertTrue(out.contains("path: plain Java"), out);
        double worst = Double.parseDouble(out.replaceAll("(?s).*worst difference: (\\S+).*", "$1").trim());
        assertTrue(worst < TOLERANCE, out);
    }

    /** fit on the fast path and on the reference path: the same losses and weights, to float rounding. */
    @Test
    void trainingStepsMatchTheReferencePath() {
        double[] lossesFast = new double[3], lossesRef = new double[3];
        List<double[]> wFast = train(true, lossesFast), wRef = train(false, lossesRef);
        for (int i = 0; i < 3; i++) assertEquals(lossesRef[i], lossesFast[i], 1e-5, "loss of step " + i);
        for (int i = 0; i < wRef.size(); i++) {
            assertTrue(FastFrontComparison.diff(wRef.get(i), wFast.get(i)) < 1e-5, "weights " + i + " after 3 steps");
        }
    }

    /** LSTM and GRU too: fit steps on the float path and on the float64 reference, the same to float rounding. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"LSTM", "GRU"})
    void gatedLayersTrainAsOnTheFloat64Reference(String kind) {
        double[] lossesFast = new double[3], lossesRef = new double[3];
        List<double[]> wFast = trainGated(kind, lossesFast);
        List<double[]> wRef;
        Backend.setFloatx("float64");
        try {
            wRef = trainGated(kind, lossesRef);
        } finally {
            Backend.setFloatx("float32");
        }
        for (int i = 0; i < 3; i++) assertEquals(lossesRef[i], lossesFast[i], 1e-5, kind + ": loss of step " + i);
        for (int i = 0; i < wRef.size(); i++) {
            assertTrue(FastFrontComparison.diff(wRef.get(i), wFast.get(i)) < 1e-5, kind + ": weights " + i + " after 3 steps");
        }
    }

    private static List<double[]> trainGated(String kind, double[] losses) {
        java.util.Random rng = new java.util.Random(5);
        int[][] ids = new int[29][7];
        int[] y = new int[29];
        for (int i = 0; i < ids.length; i++) {
            for (int t = 0; t < 7; t++) ids[i][t] = rng.nextInt(40);
            y[i] = rng.nextInt(2);
        }
        Sequential m = new Sequential(9, new Input(7), new Embedding(40, 6), FastFrontComparison.layer(kind, 5, false),
                new Dense(1, "sigmoid"));
        m.compile(new Adam(0.01), "binary_crossentropy", "accuracy");
        for (int s = 0; s < 3; s++) losses[s] = m.trainOnBatch(Tensor.of(ids), Tensor.of(y));
        return m.getWeights();
    }

    @Test
    void floatxIsFloat32OrFloat64AndNothingElse() {
        assertEquals("float32", Backend.floatx());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Backend.setFloatx("float16"));
        assertTrue(e.getMessage().contains("expected \"float32\" or \"float64\", got \"float16\""), e.getMessage());
        assertEquals("float32", Backend.floatx());
    }

    private static List<double[]> train(boolean fast, double[] losses) {
        java.util.Random rng = new java.util.Random(3);
        int[][] ids = new int[37][11];
        int[] y = new int[37];
        for (int i = 0; i < ids.length; i++) {
            for (int t = 0; t < 11; t++) ids[i][t] = rng.nextInt(50);
            y[i] = rng.nextInt(2);
        }
        Sequential m = new Sequential(9, new Input(11), new Embedding(50, 8), new SimpleRNN(6), new Dropout(0.5),
                new Dense(1, "sigmoid")).fastPath(fast);
        m.compile(new Adam(0.01), "binary_crossentropy", "accuracy");
        for (int s = 0; s < 3; s++) losses[s] = m.trainOnBatch(Tensor.of(ids), Tensor.of(y));
        return m.getWeights();
    }

    @Test
    void evaluateAndPredictAgreeWithTheReferencePath() {
        java.util.Random rng = new java.util.Random(4);
        int[][] ids = new int[70][9];
        int[] y = new int[70];
        for (int i = 0; i < ids.length; i++) {
            for (int t = 0; t < 9; t++) ids[i][t] = rng.nextInt(30);
            y[i] = rng.nextInt(2);
        }
        Sequential m = new Sequential(2, new Input(9), new Embedding(30, 5), new SimpleRNN(7), new Dense(1, "sigmoid"));
        m.compile("adam", "binary_crossentropy", "accuracy");
        double fastLoss = m.evaluate(ids, y).get("loss");
        double[] fastPred = m.predict(ids).toArray();
        m.fastPath(false);
        assertEquals(m.evaluate(ids, y).get("loss"), fastLoss, 1e-6);
        assertTrue(FastFrontComparison.diff(m.predict(ids).toArray(), fastPred) < 1e-6);
    }

    @Test
    void aModelWithoutASimpleRnnFrontStaysOnTheReferencePath() {
        assertEquals(null, FastFront.of(List.of(new Dense(3))));
        SimpleRNN relu = new SimpleRNN(4, "relu", false, false);
        relu.build(new int[] {3, 2}, new java.util.Random(1));
        assertEquals(null, FastFront.of(List.of(relu)));
        LSTM reluLstm = LSTM.builder(4).activation("relu").build();
        reluLstm.build(new int[] {3, 2}, new java.util.Random(1));
        assertEquals(null, FastFront.of(List.of(reluLstm)));
        GRU hardGru = GRU.builder(4).recurrentActivation("tanh").build();
        hardGru.build(new int[] {3, 2}, new java.util.Random(1));
        assertEquals(null, FastFront.of(List.of(hardGru)));
        LSTM lstm = new LSTM(4);
        lstm.build(new int[] {3, 2}, new java.util.Random(1));
        assertTrue(FastFront.of(List.of(lstm)) != null, "LSTM with Keras's activations has a float step");
    }

    @Test
    void aBadTokenIdStillGetsTheEmbeddingsMessage() {
        Sequential m = new Sequential(2, new Input(3), new Embedding(5, 2), new SimpleRNN(2), new Dense(1, "sigmoid"));
        m.compile("adam", "binary_crossentropy");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> m.predict(new int[][] {{1, 2, 9}}));
        assertTrue(e.getMessage().contains("token id x[0][2] = 9.0 is outside [0, 5)"), e.getMessage());
    }
}
