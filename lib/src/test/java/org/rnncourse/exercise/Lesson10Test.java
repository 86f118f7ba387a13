package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.GruCell;
import org.rnncourse.scratch.LstmCell;
import org.rnncourse.scratch.Matrices;

class Lesson10Test {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    /** The lesson's solution of exercise 1, as a learner writes it; {@code order} permutes the gate blocks. */
    static DMatrixRMaj[] lstm(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h, DMatrixRMaj c,
                              int[] order, boolean tanhOfCell, boolean carry) {
        int n = U.numRows;
        DMatrixRMaj z = CommonOps_DDRM.mult(x, W, null);
        CommonOps_DDRM.multAdd(h, U, z);
        CommonOps_DDRM.addEquals(z, b);
        DMatrixRMaj i = Activation.SIGMOID.apply(CommonOps_DDRM.extract(z, 0, 1, order[0] * n, order[0] * n + n));
        DMatrixRMaj f = Activation.SIGMOID.apply(CommonOps_DDRM.extract(z, 0, 1, order[1] * n, order[1] * n + n));
        DMatrixRMaj g = Activation.TANH.apply(CommonOps_DDRM.extract(z, 0, 1, order[2] * n, order[2] * n + n));
        DMatrixRMaj o = Activation.SIGMOID.apply(CommonOps_DDRM.extract(z, 0, 1, order[3] * n, order[3] * n + n));
        DMatrixRMaj cNew = CommonOps_DDRM.elementMult(i, g, null);
        if (carry) CommonOps_DDRM.addEquals(cNew, CommonOps_DDRM.elementMult(f, c, null));
        DMatrixRMaj hNew = CommonOps_DDRM.elementMult(o, tanhOfCell ? Activation.TANH.apply(cNew) : cNew, null);
        return new DMatrixRMaj[] {hNew, cNew};
    }

    static final int[] IFCO = {0, 1, 2, 3};

    @Test
    void theLstmSolutionPassesAndAgreesWithTheLibrarysCell() {
        assertTrue(Output.of(() -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstm(W, U, b, x, h, c, IFCO, true, true)))
                .contains("✔ lstmStep is right."));
        assertTrue(BothEditions.outputIn("vi", () -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstm(W, U, b, x, h, c, IFCO, true, true)))
                .contains("✔ lstmStep đúng."));
        LstmCell cell = LstmCell.random(4, 3, 0.5, 7);
        DMatrixRMaj x = Matrices.row(0.3, -1, 0.2, 0.5), h = Matrices.row(0.1, 0.2, -0.3), c = Matrices.row(1, -1, 0.5);
        LstmCell.Step s = cell.step(x, h, c);
        DMatrixRMaj[] mine = lstm(cell.W, cell.U, cell.b, x, h, c, IFCO, true, true);
        assertTrue(Check.same(s.H(), mine[0], 1e-12) && Check.same(s.C(), mine[1], 1e-12));
    }

    @Test
    void theLstmCheckNamesTheUsualMistakes() {
        assertEquals("the gate blocks were read in the order f, i, c̃, o.", firstLine(assertThrows(AssertionError.class,
                () -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstm(W, U, b, x, h, c, new int[] {1, 0, 2, 3}, true, true)))));
        String vi = BothEditions.failureIn("vi",
                () -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstm(W, U, b, x, h, c, new int[] {1, 0, 2, 3}, true, true)));
        assertTrue(vi.startsWith("lstmStep, trên ô của bài: các khối cổng bị đọc theo thứ tự f, i, c̃, o.\nGợi ý: Keras (và thư viện này)"), vi);
        BothEditions.assertNamed(() -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstm(W, U, b, x, h, c, IFCO, false, true)),
                "the tanh of the cell is missing", "thiếu tanh của ô nhớ");
        BothEditions.assertNamed(() -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstm(W, U, b, x, h, c, IFCO, true, false)),
                "the cell state is not carried", "trạng thái ô nhớ không được truyền tiếp");
        BothEditions.assertNamed(() -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> {
            DMatrixRMaj[] r = lstm(W, U, b, x, h, c, IFCO, true, true);
            return new DMatrixRMaj[] {r[1], r[0]};
        }), "swapped", "h_t và c_t bị đổi chỗ");
        BothEditions.assertNamed(() -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> lstm(W, U, b, x, Matrices.zeros(1, U.numRows), c, IFCO, true, true)),
                "ignore h_{t−1}", "các cổng bỏ qua h_{t−1}");
        BothEditions.assertNamed(() -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> {
            throw new UnsupportedOperationException("not yet");
        }), "not written yet", "hàm chưa được viết (not yet)");
        BothEditions.assertNamed(() -> Lesson10.checkLstmStep(null), "missing", "chưa có đáp án");
        BothEditions.assertNamed(() -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> new DMatrixRMaj[] {h}),
                "expected an array of two matrices {h_t, c_t}, got 1 entries.", "cần một mảng gồm hai ma trận {h_t, c_t}, nhận được 1 phần tử.");
    }

    /** The lesson's solution of exercise 2; the flags make the known mistakes. */
    static DMatrixRMaj gru(DMatrixRMaj W, DMatrixRMaj U, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h, boolean kerasZ, boolean resetAfter) {
        int n = U.numRows;
        DMatrixRMaj xw = CommonOps_DDRM.mult(x, W, null), hu = CommonOps_DDRM.mult(h, U, null);
        CommonOps_DDRM.addEquals(xw, CommonOps_DDRM.extractRow(b, 0, null));
        CommonOps_DDRM.addEquals(hu, CommonOps_DDRM.extractRow(b, 1, null));
        DMatrixRMaj z = Activation.SIGMOID.apply(CommonOps_DDRM.add(CommonOps_DDRM.extract(xw, 0, 1, 0, n), CommonOps_DDRM.extract(hu, 0, 1, 0, n), null));
        DMatrixRMaj r = Activation.SIGMOID.apply(CommonOps_DDRM.add(CommonOps_DDRM.extract(xw, 0, 1, n, 2 * n), CommonOps_DDRM.extract(hu, 0, 1, n, 2 * n), null));
        DMatrixRMaj recurrent = resetAfter ? CommonOps_DDRM.elementMult(r, CommonOps_DDRM.extract(hu, 0, 1, 2 * n, 3 * n), null)
                : CommonOps_DDRM.add(CommonOps_DDRM.mult(CommonOps_DDRM.elementMult(r, h, null), CommonOps_DDRM.extract(U, 0, n, 2 * n, 3 * n), null),
                        CommonOps_DDRM.extract(b, 1, 2, 2 * n, 3 * n), null);
        DMatrixRMaj cand = Activation.TANH.apply(CommonOps_DDRM.add(CommonOps_DDRM.extract(xw, 0, 1, 2 * n, 3 * n), recurrent, null));
        DMatrixRMaj out = new DMatrixRMaj(1, n);
        for (int k = 0; k < n; k++) {
            double keep = kerasZ ? z.get(k) : 1 - z.get(k);
            out.set(0, k, keep * h.get(k) + (1 - keep) * cand.get(k));
        }
        return out;
    }

    @Test
    void theGruSolutionPassesAndAgreesWithTheLibrarysCell() {
        assertTrue(Output.of(() -> Lesson10.checkGruStep((W, U, b, x, h) -> gru(W, U, b, x, h, true, true))).contains("✔ gruStep is right."));
        assertTrue(BothEditions.outputIn("vi", () -> Lesson10.checkGruStep((W, U, b, x, h) -> gru(W, U, b, x, h, true, true)))
                .contains("✔ gruStep đúng."));
        DMatrixRMaj b = Matrices.gaussian(2, 9, 0.5, 3);
        GruCell cell = new GruCell(Matrices.gaussian(4, 9, 0.5, 1), Matrices.gaussian(3, 9, 0.5, 2), b);
        DMatrixRMaj x = Matrices.row(0.3, -1, 0.2, 0.5), h = Matrices.row(0.1, 0.2, -0.3);
        assertTrue(Check.same(cell.step(x, h).H(), gru(cell.W, cell.U, cell.b, x, h, true, true), 1e-12));
    }

    @Test
    void theGruCheckNamesTheUsualMistakes() {
        BothEditions.assertNamed(() -> Lesson10.checkGruStep((W, U, b, x, h) -> gru(W, U, b, x, h, false, true)),
                "notes' convention", "quy ước của bài giảng");
        BothEditions.assertNamed(() -> Lesson10.checkGruStep((W, U, b, x, h) -> gru(W, U, b, x, h, true, false)),
                "reset_after = False", "cổng đặt lại được áp dụng trước phép nhân");
        BothEditions.assertNamed(() -> Lesson10.checkGruStep((W, U, b, x, h) -> {
            DMatrixRMaj noRecurrentBias = b.copy();
            for (int j = 0; j < b.numCols; j++) noRecurrentBias.set(1, j, 0);
            return gru(W, U, noRecurrentBias, x, h, true, true);
        }), "recurrent bias", "thiếu bias hồi tiếp");
        String column = BothEditions.assertNamed(
                () -> Lesson10.checkGruStep((W, U, b, x, h) -> CommonOps_DDRM.transpose(gru(W, U, b, x, h, true, true), null)),
                "a column", "h_t phải là một hàng (1×2), nhận được một cột (2×1).");
        assertTrue(column.startsWith("gruStep, on the lesson's GRU cell: h_t should be a row (1×2), got a column (2×1)."), column);
    }

    @Test
    void aFailedCheckDoesNotPrintTheExpectedNumbers() {
        LstmCell cell = LstmCell.random(3, 2, 0.5, 1);
        LstmCell.Step s = cell.step(Matrices.row(1.0, -0.5, 0.3), Matrices.row(0.1, -0.2), Matrices.row(0.8, -0.5));
        for (String language : new String[] {"en", "vi"}) {
            String m = BothEditions.failureIn(language,
                    () -> Lesson10.checkLstmStep((W, U, b, x, h, c) -> new DMatrixRMaj[] {Matrices.zeros(1, 2), Matrices.zeros(1, 2)}));
            for (double v : new double[] {s.H().get(0), s.H().get(1), s.C().get(0), s.C().get(1)}) {
                assertFalse(m.contains(String.format(java.util.Locale.ROOT, "%.4f", v)), m);
            }
        }
    }

    private static String firstLine(AssertionError e) {
        String m = e.getMessage();
        return m.substring(m.indexOf(": ") + 2, m.indexOf('\n') < 0 ? m.length() : m.indexOf('\n'));
    }
}
