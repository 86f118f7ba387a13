package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnncourse.lessons.Architectures;
import org.rnncourse.scratch.Matrices;

/** Each check against a solution written as in the notebook, and against wrong solutions. */
class Lesson05Test {
    final Architectures arch = Architectures.create();
    final List<DMatrixRMaj> xs = Architectures.sequence(5);

    @Test
    void manyToOne() {
        DMatrixRMaj a = Matrices.zeros(1, 4);
        for (DMatrixRMaj x : xs) {
            a = arch.rnn.cell.step(x, a);
        }
        DMatrixRMaj right = arch.rnn.output.forward(a);
        assertEquals("✔ the many-to-one output is right.\n", Output.of(() -> Lesson05.checkManyToOne(right)));
        DMatrixRMaj first = arch.rnn.output.forward(arch.rnn.cell.step(xs.get(0), Matrices.zeros(1, 4)));
        AssertionError e1 = assertThrows(AssertionError.class, () -> Lesson05.checkManyToOne(first));
        assertTrue(e1.getMessage().startsWith("the many-to-one output: this is Y_1"), e1.getMessage());
        DMatrixRMaj alone = arch.rnn.output.forward(arch.rnn.cell.step(xs.get(4), Matrices.zeros(1, 4)));
        AssertionError e2 = assertThrows(AssertionError.class, () -> Lesson05.checkManyToOne(alone));
        assertTrue(e2.getMessage().contains("X_5 alone"), e2.getMessage());
        AssertionError e3 = assertThrows(AssertionError.class,
                () -> Lesson05.checkManyToOne(CommonOps_DDRM.transpose(right, null)));
        assertTrue(e3.getMessage().contains("expected shape (1×2), got (2×1)"), e3.getMessage());
    }

    @Test
    void context() {
        DMatrixRMaj a = Matrices.zeros(1, 4);
        for (DMatrixRMaj x : xs) {
            a = arch.encoder.step(x, a);
        }
        DMatrixRMaj right = a;
        assertEquals("✔ the context is right.\n", Output.of(() -> Lesson05.checkContext(right)));
        DMatrixRMaj a1 = arch.encoder.step(xs.get(0), Matrices.zeros(1, 4));
        AssertionError e1 = assertThrows(AssertionError.class, () -> Lesson05.checkContext(a1));
        assertTrue(e1.getMessage().startsWith("the context: this is A_1"), e1.getMessage());
        AssertionError e2 = assertThrows(AssertionError.class, () -> Lesson05.checkContext(arch.rnn.cell.forward(xs).a(5)));
        assertTrue(e2.getMessage().contains("use arch.encoder"), e2.getMessage());
        AssertionError e3 = assertThrows(AssertionError.class, () -> Lesson05.checkContext(arch.manyToOne(xs).lastOutput()));
        assertTrue(e3.getMessage().contains("that is the shape of an output"), e3.getMessage());
        assertTrue(assertThrows(AssertionError.class, () -> Lesson05.checkContext(null)).getMessage().contains("the answer is missing"));
    }

    @Test
    void generated() {
        DMatrixRMaj x = Architectures.input();
        DMatrixRMaj a = Matrices.zeros(1, 4), input = x, y = null;
        for (int t = 0; t < 3; t++) {
            a = arch.generator.cell.step(input, a);
            y = arch.generator.output.forward(a);
            input = y;
        }
        DMatrixRMaj right = y;
        assertEquals("✔ y_3 of the generator is right.\n", Output.of(() -> Lesson05.checkGenerated(right)));
        DMatrixRMaj b = Matrices.zeros(1, 4);
        for (int t = 0; t < 3; t++) {
            b = arch.generator.cell.step(x, b);
        }
        DMatrixRMaj noFeedback = arch.generator.output.forward(b);
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson05.checkGenerated(noFeedback));
        assertTrue(e.getMessage().contains("input = y"), e.getMessage());
        AssertionError first = assertThrows(AssertionError.class, () -> Lesson05.checkGenerated(arch.oneToMany(x, 1).lastOutput()));
        assertTrue(first.getMessage().startsWith("y_3 of the generator: this is y_1"), first.getMessage());
    }
}
