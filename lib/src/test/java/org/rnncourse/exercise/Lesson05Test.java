package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.lessons.Architectures;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCell;

/** Each check against the notebook's solution and against the usual mistakes. */
class Lesson05Test {

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
        String sameInput = fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, a, n, false, true)));
        assertTrue(sameInput.contains("x is read at every step"), sameInput);
        String notCarried = fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, a, n, true, false)));
        assertTrue(notCarried.contains("it is not carried"), notCarried);
        String zeros = fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, new DMatrixRMaj(1, c.nA), n, true, true)));
        assertTrue(zeros.contains("not from the A0 it was given"), zeros);
        String short1 = fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> generate(c, o, x, a, 1, true, true)));
        assertTrue(short1.contains("outputs, got 1"), short1);
        // The lesson's own generator run does not answer random generators.
        List<DMatrixRMaj> lesson = Architectures.create().oneToMany(Architectures.input(), 3).outputs();
        assertTrue(fails(() -> Lesson05.checkGenerate((c, o, x, a, n) -> lesson)).contains("random generator"));
        assertTrue(fails(() -> Lesson05.checkGenerate(null)).contains("missing"));
    }

    @Test
    void encoderDecoderRightAndWrong() {
        assertEquals("✔ encoderDecoder is right.\n",
                Output.of(() -> Lesson05.checkEncoderDecoder((e, d, o, xs, n) -> encoderDecoder(e, d, o, xs, n, true))));
        String noContext = fails(() -> Lesson05.checkEncoderDecoder((e, d, o, xs, n) -> encoderDecoder(e, d, o, xs, n, false)));
        assertTrue(noContext.contains("the context is not handed over"), noContext);
        String first = fails(() -> Lesson05.checkEncoderDecoder((e, d, o, xs, n) -> encoderDecoder(e, d, o, xs.subList(0, 1), n, true)));
        assertTrue(first.contains("encoder's A_1"), first);
    }
}
