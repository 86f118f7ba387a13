package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
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
        if (f == null) throw Check.missing(what, "pass your function: Lesson11.checkTemperature((z, tau) -> softmaxWithTemperature(z, tau)).");
        Random r = new Random();
        for (double tau : new double[] {0.5, 1.0, 2.0, 0.3 + r.nextDouble()}) {
            double[] z = new double[4 + r.nextInt(5)];
            for (int j = 0; j < z.length; j++) z[j] = 3 * r.nextGaussian();
            tryTemperature(f, z, tau, "random scores at τ = " + tau);
        }
        double[] big = {800 + r.nextDouble(), 795, 790 + r.nextDouble(), 780};
        tryTemperature(f, big, 0.5, "large scores (800 / 0.5)");
        Check.pass(what);
    }

    private static void tryTemperature(Temperature f, double[] z, double tau, String trial) {
        String what = "softmaxWithTemperature, on " + trial;
        double[] p;
        try {
            p = OwnWork.check("softmaxWithTemperature", () -> f.apply(z.clone(), tau), OwnWork.Topic.SOFTMAX);
        } catch (UnsupportedOperationException e) {
            throw Check.fail("softmaxWithTemperature", "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
        } catch (RuntimeException e) {
            throw Check.fail(what, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(), "one probability per score: p has z.length entries.");
        }
        if (p == null) throw Check.missing(what, "return the array of probabilities.");
        if (p.length != z.length) throw Check.fail(what, p.length + " probabilities for " + z.length + " scores.", "one probability per score.");
        double[] want = softmax(z, tau);
        if (near(p, want)) return;
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw Check.fail(what, "some probabilities are " + v + ": exp overflowed.",
                        "subtract the largest z_j / τ from every z_j / τ before exp: the result is the same, and exp never sees a large number.");
            }
        }
        double sum = Arrays.stream(p).sum();
        double[] afterSoftmax = softmax(z, 1);
        for (int j = 0; j < afterSoftmax.length; j++) afterSoftmax[j] /= tau;
        if (near(p, afterSoftmax)) {
            throw Check.fail(what, "these are softmax(z) / τ: the temperature was applied after the softmax.",
                    "divide the SCORES by τ, then take the softmax: p = softmax(z / τ).");
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw Check.fail(what, "the probabilities add up to " + Check.fmt(sum) + ", not 1: they are not renormalised.",
                    "divide each exp(z_j / τ − max) by their sum.");
        }
        if (tau != 1 && near(p, softmax(z, 1))) {
            throw Check.fail(what, "this is softmax(z): τ is not used.", "divide every score by τ before exp.");
        }
        if (tau != 1 && near(p, softmax(z, 1 / tau))) {
            throw Check.fail(what, "this is softmax(z · τ): the scores were multiplied by τ.", "divide by τ: a small τ must sharpen the distribution.");
        }
        throw Check.fail(what, "the probabilities add up to 1 but are not softmax(z / τ).",
                "p_j = exp(z_j / τ − m) / Σ_k exp(z_k / τ − m), with m the largest z_k / τ.");
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
        if (f == null) throw Check.missing(what, "pass your function: Lesson11.checkGenerate((cell, out, vocabulary, prime, length, tau, uniform) -> generate(...)).");
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
            String trialName = "a random model, prime \"" + prime + "\", τ = " + Check.fmt(tau);
            String want = generate(cell, out, vocabulary, prime.toString(), length, tau, new Random(seed)::nextDouble, Mistake.NONE);
            int[] draws = {0};
            Random u = new Random(seed);
            String got;
            try {
                got = OwnWork.check(what, () -> f.apply(cell, out, vocabulary, prime.toString(), length, tau, () -> { draws[0]++; return u.nextDouble(); }),
                        OwnWork.Topic.SAMPLING);
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
            } catch (RuntimeException e) {
                throw Check.fail(what + ", on " + trialName, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        "a = cell.step(Matrices.oneHotRow(id, V), a) with a (1 × n_a); out.preActivation(a).data are the scores.");
            }
            if (got == null) throw Check.missing(what, "return the characters written (without the prime).");
            if (got.length() != length) {
                throw Check.fail(what + ", on " + trialName, got.length() + " characters for length = " + length + ".",
                        "write exactly `length` characters, not counting the prime.");
            }
            if (got.equals(want)) continue;
            if (draws[0] != length) {
                throw Check.fail(what + ", on " + trialName, "the function drew " + draws[0] + " uniform numbers for " + length + " characters.",
                        "call uniform.getAsDouble() once per character written.");
            }
            String[][] known = {
                {Mistake.STATE_RESET.name(), "the hidden state is not carried: each step starts again from a = 0.",
                    "keep a: the a that one step returns goes into the next. That memory is what makes text, not letters."},
                {Mistake.PRIME_IGNORED.name(), "the prime is not read: only its last character reached the model.",
                    "step over the prime's characters first (all but the last), so a holds what the prime said."},
                {Mistake.NO_FEEDBACK.name(), "the drawn character is not fed back: every step reads the same input.",
                    "the character you draw is the next step's input: current = next."},
                {Mistake.GREEDY.name(), "the most likely character was taken every time: nothing was drawn.",
                    "draw: the first j whose cumulative probability p_0 + … + p_j is above u = uniform.getAsDouble()."},
                {Mistake.LAST_PRIME_TWICE.name(), "the last character of the prime is read twice.",
                    "step over the prime without its last character; the loop's first step reads the last one."}};
            for (String[] k : known) {
                if (got.equals(generate(cell, out, vocabulary, prime.toString(), length, tau, new Random(seed)::nextDouble, Mistake.valueOf(k[0])))) {
                    throw Check.fail(what + ", on " + trialName, k[1], k[2]);
                }
            }
            if (tau != 1 && got.equals(generate(cell, out, vocabulary, prime.toString(), length, 1.0, new Random(seed)::nextDouble, Mistake.NONE))) {
                throw Check.fail(what + ", on " + trialName, "the text is the one written at τ = 1: τ is not used.",
                        "p = softmaxWithTemperature(scores, tau).");
            }
            throw Check.fail(what + ", on " + trialName, "the characters differ from the model's (first difference at character "
                    + firstDifference(want, got) + ").", "draw with the first j whose cumulative probability is above u, one u per character, from p = softmax(z / τ).");
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
        if (f == null) throw Check.missing(what, "pass your function: Lesson11.checkTrainingStep((gen, window) -> trainingStep(gen, window)).");
        Random r = new Random();
        String text = randomText(r);
        for (int k = 0; k < 3; k++) {
            long seed = r.nextLong();
            CharRnn mine = CharRnn.create(text, 6, seed);
            int T = 4 + r.nextInt(5);
            int[] window = new int[T + 1];
            for (int t = 0; t <= T; t++) window[t] = r.nextInt(mine.vocabularySize());
            String trial = "a window of " + (T + 1) + " characters (T = " + T + ")";
            double loss;
            try {
                loss = f.apply(mine, window.clone());
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
            } catch (RuntimeException e) {
                throw Check.fail(what + ", on " + trial, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        "a window of T + 1 characters gives T inputs (characters 0 … T − 1) and T targets (characters 1 … T).");
            }
            double want = step(CharRnn.create(text, 6, seed), window, 1, true, 1);
            CharRnn reference = CharRnn.create(text, 6, seed);
            step(reference, window, 1, true, 1);
            if (!(Math.abs(loss - want) <= TOL)) {
                if (Math.abs(loss - step(CharRnn.create(text, 6, seed), window, 0, true, 1)) <= TOL) {
                    throw Check.fail(what + ", on " + trial, "the target at step t is the input itself: the target is not shifted by one.",
                            "teacher forcing: input window[t], target window[t + 1], for t = 0 … T − 1.");
                }
                if (Math.abs(loss - step(CharRnn.create(text, 6, seed), window, -1, true, 1)) <= TOL) {
                    throw Check.fail(what + ", on " + trial, "inputs and targets are swapped: the model reads the next character and predicts the previous one.",
                            "input window[t], target window[t + 1].");
                }
                if (Math.abs(loss - T * want) <= TOL * T) {
                    throw Check.fail(what + ", on " + trial, "the loss is the sum over the " + T + " steps, not the mean per character.",
                            "divide the summed cross-entropy by T.");
                }
                throw Check.fail(what + ", on " + trial, "the returned loss is not the mean cross-entropy of the window before the update."
                        + Check.howFar(want, loss), "the loss of each step is Loss.CROSS_ENTROPY.value(cache.y(t), target_t), t = 1 … T; return their mean.");
            }
            if (mine.iteration() != 1) {
                throw Check.fail(what + ", on " + trial, mine.iteration() == 0 ? "the weights were not updated."
                        : "the model was updated " + mine.iteration() + " times.", "call gen.update(gradients, T) once, after Bptt.manyToMany.");
            }
            if (!sameWeights(mine, reference)) {
                CharRnn unscaled = CharRnn.create(text, 6, seed);
                step(unscaled, window, 1, true, T);
                throw Check.fail(what + ", on " + trial, sameWeights(mine, unscaled)
                                ? "the update used the gradients of the sum over T steps as if T were 1."
                                : "the weights after the update are not the model's.",
                        "gen.update(Bptt.manyToMany(gen.rnn, cache, targets, Loss.CROSS_ENTROPY), T): the same cache and targets as the loss.");
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
