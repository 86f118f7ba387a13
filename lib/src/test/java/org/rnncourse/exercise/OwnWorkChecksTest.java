package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.lessons.CharRnn;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Backend;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.GradientClipping;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.CellGradients;
import org.rnncourse.scratch.GradCheck;
import org.rnncourse.scratch.GruCell;
import org.rnncourse.scratch.LstmCell;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.OwnWork;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.RnnGradients;

/**
 * Issue 17: an answer composed from the library's own classes (the cell that computes the exercise,
 * called with the check's inputs) fails its check with the guard's message, while the honest answers
 * (the LessonNNTest solutions, which these tests also run) still pass. Where the composed answer is a
 * right answer in itself, the test shows that first: the guard, not the tolerance, is what stops it.
 */
class OwnWorkChecksTest {
    @BeforeEach
    void english() {
        Course.setLanguage("en");
    }

    /** The check fails with the guard's message naming the exercise and the library entry that was called. */
    private static void refused(String exercise, String entry, Runnable check) {
        AssertionError e = assertThrows(AssertionError.class, check::run);
        assertTrue(e.getMessage().startsWith(exercise + ": this exercise asks you to write " + exercise + " yourself, so "
                + entry + " is off while its check runs"), e.getMessage());
        assertFalse(OwnWork.isOff(OwnWork.Topic.RNN_STEP) || OwnWork.isOff(OwnWork.Topic.RNN_SEQUENCE) || OwnWork.isOff(OwnWork.Topic.LSTM), "the window stayed open");
    }

    private static DMatrixRMaj t(DMatrixRMaj m) {
        return CommonOps_DDRM.transpose(m, null);
    }

    private static boolean same(DMatrixRMaj a, DMatrixRMaj b) {
        return Check.same(a, b, 1e-12);
    }

    // ---- lessons 02, 04, 05, 08: the loop over the steps is the exercise; the step may be called --

    static DMatrixRMaj finalStateByHand(RnnCell cell, List<DMatrixRMaj> xs) {
        DMatrixRMaj h = new DMatrixRMaj(1, cell.nA);
        for (DMatrixRMaj x : xs) h = cell.step(x, h);
        return h;
    }

    static DMatrixRMaj finalStateByForward(RnnCell cell, List<DMatrixRMaj> xs) {
        var cache = cell.forward(xs);
        return cache.a(cache.timeSteps());
    }

    @Test
    void theLibrarysForwardPassDoesNotAnswerTheLoopExercises() {
        RnnCell cell = RnnCell.random(3, 4, Activation.TANH, 0.6, 2);
        List<DMatrixRMaj> xs = List.of(Matrices.row(1, 0, 1), Matrices.row(0, 1, 0), Matrices.row(1, 1, 0));
        assertTrue(same(finalStateByHand(cell, xs), finalStateByForward(cell, xs)), "the forward pass's last state is right");
        refused("finalState", "RnnCell.forward", () -> Lesson02.checkFinalState(OwnWorkChecksTest::finalStateByForward));
        assertTrue(Output.of(() -> Lesson02.checkFinalState(OwnWorkChecksTest::finalStateByHand)).contains("✔ finalState"));

        refused("stackForward", "RnnCell.forward", () -> Lesson04.checkStackForward(
                (layer1, layer2, seq) -> layer2.forward(layer1.forward(seq).hiddenStates()).hiddenStates()));
        assertTrue(Output.of(() -> Lesson04.checkStackForward((layer1, layer2, seq) -> {
            List<DMatrixRMaj> ks = new ArrayList<>();
            DMatrixRMaj h = new DMatrixRMaj(seq.get(0).numRows, layer1.nA), k = new DMatrixRMaj(seq.get(0).numRows, layer2.nA);
            for (DMatrixRMaj x : seq) {
                h = layer1.step(x, h);   // the step is the lesson's own building block: allowed
                k = layer2.step(h, k);
                ks.add(k);
            }
            return ks;
        })).contains("✔ stackForward"));

        refused("encoderDecoder", "RnnCell.forward", () -> Lesson05.checkEncoderDecoder((enc, dec, out, seq, steps) -> {
            var cache = enc.forward(seq);
            List<DMatrixRMaj> ys = new ArrayList<>();
            DMatrixRMaj input = new DMatrixRMaj(1, out.nY), a = cache.a(cache.timeSteps());
            for (int t = 0; t < steps; t++) {
                a = dec.step(input, a);
                input = out.forward(a);
                ys.add(input);
            }
            return ys;
        }));

        refused("pPositive", "RnnCell.forward", () -> Lesson08.checkByHand((review, w) -> {
            RnnCell c = new RnnCell(Matrices.fromRows(w.kernel()), Matrices.fromRows(w.recurrentKernel()), Matrices.row(w.bias()),
                    Activation.TANH);
            List<DMatrixRMaj> rows = new ArrayList<>();
            for (int id : review) rows.add(Matrices.row(w.embeddings()[id].clone()));
            var cache = c.forward(rows);
            double z = w.denseBias();
            for (int j = 0; j < w.bias().length; j++) z += cache.a(cache.timeSteps()).get(0, j) * w.denseKernel()[j];
            return 1 / (1 + Math.exp(-z));
        }));
    }

    // ---- lesson 03 --------------------------------------------------------------------------------

    static DMatrixRMaj composedCellStep(DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj x, DMatrixRMaj h) {
        return new RnnCell(t(Wxh), t(Whh), t(bh), Activation.TANH).stepColumn(x, h);
    }

    @Test
    void lesson03AnswersComposedFromTheLibrarysCellScoreNothing() {
        Random r = new Random(3);
        DMatrixRMaj Wxh = Matrices.gaussian(4, 3, 0.5, r), Whh = Matrices.gaussian(4, 4, 0.5, r), bh = Matrices.gaussian(4, 1, 0.5, r);
        DMatrixRMaj x = Matrices.gaussian(3, 1, 1, r), h = Matrices.gaussian(4, 1, 1, r);
        assertTrue(same(Lesson03Test.cellStep(Wxh, Whh, bh, x, h), composedCellStep(Wxh, Whh, bh, x, h)), "the composed step is right");
        refused("cellStep", "RnnCell.stepColumn", () -> Lesson03.checkCellStep(OwnWorkChecksTest::composedCellStep));

        refused("rnnForward", "RnnCell.stepColumn", () -> Lesson03.checkRnnForward((Wx, Wh, b, Why, by, xs) -> {
            RnnCell cell = new RnnCell(t(Wx), t(Wh), t(b), Activation.TANH);
            OutputLayer out = new OutputLayer(t(Why), t(by), Activation.LINEAR);
            List<DMatrixRMaj> hs = new ArrayList<>(), ys = new ArrayList<>();
            DMatrixRMaj a = new DMatrixRMaj(Wx.numRows, 1);
            for (DMatrixRMaj xt : xs) {
                a = cell.stepColumn(xt, a);
                hs.add(a);
                ys.add(out.forwardColumn(a));
            }
            return new Lesson03.ForwardPass(hs, ys);
        }));
        // The hidden states by hand, the outputs by the library's output layer: refused too.
        refused("rnnForward", "OutputLayer.forwardColumn", () -> Lesson03.checkRnnForward((Wx, Wh, b, Why, by, xs) -> {
            Lesson03.ForwardPass mine = Lesson03Test.rnnForward(Wx, Wh, b, Why, by, xs);
            OutputLayer out = new OutputLayer(t(Why), t(by), Activation.LINEAR);
            List<DMatrixRMaj> ys = new ArrayList<>();
            for (DMatrixRMaj a : mine.h()) ys.add(out.forwardColumn(a));
            return new Lesson03.ForwardPass(mine.h(), ys);
        }));
        refused("batchStep", "RnnCell.step", () -> Lesson03.checkBatchStep(
                (Wax, Waa, ba, X, Aprev) -> new RnnCell(Wax, Waa, ba, Activation.TANH).step(X, Aprev)));
    }

    @Test
    void lesson03HonestAnswersStillPass() {
        assertTrue(Output.of(() -> Lesson03.checkCellStep(Lesson03Test::cellStep)).contains("✔ cellStep"));
        assertTrue(Output.of(() -> Lesson03.checkRnnForward(Lesson03Test::rnnForward)).contains("✔ rnnForward"));
        assertTrue(Output.of(() -> Lesson03.checkBatchStep(Lesson03Test::batchStep)).contains("✔ batchStep"));
    }

    // ---- lesson 06 --------------------------------------------------------------------------------

    static Lesson06.StepGradients composedBackward(DMatrixRMaj Wax, DMatrixRMaj Waa, DMatrixRMaj X, DMatrixRMaj Aprev,
                                                   DMatrixRMaj A, DMatrixRMaj dA) {
        // Z = atanh(A): what the library's step needs, recovered from what the exercise gives.
        DMatrixRMaj Z = A.copy();
        for (int k = 0; k < Z.data.length; k++) Z.data[k] = 0.5 * Math.log((1 + A.data[k]) / (1 - A.data[k]));
        CellGradients g = Bptt.cellBackward(new RnnCell(Wax, Waa, new DMatrixRMaj(1, Waa.numCols), Activation.TANH), X, Aprev, Z, dA);
        return new Lesson06.StepGradients(g.dWax, g.dWaa, g.dba, g.dX, g.dAprev);
    }

    static double composedDerivative(DoubleSupplier loss, DMatrixRMaj W, int i, int j) {
        return GradCheck.numericalGradient(loss, W).get(i, j);
    }

    @Test
    void lesson06AnswersComposedFromBpttOrTheGradientCheckScoreNothing() {
        Lesson06.StepData d = Lesson06.stepData();
        RnnCell c = d.cell();
        DMatrixRMaj A = c.step(d.X(), d.Aprev());
        Lesson06.StepGradients honest = Lesson06Test.cellBackward(c.Wax, c.Waa, d.X(), d.Aprev(), A, d.dA());
        Lesson06.StepGradients composed = composedBackward(c.Wax, c.Waa, d.X(), d.Aprev(), A, d.dA());
        assertTrue(Check.same(honest.dWaa(), composed.dWaa(), 1e-10) && Check.same(honest.dAprev(), composed.dAprev(), 1e-10),
                "the composed backward step is right");
        refused("cellBackward", "Bptt.cellBackward", () -> Lesson06.checkCellBackward(OwnWorkChecksTest::composedBackward));

        refused("bptt", "Bptt.throughTime", () -> Lesson06.checkBptt((Wax, Waa, cache, dAs) -> {
            RnnGradients g = Bptt.throughTime(new RnnCell(Wax, Waa, new DMatrixRMaj(1, Waa.numCols), Activation.TANH), cache, dAs);
            return new Lesson06.SequenceGradients(g.dWax(), g.dWaa(), g.dba(), g.dA0());
        }));
        refused("bptt", "GradCheck.numericalGradient", () -> Lesson06.checkBptt((Wax, Waa, cache, dAs) -> {
            GradCheck.numericalGradient(() -> 0, Waa);
            return null;
        }));

        DMatrixRMaj W = Lesson06.gradCheckModel().cell.Waa;
        DoubleSupplier loss = () -> Math.sin(W.get(0, 1)) * W.get(1, 0);
        assertEquals(Lesson06Test.numericalDerivative(loss, W, 0, 1), composedDerivative(loss, W, 0, 1), 1e-12,
                "the composed derivative is right");
        refused("numericalDerivative", "GradCheck.numericalGradient",
                () -> Lesson06.checkNumericalDerivative(OwnWorkChecksTest::composedDerivative));
    }

    @Test
    void lesson06HonestAnswersStillPass() {
        assertTrue(Output.of(() -> Lesson06.checkCellBackward(Lesson06Test::cellBackward)).contains("✔ cellBackward"));
        assertTrue(Output.of(() -> Lesson06.checkNumericalDerivative(Lesson06Test::numericalDerivative)).contains("✔ numericalDerivative"));
    }

    // ---- lesson 07: the Keras-style layer answers the exercise, at float64 ------------------------

    static DMatrixRMaj byTheLayer(DMatrixRMaj kernel, DMatrixRMaj recurrent, DMatrixRMaj bias, DMatrixRMaj xs) {
        return Backend.withFloatx("float64", () -> {
            Sequential m = new Sequential(new Input(xs.numRows, xs.numCols), new SimpleRNN(recurrent.numRows));
            m.setWeights(List.of(kernel.data.clone(), recurrent.data.clone(), bias.data.clone()));
            double[][][] x = new double[1][xs.numRows][];
            for (int t = 0; t < xs.numRows; t++) x[0][t] = CommonOps_DDRM.extractRow(xs, t, null).data;
            return Matrices.row(m.predict(x).data());
        });
    }

    @Test
    void lesson07TheLibrarysLayersDoNotAnswerTheSimpleRnnExercise() {
        Random r = new Random(7);
        DMatrixRMaj k = Matrices.gaussian(3, 4, 0.8, r), u = Matrices.gaussian(4, 4, 0.5, r), b = Matrices.gaussian(1, 4, 0.5, r);
        DMatrixRMaj xs = Matrices.gaussian(5, 3, 1, r);
        assertTrue(Check.same(Lesson07Test.forward(k, u, b, xs, true, false), byTheLayer(k, u, b, xs), 1e-10), "the layer's answer is right");
        refused("simpleRnnForward", "SimpleRNN.forward", () -> Lesson07.checkSimpleRnnForward(OwnWorkChecksTest::byTheLayer));
        refused("simpleRnnForward", "RnnCell.forward", () -> Lesson07.checkSimpleRnnForward((kernel, rec, bias, seq) -> {
            List<DMatrixRMaj> rows = new ArrayList<>();
            for (int t = 0; t < seq.numRows; t++) rows.add(CommonOps_DDRM.extractRow(seq, t, null));
            var cache = new RnnCell(kernel, rec, bias, Activation.TANH).forward(rows);
            return cache.a(cache.timeSteps());
        }));
        assertTrue(Output.of(() -> Lesson07.checkSimpleRnnForward((kernel, rec, bias, seq) -> Lesson07Test.forward(kernel, rec, bias, seq, true, false)))
                .contains("✔ simpleRnnForward"));
    }

    // ---- lesson 09 --------------------------------------------------------------------------------

    @Test
    void lesson09TheLibrarysClippingDoesNotAnswerTheClippingExercises() {
        // The c = ∞ case the library rejects is answered by hand; the rest by the library.
        refused("clipByValue", "GradientClipping.clipByValue", () -> Lesson09.checkClipByValue((g, c) -> {
            double[] out = g.clone();
            if (c < Double.POSITIVE_INFINITY) GradientClipping.clipByValue(out, c);
            return out;
        }));
        refused("clipByNorm", "GradientClipping.norm", () -> Lesson09.checkClipByNorm((g, c) -> {
            double n = GradientClipping.norm(g);
            double[] out = g.clone();
            for (int i = 0; i < out.length; i++) if (n > c) out[i] *= c / n;
            return out;
        }));
        refused("clipByGlobalNorm", "GradientClipping.clipByGlobalNorm", () -> Lesson09.checkClipByGlobalNorm((gs, c) -> {
            List<double[]> out = new ArrayList<>();
            for (double[] g : gs) out.add(g.clone());
            if (c < Double.POSITIVE_INFINITY) GradientClipping.clipByGlobalNorm(out, c);
            return out;
        }));
        double[] g = {3, -4, 12};
        double[] mine = g.clone();
        GradientClipping.clipByNorm(mine, 1);
        assertArrayEquals(Lesson09Test.clipByNorm(g, 1), mine, 1e-12, "outside a check the library's clipping runs and agrees");
        assertTrue(Output.of(() -> Lesson09.checkClipByNorm(Lesson09Test::clipByNorm)).contains("✔ clipByNorm"));
    }

    // ---- lesson 10 --------------------------------------------------------------------------------

    static DMatrixRMaj[] composedLstm(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h, DMatrixRMaj c) {
        LstmCell.Step s = new LstmCell(W, U, b).step(x, h, c);
        return new DMatrixRMaj[] {s.H(), s.C()};
    }

    @Test
    void lesson10CellsBuiltFromTheGivenWeightsScoreNothing() {
        LstmCell cell = LstmCell.random(3, 2, 0.5, 4);
        DMatrixRMaj x = Matrices.row(0.3, -1, 0.2), h = Matrices.row(0.1, 0.2), c = Matrices.row(1, -1);
        DMatrixRMaj[] honest = Lesson10Test.lstm(cell.W, cell.U, cell.b, x, h, c, Lesson10Test.IFCO, true, true);
        DMatrixRMaj[] composed = composedLstm(cell.W, cell.U, cell.b, x, h, c);
        assertTrue(same(honest[0], composed[0]) && same(honest[1], composed[1]), "the composed LSTM step is right");
        refused("lstmStep", "LstmCell.step", () -> Lesson10.checkLstmStep(OwnWorkChecksTest::composedLstm));
        refused("lstmStep", "LstmCell.forward", () -> Lesson10.checkLstmStep((W, U, b, xt, hp, cp) -> {
            LstmCell.Cache k = new LstmCell(W, U, b).forward(List.of(xt), hp, cp);
            return new DMatrixRMaj[] {k.step(1).H(), k.step(1).C()};
        }));
        refused("gruStep", "GruCell.step", () -> Lesson10.checkGruStep((W, U, b, xt, hp) -> new GruCell(W, U, b).step(xt, hp).H()));
        assertTrue(Output.of(() -> Lesson10.checkGruStep((W, U, b, xt, hp) -> Lesson10Test.gru(W, U, b, xt, hp, true, true)))
                .contains("✔ gruStep"));
    }

    /** The check's own private reference, reached by reflection (the library is on the class path, so setAccessible works). */
    static DMatrixRMaj[] byTheChecksReference(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h, DMatrixRMaj c) {
        try {
            Class<?> way = Class.forName("org.rnncourse.exercise.Lesson10$LstmWay");
            java.lang.reflect.Method right = way.getDeclaredMethod("right"), step = way.getDeclaredMethod("step",
                    DMatrixRMaj.class, DMatrixRMaj.class, DMatrixRMaj.class, DMatrixRMaj.class, DMatrixRMaj.class, DMatrixRMaj.class);
            right.setAccessible(true);
            step.setAccessible(true);
            return (DMatrixRMaj[]) step.invoke(right.invoke(null), W, U, b, x, h, c);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theChecksOwnReferenceReachedByReflectionScoresNothing() {
        LstmCell cell = LstmCell.random(3, 2, 0.5, 4);
        DMatrixRMaj x = Matrices.row(0.3, -1, 0.2), h = Matrices.row(0.1, 0.2), c = Matrices.row(1, -1);
        DMatrixRMaj[] honest = Lesson10Test.lstm(cell.W, cell.U, cell.b, x, h, c, Lesson10Test.IFCO, true, true);
        DMatrixRMaj[] reflected = byTheChecksReference(cell.W, cell.U, cell.b, x, h, c);
        assertTrue(same(honest[0], reflected[0]) && same(honest[1], reflected[1]), "the reference reached by reflection is right");
        refused("lstmStep", "Lesson10's own reference", () -> Lesson10.checkLstmStep(OwnWorkChecksTest::byTheChecksReference));
    }

    @Test
    void lesson12sConcatStepIsNotTheLibrarysCellEither() {
        refused("concatStep", "RnnCell.stepColumn", () -> Lesson12.checkQuiz03((W, b, x, h) -> {
            int nh = h.numRows, nx = x.numRows;
            DMatrixRMaj Whh = CommonOps_DDRM.extract(W, 0, nh, 0, nh), Wxh = CommonOps_DDRM.extract(W, 0, nh, nh, nh + nx);
            return new RnnCell(t(Wxh), t(Whh), t(b), Activation.TANH).stepColumn(x, h);
        }));
    }

    // ---- lesson 11 --------------------------------------------------------------------------------

    @Test
    void lesson11TheLibrarysSoftmaxAndSamplerDoNotAnswerTheirExercises() {
        refused("softmaxWithTemperature", "Activation.SOFTMAX.apply", () -> Lesson11.checkTemperature((z, tau) -> {
            DMatrixRMaj s = Matrices.row(z.clone());
            CommonOps_DDRM.divide(s, tau);
            return Activation.SOFTMAX.apply(s).data;
        }));
        refused("generate", "CharRnn.sample", () -> Lesson11.checkGenerate((cell, out, vocabulary, prime, length, tau, uniform) ->
                CharRnn.create(vocabulary.repeat(4), cell.nA, 1).sample(prime, length, tau, new Random() {
                    @Override
                    public double nextDouble() {
                        return uniform.getAsDouble();
                    }
                })));
        assertTrue(Output.of(() -> Lesson11.checkTemperature((z, tau) -> Lesson11Test.temperature(z, tau, true, true, false)))
                .contains("✔ softmaxWithTemperature"));
    }
}
