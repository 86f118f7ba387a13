package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.lessons.Architectures;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCell;

/** Each check against the notebook's solution and against the usual mistakes. */
class Lesson05Test {
    /** A failed assertion in a Vietnamese run must not leave Vietnamese for the next test. */
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }


    /** The notebook's solution of exercise 1 (with the two slips the check names as switches). */
    static List<DMatrixRMaj> generate(RnnCell cell, OutputLayer out, DMatrixRMaj x, DMatrixRMaj A0, int steps,
                                      boolean feedBack, boolean carry) {
        List<DMatrixRMaj> ys = new ArrayList<>();
        DMatrixRMaj input = x, a = A0;
        for (int t = 0; t < steps; t++) {
            a = cell.step(input, carry || t == 0 ? a : new DMatrixRMaj(1, cell.nA));
            DMatrixRMaj y = out.forward(a);
            ys.add(y);
            input = feedBack ? y : x;
        }
        return ys;
    }

    /** The notebook's solution of exercise 2. */
    static List<DMatrixRMaj> encoderDecoder(RnnCell enc, RnnCell dec, OutputLayer out, List<DMatrixRMaj> xs, int steps, boolean handOver) {
        DMatrixRMaj a = new DMatrixRMaj(1, enc.nA);
        for (DMatrixRMaj x : xs) a = enc.step(x, a);
        return generate(dec, out, new DMatrixRMaj(1, out.nY), handOver ? a : new DMatrixRMaj(1, dec.nA), steps, true, true);
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void generateRightAndWrong() {
        assertEquals("✔ generate is right.\n", Output.of(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, a, n, true, true))));
        assertEquals("✔ generate đúng.\n", Bilingual.printedIn("vi", () -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, a, n, true, true))));
        Bilingual.Said sameInput = Bilingual.fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, a, n, false, true)));
        assertTrue(sameInput.en().contains("x is read at every step"), sameInput.en());
        assertTrue(sameInput.vi().contains("khi x được đọc lại ở mọi bước"), sameInput.vi());
        Bilingual.Said notCarried = Bilingual.fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, a, n, true, false)));
        assertTrue(notCarried.en().contains("it is not carried"), notCarried.en());
        assertTrue(notCarried.vi().contains("nó không được truyền sang bước sau"), notCarried.vi());
        Bilingual.Said zeros = Bilingual.fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, new DMatrixRMaj(1, c.nA), n, true, true)));
        assertTrue(zeros.en().contains("not from the A0 it was given"), zeros.en());
        assertTrue(zeros.vi().contains("chứ không phải từ A0 được truyền vào"), zeros.vi());
        Bilingual.Said short1 = Bilingual.fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, a, 1, true, true)));
        assertTrue(short1.en().contains("outputs, got 1"), short1.en());
        assertTrue(short1.vi().contains("đầu ra, nhận được 1"), short1.vi());
        // The lesson's own generator run does not answer random generators.
        List<DMatrixRMaj> lesson = Architectures.create().oneToMany(Architectures.input(), 3).outputs();
        assertTrue(fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> lesson)).contains("random generator"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson05.checkGenerate((c, o, x, a, n) -> lesson)).contains("một bộ sinh (generator) ngẫu nhiên"));
        assertTrue(fails(() -> Lesson05.checkGenerate(null)).contains("missing"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson05.checkGenerate(null)).contains("chưa có đáp án"));
    }

    @Test
    void encoderDecoderRightAndWrong() {
        assertEquals("✔ encoderDecoder is right.\n",
                Output.of(() -> Lesson05.checkEncoderDecoder((e, d, o, xs, n) -> encoderDecoder(e, d, o, xs, n, true))));
        assertEquals("✔ encoderDecoder đúng.\n",
                Bilingual.printedIn("vi", () -> Lesson05.checkEncoderDecoder((e, d, o, xs, n) -> encoderDecoder(e, d, o, xs, n, true))));
        Bilingual.Said noContext = Bilingual.fails(() -> Lesson05.checkEncoderDecoder((e, d, o, xs, n) -> encoderDecoder(e, d, o, xs, n, false)));
        assertTrue(noContext.en().contains("the context is not handed over"), noContext.en());
        assertTrue(noContext.vi().contains("ngữ cảnh (context) không được chuyển sang"), noContext.vi());
        Bilingual.Said first = Bilingual.fails(() -> Lesson05.checkEncoderDecoder((e, d, o, xs, n) -> encoderDecoder(e, d, o, xs.subList(0, 1), n, true)));
        assertTrue(first.en().contains("encoder's A_1"), first.en());
        assertTrue(first.vi().contains("A_1 của bộ mã hóa"), first.vi());
    }
}
