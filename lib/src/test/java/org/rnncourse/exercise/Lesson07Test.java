package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.lessons.NotationBridge;
import org.rnncourse.scratch.Activation;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;

class Lesson07Test {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    /** The lesson's solution of exercise 1, as a learner writes it; the flags make two known mistakes. */
    static DMatrixRMaj forward(DMatrixRMaj kernel, DMatrixRMaj recurrent, DMatrixRMaj bias, DMatrixRMaj xs, boolean carry, boolean transposeU) {
        DMatrixRMaj u = transposeU ? CommonOps_DDRM.transpose(recurrent, null) : recurrent;
        DMatrixRMaj h = new DMatrixRMaj(1, recurrent.numCols);
        for (int t = 0; t < xs.numRows; t++) {
            DMatrixRMaj z = CommonOps_DDRM.mult(CommonOps_DDRM.extractRow(xs, t, null), kernel, null);
            if (carry) CommonOps_DDRM.multAdd(h, u, z);
            CommonOps_DDRM.addEquals(z, bias);
            h = Activation.TANH.apply(z);
        }
        return h;
    }

    @Test
    void theForwardSolutionPassesAndEqualsTheKerasStyleLayer() {
        assertTrue(Output.of(() -> Lesson07.checkSimpleRnnForward((k, r, b, xs) -> forward(k, r, b, xs, true, false)))
                .contains("✔ simpleRnnForward is right."));
        assertTrue(BothEditions.outputIn("vi", () -> Lesson07.checkSimpleRnnForward((k, r, b, xs) -> forward(k, r, b, xs, true, false)))
                .contains("✔ simpleRnnForward đúng."));
        // The bridge of the lesson: the library's SimpleRNN with these weights gives the same h_T.
        Sequential model = new Sequential(3L, new Input(4, 2), new SimpleRNN(3));
        double[][] seq = {{0.5, -1}, {1, 0.2}, {-0.3, 0.4}, {0.9, 0.9}};
        DMatrixRMaj kernel = NotationBridge.weight(model, "simple_rnn/kernel");
        assertEquals(2, kernel.numRows);
        DMatrixRMaj mine = forward(kernel, NotationBridge.weight(model, "simple_rnn/recurrent_kernel"),
                NotationBridge.weight(model, "simple_rnn/bias"), NotationBridge.matrix(seq), true, false);
        // On the double reference path: the float path rounds to about 1e-7, the bridge is exact.
        double[] layer = org.rnncourse.nn.backend.Backend.withFloatx("float64",
                () -> model.forward(org.rnncourse.nn.backend.Tensor.of(new double[][][] {seq}), false)).toArray();
        for (int j = 0; j < 3; j++) assertEquals(layer[j], mine.get(0, j), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> NotationBridge.weight(model, "simple_rnn/W_hy"));
    }

    @Test
    void theForwardCheckNamesTheUsualMistakes() {
        assertNamed((k, r, b, xs) -> forward(k, r, b, xs, false, false), "state is not carried", "trạng thái không được truyền tiếp");
        assertNamed((k, r, b, xs) -> forward(k, r, b, xs, true, true), "recurrent kernel was used transposed",
                "recurrent kernel đã bị dùng ở dạng chuyển vị");
        assertNamed((k, r, b, xs) -> forward(CommonOps_DDRM.transpose(k, null), r, b, xs, true, false), "threw", "hàm đã ném ngoại lệ");
        String all = assertNamed((k, r, b, xs) -> new DMatrixRMaj(xs.numRows, r.numRows), "returnSequences", "đó là returnSequences(true)");
        assertTrue(all.contains("returnSequences"), all);
        assertNamed(null, "missing", "chưa có đáp án");
        String vi = BothEditions.failureIn("vi", () -> Lesson07.checkSimpleRnnForward((k, r, b, xs) -> forward(k, r, b, xs, false, false)));
        assertTrue(vi.startsWith("simpleRnnForward, với trọng số ngẫu nhiên, n_x = 1, units = 5, T = 10: "), vi);
    }

    private static String assertNamed(Lesson07.SimpleRnnForward f, String english, String vietnamese) {
        return BothEditions.assertNamed(() -> Lesson07.checkSimpleRnnForward(f), english, vietnamese);
    }

    @Test
    void stackAcceptsTheSolution() {
        assertDoesNotThrow(() -> Lesson07.checkStack(new Sequential(new Input(5, 3),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(8), new Dense(1))));
        String en = Output.of(() -> Lesson07.checkStack(new Sequential(new Input(5, 3),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(8), new Dense(1))));
        assertTrue(en.matches("✔ the stacked model \\(shapes and \\d+ parameters\\) is right\\.\n"), en);
        String vi = BothEditions.outputIn("vi", () -> Lesson07.checkStack(new Sequential(new Input(5, 3),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(8), new Dense(1))));
        assertTrue(vi.matches("✔ mô hình xếp chồng \\(hình dạng và \\d+ tham số\\) đúng\\.\n"), vi);
    }

    @Test
    void stackWithoutReturnSequencesIsRejectedWithTheReason() {
        // A wrong model that still builds: the first layer returns only h_T, so the second reads (16) — Keras would refuse it too.
        BothEditions.assertNamed(() -> Lesson07.checkStack(new Sequential(new Input(5, 3),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(4), new Dense(1))),
                "output shape of layer 2", "hình dạng đầu ra của tầng 2: nó là ");
        BothEditions.assertNamed(() -> Lesson07.checkStack(new Sequential(new Input(3, 5),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(8), new Dense(1))),
                "time steps first", "số bước thời gian trước");
        BothEditions.assertNamed(() -> Lesson07.checkStack(null), "the model: the answer is missing", "mô hình: chưa có đáp án");
    }

    /** The lesson's solution of exercise 3, as a learner writes it. */
    static double mae(double[] yTrue, double[] yPred) {
        double sum = 0;
        for (int i = 0; i < yTrue.length; i++) sum += Math.abs(yPred[i] - yTrue[i]);
        return sum / yTrue.length;
    }

    @Test
    void maeAcceptsTheMeanOfAbsoluteErrorsWrittenWithALoop() {
        assertDoesNotThrow(() -> Lesson07.checkMae(Lesson07Test::mae));
        assertEquals("✔ mae đúng.\n", BothEditions.outputIn("vi", () -> Lesson07.checkMae(Lesson07Test::mae)));
    }

    @Test
    void maeNamesTheCommonMistakesInBothLanguages() {
        BothEditions.assertNamed(() -> Lesson07.checkMae((y, p) -> {
            double s = 0;
            for (int i = 0; i < y.length; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
            return s / y.length;
        }), "mean of the squared errors", "bình phương sai số (MSE)");
        BothEditions.assertNamed(() -> Lesson07.checkMae((y, p) -> {
            double s = 0;
            for (int i = 0; i < y.length; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
            return Math.sqrt(s / y.length);
        }), "(the RMSE)", "(RMSE)");
        BothEditions.assertNamed(() -> Lesson07.checkMae((y, p) -> {
            double s = 0;
            for (int i = 0; i < y.length; i++) s += y[i] - p[i];
            return s / y.length;
        }), "added with their signs", "cộng cả dấu");
        BothEditions.assertNamed(() -> Lesson07.checkMae((y, p) -> mae(y, p) * y.length), "the sum of the absolute errors",
                "tổng các sai số tuyệt đối");
        BothEditions.assertNamed(() -> Lesson07.checkMae((y, p) -> mae(y, p) * y.length / (y.length - 1)), "divided by n − 1",
                "chia cho n − 1");
        BothEditions.assertNamed(() -> Lesson07.checkMae((y, p) -> 0.5), "not the mean absolute error", "không phải sai số tuyệt đối trung bình");
        BothEditions.assertNamed(() -> Lesson07.checkMae(null), "mae: the answer is missing", "mae: chưa có đáp án");
    }

    @Test
    void aFailedMaeCheckDoesNotPrintTheExpectedValue() {
        // Whatever the check computed, a constant answer's message holds no number beyond the trial's size.
        String said = BothEditions.failureIn("en", () -> Lesson07.checkMae((y, p) -> 0.5));
        assertTrue(said.replaceAll("of \\d+ points", "").replace("0.5", "").chars().noneMatch(Character::isDigit), said);
    }

    @Test
    void anMaeComposedFromTheLibrarysMetricsIsRefused() {
        String en = BothEditions.assertNamed(() -> Lesson07.checkMae(org.rnncourse.metrics.Metrics::mae),
                "so Metrics.mae is off while its check runs", "nên Metrics.mae bị tắt");
        assertTrue(en.contains("the library's metrics"), en);
        BothEditions.assertNamed(() -> Lesson07.checkMae((y, p) -> org.rnncourse.metrics.Metrics.absoluteErrorSum(y, p) / y.length),
                "so Metrics.absoluteErrorSum is off", "nên Metrics.absoluteErrorSum bị tắt");
        BothEditions.assertNamed(() -> Lesson07.checkMae((y, p) -> {
            double[][] yc = new double[y.length][1], pc = new double[p.length][1];
            for (int i = 0; i < y.length; i++) { yc[i][0] = y[i]; pc[i][0] = p[i]; }
            var yt = org.rnncourse.nn.backend.Tensor.of(yc);
            var yp = org.rnncourse.nn.backend.Tensor.of(pc);
            return new org.rnncourse.nn.metrics.MeanAbsoluteError().sum(yp, yt) / y.length;
        }), "so MeanAbsoluteError.sum is off", "nên MeanAbsoluteError.sum bị tắt");
        // Outside the check the metrics run as before.
        assertEquals(0.25, org.rnncourse.metrics.Metrics.mae(new double[] {1, 2}, new double[] {1.5, 2}), 1e-12);
    }
}
