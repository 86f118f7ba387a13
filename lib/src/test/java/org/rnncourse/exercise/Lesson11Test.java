package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.lessons.CharRnn;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.RnnCell;

/** Lesson 11's checks: the notebook's solutions pass, and each known mistake gets its own message. */
class Lesson11Test {

    // ---- exercise 1 ----

    /** The notebook's solution, with switches for the mistakes. */
    static double[] temperature(double[] z, double tau, boolean subtractMax, boolean normalise, boolean afterSoftmax) {
        double[] s = new double[z.length];
        double max = Double.NEGATIVE_INFINITY;
        double scale = afterSoftmax ? 1 : tau;
        for (double v : z) max = Math.max(max, v / scale);
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            s[j] = Math.exp(z[j] / scale - (subtractMax ? max : 0));
            sum += s[j];
        }
        for (int j = 0; j < z.length; j++) {
            if (normalise) s[j] /= sum;
            if (afterSoftmax) s[j] /= tau;
        }
        return s;
    }

    static String failure(Runnable check) {
        return assertThrows(AssertionError.class, check::run).getMessage();
    }

    @Test
    void temperatureSolutionPassesAndMistakesAreNamed() {
        assertEquals("✔ softmaxWithTemperature is right.\n",
                Output.of(() -> Lesson11.checkTemperature((z, t) -> temperature(z, t, true, true, false))));
        assertTrue(failure(() -> Lesson11.checkTemperature((z, t) -> temperature(z, t, true, true, true)))
                .contains("applied after the softmax"));
        assertTrue(failure(() -> Lesson11.checkTemperature((z, t) -> temperature(z, t, true, false, false)))
                .contains("not renormalised"));
        assertTrue(failure(() -> Lesson11.checkTemperature((z, t) -> temperature(z, t, false, true, false)))
                .contains("exp overflowed"));
        assertTrue(failure(() -> Lesson11.checkTemperature((z, t) -> temperature(z, 1, true, true, false)))
                .contains("τ is not used"));
        assertTrue(failure(() -> Lesson11.checkTemperature((z, t) -> temperature(z, 1 / t, true, true, false)))
                .contains("multiplied by τ"));
        assertTrue(failure(() -> Lesson11.checkTemperature((z, t) -> new double[z.length + 1])).contains("probabilities for"));
        assertTrue(failure(() -> Lesson11.checkTemperature((z, t) -> { throw new UnsupportedOperationException("todo"); }))
                .contains("not written yet"));
    }

    // ---- exercise 2 ----

    static String generate(RnnCell cell, OutputLayer out, String vocabulary, String prime, int length, double tau,
                           DoubleSupplier uniform, boolean carry, boolean feedBack) {
        int V = vocabulary.length();
        DMatrixRMaj a = new DMatrixRMaj(1, cell.nA);
        for (int i = 0; i < prime.length() - 1; i++) a = cell.step(Matrices.oneHotRow(vocabulary.indexOf(prime.charAt(i)), V), a);
        int first = vocabulary.indexOf(prime.charAt(prime.length() - 1)), current = first;
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < length; n++) {
            a = cell.step(Matrices.oneHotRow(feedBack ? current : first, V), carry ? a : new DMatrixRMaj(1, cell.nA));
            double[] p = temperature(out.preActivation(a).data, tau, true, true, false);
            double u = uniform.getAsDouble(), cumulative = 0;
            current = V - 1;
            for (int j = 0; j < V; j++) {
                cumulative += p[j];
                if (u < cumulative) {
                    current = j;
                    break;
                }
            }
            sb.append(vocabulary.charAt(current));
        }
        return sb.toString();
    }

    @Test
    void generateSolutionPassesAndMistakesAreNamed() {
        assertEquals("✔ generate is right.\n", Output.of(() -> Lesson11.checkGenerate(
                (c, o, v, p, n, t, u) -> generate(c, o, v, p, n, t, u, true, true))));
        assertTrue(failure(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p, n, t, u, false, true)))
                .contains("state is not carried"));
        assertTrue(failure(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p, n, t, u, true, false)))
                .contains("not fed back"));
        assertTrue(failure(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p.substring(p.length() - 1), n, t, u, true, true)))
                .contains("prime is not read"));
        assertTrue(failure(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p, n - 1, t, u, true, true)))
                .contains("characters for length"));
        assertTrue(failure(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> {
            u.getAsDouble();
            return generate(c, o, v, p, n, t, u, true, true);
        })).contains("uniform numbers"));
    }

    // ---- exercise 3 ----

    /** The notebook's solution, with the mistakes as switches: target shift, mean, T given to update. */
    static double trainingStep(CharRnn gen, int[] window, int shift, boolean mean, boolean passT) {
        int T = window.length - 1;
        List<DMatrixRMaj> inputs = new ArrayList<>(), targets = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            inputs.add(gen.oneHot(window[t]));
            targets.add(gen.oneHot(window[t + shift]));
        }
        RnnCache cache = gen.rnn.forward(inputs);
        double loss = Loss.CROSS_ENTROPY.manyToMany(gen.rnn, inputs, targets);
        gen.update(Bptt.manyToMany(gen.rnn, cache, targets, Loss.CROSS_ENTROPY), passT ? T : 1);
        return mean ? loss / T : loss;
    }

    @Test
    void trainingStepSolutionPassesAndMistakesAreNamed() {
        assertEquals("✔ trainingStep is right.\n",
                Output.of(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 1, true, true))));
        assertTrue(failure(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 0, true, true)))
                .contains("not shifted by one"));
        assertTrue(failure(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 1, false, true)))
                .contains("sum over the"));
        assertTrue(failure(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 1, true, false)))
                .contains("as if T were 1"));
        assertTrue(failure(() -> Lesson11.checkTrainingStep((g, w) -> {
            int T = w.length - 1;
            List<DMatrixRMaj> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                xs.add(g.oneHot(w[t]));
                ys.add(g.oneHot(w[t + 1]));
            }
            return Loss.CROSS_ENTROPY.manyToMany(g.rnn, xs, ys) / T; // no update
        })).contains("not updated"));
        assertTrue(failure(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 2, true, true)))
                .contains("threw"));
    }
}
