package org.rnncourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.GruCell;
import org.rnncourse.scratch.LstmCell;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.RnnGradients;

/**
 * The from-scratch cells of lessons 03–06 and 10 against the Keras-style layers of lessons 07–10:
 * the same weights in both, the same inputs, and then the same outputs and the same gradients
 * (every weight's and the input's), on sequences of odd shapes.
 *
 * <p>Both sides keep their weights in the same layout: the course's row form X_t·W_ax with W_ax
 * (n_x, n_a) is Keras's kernel (input_dim, units), W_aa is the recurrent_kernel, and the gated cells
 * use Keras's gate order (LSTM i, f, cTilde, o; GRU z, r, hTilde) and GRU's {@code reset_after} bias
 * (2, 3·units) on both sides. So a weight is copied entry for entry, with no transpose. The layer
 * works on (batch, time, features) tensors, the cell on one (m, n_x) matrix per time step: that is
 * the only translation.
 *
 * <p>The upstream gradient is random on every time step (returnSequences) or on the last one only, so
 * every path back through time is exercised. Agreement is to 1e-12: the two are the same
 * arithmetic written twice, not approximations of each other.
 */
class TwinsTest {
    private static final double TOL = 1e-12;

    /** (batch m, time steps T, features n_x, units n_a): one of each, a wide and a tall shape, odd sizes. */
    static Stream<int[]> shapes() {
        return Stream.of(new int[] {1, 1, 1, 1}, new int[] {3, 5, 2, 4}, new int[] {2, 7, 5, 1}, new int[] {4, 3, 1, 6});
    }

    // ---- SimpleRNN against RnnCell + Bptt -------------------------------------------------------

    @ParameterizedTest
    @MethodSource("shapes")
    void simpleRnnIsRnnCellWithBptt(int[] shape) {
        for (String f : new String[] {"tanh", "relu", "sigmoid", "linear"}) {
            for (boolean sequences : new boolean[] {true, false}) {
                Twin twin = new Twin(shape, 1, sequences, 11);
                SimpleRNN layer = new SimpleRNN(twin.nA, f, sequences, false);
                twin.build(layer);
                if (f.equals("relu") && twin.nA == 1) {
                    // A ReLU unit with z < 0 passes no gradient: a lone unit is kept alive (with more units
                    // some are dead and some alive, which tests relu′ on both sides of 0).
                    layer.parameters().get(2).value()[0] += 5.0;
                }
                RnnCell cell = new RnnCell(twin.weight(layer, 0), twin.weight(layer, 1), twin.weight(layer, 2),
                        Activation.valueOf(f.toUpperCase(java.util.Locale.ROOT)));
                String what = "SimpleRNN(" + f + ", returnSequences " + sequences + ") " + twin;

                RnnCache cache = cell.forward(twin.xs);
                twin.assertOutputs(what, layer, cache.hiddenStates());

                Tensor dx = layer.backward(twin.upstream);
                RnnGradients g = Bptt.throughTime(cell, cache, twin.upstreamPerStep());
                twin.assertGradient(what + " kernel", g.dWax(), layer, 0);
                twin.assertGradient(what + " recurrent_kernel", g.dWaa(), layer, 1);
                twin.assertGradient(what + " bias", g.dba(), layer, 2);
                twin.assertInputGradient(what, dx, g.dXs());
            }
        }
    }

    // ---- LSTM against LstmCell ------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("shapes")
    void lstmIsLstmCell(int[] shape) {
        for (boolean sequences : new boolean[] {true, false}) {
            Twin twin = new Twin(shape, 4, sequences, 12);
            LSTM layer = new LSTM(twin.nA, sequences, false);
            twin.build(layer);
            LstmCell cell = new LstmCell(twin.weight(layer, 0), twin.weight(layer, 1), twin.weight(layer, 2));
            String what = "LSTM(returnSequences " + sequences + ") " + twin;

            LstmCell.Cache cache = cell.forward(twin.xs);
            twin.assertOutputs(what, layer, cache.hiddenStates());
            twin.assertClose(what + " final cell state c_T", cache.lastC(), layer.states().get(1).data());

            Tensor dx = layer.backward(twin.upstream);
            LstmCell.SequenceGradients g = cell.backward(cache, twin.upstreamPerStep(), null);
            twin.assertGradient(what + " kernel", g.dW(), layer, 0);
            twin.assertGradient(what + " recurrent_kernel", g.dU(), layer, 1);
            twin.assertGradient(what + " bias", g.db(), layer, 2);
            twin.assertInputGradient(what, dx, g.dXs());
        }
    }

    // ---- GRU against GruCell --------------------------------------------------------------------

    /** Both sides implement Keras's default reset_after = True (bias (2, 3·units)), so everything compares. */
    @ParameterizedTest
    @MethodSource("shapes")
    void gruIsGruCell(int[] shape) {
        for (boolean sequences : new boolean[] {true, false}) {
            Twin twin = new Twin(shape, 3, sequences, 13);
            GRU layer = new GRU(twin.nA, sequences, false);
            twin.build(layer);
            GruCell cell = new GruCell(twin.weight(layer, 0), twin.weight(layer, 1), twin.weight(layer, 2));
            String what = "GRU(returnSequences " + sequences + ") " + twin;

            GruCell.Cache cache = cell.forward(twin.xs);
            twin.assertOutputs(what, layer, cache.hiddenStates());

            Tensor dx = layer.backward(twin.upstream);
            GruCell.SequenceGradients g = cell.backward(cache, twin.upstreamPerStep());
            twin.assertGradient(what + " kernel", g.dW(), layer, 0);
            twin.assertGradient(what + " recurrent_kernel", g.dU(), layer, 1);
            twin.assertGradient(what + " bias", g.db(), layer, 2);
            twin.assertInputGradient(what, dx, g.dXs());
        }
    }

    /**
     * One comparison's data: the input x (m, T, n_x) as a Tensor and as T matrices (m, n_x), and a
     * random upstream gradient, on every step or on the last one only.
     */
    private static final class Twin {
        final int m, T, nX, nA;
        final boolean sequences;
        final Random random;
        final Tensor x, upstream;
        final List<DMatrixRMaj> xs = new ArrayList<>();

        Twin(int[] shape, int gates, boolean sequences, long seed) {
            this.m = shape[0];
            this.T = shape[1];
            this.nX = shape[2];
            this.nA = shape[3];
            this.sequences = sequences;
            this.random = new Random(seed * 1000 + m * 100 + T * 10 + nX);
            double[] data = gaussian(m * T * nX);
            this.x = new Tensor(data, m, T, nX);
            for (int t = 0; t < T; t++) {
                DMatrixRMaj X = new DMatrixRMaj(m, nX);
                for (int i = 0; i < m; i++) for (int j = 0; j < nX; j++) X.set(i, j, data[(i * T + t) * nX + j]);
                xs.add(X);
            }
            this.upstream = sequences ? new Tensor(gaussian(m * T * nA), m, T, nA) : new Tensor(gaussian(m * nA), m, nA);
        }

        /** Builds the layer with Keras's initialisers, then gives its bias random values too (Keras starts it at 0). */
        void build(RecurrentLayer layer) {
            layer.build(new int[] {T, nX}, random);
            double[] bias = layer.parameters().get(2).value();
            for (int k = 0; k < bias.length; k++) bias[k] += 0.5 * random.nextGaussian();
        }

        /** A copy of the layer's k-th weight (kernel, recurrent_kernel, bias) as a matrix of the same layout. */
        DMatrixRMaj weight(Layer layer, int k) {
            Parameter p = layer.parameters().get(k);
            int[] s = p.shape();
            int rows = s.length == 1 ? 1 : s[0], cols = s[s.length - 1];
            return new DMatrixRMaj(rows, cols, true, p.value().clone());
        }

        /** ∂L/∂H_t from above for t = 1 … T, cut from the upstream tensor; null where nothing arrives. */
        List<DMatrixRMaj> upstreamPerStep() {
            List<DMatrixRMaj> out = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                if (!sequences && t < T - 1) {
                    out.add(null);
                    continue;
                }
                DMatrixRMaj d = new DMatrixRMaj(m, nA);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < nA; j++) {
                        d.set(i, j, sequences ? upstream.data()[(i * T + t) * nA + j] : upstream.data()[i * nA + j]);
                    }
                }
                out.add(d);
            }
            return out;
        }

        void assertOutputs(String what, Layer layer, List<DMatrixRMaj> hs) {
            Tensor y = layer.forward(x, true);
            assertEquals(sequences ? List.of(m, T, nA) : List.of(m, nA), dims(y), what + ": output shape");
            for (int t = 0; t < T; t++) {
                if (!sequences && t < T - 1) continue;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < nA; j++) {
                        double layerValue = sequences ? y.data()[(i * T + t) * nA + j] : y.data()[i * nA + j];
                        assertNear(what + ": h at t = " + (t + 1) + ", example " + i + ", unit " + j,
                                hs.get(t).get(i, j), layerValue);
                    }
                }
            }
        }

        /** With one time step h_0 = 0 and the recurrent kernel's gradient is rightly zero: the guard skips it. */
        void assertGradient(String what, DMatrixRMaj fromScratch, Layer layer, int k) {
            assertClose(what + " gradient", fromScratch, layer.parameters().get(k).grad(), !(k == 1 && T == 1));
        }

        void assertInputGradient(String what, Tensor dx, List<DMatrixRMaj> dXs) {
            assertEquals(List.of(m, T, nX), dims(dx), what + ": input gradient shape");
            for (int t = 0; t < T; t++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < nX; j++) {
                        assertNear(what + ": ∂L/∂x at t = " + (t + 1) + ", example " + i + ", feature " + j,
                                dXs.get(t).get(i, j), dx.data()[(i * T + t) * nX + j]);
                    }
                }
            }
        }

        /** The matrix, row by row, against the layer's row-major array of the same layout. */
        void assertClose(String what, DMatrixRMaj fromScratch, double[] fromLayer) {
            assertClose(what, fromScratch, fromLayer, true);
        }

        void assertClose(String what, DMatrixRMaj fromScratch, double[] fromLayer, boolean mustBeNonZero) {
            assertEquals(fromScratch.getNumElements(), fromLayer.length, what + ": number of entries");
            boolean anyNonZero = false;
            for (int k = 0; k < fromLayer.length; k++) {
                assertNear(what + " entry " + k, fromScratch.data[k], fromLayer[k]);
                anyNonZero |= fromLayer[k] != 0;
            }
            assertTrue(anyNonZero || !mustBeNonZero, what + " is all zeros: the comparison would prove nothing");
        }

        private double[] gaussian(int n) {
            double[] a = new double[n];
            for (int k = 0; k < n; k++) a[k] = random.nextGaussian();
            return a;
        }

        @Override
        public String toString() {
            return "(m = " + m + ", T = " + T + ", n_x = " + nX + ", n_a = " + nA + ")";
        }
    }

    private static List<Integer> dims(Tensor t) {
        List<Integer> d = new ArrayList<>();
        for (int k = 0; k < t.rank(); k++) d.add(t.dim(k));
        return d;
    }

    private static void assertNear(String what, double expected, double actual) {
        assertTrue(Double.isFinite(expected) && Math.abs(expected - actual) <= TOL * Math.max(1, Math.abs(expected)),
                what + ": from scratch " + expected + ", layer " + actual);
    }
}
