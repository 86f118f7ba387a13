package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every backward step against central differences, on several shapes, seeds and losses. */
class BpttGradientCheckTest {
    static final double TOLERANCE = 1e-7;

    /** n_x, n_a, n_y, m, T, seed. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(3, 4, 2, 1, 3, 1L),
                Arguments.of(1, 1, 2, 1, 1, 2L),
                Arguments.of(5, 3, 4, 2, 4, 3L),
                Arguments.of(2, 6, 3, 3, 5, 4L),
                Arguments.of(4, 3, 2, 4, 2, 5L));
    }

    /** A model with weights large enough that every gradient is well away from zero. */
    static Rnn model(int nX, int nA, int nY, Activation f, Activation g, long seed) {
        Random r = new Random(seed);
        RnnCell cell = new RnnCell(Matrices.gaussian(nX, nA, 0.5, r), Matrices.gaussian(nA, nA, 0.5, r),
                Matrices.gaussian(1, nA, 0.5, r), f);
        OutputLayer out = new OutputLayer(Matrices.gaussian(nA, nY, 0.5, r), Matrices.gaussian(1, nY, 0.5, r), g);
        return new Rnn(cell, out);
    }

    static List<DMatrixRMaj> inputs(int m, int nX, int T, long seed) {
        Random r = new Random(seed * 31 + 7);
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            xs.add(Matrices.gaussian(m, nX, 1.0, r));
        }
        return xs;
    }

    static DMatrixRMaj target(Loss loss, int m, int nY, Random r) {
        return switch (loss) {
            case CROSS_ENTROPY -> {
                int[] idx = new int[m];
                for (int i = 0; i < m; i++) {
                    idx[i] = r.nextInt(nY);
                }
                yield Matrices.oneHotRows(idx, nY);
            }
            case BINARY_CROSS_ENTROPY -> {
                DMatrixRMaj t = new DMatrixRMaj(m, nY);
                for (int k = 0; k < t.data.length; k++) {
                    t.data[k] = r.nextBoolean() ? 1 : 0;
                }
                yield t;
            }
            case HALF_SQUARED_ERROR -> Matrices.gaussian(m, nY, 1.0, r);
        };
    }

    static Activation outputFor(Loss loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> Activation.SOFTMAX;
            case BINARY_CROSS_ENTROPY -> Activation.SIGMOID;
            case HALF_SQUARED_ERROR -> Activation.LINEAR;
        };
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Arguments s : shapes().toList()) {
            for (Loss loss : Loss.values()) {
                Object[] a = s.get();
                out.add(Arguments.of(a[0], a[1], a[2], a[3], a[4], a[5], loss));
            }
        }
        return out.stream();
    }

    static void assertAllBelow(List<GradCheck.Comparison> comparisons, int T) {
        for (GradCheck.Comparison c : comparisons) {
            assertTrue(c.relativeError() < TOLERANCE, c.toString());
            // With T = 1 the only A_prev is A_0 = 0, so dW_aa is truly zero; everything else must not be.
            if (!(T == 1 && c.name().equals("W_aa"))) {
                assertTrue(Matrices.norm(c.analytic()) > 1e-8, c.name() + " is zero: the check would prove nothing");
            }
        }
    }

    @ParameterizedTest(name = "many-to-one n_x={0} n_a={1} n_y={2} m={3} T={4} seed={5} {6}")
    @MethodSource("cases")
    void manyToOneGradientsMatchCentralDifferences(int nX, int nA, int nY, int m, int T, long seed, Loss loss) {
        Rnn rnn = model(nX, nA, nY, Activation.TANH, outputFor(loss), seed);
        List<DMatrixRMaj> xs = inputs(m, nX, T, seed);
        DMatrixRMaj target = target(loss, m, nY, new Random(seed));
        List<GradCheck.Comparison> cs = GradCheck.manyToOne(rnn, xs, target, loss);
        assertTrue(cs.size() == 5 + T);
        assertAllBelow(cs, T);
    }

    @ParameterizedTest(name = "many-to-many n_x={0} n_a={1} n_y={2} m={3} T={4} seed={5} {6}")
    @MethodSource("cases")
    void manyToManyGradientsMatchCentralDifferences(int nX, int nA, int nY, int m, int T, long seed, Loss loss) {
        Rnn rnn = model(nX, nA, nY, Activation.TANH, outputFor(loss), seed);
        List<DMatrixRMaj> xs = inputs(m, nX, T, seed);
        Random r = new Random(seed);
        List<DMatrixRMaj> targets = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            targets.add(target(loss, m, nY, r));
        }
        assertAllBelow(GradCheck.manyToMany(rnn, xs, targets, loss), T);
    }

    @ParameterizedTest(name = "sigmoid hidden n_x={0} n_a={1} n_y={2} m={3} T={4} seed={5}")
    @MethodSource("shapes")
    void otherHiddenActivationsToo(int nX, int nA, int nY, int m, int T, long seed) {
        for (Activation f : new Activation[] {Activation.SIGMOID, Activation.LINEAR}) {
            Rnn rnn = model(nX, nA, nY, f, Activation.LINEAR, seed);
            List<DMatrixRMaj> xs = inputs(m, nX, T, seed);
            assertAllBelow(GradCheck.manyToOne(rnn, xs, target(Loss.HALF_SQUARED_ERROR, m, nY, new Random(seed)), Loss.HALF_SQUARED_ERROR), T);
        }
    }

    @ParameterizedTest(name = "dA_0 n_x={0} n_a={1} n_y={2} m={3} T={4} seed={5}")
    @MethodSource("shapes")
    void gradientOfTheInitialStateMatches(int nX, int nA, int nY, int m, int T, long seed) {
        Rnn rnn = model(nX, nA, nY, Activation.TANH, Activation.SOFTMAX, seed);
        List<DMatrixRMaj> xs = inputs(m, nX, T, seed);
        DMatrixRMaj A0 = Matrices.gaussian(m, nA, 0.5, new Random(seed + 100));
        DMatrixRMaj target = target(Loss.CROSS_ENTROPY, m, nY, new Random(seed));
        RnnGradients g = Bptt.manyToOne(rnn, rnn.forward(xs, A0), target, Loss.CROSS_ENTROPY);
        double err = GradCheck.relativeError(() -> {
            RnnCache c = rnn.forward(xs, A0);
            return Loss.CROSS_ENTROPY.value(c.y(c.timeSteps()), target);
        }, A0, g.dA0(), GradCheck.EPS);
        assertTrue(err < TOLERANCE, "dA_0: " + err);
    }

    /**
     * One cell step on its own: with the scalar L = Σ A_t ⊙ R, the gradient reaching A_t is R, and every
     * output of cellBackward (dW_ax, dW_aa, db_a, dX, dA_prev) must match central differences.
     */
    @ParameterizedTest(name = "cell step n_x={0} n_a={1} m={3} seed={5}")
    @MethodSource("shapes")
    void cellBackwardStepMatchesCentralDifferences(int nX, int nA, int nY, int m, int T, long seed) {
        for (Activation f : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.LINEAR}) {
            Random r = new Random(seed);
            RnnCell cell = new RnnCell(Matrices.gaussian(nX, nA, 0.5, r), Matrices.gaussian(nA, nA, 0.5, r),
                    Matrices.gaussian(1, nA, 0.5, r), f);
            DMatrixRMaj X = Matrices.gaussian(m, nX, 1, r);
            DMatrixRMaj Aprev = Matrices.gaussian(m, nA, 0.5, r);
            DMatrixRMaj R = Matrices.gaussian(m, nA, 1, r);
            java.util.function.DoubleSupplier loss = () -> {
                DMatrixRMaj A = cell.step(X, Aprev);
                double s = 0;
                for (int k = 0; k < A.data.length; k++) {
                    s += A.data[k] * R.data[k];
                }
                return s;
            };
            CellGradients g = Bptt.cellBackward(cell, X, Aprev, cell.preActivation(X, Aprev), R);
            String where = f + " seed " + seed + ": ";
            assertTrue(GradCheck.relativeError(loss, cell.Wax, g.dWax, 1e-5) < TOLERANCE, where + "dW_ax");
            assertTrue(GradCheck.relativeError(loss, cell.Waa, g.dWaa, 1e-5) < TOLERANCE, where + "dW_aa");
            assertTrue(GradCheck.relativeError(loss, cell.ba, g.dba, 1e-5) < TOLERANCE, where + "db_a");
            assertTrue(GradCheck.relativeError(loss, X, g.dX, 1e-5) < TOLERANCE, where + "dX");
            assertTrue(GradCheck.relativeError(loss, Aprev, g.dAprev, 1e-5) < TOLERANCE, where + "dA_prev");
        }
    }

    @ParameterizedTest(name = "stack n_x={0} n_a={1} n_y={2} m={3} T={4} seed={5}")
    @MethodSource("shapes")
    void aStackBackpropagatesThroughDxIntoTheLayerBelow(int nX, int nA, int nY, int m, int T, long seed) {
        // Layer 2's dX_t is exactly what reaches layer 1's H_t: chaining throughTime checks dX end to end.
        Rnn top = model(nA, nA + 1, nY, Activation.TANH, Activation.SOFTMAX, seed);
        Random r = new Random(seed + 9);
        RnnCell bottom = new RnnCell(Matrices.gaussian(nX, nA, 0.5, r), Matrices.gaussian(nA, nA, 0.5, r),
                Matrices.gaussian(1, nA, 0.5, r), Activation.TANH);
        List<DMatrixRMaj> xs = inputs(m, nX, T, seed);
        DMatrixRMaj target = target(Loss.CROSS_ENTROPY, m, nY, r);
        java.util.function.DoubleSupplier loss =
                () -> Loss.CROSS_ENTROPY.manyToOne(top, bottom.forward(xs).hiddenStates(), target);
        RnnCache low = bottom.forward(xs);
        RnnGradients gTop = Bptt.manyToOne(top, top.forward(low.hiddenStates()), target, Loss.CROSS_ENTROPY);
        RnnGradients gLow = Bptt.throughTime(bottom, low, gTop.dXs());
        assertTrue(GradCheck.relativeError(loss, bottom.Wax, gLow.dWax(), 1e-5) < TOLERANCE);
        assertTrue(GradCheck.relativeError(loss, bottom.Waa, gLow.dWaa(), 1e-5) < TOLERANCE);
        assertTrue(GradCheck.relativeError(loss, bottom.ba, gLow.dba(), 1e-5) < TOLERANCE);
    }
}
