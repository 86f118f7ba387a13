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
import org.rnncourse.nn.layers.GradientCheckTest;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.Adam;

/** Every recurrent layer's float path computes what its double reference code computes. */
class FloatPathTest {
    /** Float has 24 bits (~6e-8); sums over up to 20 steps and 64 terms stay far below this. */
    static final double TOLERANCE = 2e-5;

    static Stream<Arguments> cases() {
        return FloatPathComparison.cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}, embedding {1}, batch {2}, steps {3}, in {4}, units {5}, sequences {6}")
    @MethodSource("cases")
    void outputsAndEveryGradientAgreeWithTheReferencePath(String arch, boolean emb, int batch, int steps, int in,
                                                         int units, boolean seq) {
        assertTrue(Fast.isVectorized(), "Surefire runs with " + Fast.JVM_FLAG);
        double d = FloatPathComparison.maxDifference(arch, emb, batch, steps, in, units, seq);
        assertTrue(d < TOLERANCE, FloatPathComparison.describe(arch, emb, batch, steps, in, units, seq)
                + ": the paths differ by " + d);
    }

    @Test
    void thePlainKernelsAgreeToo() throws Exception {
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(javaExe, "-cp", cp, "org.rnncourse.nn.backend.FloatPathProbe"));
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
        java.util.function.Supplier<Layer[]> rnn = () -> new Layer[] {new SimpleRNN(6), new Dropout(0.5)};
        List<double[]> wFast = train(3, 37, 11, 50, 8, lossesFast, rnn);
        List<double[]> wRef = Backend.withFloatx("float64", () -> train(3, 37, 11, 50, 8, lossesRef, rnn));
        for (int i = 0; i < 3; i++) assertEquals(lossesRef[i], lossesFast[i], 1e-5, "loss of step " + i);
        for (int i = 0; i < wRef.size(); i++) {
            assertTrue(FloatPathComparison.diff(wRef.get(i), wFast.get(i)) < 1e-5, "weights " + i + " after 3 steps");
        }
    }

    /** LSTM and GRU too: fit steps on the float path and on the float64 reference, the same to float rounding. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"LSTM", "GRU", "Bi LSTM", "SimpleRNN/relu"})
    void gatedLayersTrainAsOnTheFloat64Reference(String kind) {
        double[] lossesFast = new double[3], lossesRef = new double[3];
        java.util.function.Supplier<Layer[]> layer = () -> new Layer[] {FloatPathComparison.layer(kind, 5, false)};
        List<double[]> wFast = train(5, 29, 7, 40, 6, lossesFast, layer);
        List<double[]> wRef = Backend.withFloatx("float64", () -> train(5, 29, 7, 40, 6, lossesRef, layer));
        for (int i = 0; i < 3; i++) assertEquals(lossesRef[i], lossesFast[i], 1e-5, kind + ": loss of step " + i);
        for (int i = 0; i < wRef.size(); i++) {
            assertTrue(FloatPathComparison.diff(wRef.get(i), wFast.get(i)) < 1e-5, kind + ": weights " + i + " after 3 steps");
        }
    }

    /**
     * Three Adam steps on random token ids (n reviews of {@code steps} tokens from a vocabulary of
     * {@code vocab}) through Embedding(vocab, dim) → the given layers → Dense(1, sigmoid).
     */
    private static List<double[]> train(long seed, int n, int steps, int vocab, int dim, double[] losses,
                                        java.util.function.Supplier<Layer[]> middle) {
        java.util.Random rng = new java.util.Random(seed);
        int[][] ids = new int[n][steps];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) ids[i][t] = rng.nextInt(vocab);
            y[i] = rng.nextInt(2);
        }
        List<Layer> layers = new ArrayList<>(List.of(new Input(steps), new Embedding(vocab, dim)));
        layers.addAll(List.of(middle.get()));
        layers.add(new Dense(1, "sigmoid"));
        Sequential m = new Sequential(9, layers.toArray(new Layer[0]));
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
        assertEquals(Backend.withFloatx("float64", () -> m.evaluate(ids, y).get("loss")), fastLoss, 1e-6);
        assertTrue(FloatPathComparison.diff(Backend.withFloatx("float64", () -> m.predict(ids).toArray()), fastPred) < 1e-6);
    }

    /** float32 puts every layer kind and activation on the float path; float64 puts them all on the reference. */
    @Test
    void theFloatxSettingAloneChoosesThePath() {
        for (String spec : new String[] {"SimpleRNN", "SimpleRNN/relu", "SimpleRNN/linear", "LSTM/relu/sigmoid",
            "GRU/tanh/linear", "LSTM", "GRU"}) {
            RecurrentLayer l = (RecurrentLayer) FloatPathComparison.layer(spec, 4, false);
            l.build(new int[] {3, 2}, new java.util.Random(1));
            assertTrue(l.runsOnFloatPath(), spec + " has a float path");
            assertTrue(!Backend.withFloatx("float64", l::runsOnFloatPath), spec + " runs its reference code under float64");
        }
    }

    /** states() and an LSTM's/GRU's gates() read the same numbers after a float forward as after a reference one. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"SimpleRNN", "LSTM", "GRU"})
    void statesAndGatesAgreeWithTheReferencePath(String kind) {
        RecurrentLayer l = (RecurrentLayer) FloatPathComparison.layer(kind, 5, false);
        Tensor x = GradientCheckTest.random(new java.util.Random(3), 19, 4, 3);
        l.forward(x, false);
        List<Tensor> fast = l.states();
        double[][] gFast = kind.equals("LSTM") ? ((LSTM) l).gates(17, 2) : kind.equals("GRU") ? ((GRU) l).gates(17, 2) : null;
        List<Tensor> ref = Backend.withFloatx("float64", () -> {
            l.forward(x, false);
            return l.states();
        });
        assertEquals(ref.size(), fast.size());
        for (int i = 0; i < ref.size(); i++) {
            assertTrue(FloatPathComparison.diff(ref.get(i).data(), fast.get(i).data()) < TOLERANCE, kind + " state " + i);
        }
        if (gFast != null) {
            double[][] gRef = Backend.withFloatx("float64", () -> {
                l.forward(x, false);
                return kind.equals("LSTM") ? ((LSTM) l).gates(17, 2) : ((GRU) l).gates(17, 2);
            });
            for (int g = 0; g < gRef.length; g++) {
                assertTrue(FloatPathComparison.diff(gRef[g], gFast[g]) < TOLERANCE, kind + " gate " + g);
            }
        }
    }

    /** An Embedding's output read by another layer than a recurrent one is the table's rows, as on float64. */
    @Test
    void anEmbeddingsOutputReadsTheSameOnBothPaths() {
        Embedding e = new Embedding(9, 3);
        Tensor ids = new Tensor(new double[] {1, 8, 0, 4, 4, 2}, 2, 3);
        double[] fast = e.forward(ids, false).data();
        assertTrue(java.util.Arrays.equals(Backend.withFloatx("float64", () -> e.forward(ids, false).data()), fast));
        // and an Embedding → Dropout → LSTM model trains: the Dropout reads the rows, the LSTM gets features.
        Sequential m = new Sequential(3, new Input(3), new Embedding(9, 3), new Dropout(0.2), new LSTM(2),
                new Dense(1, "sigmoid"));
        m.compile("adam", "binary_crossentropy");
        double loss = m.trainOnBatch(ids, new Tensor(new double[] {0, 1}, 2));
        assertTrue(Double.isFinite(loss), "loss " + loss);
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
