package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for the exercises of lesson 05 (architectures). Each exercise is a function the learner
 * writes around the cell (a generator that feeds its outputs back, an encoder–decoder that hands
 * over its context); each check runs it on cells, inputs and lengths drawn at check time with a
 * private reference, and names the usual mistakes.
 */
public final class Lesson05 {
    static final double TOL = 1e-9;

    private Lesson05() {}

    /** A learner's one-to-many generator: reads x at step 1, then its own previous output. */
    @FunctionalInterface
    public interface Generate {
        List<DMatrixRMaj> apply(RnnCell cell, OutputLayer out, DMatrixRMaj x, DMatrixRMaj A0, int steps);
    }

    /** A learner's encoder–decoder: the encoder reads xs, the decoder starts from its last state. */
    @FunctionalInterface
    public interface EncoderDecoder {
        List<DMatrixRMaj> apply(RnnCell encoder, RnnCell decoderCell, OutputLayer decoderOut, List<DMatrixRMaj> xs, int steps);
    }

    /** The reference generator: A = step(input, A); y = out(A); input = y, {@code steps} times. */
    static List<DMatrixRMaj> generate(RnnCell cell, OutputLayer out, DMatrixRMaj x, DMatrixRMaj A0, int steps, boolean feedBack) {
        OwnWork.entry(OwnWork.Topic.RNN_SEQUENCE, "Lesson05's own reference"); // reflection must not reach it either
        List<DMatrixRMaj> ys = new ArrayList<>();
        DMatrixRMaj input = x, a = A0;
        for (int t = 0; t < steps; t++) {
            a = cell.step(input, a);
            DMatrixRMaj y = out.forward(a);
            ys.add(y);
            input = feedBack ? y : x;
        }
        return ys;
    }

    /**
     * Exercise 1: one-to-many. Checked on random generators (n_y = n_x, so that an output can be
     * read as the next input), start states and lengths; names "x read again at every step", "the
     * state not carried" and "A_0 ignored".
     */
    public static void checkGenerate(Generate f) {
        String what = "generate";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson05.generate.missing"));
        }
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int n = 2 + r.nextInt(3), na = 3 + r.nextInt(3), steps = 3 + r.nextInt(3);
            RnnCell cell = randomCell(n, na, r);
            OutputLayer out = new OutputLayer(Matrices.gaussian(na, n, 0.8, r), Matrices.gaussian(1, n, 0.3, r), Activation.TANH);
            DMatrixRMaj x = Matrices.gaussian(1, n, 1, r), A0 = Matrices.gaussian(1, na, 0.5, r);
            List<DMatrixRMaj> expected = generate(cell, out, x, A0, steps, true);
            List<DMatrixRMaj> got = call(what, () -> OwnWork.check(what, () -> f.apply(cell, out, x.copy(), A0.copy(), steps), OwnWork.Topic.RNN_SEQUENCE));
            String trialName = Messages.get("lesson05.on", what, Messages.get("lesson05.generate.trial.random", n, na, steps));
            requireLength(trialName, got, steps, Messages.get("lesson05.generate.count.hint", steps));
            if (!sameList(expected, got)) {
                if (sameList(generate(cell, out, x, A0, steps, false), got)) {
                    throw Check.fail(trialName, Messages.get("lesson05.generate.sameInput"), Messages.get("lesson05.generate.sameInput.hint"));
                }
                if (sameList(generate(cell, out, x, new DMatrixRMaj(1, na), steps, true), got)) {
                    throw Check.fail(trialName, Messages.get("lesson05.generate.zeros"), Messages.get("lesson05.generate.zeros.hint"));
                }
                List<DMatrixRMaj> forgetful = new ArrayList<>();
                DMatrixRMaj input = x;
                for (int t = 0; t < steps; t++) {
                    DMatrixRMaj y = out.forward(cell.step(input, t == 0 ? A0 : new DMatrixRMaj(1, na)));
                    forgetful.add(y);
                    input = y;
                }
                if (sameList(forgetful, got)) {
                    throw Check.fail(trialName, Messages.get("lesson05.generate.notCarried"), Messages.get("lesson05.generate.notCarried.hint"));
                }
            }
            for (int t = 0; t < steps; t++) {
                Check.requireClose(trialName + ", y_" + (t + 1), expected.get(t), got.get(t), TOL, Messages.get("lesson05.generate.hint"));
            }
        }
        Check.pass(what);
    }

    /**
     * Exercise 2: encoder–decoder. Checked on random encoders, decoders, inputs and lengths (the
     * input and output lengths differ); names "the decoder starts from zeros" (no context handed over)
     * and "the context taken after the first step".
     */
    public static void checkEncoderDecoder(EncoderDecoder f) {
        String what = "encoderDecoder";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson05.encoderDecoder.missing"));
        }
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int nx = 2 + r.nextInt(3), ny = 2 + r.nextInt(2), na = 3 + r.nextInt(3), T = 3 + r.nextInt(3), steps = 2 + r.nextInt(3);
            RnnCell encoder = randomCell(nx, na, r), decoder = randomCell(ny, na, r);
            OutputLayer out = new OutputLayer(Matrices.gaussian(na, ny, 0.8, r), Matrices.gaussian(1, ny, 0.3, r), Activation.TANH);
            List<DMatrixRMaj> xs = new ArrayList<>();
            for (int t = 0; t < T; t++) xs.add(Matrices.gaussian(1, nx, 1, r));
            List<DMatrixRMaj> states = encoder.forward(xs).hiddenStates();
            DMatrixRMaj start = new DMatrixRMaj(1, ny);
            List<DMatrixRMaj> expected = generate(decoder, out, start, states.get(T - 1), steps, true);
            List<DMatrixRMaj> got = call(what, () -> {
                List<DMatrixRMaj> copies = new ArrayList<>();
                for (DMatrixRMaj x : xs) copies.add(x.copy());
                return OwnWork.check("encoderDecoder", () -> f.apply(encoder, decoder, out, copies, steps), OwnWork.Topic.RNN_SEQUENCE);
            });
            String trialName = Messages.get("lesson05.on", what, Messages.get("lesson05.encoderDecoder.trial.random", T, steps));
            requireLength(trialName, got, steps, Messages.get("lesson05.encoderDecoder.count.hint", steps));
            if (!sameList(expected, got)) {
                if (sameList(generate(decoder, out, start, new DMatrixRMaj(1, na), steps, true), got)) {
                    throw Check.fail(trialName, Messages.get("lesson05.encoderDecoder.noContext"), Messages.get("lesson05.encoderDecoder.noContext.hint"));
                }
                if (sameList(generate(decoder, out, start, states.get(0), steps, true), got)) {
                    throw Check.fail(trialName, Messages.get("lesson05.encoderDecoder.first"), Messages.get("lesson05.encoderDecoder.first.hint"));
                }
            }
            for (int t = 0; t < steps; t++) {
                Check.requireClose(trialName + ", y_" + (t + 1), expected.get(t), got.get(t), TOL, Messages.get("lesson05.encoderDecoder.hint"));
            }
        }
        Check.pass(what);
    }

    private static RnnCell randomCell(int nx, int na, Random r) {
        return new RnnCell(Matrices.gaussian(nx, na, 0.6, r), Matrices.gaussian(na, na, 0.6, r), Matrices.gaussian(1, na, 0.3, r), Activation.TANH);
    }

    private interface Call {
        List<DMatrixRMaj> get();
    }

    private static List<DMatrixRMaj> call(String what, Call c) {
        try {
            return c.get();
        } catch (UnsupportedOperationException e) {
            throw Check.fail(what, Messages.get("lesson05.notWritten", e.getMessage()), Messages.get("lesson05.writeBody"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson05.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson05.threw.hint"));
        }
    }

    private static void requireLength(String what, List<DMatrixRMaj> got, int n, String hint) {
        if (got == null) throw Check.missing(what, Messages.get("lesson05.null"));
        Check.isTrueQuietly(what, got.size() == n, Messages.get("lesson05.count", n, got.size()), hint);
    }

    private static boolean sameList(List<DMatrixRMaj> a, List<DMatrixRMaj> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!Check.same(a.get(i), b.get(i), TOL)) return false;
        return true;
    }
}
