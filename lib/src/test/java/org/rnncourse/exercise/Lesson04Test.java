package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.RnnCell;

class Lesson04Test {
    /** A failed assertion in a Vietnamese run must not leave Vietnamese for the next test. */
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }


    static long layer(int dx, int dh) {
        return (long) dx * dh + (long) dh * dh + dh;
    }

    @Test
    void parameterCount() {
        long solution = layer(Lesson04.D_X, Lesson04.D_H);
        assertEquals(24, solution, "the course's stated fact");
        assertEquals("✔ the parameter count is right.\n", Output.of(() -> Lesson04.checkParameterCount(solution)));
        AssertionError noBias = assertThrows(AssertionError.class, () -> Lesson04.checkParameterCount(21));
        assertEquals("the parameter count: got 21: W_ax and W_aa are counted, the bias is not.\nHint: the bias b_a "
                + "has D_h more numbers.", noBias.getMessage());
        assertEquals("số tham số: nhận được 21: đã đếm W_ax và W_aa, nhưng chưa đếm bias.\nGợi ý: bias b_a có thêm D_h số nữa.",
                Bilingual.failureIn("vi", () -> Lesson04.checkParameterCount(21)));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson04.checkParameterCount(15)).contains("thiếu ma trận hồi quy W_aa (D_h × D_h)"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson04.checkParameterCount(7)).startsWith("số tham số: nhận được 7, chưa phải đáp án."));
        assertEquals("✔ số tham số đúng.\n", Bilingual.printedIn("vi", () -> Lesson04.checkParameterCount(solution)));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson04.checkParameterCount(15)).getMessage()
                .contains("W_aa (D_h × D_h) is missing"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson04.checkParameterCount(7)).getMessage()
                .contains("got 7, which is not the answer."));
    }

    /** The notebook's solution of exercise 2, with switches for the usual mistakes. */
    static List<DMatrixRMaj> stack(RnnCell l1, RnnCell l2, List<DMatrixRMaj> xs, boolean everyH, boolean carry2) {
        int m = xs.get(0).numRows;
        List<DMatrixRMaj> hs = new ArrayList<>(), ks = new ArrayList<>();
        DMatrixRMaj h = new DMatrixRMaj(m, l1.nA), k = new DMatrixRMaj(m, l2.nA);
        for (DMatrixRMaj x : xs) {
            h = l1.step(x, h);
            hs.add(h);
        }
        for (DMatrixRMaj ht : everyH ? hs : List.of(h)) {
            k = l2.step(ht, carry2 ? k : new DMatrixRMaj(m, l2.nA));
            ks.add(k);
        }
        return ks;
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void stackForwardRightAndWrong() {
        assertEquals("✔ stackForward is right.\n", Output.of(() -> Lesson04.checkStackForward((a, b, xs) -> stack(a, b, xs, true, true))));
        assertEquals("✔ stackForward đúng.\n", Bilingual.printedIn("vi", () -> Lesson04.checkStackForward((a, b, xs) -> stack(a, b, xs, true, true))));
        Bilingual.Said lastOnly = Bilingual.fails(() -> Lesson04.checkStackForward((a, b, xs) -> stack(a, b, xs, false, true)));
        assertTrue(lastOnly.en().contains("layer 1 did not return its whole sequence"), lastOnly.en());
        assertTrue(lastOnly.vi().contains("tầng 1 không trả về cả chuỗi của nó"), lastOnly.vi());
        Bilingual.Said notCarried = Bilingual.fails(() -> Lesson04.checkStackForward((a, b, xs) -> stack(a, b, xs, true, false)));
        assertTrue(notCarried.en().contains("layer 2's state is not carried"), notCarried.en());
        assertTrue(notCarried.vi().contains("trạng thái của tầng 2 không được truyền"), notCarried.vi());
        // Layer 2 run over X_t by hand (the library's forward pass is off while the check runs, see OwnWork).
        Bilingual.Said readsX = Bilingual.fails(() -> Lesson04.checkStackForward((a, b, xs) -> {
            List<DMatrixRMaj> ks = new ArrayList<>();
            DMatrixRMaj k = new DMatrixRMaj(xs.get(0).numRows, b.nA);
            for (DMatrixRMaj x : xs) ks.add(k = b.step(x, k));
            return ks;
        }));
        assertTrue(readsX.en().contains("Does layer 2 read X_t?") || readsX.en().contains("layer 2 read X_t, not layer 1's H_t"), readsX.en());
        assertTrue(readsX.vi().contains("Có phải tầng 2 đang đọc X_t?") || readsX.vi().contains("tầng 2 đọc X_t, chứ không phải H_t của tầng 1"), readsX.vi());
        assertTrue(fails(() -> Lesson04.checkStackForward(null)).contains("missing"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson04.checkStackForward(null)).contains("chưa có đáp án"));
    }
}
