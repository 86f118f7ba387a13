package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Embedding;
import org.rnncourse.scratch.FeedForward;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.Shapes;
import tech.tablesaw.api.Table;

/** Lesson 02's point: a feed-forward model on the average of the words ignores order, an RNN does not. */
class WordOrderDemoTest {
    final WordOrderDemo demo = WordOrderDemo.create();

    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    static void assertClose(DMatrixRMaj a, DMatrixRMaj b, double tol) {
        assertEquals(a.numRows, b.numRows);
        assertEquals(a.numCols, b.numCols);
        for (int k = 0; k < a.getNumElements(); k++) {
            assertEquals(a.data[k], b.data[k], tol, "entry " + k);
        }
    }

    @Test
    void theLessonsTwoSentencesUseTheSameWords() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, demo.indices(WordOrderDemo.SENTENCE_1));
        assertArrayEquals(new int[] {2, 3, 1, 0}, demo.indices(WordOrderDemo.SENTENCE_2));
        // Decomposed Unicode (as some keyboards type it) and extra spaces mean the same words.
        assertArrayEquals(new int[] {2, 3}, demo.indices(java.text.Normalizer.normalize("  Việt   NAM ", java.text.Normalizer.Form.NFD)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> demo.indices("tôi yêu Hà Nội"));
        assertTrue(e.getMessage().startsWith("\"hà\" is not in the vocabulary [tôi, yêu, việt, nam]"), e.getMessage());
    }

    @Test
    void onlyTheRnnTellsTheTwoOrdersApart() {
        DMatrixRMaj ff1 = demo.feedForwardOutput(WordOrderDemo.SENTENCE_1);
        DMatrixRMaj ff2 = demo.feedForwardOutput(WordOrderDemo.SENTENCE_2);
        assertEquals("(1×2)", Shapes.of(ff1));
        assertClose(ff1, ff2, 1e-12);
        assertFalse(WordOrderDemo.differ(ff1, ff2));
        DMatrixRMaj y1 = demo.rnnOutput(WordOrderDemo.SENTENCE_1);
        DMatrixRMaj y2 = demo.rnnOutput(WordOrderDemo.SENTENCE_2);
        assertEquals("(1×2)", Shapes.of(y1));
        assertEquals("(1×4)", Shapes.of(demo.rnnFinalState(WordOrderDemo.SENTENCE_1)));
        // Not a rounding difference: visible at the 4 decimals the table prints.
        assertTrue(Math.abs(y1.get(0, 0) - y2.get(0, 0)) + Math.abs(y1.get(0, 1) - y2.get(0, 1)) > 0.1);
        assertTrue(WordOrderDemo.differ(demo.rnnFinalState(WordOrderDemo.SENTENCE_1), demo.rnnFinalState(WordOrderDemo.SENTENCE_2)));
    }

    @Test
    void theFeedForwardModelIsTheRnnWithoutItsRecurrence() {
        // With W_aa = 0 and a one-word "sentence", the RNN and the feed-forward model compute the same thing.
        DMatrixRMaj x = demo.vectors("nam").get(0);
        DMatrixRMaj rnn = demo.rnn.forward(List.of(x)).y(1);
        assertClose(rnn, demo.feedForward.forward(x), 1e-12);
        assertEquals(demo.rnn.parameterCount() - 16, demo.feedForward.parameterCount());
    }

    @Test
    void theComparisonTableSaysWhoTellsThemApart() {
        Table t = demo.compare(WordOrderDemo.SENTENCE_1, WordOrderDemo.SENTENCE_2);
        assertEquals(List.of("model", "(1) Tôi yêu Việt Nam", "(2) Việt Nam yêu tôi", "tells them apart?"), t.columnNames());
        assertEquals(List.of("no", "yes", "yes"), t.stringColumn("tells them apart?").asList());
        assertEquals(t.stringColumn(1).get(0), t.stringColumn(2).get(0));
        Table same = demo.compare(WordOrderDemo.SENTENCE_1, WordOrderDemo.SENTENCE_1);
        assertEquals(List.of("no", "no", "no"), same.stringColumn("tells them apart?").asList());
        Table steps = demo.steps(WordOrderDemo.SENTENCE_1, WordOrderDemo.SENTENCE_2);
        assertEquals(4, steps.rowCount());
        assertEquals("nam", steps.stringColumn("word (1)").get(3));
        assertEquals(WordOrderDemo.format(demo.rnnFinalState(WordOrderDemo.SENTENCE_2)), steps.stringColumn("h_t (2)").get(3));
    }

    @Test
    void inVietnameseTheTablesAreVietnameseAndTheSentencesStay() {
        Course.setLanguage("vi");
        Table t = demo.compare(WordOrderDemo.SENTENCE_1, WordOrderDemo.SENTENCE_2);
        assertEquals("Cùng các từ, hai thứ tự", t.name());
        assertEquals(List.of("mô hình", "(1) Tôi yêu Việt Nam", "(2) Việt Nam yêu tôi", "phân biệt được?"), t.columnNames());
        assertEquals(List.of("không", "có", "có"), t.stringColumn("phân biệt được?").asList());
        assertEquals(List.of("mạng truyền thẳng: y (trung bình các vector từ)", "RNN: trạng thái ẩn cuối cùng h_T", "RNN: đầu ra y_T"),
                t.stringColumn("mô hình").asList());
        Table steps = demo.steps(WordOrderDemo.SENTENCE_1, WordOrderDemo.SENTENCE_2);
        assertEquals("RNN đọc từng từ một", steps.name());
        assertEquals(List.of("t", "từ (1)", "h_t (1)", "từ (2)", "h_t (2)"), steps.columnNames());
        assertEquals("\"hà\" không có trong bộ từ vựng [tôi, yêu, việt, nam]: chỉ dùng các từ này",
                assertThrows(IllegalArgumentException.class, () -> demo.indices("tôi yêu hà nội")).getMessage());
        assertEquals("câu rỗng: hãy đưa vào ít nhất một từ",
                assertThrows(IllegalArgumentException.class, () -> WordOrderDemo.words("  ")).getMessage());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 11, 2024})
    void forRandomWordsAndAnyShuffleTheAverageIsBlindAndTheRnnIsNot(long seed) {
        Random r = new Random(seed);
        int vocabulary = 6, d = 1 + r.nextInt(5), h = 1 + r.nextInt(6), y = 1 + r.nextInt(3);
        Embedding e = Embedding.random(vocabulary, d, 1.0, seed);
        Rnn rnn = Rnn.random(d, h, y, Activation.TANH, Activation.LINEAR, 0.7, seed + 1);
        FeedForward ff = WordOrderDemo.sameWeightsWithoutRecurrence(rnn);
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            words.add(i);
        }
        int[] original = words.stream().mapToInt(Integer::intValue).toArray();
        Collections.shuffle(words, r);
        int[] shuffled = words.stream().mapToInt(Integer::intValue).toArray();
        if (java.util.Arrays.equals(original, shuffled)) {
            shuffled = new int[] {4, 3, 2, 1, 0};
        }
        assertClose(ff.forwardAverage(e.sequence(original)), ff.forwardAverage(e.sequence(shuffled)), 1e-12);
        RnnCache a = rnn.forward(e.sequence(original));
        RnnCache b = rnn.forward(e.sequence(shuffled));
        assertTrue(WordOrderDemo.differ(a.a(5), b.a(5)), "the final states should differ");
    }

    @Test
    void averageAndFeedForwardShapes() {
        DMatrixRMaj avg = FeedForward.average(List.of(Matrices.row(1, 2), Matrices.row(3, 6)));
        assertClose(Matrices.row(2, 4), avg, 0);
        FeedForward ff = FeedForward.random(2, 5, 3, Activation.TANH, Activation.SOFTMAX, 0.5, new Random(1));
        assertEquals("(4×5)", Shapes.of(ff.hidden(Matrices.zeros(4, 2))));
        assertEquals("(4×3)", Shapes.of(ff.forward(Matrices.zeros(4, 2))));
        assertEquals(2 * 5 + 5 + 5 * 3 + 3, ff.parameterCount());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> ff.forward(Matrices.zeros(1, 3)));
        assertTrue(wrong.getMessage().startsWith("X has shape (1×3) but the feed-forward network expects (1×2): n_in = 2"),
                wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeedForward.average(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> FeedForward.average(List.of(Matrices.row(1, 2), Matrices.row(1, 2, 3))));
        assertFalse(ff.toString().contains("@"));
    }
}
