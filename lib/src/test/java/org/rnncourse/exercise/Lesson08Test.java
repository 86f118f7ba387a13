package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.SimpleRNN;

class Lesson08Test {
    private static final double[] P = {0.9, 0.5, 0.2, 0.7, 0.4};
    private static final int[] Y = {1, 0, 0, 0, 0};

    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    @Test
    void accuracyUsesKerasThresholdAndRejectsCommonSlips() {
        // Keras 3: p > 0.5 is positive, so 0.5 is negative: right on 0.9, 0.5, 0.2, 0.4 = 4 of 5.
        assertDoesNotThrow(() -> Lesson08.checkAccuracy(4.0 / 5, P, Y));
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy(3.0 / 5, P, Y), "counts p = 0.5 as positive", "tính p = 0.5 là tích cực");
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy(4, P, Y), "a count of reviews", "một số lượng bài đánh giá");
        assertEquals("✔ độ chính xác (accuracy) đúng.\n", BothEditions.outputIn("vi", () -> Lesson08.checkAccuracy(4.0 / 5, P, Y)));
        Course.setLanguage("vi");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Lesson08.checkAccuracy(1, P, new int[2]));
        assertEquals("probabilities và labels phải khác rỗng và có cùng độ dài", bad.getMessage());
    }

    /** The notebook's solution, with switches for the mistakes the check names. */
    static double byHand(int[] review, Lesson08.SentimentWeights w, boolean tanh, boolean carry, boolean transposed, boolean sigmoid) {
        int n = w.bias().length;
        double[] h = new double[n];
        for (int id : review) {
            double[] x = w.embeddings()[id], next = new double[n];
            for (int j = 0; j < n; j++) {
                double z = w.bias()[j];
                for (int i = 0; i < x.length; i++) z += x[i] * w.kernel()[i][j];
                if (carry) for (int k = 0; k < n; k++) z += h[k] * (transposed ? w.recurrentKernel()[j][k] : w.recurrentKernel()[k][j]);
                next[j] = tanh ? Math.tanh(z) : z;
            }
            h = next;
        }
        double z = w.denseBias();
        for (int j = 0; j < n; j++) z += h[j] * w.denseKernel()[j];
        return sigmoid ? 1 / (1 + Math.exp(-z)) : z;
    }

    @Test
    void byHandSolutionPassesAndMistakesAreNamed() {
        assertEquals("✔ pPositive is right.\n", Output.of(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, true, false, true))));
        assertEquals("✔ pPositive đúng.\n",
                BothEditions.outputIn("vi", () -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, true, false, true))));
        BothEditions.assertNamed(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, false, true, false, true)),
                "activation is missing", "thiếu hàm kích hoạt");
        BothEditions.assertNamed(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, false, false, true)),
                "not carried", "trạng thái ẩn không được truyền tiếp");
        BothEditions.assertNamed(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, true, true, true)),
                "transposed", "recurrent kernel đang bị dùng ở dạng chuyển vị");
        BothEditions.assertNamed(() -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, true, false, false)),
                "before the sigmoid", "điểm số z trước hàm sigmoid");
        BothEditions.assertNamed(() -> Lesson08.checkByHand((r, w) -> byHand(java.util.Arrays.stream(r).filter(id -> id != 0).toArray(), w,
                true, true, false, true)), "padding steps were skipped", "các bước đệm (padding) đã bị bỏ qua");
        BothEditions.assertNamed(() -> Lesson08.checkByHand((r, w) -> { throw new UnsupportedOperationException("todo"); }),
                "not written yet", "hàm chưa được viết (todo)");
        String vi = BothEditions.failureIn("vi", () -> Lesson08.checkByHand((r, w) -> byHand(r, w, true, true, false, false)));
        assertTrue(vi.matches("(?s)pPositive, với một mô hình ngẫu nhiên \\(V = 12, d = 3, n = 4\\) và một bài đánh giá dài \\d+ bước: .*"), vi);
    }

    @Test
    void weightsOfTheLessonsModelAreKerasShapedAndGiveItsPrediction() {
        Sequential m = new Sequential(3L, new Input(7), new Embedding(20, 4), new SimpleRNN(5), new Dropout(0.5), new Dense(1, "sigmoid"));
        Lesson08.SentimentWeights w = Lesson08.weightsOf(m);
        assertEquals(20, w.embeddings().length);
        assertEquals(4, w.kernel().length);
        assertEquals(5, w.kernel()[0].length);
        assertEquals(5, w.recurrentKernel().length);
        assertEquals(5, w.denseKernel().length);
        int[] review = {0, 0, 1, 7, 3, 19, 2};
        double p = m.predict(new int[][] {review}).data()[0];
        assertEquals(p, byHand(review, w, true, true, false, true), 1e-5); // predict may run in float
        assertThrows(IllegalArgumentException.class, () -> Lesson08.weightsOf(new Sequential(1L, new Input(3, 2), new Dense(1))));
        Course.setLanguage("vi");
        IllegalArgumentException notLesson08 = assertThrows(IllegalArgumentException.class,
                () -> Lesson08.weightsOf(new Sequential(1L, new Input(3, 2), new Dense(1))));
        assertTrue(notLesson08.getMessage().startsWith("weightsOf cần mô hình của bài 08: "), notLesson08.getMessage());
    }
}
