package org.rnncourse.exercise;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.lessons.Architectures;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.RnnCache;

/** Checks for the exercises of lesson 05 (architectures), all on the lesson's {@link Architectures}. */
public final class Lesson05 {
    static final double TOL = 1e-9;

    private Lesson05() {}

    /** Exercise 1: many-to-one by hand, the one output of arch.rnn after reading the 5 steps of Architectures.sequence(5), (1×2). */
    public static void checkManyToOne(DMatrixRMaj y) {
        Architectures arch = Architectures.create();
        List<DMatrixRMaj> xs = Architectures.sequence(Architectures.INPUT_STEPS);
        RnnCache cache = arch.rnn.forward(xs);
        DMatrixRMaj expected = cache.y(xs.size());
        String what = "the many-to-one output";
        if (y != null && y.numRows == 2 && y.numCols == 1) {
            throw Check.fail(what, "expected shape (1×2), got (2×1).", "the lesson uses the row form: Y_T is a (1×2) row.");
        }
        if (y != null && !Check.same(expected, y, TOL) && Check.same(cache.y(1), y, TOL)) {
            throw Check.fail(what, "this is Y_1, the output after the first step.",
                    "many-to-one outputs once, after the last step: Y_5.");
        }
        if (y != null && !Check.same(expected, y, TOL) && Check.same(arch.rnn.forward(List.of(xs.get(xs.size() - 1))).y(1), y, TOL)) {
            throw Check.fail(what, "this is the output of X_5 alone, from A_0 = 0.",
                    "read all five steps in order, carrying the hidden state; then compute the output once.");
        }
        Check.requireClose(what, expected, y, TOL,
                "run arch.rnn.forward(xs) (or step the cell five times) and take the output of step 5.");
        Check.pass(what);
    }

    /** Exercise 2: the context of the encoder–decoder: the encoder's final hidden state after the 5 steps, (1×4). */
    public static void checkContext(DMatrixRMaj context) {
        Architectures arch = Architectures.create();
        List<DMatrixRMaj> xs = Architectures.sequence(Architectures.INPUT_STEPS);
        RnnCache cache = arch.encoder.forward(xs);
        DMatrixRMaj expected = cache.a(xs.size());
        String what = "the context";
        if (context != null && context.numRows == 1 && context.numCols == Architectures.N_Y) {
            throw Check.fail(what, "expected shape (1×4), got (1×2): that is the shape of an output.",
                    "the context is a hidden state A_T (1×4), not an output Y_t: the encoder has no output layer.");
        }
        if (context != null && !Check.same(expected, context, TOL) && Check.same(arch.rnn.cell.forward(xs).a(xs.size()), context, TOL)) {
            throw Check.fail(what, "this is the final state of arch.rnn, not of the encoder.",
                    "use arch.encoder: encoder and decoder have weights of their own.");
        }
        if (context != null && !Check.same(expected, context, TOL) && Check.same(cache.a(1), context, TOL)) {
            throw Check.fail(what, "this is A_1, the state after the first step.",
                    "the decoder starts from the state after the last step, A_5: it has read the whole input.");
        }
        Check.requireClose(what, expected, context, TOL,
                "run arch.encoder over the five inputs from A_0 = 0 and keep the last hidden state.");
        Check.pass(what);
    }

    /** Exercise 3: one-to-many by hand: the generator's 3rd output, each output fed back as the next input, (1×3). */
    public static void checkGenerated(DMatrixRMaj y3) {
        Architectures arch = Architectures.create();
        DMatrixRMaj x = Architectures.input();
        DMatrixRMaj expected = arch.oneToMany(x, 3).lastOutput();
        String what = "y_3 of the generator";
        // The slip worth naming: reading x again at every step instead of the previous output.
        DMatrixRMaj a = Matrices.zeros(1, Architectures.N_H);
        for (int t = 0; t < 3; t++) {
            a = arch.generator.cell.step(x, a);
        }
        DMatrixRMaj sameInput = arch.generator.output.forward(a);
        if (y3 != null && !Check.same(expected, y3, TOL) && Check.same(sameInput, y3, TOL)) {
            throw Check.fail(what, "this is what comes out when x is read at every step.",
                    "after the first step the input is the previous output: input = y.");
        }
        if (y3 != null && !Check.same(expected, y3, TOL) && Check.same(arch.oneToMany(x, 1).lastOutput(), y3, TOL)) {
            throw Check.fail(what, "this is y_1, the first output.", "run three steps and keep the third output.");
        }
        Check.requireClose(what, expected, y3, TOL,
                "A = arch.generator.cell.step(input, A); y = arch.generator.output.forward(A); input = y; three times, from A = 0 and input = x.");
        Check.pass(what);
    }
}
