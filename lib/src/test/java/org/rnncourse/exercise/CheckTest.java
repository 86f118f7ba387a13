package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.Matrices;

class CheckTest {

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
}
