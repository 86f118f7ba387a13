package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.lessons.CharRnn;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for the exercises of lesson 11, the character model written by the learner: sampling with
 * a temperature, the generation loop, and one teacher-forced training step. Each check runs the
 * learner's function on models, scores and texts drawn at check time, compares it with a private
 * reference, and recognises the usual mistakes by running them too.
 */
public final class Lesson11 {
    private static final double TOL = 1e-9;

    private Lesson11() {}

    // ---- exercise 1: softmax with a temperature ----------------------------------------------------

    @FunctionalInterface
    public interface Temperature {
        double[] apply(double[] z, double tau);
    }

    /** Exercise 1: p = softmax(z / τ), tried on random scores, several τ, and scores large enough to overflow exp. */
    public static void checkTemperature(Temperature f) {
        String what = "softmaxWithTemperature";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson11.passYourFunction",
                    "Lesson11.checkTemperature((z, tau) -> softmaxWithTemperature(z, tau))"));
        }
        Random r = new Random();
        for (double tau : new double[] {0.5, 1.0, 2.0, 0.3 + r.nextDouble()}) {
            double[] z = new double[4 + r.nextInt(5)];
            for (int j = 0; j < z.length; j++) z[j] = 3 * r.nextGaussian();
            tryTemperature(f, z, tau, Messages.get("lesson11.temperature.random", tau));
        }
        double[] big = {800 + r.nextDouble(), 795, 790 + r.nextDouble(), 780};
        tryTemperature(f, big, 0.5, Messages.get("lesson11.temperature.large"));
        Check.pass(what);
    }

    private static void tryTemperature(Temperature f, double[] z, double tau, String trial) {
        String what = Messages.get("lesson11.on", "softmaxWithTemperature", trial);
        double[] p;
        try {
            p = OwnWork.check("softmaxWithTemperature", () -> f.apply(z.clone(), tau), OwnWork.Topic.SOFTMAX);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("softmaxWithTemperature", Messages.get("lesson11.notWritten", e.getMessage()),
                    Messages.get("lesson11.notWritten.hint"));
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson11.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson11.temperature.threw.hint"));
        }
        if (p == null) throw Check.missing(what, Messages.get("lesson11.temperature.returnArray"));
        if (p.length != z.length) {
            throw Check.fail(what, Messages.get("lesson11.temperature.length", p.length, z.length),
                    Messages.get("lesson11.temperature.length.hint"));
        }
        double[] want = softmax(z, tau);
        if (near(p, want)) return;
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw Check.fail(what, Messages.get("lesson11.temperature.overflow", v), Messages.get("lesson11.temperature.overflow.hint"));
            }
        }
        double sum = Arrays.stream(p).sum();
        double[] afterSoftmax = softmax(z, 1);
        for (int j = 0; j < afterSoftmax.length; j++) afterSoftmax[j] /= tau;
        if (near(p, afterSoftmax)) {
            throw Check.fail(what, Messages.get("lesson11.temperature.afterSoftmax"), Messages.get("lesson11.temperature.afterSoftmax.hint"));
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw Check.fail(what, Messages.get("lesson11.temperature.notNormalised", Check.fmt(sum)),
                    Messages.get("lesson11.temperature.notNormalised.hint"));
        }
        if (tau != 1 && near(p, softmax(z, 1))) {
            throw Check.fail(what, Messages.get("lesson11.temperature.unused"), Messages.get("lesson11.temperature.unused.hint"));
        }
        if (tau != 1 && near(p, softmax(z, 1 / tau))) {
            throw Check.fail(what, Messages.get("lesson11.temperature.multiplied"), Messages.get("lesson11.temperature.multiplied.hint"));
        }
        throw Check.fail(what, Messages.get("lesson11.temperature.other"), Messages.get("lesson11.temperature.other.hint"));
    }

    static double[] softmax(double[] z, double tau) {
        DMatrixRMaj s = new DMatrixRMaj(1, z.length);
        for (int j = 0; j < z.length; j++) s.data[j] = z[j] / tau;
        return Activation.SOFTMAX.apply(s).data;
    }

    private static boolean near(double[] a, double[] b) {
        if (a.length != b.length) return false;
        for (int j = 0; j < a.length; j++) if (!(Math.abs(a[j] - b[j]) <= TOL)) return false;
        return true;
    }

    // ---- exercise 2: the generation loop -----------------------------------------------------------

    @FunctionalInterface
    public interface Generator {
        String apply(RnnCell cell, OutputLayer out, String vocabulary, String prime, int length, double tau, DoubleSupplier uniform);
    }

    /** The ways a generation loop goes wrong, each a variant of the reference. */
    private enum Mistake { NONE, STATE_RESET, PRIME_IGNORED, NO_FEEDBACK, GREEDY, LAST_PRIME_TWICE }

    /** Exercise 2: free-running sampling from random small models, primes, temperatures and uniform numbers. */
    public static void checkGenerate(Generator f) {
        String what = "generate";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson11.passYourFunction",
                    "Lesson11.checkGenerate((cell, out, vocabulary, prime, length, tau, uniform) -> generate(...))"));
        }
        Random r = new Random();
        String vocabulary = "\n abcdeht";
        for (int trial = 0; trial < 4; trial++) {
            RnnCell cell = RnnCell.random(vocabulary.length(), 5, Activation.TANH, 0.8, r);
            OutputLayer out = OutputLayer.random(5, vocabulary.length(), Activation.SOFTMAX, 1.5, r);
            StringBuilder prime = new StringBuilder();
            for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) prime.append(vocabulary.charAt(1 + r.nextInt(vocabulary.length() - 1)));
            double tau = trial == 0 ? 1.0 : 0.5 + r.nextDouble();
            long seed = r.nextLong();
            int length = 15 + r.nextInt(10);
            String trialName = Messages.get("lesson11.generate.trial", prime, Check.fmt(tau));
            String on = Messages.get("lesson11.on", what, trialName);
            String want = generate(cell, out, vocabulary, prime.toString(), length, tau, new Random(seed)::nextDouble, Mistake.NONE);
            int[] draws = {0};
            Random u = new Random(seed);
            String got;
            try {
                got = OwnWork.check(what, () -> f.apply(cell, out, vocabulary, prime.toString(), length, tau, () -> { draws[0]++; return u.nextDouble(); }),
                        OwnWork.Topic.SAMPLING);
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, Messages.get("lesson11.notWritten", e.getMessage()), Messages.get("lesson11.notWritten.hint"));
            } catch (RuntimeException e) {
                throw Check.fail(on, Messages.get("lesson11.threw", e.getClass().getSimpleName(), e.getMessage()),
                        Messages.get("lesson11.generate.threw.hint"));
            }
            if (got == null) throw Check.missing(what, Messages.get("lesson11.generate.returnText"));
            if (got.length() != length) {
                throw Check.fail(on, Messages.get("lesson11.generate.length", got.length(), length),
                        Messages.get("lesson11.generate.length.hint"));
            }
            if (got.equals(want)) continue;
            if (draws[0] != length) {
                throw Check.fail(on, Messages.get("lesson11.generate.draws", draws[0], length),
                        Messages.get("lesson11.generate.draws.hint"));
            }
            // Each known mistake with the message key that names it (the hint is key + ".hint").
            String[][] known = {
                {Mistake.STATE_RESET.name(), "lesson11.generate.stateReset"},
                {Mistake.PRIME_IGNORED.name(), "lesson11.generate.primeIgnored"},
                {Mistake.NO_FEEDBACK.name(), "lesson11.generate.noFeedback"},
                {Mistake.GREEDY.name(), "lesson11.generate.greedy"},
                {Mistake.LAST_PRIME_TWICE.name(), "lesson11.generate.lastPrimeTwice"}};
            for (String[] k : known) {
                if (got.equals(generate(cell, out, vocabulary, prime.toString(), length, tau, new Random(seed)::nextDouble, Mistake.valueOf(k[0])))) {
                    throw Check.fail(on, Messages.get(k[1]), Messages.get(k[1] + ".hint"));
                }
            }
            if (tau != 1 && got.equals(generate(cell, out, vocabulary, prime.toString(), length, 1.0, new Random(seed)::nextDouble, Mistake.NONE))) {
                throw Check.fail(on, Messages.get("lesson11.generate.tauUnused"), Messages.get("lesson11.generate.tauUnused.hint"));
            }
            throw Check.fail(on, Messages.get("lesson11.generate.differ", firstDifference(want, got)),
                    Messages.get("lesson11.generate.differ.hint"));
        }
        Check.pass(what);
    }

    private static String generate(RnnCell cell, OutputLayer out, String vocabulary, String prime, int length, double tau,
                                   DoubleSupplier uniform, Mistake m) {
        OwnWork.entry(OwnWork.Topic.SAMPLING, "Lesson11's own reference"); // reflection must not reach it either
        int V = vocabulary.length();
        DMatrixRMaj a = new DMatrixRMaj(1, cell.nA);
        int last = prime.length() - 1;
        if (m != Mistake.PRIME_IGNORED) {
            for (int i = 0; i < (m == Mistake.LAST_PRIME_TWICE ? last + 1 : last); i++) {
                a = cell.step(Matrices.oneHotRow(vocabulary.indexOf(prime.charAt(i)), V), a);
            }
        }
        int current = vocabulary.indexOf(prime.charAt(last));
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < length; n++) {
            DMatrixRMaj input = Matrices.oneHotRow(m == Mistake.NO_FEEDBACK ? vocabulary.indexOf(prime.charAt(last)) : current, V);
            a = cell.step(input, m == Mistake.STATE_RESET ? new DMatrixRMaj(1, cell.nA) : a);
            double[] p = softmax(out.preActivation(a).data, tau);
            double u = uniform.getAsDouble();
            int next = p.length - 1;
            if (m == Mistake.GREEDY) {
                for (int j = 0; j < p.length; j++) if (p[j] > p[next]) next = j;
            } else {
                double cumulative = 0;
                for (int j = 0; j < p.length; j++) {
                    cumulative += p[j];
                    if (u < cumulative) {
                        next = j;
                        break;
                    }
                }
            }
            current = next;
            sb.append(vocabulary.charAt(next));
        }
        return sb.toString();
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        return i + 1;
    }

    // ---- exercise 3: one teacher-forced training step ----------------------------------------------

    @FunctionalInterface
    public interface TrainingStep {
        double apply(CharRnn gen, int[] window);
    }

    /** Exercise 3: one update on a window of T + 1 characters, compared with the reference on a twin model. */
    public static void checkTrainingStep(TrainingStep f) {
        String what = "trainingStep";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson11.passYourFunction",
                    "Lesson11.checkTrainingStep((gen, window) -> trainingStep(gen, window))"));
        }
        Random r = new Random();
        String text = randomText(r);
        for (int k = 0; k < 3; k++) {
            long seed = r.nextLong();
            CharRnn mine = CharRnn.create(text, 6, seed);
            int T = 4 + r.nextInt(5);
            int[] window = new int[T + 1];
            for (int t = 0; t <= T; t++) window[t] = r.nextInt(mine.vocabularySize());
            String on = Messages.get("lesson11.on", what, Messages.get("lesson11.step.trial", T + 1, T));
            double loss;
            try {
                loss = f.apply(mine, window.clone());
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, Messages.get("lesson11.notWritten", e.getMessage()), Messages.get("lesson11.notWritten.hint"));
            } catch (RuntimeException e) {
                throw Check.fail(on, Messages.get("lesson11.threw", e.getClass().getSimpleName(), e.getMessage()),
                        Messages.get("lesson11.step.threw.hint"));
            }
            double want = step(CharRnn.create(text, 6, seed), window, 1, true, 1);
            CharRnn reference = CharRnn.create(text, 6, seed);
            step(reference, window, 1, true, 1);
            if (!(Math.abs(loss - want) <= TOL)) {
                if (Math.abs(loss - step(CharRnn.create(text, 6, seed), window, 0, true, 1)) <= TOL) {
                    throw Check.fail(on, Messages.get("lesson11.step.notShifted"), Messages.get("lesson11.step.notShifted.hint"));
                }
                if (Math.abs(loss - step(CharRnn.create(text, 6, seed), window, -1, true, 1)) <= TOL) {
                    throw Check.fail(on, Messages.get("lesson11.step.swapped"), Messages.get("lesson11.step.swapped.hint"));
                }
                if (Math.abs(loss - T * want) <= TOL * T) {
                    throw Check.fail(on, Messages.get("lesson11.step.sum", T), Messages.get("lesson11.step.sum.hint"));
                }
                throw Check.fail(on, Messages.get("lesson11.step.lossWrong") + Check.howFar(want, loss),
                        Messages.get("lesson11.step.lossWrong.hint"));
            }
            if (mine.iteration() != 1) {
                throw Check.fail(on, mine.iteration() == 0 ? Messages.get("lesson11.step.notUpdated")
                        : Messages.get("lesson11.step.updatedTimes", mine.iteration()), Messages.get("lesson11.step.updates.hint"));
            }
            if (!sameWeights(mine, reference)) {
                CharRnn unscaled = CharRnn.create(text, 6, seed);
                step(unscaled, window, 1, true, T);
                throw Check.fail(on, sameWeights(mine, unscaled)
                                ? Messages.get("lesson11.step.unscaled")
                                : Messages.get("lesson11.step.weightsWrong"),
                        Messages.get("lesson11.step.weights.hint"));
            }
        }
        Check.pass(what);
    }

    /** The reference step: targets {@code shift} characters after the inputs; update divides by T / {@code tScale}. */
    private static double step(CharRnn gen, int[] window, int shift, boolean update, int tScale) {
        int T = window.length - 1;
        List<DMatrixRMaj> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            int in = shift >= 0 ? t : t + 1;
            xs.add(gen.oneHot(window[in]));
            ys.add(gen.oneHot(window[shift >= 0 ? t + shift : t]));
        }
        RnnCache cache = gen.rnn.forward(xs);
        double loss = 0;
        for (int t = 1; t <= T; t++) loss += Loss.CROSS_ENTROPY.value(cache.y(t), ys.get(t - 1));
        if (update) gen.update(Bptt.manyToMany(gen.rnn, cache, ys, Loss.CROSS_ENTROPY), T / tScale);
        return loss / T;
    }

    private static boolean sameWeights(CharRnn a, CharRnn b) {
        for (int k = 0; k < a.matrices().size(); k++) {
            if (!Check.same(a.matrices().get(k), b.matrices().get(k), TOL)) return false;
        }
        return true;
    }

    private static String randomText(Random r) {
        String[] words = {"the", "film", "was", "good", "bad", "not", "a", "plot", "actor", "fun"};
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 120) sb.append(words[r.nextInt(words.length)]).append(r.nextInt(6) == 0 ? "\n" : " ");
        return sb.toString();
    }
}
