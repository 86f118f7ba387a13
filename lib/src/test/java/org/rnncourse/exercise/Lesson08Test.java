package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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

    /** The notebook's solution of exercise 1, Keras's rule p > 0.5. */
    static double accuracy(int[] yTrue, double[] p) {
        int right = 0;
        for (int i = 0; i < yTrue.length; i++) if ((p[i] > 0.5 ? 1 : 0) == yTrue[i]) right++;
        return (double) right / yTrue.length;
    }

    @Test
    void accuracyAcceptsKerasThresholdWrittenByHand() {
        assertDoesNotThrow(() -> Lesson08.checkAccuracy(Lesson08Test::accuracy));
        assertEquals("✔ accuracy đúng.\n", BothEditions.outputIn("vi", () -> Lesson08.checkAccuracy(Lesson08Test::accuracy)));
    }

    @Test
    void accuracyNamesTheCommonSlipsInBothLanguages() {
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> {
            int right = 0;
            for (int i = 0; i < y.length; i++) if ((p[i] >= 0.5 ? 1 : 0) == y[i]) right++;
            return (double) right / y.length;
        }), "counts p = 0.5 as positive", "tính p = 0.5 là tích cực");
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> accuracy(y, p) * y.length), "a count of reviews", "một số lượng bài đánh giá");
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> 100 * accuracy(y, p)), "a percentage", "phần trăm");
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> 1 - accuracy(y, p)), "the share of wrong answers", "tỉ lệ câu trả lời sai");
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> {
            int right = 0;
            for (int i = 0; i < y.length; i++) if ((p[i] > 0.5 ? 1 : 0) == y[i]) right++;
            return right / y.length; // int / int
        }), "an int divided by an int", "chia một int cho một int");
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> 0.5), "not the accuracy", "không phải độ chính xác");
    }

    @Test
    void anAccuracyComposedFromTheLibrarysMetricsIsRefused() {
        String en = BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> org.rnncourse.metrics.Metrics.accuracy(y,
                org.rnncourse.metrics.Metrics.threshold(p, 0.5))), "so Metrics.threshold is off while its check runs", "nên Metrics.threshold bị tắt");
        assertTrue(en.contains("the library's metrics"), en);
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> {
            int[] labels = new int[p.length];
            for (int i = 0; i < p.length; i++) labels[i] = p[i] > 0.5 ? 1 : 0;
            return org.rnncourse.metrics.Metrics.accuracy(y, labels);
        }), "so Metrics.accuracy is off", "nên Metrics.accuracy bị tắt");
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> {
            int[] labels = new int[p.length];
            for (int i = 0; i < p.length; i++) labels[i] = p[i] > 0.5 ? 1 : 0;
            int[][] m = org.rnncourse.metrics.Metrics.confusionMatrix(y, labels, 2);
            return (m[0][0] + m[1][1]) / (double) y.length;
        }), "so Metrics.confusionMatrix is off", "nên Metrics.confusionMatrix bị tắt");
        BothEditions.assertNamed(() -> Lesson08.checkAccuracy((y, p) -> {
            double[][] yc = new double[y.length][1], pc = new double[p.length][1];
            for (int i = 0; i < y.length; i++) { yc[i][0] = y[i]; pc[i][0] = p[i]; }
            return new org.rnncourse.nn.metrics.BinaryAccuracy().sum(org.rnncourse.nn.backend.Tensor.of(pc),
                    org.rnncourse.nn.backend.Tensor.of(yc)) / y.length;
        }), "so BinaryAccuracy.sum is off", "nên BinaryAccuracy.sum bị tắt");
        // Outside the check the metrics run as before: Keras's rule, 0.5 is negative.
        assertEquals(0.8, org.rnncourse.metrics.Metrics.accuracy(Y, org.rnncourse.metrics.Metrics.threshold(P, 0.5)), 1e-12);
    }

    /** The notebook's solution of exercise 3. */
    static int oovCount(List<String> words, Map<String, Integer> wordIndex, int numWords) {
        int count = 0;
        for (String w : words) {
            Integer rank = wordIndex.get(w);
            if (rank == null || rank + 3 >= numWords) count++;
        }
        return count;
    }

    @Test
    void oovCountAcceptsTheRuleOfEncodeWrittenByHand() {
        assertDoesNotThrow(() -> Lesson08.checkOovCount(Lesson08Test::oovCount));
        assertEquals("✔ oovCount đúng.\n", BothEditions.outputIn("vi", () -> Lesson08.checkOovCount(Lesson08Test::oovCount)));
    }

    @Test
    void oovCountNamesTheCommonSlipsInBothLanguages() {
        BothEditions.assertNamed(() -> Lesson08.checkOovCount((words, index, n) -> (int) words.stream()
                .filter(w -> !index.containsKey(w) || index.get(w) + 3 > n).count()), "index is exactly numWords", "đúng bằng numWords");
        BothEditions.assertNamed(() -> Lesson08.checkOovCount((words, index, n) -> (int) words.stream()
                .filter(w -> !index.containsKey(w) || index.get(w) >= n).count()), "the rank was compared", "thứ hạng (rank) đã được so");
        BothEditions.assertNamed(() -> Lesson08.checkOovCount((words, index, n) -> (int) words.stream()
                .filter(w -> !index.containsKey(w)).count()), "only the words the index does not know", "chỉ những từ mà wordIndex không biết");
        BothEditions.assertNamed(() -> Lesson08.checkOovCount((words, index, n) -> (int) words.stream()
                .filter(w -> index.containsKey(w) && index.get(w) + 3 >= n).count()), "were not counted", "đã không được đếm");
        BothEditions.assertNamed(() -> Lesson08.checkOovCount((words, index, n) -> (int) words.stream()
                .filter(w -> index.get(w) + 3 >= n).count()), "NullPointerException", "NullPointerException");
        BothEditions.assertNamed(() -> Lesson08.checkOovCount((words, index, n) -> words.size()), "not the number of words", "không phải số từ");
    }

    @Test
    void anOovCountComposedFromTheLibrarysEncodingIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.rnncourse.data.ImdbData data = org.rnncourse.data.TinyImdb.load(dir);
        String en = BothEditions.assertNamed(() -> Lesson08.checkOovCount((words, index, n) -> (int) java.util.Arrays.stream(
                data.encode(String.join(" ", words))).filter(id -> id == 2).count()), "so ImdbData.encode is off", "nên ImdbData.encode bị tắt");
        assertTrue(en.contains("data.encode is off"), en);
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
