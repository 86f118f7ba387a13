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
import org.rnncourse.scratch.Matrices;
import org.rnncourse.lessons.WordOrderDemo;

/** Each check against a solution written as in the notebook, and against wrong solutions. */
class Lesson02Test {
    /** A failed assertion in a Vietnamese run must not leave Vietnamese for the next test. */
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    final WordOrderDemo demo = WordOrderDemo.create();

    DMatrixRMaj sum(List<DMatrixRMaj> xs) {
        DMatrixRMaj s = new DMatrixRMaj(1, 3);
        for (DMatrixRMaj x : xs) {
            CommonOps_DDRM.addEquals(s, x);
        }
        return s;
    }

    DMatrixRMaj run(String sentence) {
        DMatrixRMaj a = Matrices.zeros(1, 4);
        for (DMatrixRMaj x : demo.vectors(sentence)) {
            a = demo.rnn.cell.step(x, a);
        }
        return a;
    }

    @Test
    void average() {
        DMatrixRMaj s = sum(demo.vectors("Việt Nam yêu tôi"));
        DMatrixRMaj right = s.copy();
        CommonOps_DDRM.divide(right, 4);
        assertTrue(Output.of(() -> Lesson02.checkAverage(right)).startsWith("✔ the average is right."));
        assertEquals("✔ giá trị trung bình đúng. Với \"Tôi yêu Việt Nam\" kết quả cũng y như vậy: phép cộng không phụ thuộc vào thứ tự.\n",
                Bilingual.printedIn("vi", () -> Lesson02.checkAverage(right)));
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson02.checkAverage(s));
        assertTrue(e.getMessage().startsWith("the average: this is the sum of the four word vectors."), e.getMessage());
        assertEquals("giá trị trung bình: đây là tổng của bốn vector từ.\nGợi ý: hãy chia cho số từ, T = 4.",
                Bilingual.failureIn("vi", () -> Lesson02.checkAverage(s)));
        AssertionError one = assertThrows(AssertionError.class, () -> Lesson02.checkAverage(demo.vectors("tôi").get(0)));
        assertTrue(one.getMessage().startsWith("the average: 3 of 3 entries are wrong. First wrong: entry (0, 0)"), one.getMessage());
        String oneVi = Bilingual.failureIn("vi", () -> Lesson02.checkAverage(demo.vectors("tôi").get(0)));
        assertTrue(oneVi.startsWith("giá trị trung bình: 3 trên 3 phần tử bị sai.") && oneVi.contains("demo.vectors(\"Việt Nam yêu tôi\")"), oneVi);
        assertTrue(assertThrows(AssertionError.class, () -> Lesson02.checkAverage(null)).getMessage().contains("the answer is missing"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson02.checkAverage(null)).startsWith("giá trị trung bình: chưa có đáp án"));
    }

    /** The notebook's solution of exercise 2. */
    static DMatrixRMaj finalState(org.rnncourse.scratch.RnnCell cell, List<DMatrixRMaj> xs) {
        DMatrixRMaj a = Matrices.zeros(1, cell.nA);
        for (DMatrixRMaj x : xs) a = cell.step(x, a);
        return a;
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void finalState() {
        assertEquals("✔ finalState is right.\n", Output.of(() -> Lesson02.checkFinalState(Lesson02Test::finalState)));
        assertEquals("✔ finalState đúng.\n", Bilingual.printedIn("vi", () -> Lesson02.checkFinalState(Lesson02Test::finalState)));
        Bilingual.Said reversed = Bilingual.fails(() -> Lesson02.checkFinalState((cell, xs) -> {
            List<DMatrixRMaj> r = new java.util.ArrayList<>(xs);
            java.util.Collections.reverse(r);
            return finalState(cell, r);
        }));
        assertTrue(reversed.en().contains("in reverse order"), reversed.en());
        assertTrue(reversed.vi().contains("theo thứ tự ngược lại"), reversed.vi());
        Bilingual.Said alone = Bilingual.fails(() -> Lesson02.checkFinalState((cell, xs) -> finalState(cell, xs.subList(xs.size() - 1, xs.size()))));
        assertTrue(alone.en().contains("carry the state"), alone.en());
        assertTrue(alone.vi().contains("hãy truyền trạng thái ẩn (hidden state) đi tiếp"), alone.vi());
        Bilingual.Said first = Bilingual.fails(() -> Lesson02.checkFinalState((cell, xs) -> finalState(cell, xs.subList(0, 1))));
        assertTrue(first.en().contains("this is h_1"), first.en());
        assertTrue(first.vi().contains("đây là h_1"), first.vi());
        Bilingual.Said column = Bilingual.fails(() -> Lesson02.checkFinalState((cell, xs) -> CommonOps_DDRM.transpose(finalState(cell, xs), null)));
        assertTrue(column.en().contains("expected shape (1×4), got (4×1)."), column.en());
        assertTrue(column.vi().contains("cần hình dạng (1×4), nhận được (4×1)."), column.vi());
        // The demo's own helper hands over the sentence's state; a function returning it fails on random cells.
        DMatrixRMaj given = demo.rnnFinalState(Lesson02.SENTENCE);
        assertTrue(fails(() -> Lesson02.checkFinalState((cell, xs) -> given)).contains("a random cell"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson02.checkFinalState((cell, xs) -> given)).contains("một ô (cell) ngẫu nhiên"));
    }
}
