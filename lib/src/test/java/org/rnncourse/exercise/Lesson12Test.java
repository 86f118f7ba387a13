package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.Activation;

class Lesson12Test {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    /** The notebook's solution of quiz 03: note 002's step h_t = tanh(W·[h_{t−1}; x_t] + b). */
    static DMatrixRMaj concatStep(DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj h) {
        DMatrixRMaj hx = new DMatrixRMaj(h.numRows + x.numRows, 1);
        CommonOps_DDRM.concatRows(h, x, hx);
        DMatrixRMaj z = CommonOps_DDRM.mult(W, hx, null);
        CommonOps_DDRM.addEquals(z, b);
        return Activation.TANH.apply(z);
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void interviewAcceptsTheWorkedAnswersOnly() {
        String out = Output.of(() -> {
            Lesson12.checkHowAnRnnWorks('b');
            Lesson12.checkVanishingVsExploding('A');
            Lesson12.checkWhenLstmOrGru('c');
            Lesson12.checkBpttVsBackprop('b');
        });
        assertEquals(4, out.split("✔", -1).length - 1, out);
        BothEditions.assertNamed(() -> Lesson12.checkHowAnRnnWorks('a'), "is not the answer", "không phải đáp án");
        BothEditions.assertNamed(() -> Lesson12.checkVanishingVsExploding('b'), "lesson 09", "bài 09");
        BothEditions.assertNamed(() -> Lesson12.checkWhenLstmOrGru(' '), "missing", "chưa có đáp án");
        BothEditions.assertNamed(() -> Lesson12.checkBpttVsBackprop('e'), "not one of a, b, c, d", "không phải một trong các chữ a, b, c, d");
    }

    @Test
    void quizAcceptsTheSolutions() {
        String out = Output.of(() -> {
            Lesson12.checkQuiz00('b');
            Lesson12.checkQuiz01('C');
            Lesson12.checkQuiz02('b');
            Lesson12.checkQuiz03(Lesson12Test::concatStep);
            Lesson12.checkQuiz04(new long[] {32, 20, 16});
            Lesson12.checkQuiz05('c');
            Lesson12.checkQuiz06(0.8 * 0.8 * 0.8 * 0.8);
            Lesson12.checkQuiz07('c');
            Lesson12.checkQuiz08(4);
            Lesson12.checkQuiz09(new double[] {1.5, 2, 6});
            Lesson12.checkQuiz10('d');
            Lesson12.checkQuiz11(2 * 0.75 * 0.6 / (0.75 + 0.6));
        });
        assertEquals(12, out.split("✔", -1).length - 1, out);
        assertTrue(out.contains("✔ Quiz 04 (shapes) is right.\n"), out);
        String vi = BothEditions.outputIn("vi", () -> {
            Lesson12.checkHowAnRnnWorks('b');
            Lesson12.checkQuiz03(Lesson12Test::concatStep);
            Lesson12.checkQuiz04(new long[] {32, 20, 16});
        });
        assertEquals("✔ Câu phỏng vấn 1 (RNN hoạt động thế nào) đúng.\n✔ Câu hỏi 03 (ô RNN) đúng.\n✔ Câu hỏi 04 (hình dạng) đúng.\n", vi);
    }

    @Test
    void quizRejectsCommonMistakes() {
        BothEditions.assertNamed(() -> Lesson12.checkQuiz00('a'), "Hint", "Gợi ý");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz01('x'), "not one of", "không phải một trong");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz02('a'), "is not the answer", "không phải đáp án");
        String swapped = fails(() -> Lesson12.checkQuiz03((W, b, x, h) -> concatStep(W, b, h, x)));
        assertTrue(swapped.contains("[x_t, h_{t−1}]") || swapped.contains("threw"), swapped);
        String swappedVi = BothEditions.failureIn("vi", () -> Lesson12.checkQuiz03((W, b, x, h) -> concatStep(W, b, h, x)));
        assertTrue(swappedVi.contains("cột được xếp thành [x_t, h_{t−1}]") || swappedVi.contains("hàm đã ném ngoại lệ"), swappedVi);
        String noTanh = fails(() -> Lesson12.checkQuiz03((W, b, x, h) -> {
            DMatrixRMaj hx = new DMatrixRMaj(h.numRows + x.numRows, 1);
            CommonOps_DDRM.concatRows(h, x, hx);
            return CommonOps_DDRM.add(CommonOps_DDRM.mult(W, hx, null), b, null);
        }));
        assertTrue(noTanh.contains("before the activation"), noTanh);
        String noTanhVi = BothEditions.failureIn("vi", () -> Lesson12.checkQuiz03((W, b, x, h) -> {
            DMatrixRMaj hx = new DMatrixRMaj(h.numRows + x.numRows, 1);
            CommonOps_DDRM.concatRows(h, x, hx);
            return CommonOps_DDRM.add(CommonOps_DDRM.mult(W, hx, null), b, null);
        }));
        assertTrue(noTanhVi.matches("(?s)Câu hỏi 03 \\(ô RNN\\), với trọng số ngẫu nhiên \\(n_x = \\d, n_h = \\d\\): "
                + "đây là các số trước hàm kích hoạt\\..*"), noTanhVi);
        BothEditions.assertNamed(() -> Lesson12.checkQuiz03(null), "missing", "chưa có đáp án");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz04(new long[] {32, 16}), "without returnSequences", "không có returnSequences");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz04(new long[] {20, 16}), "batch dimension", "thiếu chiều batch");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz04(new long[] {32, 20, 8}), "features", "số đặc trưng (features)");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz04(null), "missing", "chưa có đáp án");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz06(Math.pow(0.8, 5)), "one factor", "thừa hoặc thiếu một thừa số");
        assertTrue(fails(() -> Lesson12.checkQuiz07('a')).contains("Dense") || fails(() -> Lesson12.checkQuiz07('a')).contains("layer"));
        assertTrue(BothEditions.failureIn("vi", () -> Lesson12.checkQuiz07('a')).contains("tầng nào biến nó thành y"));
        String rounded = BothEditions.failureIn("vi", () -> Lesson12.checkQuiz11(0.5));
        assertTrue(rounded.startsWith("Câu hỏi 11 (F1): nhận được 0.500000 (làm tròn đến 6 chữ số thập phân), chưa phải đáp án."), rounded);
        BothEditions.assertNamed(() -> Lesson12.checkQuiz08(1), "start marker", "dấu bắt đầu");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz09(new double[] {3, 4, 6.5}), "VALUE", "GIÁ TRỊ");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz10('a'), "is not the answer", "không phải đáp án");
        BothEditions.assertNamed(() -> Lesson12.checkQuiz11(0.75), "F1", "trung bình điều hòa F1");
    }

    @Test
    void theSwappedStackIsNamedWhenTheSizesLetItRun() {
        // With n_x = n_h the swapped stack has the right length; the check must still say what it is.
        String m = fails(() -> Lesson12.checkQuiz03((W, b, x, h) -> {
            DMatrixRMaj xh = new DMatrixRMaj(h.numRows + x.numRows, 1);
            CommonOps_DDRM.concatRows(x, h, xh);
            DMatrixRMaj z = CommonOps_DDRM.mult(W, xh, null);
            CommonOps_DDRM.addEquals(z, b);
            return Activation.TANH.apply(z);
        }));
        assertTrue(m.contains("[x_t, h_{t−1}]"), m);
        String vi = BothEditions.failureIn("vi", () -> Lesson12.checkQuiz03((W, b, x, h) -> {
            DMatrixRMaj xh = new DMatrixRMaj(h.numRows + x.numRows, 1);
            CommonOps_DDRM.concatRows(x, h, xh);
            DMatrixRMaj z = CommonOps_DDRM.mult(W, xh, null);
            CommonOps_DDRM.addEquals(z, b);
            return Activation.TANH.apply(z);
        }));
        assertTrue(vi.contains("cột được xếp thành [x_t, h_{t−1}]"), vi);
    }

    @Test
    void rounding_toTheStatedDecimalsAccepts_andNothingElse() {
        Output.of(() -> Lesson12.checkQuiz11(0.6666667));
        Output.of(() -> Lesson12.checkQuiz06(0.40961));
        assertThrows(AssertionError.class, () -> Lesson12.checkQuiz11(0.6667));
        assertThrows(AssertionError.class, () -> Lesson12.checkQuiz06(0.4097));
        assertThrows(AssertionError.class, () -> Lesson12.checkQuiz06(Double.NaN));
    }

    @Test
    void aWrongQuizAnswerNeverPrintsTheAnswer() {
        String[] answers = {"0.4096", "0.666667", "0.6667", "1.5", "6.0", "32, 20, 16", "32,20,16", "'b'", "'c'", "'d'"};
        List<Runnable> wrong = List.of(() -> Lesson12.checkQuiz02('a'), () -> Lesson12.checkQuiz04(new long[] {1, 2, 3}),
                () -> Lesson12.checkQuiz06(0), () -> Lesson12.checkQuiz07('a'), () -> Lesson12.checkQuiz10('a'),
                () -> Lesson12.checkQuiz11(0), () -> Lesson12.checkQuiz09(new double[3]), () -> Lesson12.checkQuiz00('a'),
                () -> Lesson12.checkQuiz08(0), () -> Lesson12.checkHowAnRnnWorks('a'));
        for (Runnable r : wrong) {
            for (String language : new String[] {"en", "vi"}) {
                String m = BothEditions.failureIn(language, r);
                for (String a : answers) assertTrue(!m.contains(a), a + " in: " + m);
            }
        }
    }
}
