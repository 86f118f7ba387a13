package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.CellGradients;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCache;

class Lesson06Test {
    /** A failed assertion in a Vietnamese run must not leave Vietnamese for the next test. */
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }


    /** The notebook's solution of exercise 1: the backward step of the cell. */
    static Lesson06.StepGradients cellBackward(DMatrixRMaj Wax, DMatrixRMaj Waa, DMatrixRMaj X, DMatrixRMaj Aprev,
                                               DMatrixRMaj A, DMatrixRMaj dA) {
        DMatrixRMaj dZ = new DMatrixRMaj(A.numRows, A.numCols);
        for (int k = 0; k < dZ.data.length; k++) dZ.data[k] = dA.data[k] * (1 - A.data[k] * A.data[k]);
        return new Lesson06.StepGradients(CommonOps_DDRM.multTransA(X, dZ, null), CommonOps_DDRM.multTransA(Aprev, dZ, null),
                CommonOps_DDRM.sumCols(dZ, null), CommonOps_DDRM.multTransB(dZ, Wax, null), CommonOps_DDRM.multTransB(dZ, Waa, null));
    }

    /** The notebook's solution of exercise 2, with switches for the usual mistakes. */
    static Lesson06.SequenceGradients bptt(DMatrixRMaj Wax, DMatrixRMaj Waa, RnnCache cache, List<DMatrixRMaj> dAs,
                                           boolean sum, boolean carry, boolean above) {
        int T = cache.timeSteps();
        DMatrixRMaj dWax = new DMatrixRMaj(Wax.numRows, Wax.numCols), dWaa = new DMatrixRMaj(Waa.numRows, Waa.numCols);
        DMatrixRMaj dba = new DMatrixRMaj(1, Waa.numCols), fromLater = new DMatrixRMaj(cache.batchSize(), Waa.numCols);
        for (int t = T; t >= 1; t--) {
            DMatrixRMaj dA = carry ? fromLater.copy() : new DMatrixRMaj(fromLater.numRows, fromLater.numCols);
            if (above || t == T) CommonOps_DDRM.addEquals(dA, dAs.get(t - 1));
            Lesson06.StepGradients g = cellBackward(Wax, Waa, cache.x(t), cache.a(t - 1), cache.a(t), dA);
            if (sum || t == T) {
                CommonOps_DDRM.addEquals(dWax, g.dWax());
                CommonOps_DDRM.addEquals(dWaa, g.dWaa());
                CommonOps_DDRM.addEquals(dba, g.dba());
            }
            fromLater = g.dAprev();
        }
        return new Lesson06.SequenceGradients(dWax, dWaa, dba, fromLater);
    }

    /** The notebook's solution of exercise 3. */
    static double numericalDerivative(DoubleSupplier loss, DMatrixRMaj W, int i, int j) {
        double eps = 1e-5, w = W.get(i, j);
        W.set(i, j, w + eps);
        double plus = loss.getAsDouble();
        W.set(i, j, w - eps);
        double minus = loss.getAsDouble();
        W.set(i, j, w);
        return (plus - minus) / (2 * eps);
    }

    static DMatrixRMaj twice(DMatrixRMaj m) {
        DMatrixRMaj out = m.copy();
        CommonOps_DDRM.scale(2, out);
        return out;
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void cellBackwardRightAndWrong() {
        assertEquals("✔ cellBackward is right.\n", Output.of(() -> Lesson06.checkCellBackward(Lesson06Test::cellBackward)));
        assertEquals("✔ cellBackward đúng.\n", Bilingual.printedIn("vi", () -> Lesson06.checkCellBackward(Lesson06Test::cellBackward)));
        Bilingual.Said noTanh = Bilingual.fails(() -> Lesson06.checkCellBackward((Wax, Waa, X, Ap, A, dA) ->
                cellBackward(Wax, Waa, X, Ap, new DMatrixRMaj(A.numRows, A.numCols), dA)));
        assertTrue(noTanh.en().contains("the step back through tanh is missing"), noTanh.en());
        assertTrue(noTanh.vi().contains("thiếu bước lan truyền ngược qua tanh"), noTanh.vi());
        Bilingual.Said half = Bilingual.fails(() -> Lesson06.checkCellBackward((Wax, Waa, X, Ap, A, dA) -> {
            DMatrixRMaj dZ = new DMatrixRMaj(A.numRows, A.numCols);
            for (int k = 0; k < dZ.data.length; k++) dZ.data[k] = dA.data[k] * (1 - A.data[k]);
            return new Lesson06.StepGradients(CommonOps_DDRM.multTransA(X, dZ, null), CommonOps_DDRM.multTransA(Ap, dZ, null),
                    CommonOps_DDRM.sumCols(dZ, null), CommonOps_DDRM.multTransB(dZ, Wax, null), CommonOps_DDRM.multTransB(dZ, Waa, null));
        }));
        assertTrue(half.en().contains("1 − A instead of 1 − A²"), half.en());
        assertTrue(half.vi().contains("1 − A thay cho 1 − A²"), half.vi());
        Bilingual.Said notSummed = Bilingual.fails(() -> Lesson06.checkCellBackward((Wax, Waa, X, Ap, A, dA) -> {
            Lesson06.StepGradients g = cellBackward(Wax, Waa, X, Ap, A, dA);
            return new Lesson06.StepGradients(g.dWax(), g.dWaa(), new DMatrixRMaj(X.numRows, Waa.numCols), g.dX(), g.dAprev());
        }));
        assertTrue(notSummed.en().contains("it is not summed"), notSummed.en());
        assertTrue(notSummed.vi().contains("chưa được cộng dồn"), notSummed.vi());
        Bilingual.Said notTransposed = Bilingual.fails(() -> Lesson06.checkCellBackward((Wax, Waa, X, Ap, A, dA) -> {
            Lesson06.StepGradients g = cellBackward(Wax, Waa, X, Ap, A, dA);
            DMatrixRMaj dZ = new DMatrixRMaj(A.numRows, A.numCols);
            for (int k = 0; k < dZ.data.length; k++) dZ.data[k] = dA.data[k] * (1 - A.data[k] * A.data[k]);
            return new Lesson06.StepGradients(g.dWax(), g.dWaa(), g.dba(), g.dX(), CommonOps_DDRM.mult(dZ, Waa, null));
        }));
        assertTrue(notTransposed.en().contains("multiplies by the transpose"), notTransposed.en());
        assertTrue(notTransposed.vi().contains("nhân với ma trận chuyển vị"), notTransposed.vi());
        assertTrue(fails(() -> Lesson06.checkCellBackward(null)).contains("missing"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson06.checkCellBackward(null)).contains("chưa có đáp án"));
        Bilingual.Said notWritten = Bilingual.fails(() -> Lesson06.checkCellBackward((Wax, Waa, X, Ap, A, dA) -> {
            throw new UnsupportedOperationException("Exercise not answered yet: write your code here.");
        }));
        assertTrue(notWritten.en().contains("not written yet"), notWritten.en());
        assertEquals("cellBackward: hàm chưa được viết (Exercise not answered yet: write your code here.)."
                + "\nGợi ý: hãy viết thân hàm trong ô bài tập.", notWritten.vi());
    }

    @Test
    void cellBackwardCannotBeAnsweredWithTheLessonsNumbers() {
        Lesson06.StepData d = Lesson06.stepData();
        CellGradients fixed = Bptt.cellBackward(d.cell(), d.X(), d.Aprev(), d.cell().preActivation(d.X(), d.Aprev()), d.dA());
        Bilingual.Said m = Bilingual.fails(() -> Lesson06.checkCellBackward((Wax, Waa, X, Ap, A, dA) ->
                new Lesson06.StepGradients(fixed.dWax, fixed.dWaa, fixed.dba, fixed.dX, fixed.dAprev)));
        assertTrue(m.en().contains("random batch"), m.en());
        assertTrue(m.vi().contains("lô (batch) ngẫu nhiên"), m.vi());
    }

    @Test
    void bpttRightAndWrong() {
        assertEquals("✔ bptt is right.\n", Output.of(() -> Lesson06.checkBptt((Wax, Waa, c, dAs) -> bptt(Wax, Waa, c, dAs, true, true, true))));
        assertEquals("✔ bptt đúng.\n", Bilingual.printedIn("vi", () -> Lesson06.checkBptt((Wax, Waa, c, dAs) -> bptt(Wax, Waa, c, dAs, true, true, true))));
        Bilingual.Said notSummed = Bilingual.fails(() -> Lesson06.checkBptt((Wax, Waa, c, dAs) -> bptt(Wax, Waa, c, dAs, false, true, true)));
        assertTrue(notSummed.en().contains("not summed over time"), notSummed.en());
        assertTrue(notSummed.vi().contains("chưa được cộng dồn theo thời gian"), notSummed.vi());
        Bilingual.Said notCarried = Bilingual.fails(() -> Lesson06.checkBptt((Wax, Waa, c, dAs) -> bptt(Wax, Waa, c, dAs, true, false, true)));
        assertTrue(notCarried.en().contains("dA_prev is not carried back"), notCarried.en());
        assertTrue(notCarried.vi().contains("dA_prev không được truyền ngược"), notCarried.vi());
        Bilingual.Said lastOnly = Bilingual.fails(() -> Lesson06.checkBptt((Wax, Waa, c, dAs) -> bptt(Wax, Waa, c, dAs, true, true, false)));
        assertTrue(lastOnly.en().contains("outputs at t < T are left out"), lastOnly.en());
        assertTrue(lastOnly.vi().contains("đầu ra ở các bước t < T"), lastOnly.vi());
        Bilingual.Said noDa0 = Bilingual.fails(() -> Lesson06.checkBptt((Wax, Waa, c, dAs) -> {
            Lesson06.SequenceGradients g = bptt(Wax, Waa, c, dAs, true, true, true);
            return new Lesson06.SequenceGradients(g.dWax(), g.dWaa(), g.dba(), twice(g.dA0()));
        }));
        assertTrue(noDa0.en().contains("dA_0") && noDa0.en().contains("relative error against the numerical gradient"), noDa0.en());
        assertTrue(noDa0.vi().contains("dA_0") && noDa0.vi().contains("sai số tương đối so với gradient số"), noDa0.vi());
        assertTrue(fails(() -> Lesson06.checkBptt(null)).contains("missing"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson06.checkBptt(null)).contains("chưa có đáp án"));
    }

    @Test
    void numericalDerivativeRightAndWrong() {
        assertEquals("✔ numericalDerivative is right.\n",
                Output.of(() -> Lesson06.checkNumericalDerivative(Lesson06Test::numericalDerivative)));
        assertEquals("✔ numericalDerivative đúng.\n",
                Bilingual.printedIn("vi", () -> Lesson06.checkNumericalDerivative(Lesson06Test::numericalDerivative)));
        Bilingual.Said half = Bilingual.fails(() -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> 2 * numericalDerivative(loss, W, i, j)));
        assertTrue(half.en().contains("twice the derivative") && half.en().contains("2ε"), half.en());
        assertTrue(half.vi().contains("gấp đôi đạo hàm") && half.vi().contains("2ε"), half.vi());
        Bilingual.Said oneSided = Bilingual.fails(() -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> {
            double w = W.get(i, j), base = loss.getAsDouble();
            W.set(i, j, w + 1e-5);
            double plus = loss.getAsDouble();
            W.set(i, j, w);
            return (plus - base) / 1e-5;
        }));
        assertTrue(oneSided.en().contains("one-sided"), oneSided.en());
        assertTrue(oneSided.vi().contains("sai phân một phía"), oneSided.vi());
        Bilingual.Said notRestored = Bilingual.fails(() -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> {
            double w = W.get(i, j);
            W.set(i, j, w + 1e-5);
            double plus = loss.getAsDouble();
            W.set(i, j, w - 1e-5);
            return (plus - loss.getAsDouble()) / 2e-5;
        }));
        assertTrue(notRestored.en().contains("not put back"), notRestored.en());
        assertTrue(notRestored.vi().contains("không được đặt lại"), notRestored.vi());
    }

    @Test
    void theAnalyticGradientOfTheLessonsModelIsNotAnAnswer() {
        // What a student could read from the library: Bptt's dW_aa[0, 1] of the lesson's model, as a constant.
        Rnn rnn = Lesson06.gradCheckModel();
        List<DMatrixRMaj> xs = Lesson06.gradCheckInputs();
        double analytic = Bptt.manyToOne(rnn, rnn.forward(xs), Lesson06.gradCheckTarget(), Loss.CROSS_ENTROPY).dWaa().get(0, 1);
        String m = fails(() -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> analytic));
        assertTrue(m.contains("random model"), m);
        assertTrue(!m.contains(String.format(java.util.Locale.ROOT, "%.6g", analytic)) || m.contains("got"), m);
        String vi = Bilingual.failureIn("vi", () -> Lesson06.checkNumericalDerivative((loss, W, i, j) -> analytic));
        assertTrue(vi.contains("một mô hình và hàm mất mát ngẫu nhiên"), vi);
        assertTrue(!vi.contains(String.format(java.util.Locale.ROOT, "%.6g", analytic)) || vi.contains("nhận được"), vi);
    }
}
