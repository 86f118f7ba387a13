package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.Matrices;

class CheckTest {

    @org.junit.jupiter.api.AfterEach
    void backToEnglish() {
        org.rnncourse.Course.setLanguage("en");
    }

    @Test
    void inVietnameseTheSameChecksSayTheSameThingsWithTheSameFigures() {
        org.rnncourse.Course.setLanguage("vi");
        assertEquals("✔ n đúng.\n", Output.of(() -> Check.equal("n", 24, 24, "hint")));
        assertEquals("✔ hình dạng (4×1) của h_1 đúng.\n", Output.of(() -> Check.shape("h_1", 4, 1, new DMatrixRMaj(4, 1), "")));
        assertEquals("n: nhận được 21, chưa phải đáp án.\nGợi ý: đếm cả bias.",
                assertThrows(AssertionError.class, () -> Check.equal("n", 24, 21, "đếm cả bias.")).getMessage());
        assertEquals("x: nhận được 0.600000, chưa phải đáp án (dung sai 1.0e-09).\nGợi ý: h",
                assertThrows(AssertionError.class, () -> Check.close("x", 0.5, 0.6, 1e-9, "h")).getMessage());
        assertEquals("x: nhận được NaN, không phải một số: có phép chia cho 0 hoặc bị tràn số.\nGợi ý: h",
                assertThrows(AssertionError.class, () -> Check.close("x", 0.5, Double.NaN, 1e-9, "h")).getMessage());
        assertEquals("h_1: cần hình dạng (4×1), nhận được (1×4).\nGợi ý: a column",
                assertThrows(AssertionError.class,
                        () -> Check.shape("h_1", 4, 1, new DMatrixRMaj(1, 4), "a column")).getMessage());
        assertEquals("h_1: 1 trên 2 phần tử bị sai. Phần tử sai đầu tiên: (1, 0), có giá trị 3.00000.\nGợi ý: h",
                assertThrows(AssertionError.class, () -> Check.matrixClose("h_1", Matrices.column(1, 2),
                        Matrices.column(1, 3), 1e-9, "h")).getMessage());
        assertEquals("n: nhận được 0, chưa phải đáp án. (0 là giá trị của một biến đã khai báo nhưng chưa được gán: "
                        + "ô bài tập đã gán nó chưa?)\nGợi ý: h",
                assertThrows(AssertionError.class, () -> Check.equal("n", 24, 0, "h")).getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Check.equal("n", 24, -24, "")).getMessage().endsWith("Dấu bị sai."));
        assertTrue(assertThrows(AssertionError.class, () -> Check.equal("n", 24, 2400, "")).getMessage().contains("lớn gấp 10 lần"));
        assertTrue(assertThrows(AssertionError.class, () -> Check.equal("n", 24, 2, "")).getMessage().contains("nhỏ đi 10 lần"));
        assertTrue(assertThrows(AssertionError.class, () -> Check.close("x", 0.5, 0.5004, 1e-9, "")).getMessage().contains("trong 1 %"));
        assertTrue(assertThrows(AssertionError.class, () -> Check.equal("n", 1000, 1001, "")).getMessage().endsWith("chưa phải đáp án."),
                "a count is never 'close but outside the tolerance', in either language");
        assertTrue(assertThrows(AssertionError.class, () -> Check.matrixClose("W", Matrices.fromRows(new double[][] {{1, 2}, {3, 4}}),
                Matrices.fromRows(new double[][] {{1, 3}, {2, 4}}), 1e-9, "")).getMessage().contains("chuyển vị"));
        assertEquals("h_1: chưa có đáp án (null): hãy tính nó trong ô bài tập và gán vào biến, rồi chạy lại ô kiểm tra này."
                        + "\nGợi ý: h",
                assertThrows(AssertionError.class,
                        () -> Check.matrixClose("h_1", Matrices.column(1, 2), null, 1e-9, "h")).getMessage());
        for (double wrong : new double[] {0, -0.2, 0.123, 12.3457, 0.1235}) {
            String m = assertThrows(AssertionError.class, () -> Check.close("x", 0.123457, wrong, 1e-9, "h")).getMessage();
            assertTrue(!m.contains("0.123457"), m);
        }
    }

    @Test
    void rightAnswersPrintOneLine() {
        assertEquals("✔ n is right.\n", Output.of(() -> Check.equal("n", 24, 24, "hint")));
        assertEquals("✔ x is right.\n", Output.of(() -> Check.close("x", 0.5, 0.5 + 1e-12, 1e-9, "hint")));
        assertEquals("✔ h_1's shape (4×1) is right.\n", Output.of(() -> Check.shape("h_1", 4, 1, new DMatrixRMaj(4, 1), "")));
        assertEquals("✔ h_1 is right.\n",
                Output.of(() -> Check.matrixClose("h_1", Matrices.column(1, 2), Matrices.column(1, 2), 1e-9, "")));
        assertEquals("✔ it is right.\n", Output.of(() -> Check.isTrue("it", true, "no", "")));
    }

    @Test
    void wrongAnswersSayWhatCameAndTheHintButNeverTheExpectedValue() {
        assertEquals("n: got 21, which is not the answer.\nHint: count the bias.",
                assertThrows(AssertionError.class, () -> Check.equal("n", 24, 21, "count the bias.")).getMessage());
        assertEquals("x: got 0.600000, which is not the answer (tolerance 1.0e-09).\nHint: h",
                assertThrows(AssertionError.class, () -> Check.close("x", 0.5, 0.6, 1e-9, "h")).getMessage());
        assertEquals("x: got NaN, not a number: something divided by zero or overflowed.\nHint: h",
                assertThrows(AssertionError.class, () -> Check.close("x", 0.5, Double.NaN, 1e-9, "h")).getMessage());
        assertEquals("h_1: expected shape (4×1), got (1×4).\nHint: a column",
                assertThrows(AssertionError.class,
                        () -> Check.shape("h_1", 4, 1, new DMatrixRMaj(1, 4), "a column")).getMessage());
        assertEquals("h_1: 1 of 2 entries are wrong. First wrong: entry (1, 0), which holds 3.00000.\nHint: h",
                assertThrows(AssertionError.class, () -> Check.matrixClose("h_1", Matrices.column(1, 2),
                        Matrices.column(1, 3), 1e-9, "h")).getMessage());
        assertEquals("n: got 0, which is not the answer. (0 is what a declared but unassigned variable holds: did the exercise "
                        + "cell assign it?)\nHint: h",
                assertThrows(AssertionError.class, () -> Check.equal("n", 24, 0, "h")).getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Check.equal("n", 24, -24, "")).getMessage().contains("sign is wrong"));
        assertTrue(assertThrows(AssertionError.class, () -> Check.equal("n", 24, 2400, "")).getMessage().contains("10 or more times too large"));
        assertTrue(assertThrows(AssertionError.class, () -> Check.close("x", 0.5, 0.5004, 1e-9, "")).getMessage().contains("within 1 %"));
        assertEquals("n: got 1001, which is not the answer.",
                assertThrows(AssertionError.class, () -> Check.equal("n", 1000, 1001, "")).getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Check.matrixClose("W", Matrices.fromRows(new double[][] {{1, 2}, {3, 4}}),
                Matrices.fromRows(new double[][] {{1, 3}, {2, 4}}), 1e-9, "")).getMessage().contains("transpose"));
        // The expected value never appears, whatever the mistake.
        for (double wrong : new double[] {0, -0.2, 0.123, 12.3457, 0.1235}) {
            String m = assertThrows(AssertionError.class, () -> Check.close("x", 0.123457, wrong, 1e-9, "h")).getMessage();
            assertTrue(!m.contains("0.123457"), m);
        }
        assertEquals("it: it is false",
                assertThrows(AssertionError.class, () -> Check.isTrue("it", false, "it is false", null)).getMessage());
    }

    @Test
    void aMissingAnswerIsNotANullPointerException() {
        assertEquals("h_1: the answer is missing (null): compute it in the exercise cell and assign it, then run this "
                        + "check again.\nHint: h",
                assertThrows(AssertionError.class,
                        () -> Check.matrixClose("h_1", Matrices.column(1, 2), null, 1e-9, "h")).getMessage());
        assertThrows(AssertionError.class, () -> Check.shape("h_1", 4, 1, null, ""));
    }

    @Test
    void aFailedCheckShowsItsMessageAndHintButNoJavaFrames() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.equal("the count", 24, 23, "D_x·D_h + D_h² + D_h."));
        assertEquals(0, e.getStackTrace().length, "a learner would read 'at org.rnncourse.exercise.Check.fail(...)'");
        java.io.StringWriter printed = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(printed));
        assertEquals("java.lang.AssertionError: " + e.getMessage(), printed.toString().strip());
        assertTrue(e.getMessage().contains("\nHint: D_x"), e.getMessage());
    }
}
