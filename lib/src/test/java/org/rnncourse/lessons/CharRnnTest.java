package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.GradCheck;
import org.rnncourse.scratch.RnnGradients;

class CharRnnTest {
    @org.junit.jupiter.api.AfterEach
    void backToEnglish() {
        org.rnncourse.Course.setLanguage("en");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void reviewTextIsTheReviewsWordsOneReviewPerLine() throws java.io.IOException {
        org.rnncourse.data.ImdbData data = org.rnncourse.data.TinyImdb.load(dir);
        String text = CharRnn.reviewText(data, 1000);
        String[] lines = text.split("\n");
        assertEquals(4, lines.length, text); // the four training reviews, all of them (fewer than 1000 characters)
        assertTrue(java.util.Arrays.asList(lines).contains("great acting the best don't miss it"), text);
        assertTrue(text.chars().allMatch(c -> c == ' ' || c == '\n' || c == '\'' || (c >= 'a' && c <= 'z')), text);
        // Stops after the review that reaches the length asked for.
        assertEquals(1, CharRnn.reviewText(data, 20).split("\n").length);
    }

    @Test
    void updatesGoThroughTheLibrarysAdamWithGlobalClipping() {
        CharRnn a = CharRnn.create(TEXT, 6, 3).learningRate(0.01).globalClipnorm(1.0);
        int[] starts = {0, 7};
        RnnGradients g = a.gradients(starts, 5);
        // Adam's first step moves a weight by lr · m̂/(√v̂ + ε), at most lr: the step of the library's Adam.
        List<DMatrixRMaj> before = new java.util.ArrayList<>();
        for (DMatrixRMaj m : a.matrices()) before.add(m.copy());
        a.update(g, 1);
        assertEquals(1, a.iteration());
        for (int k = 0; k < before.size(); k++) {
            double change = org.ejml.dense.row.CommonOps_DDRM.elementMaxAbs(diff(a.matrices().get(k), before.get(k)));
            assertTrue(change > 0 && change <= 0.01 + 1e-9, "Adam moves no weight by more than lr: " + change);
        }
        assertTrue(a.toString().contains("Adam lr 0.01, global_clipnorm 1.0"), a.toString());
        assertThrows(IllegalArgumentException.class, () -> a.globalClipnorm(Double.POSITIVE_INFINITY));
    }

    static DMatrixRMaj diff(DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj d = new DMatrixRMaj(x.numRows, x.numCols);
        org.ejml.dense.row.CommonOps_DDRM.subtract(x, y, d);
        return d;
    }
    static final String TEXT = "the cat sat on the mat. the dog sat on the log. a cat and a dog sat together.";

    @Test
    void vocabularyIsTheSortedDistinctCharacters() {
        CharRnn g = CharRnn.create("abca cab abca cab abca cab", 8, 1);
        assertEquals(" abc", g.vocabulary());
        assertEquals("cab", g.decode(g.encode("cab")));
        var e = assertThrows(IllegalArgumentException.class, () -> g.encode("abz"));
        assertTrue(e.getMessage().contains("'z' at position 2"), e.getMessage());
    }

    @Test
    void teacherForcingTargetIsTheInputShiftedByOne() {
        CharRnn g = CharRnn.create(TEXT, 8, 1);
        assertEquals("input:  \"the cat\"\ntarget: \"he cat \"", g.teacherForcing(0, 7));
        assertEquals("đầu vào: \"the cat\"\nđích:    \"he cat \"",
                org.rnncourse.OutputInLanguage.vietnamese(() -> g.teacherForcing(0, 7)));
        String en = g.toString();
        assertTrue(en.startsWith("CharRnn(V = " + g.vocabularySize() + " characters, n_a = 8, T = "), en);
        assertEquals(en.replace(" characters, n_a", " ký tự, n_a").replace(", batch ", ", lô ").replace(" parameters; ", " tham số; ")
                        .replace(" training / ", " ký tự huấn luyện / ").replace(" validation characters)", " ký tự kiểm định)"),
                org.rnncourse.OutputInLanguage.vietnamese(g::toString));
    }

    @Test
    void gradientsMatchNumericalGradients() {
        CharRnn g = CharRnn.create(TEXT, 6, 3);
        // Bigger weights than the 0.01 of training so every gradient is far from 0.
        Random r = new Random(5);
        for (DMatrixRMaj p : g.matrices()) {
            for (int k = 0; k < p.data.length; k++) p.data[k] = r.nextGaussian() * 0.5;
        }
        int[] starts = {0, 9, 30};
        int T = 5;
        RnnGradients grads = g.gradients(starts, T);
        List<DMatrixRMaj> analytic = List.of(grads.dWax(), grads.dWaa(), grads.dba(), grads.dWay(), grads.dby());
        List<DMatrixRMaj> params = g.matrices();
        for (int k = 0; k < params.size(); k++) {
            DMatrixRMaj numerical = GradCheck.numericalGradient(() -> g.loss(starts, T), params.get(k));
            double err = GradCheck.relativeError(analytic.get(k), numerical);
            assertTrue(err < 1e-7, "parameter " + k + ": relative error " + err);
        }
    }

    @Test
    void trainingLowersTheLossAndChangesTheSamples() {
        CharRnn g = CharRnn.create(TEXT + " " + TEXT, 24, 7).sequenceLength(12).batchSize(8).learningRate(0.02);
        double before = g.validationLoss();
        String sampleBefore = g.sample("the ", 30, 0.7, new Random(1));
        assertEquals(Math.log(g.vocabularySize()), before, 0.05, "small weights: close to a uniform guess");
        for (int i = 0; i < 300; i++) g.trainStep();
        assertTrue(g.validationLoss() < before - 0.5, "validation loss " + before + " → " + g.validationLoss());
        assertNotEquals(sampleBefore, g.sample("the ", 30, 0.7, new Random(1)));
        assertEquals(300, g.iteration());
        String report = g.report(20, 0.5, 1.0);
        assertTrue(report.startsWith("iteration  300 | loss "), report);
        assertTrue(report.contains("\n    τ = 0.5: the ") && report.contains("\n    τ = 1.0: the "), report);
        String vi = org.rnncourse.OutputInLanguage.vietnamese(() -> g.report(20, 0.5, 1.0));
        assertTrue(vi.startsWith("vòng lặp  300 | loss ") && vi.contains(" | độ bối rối val "), vi);
        assertEquals(report.substring(report.indexOf("\n")), vi.substring(vi.indexOf("\n")), "the same samples in both languages");
    }

    @Test
    void samplingIsReproducibleWithASeedAndTemperatureMatters() {
        CharRnn g = CharRnn.create(TEXT, 8, 1);
        Random r = new Random(0);
        for (DMatrixRMaj p : g.matrices()) for (int k = 0; k < p.data.length; k++) p.data[k] = r.nextGaussian();
        assertEquals(g.sample("the", 40, 1.0, new Random(2)), g.sample("the", 40, 1.0, new Random(2)));
        // At a very low temperature the most likely character always wins: no randomness left.
        assertEquals(g.sample("the", 40, 1e-3, new Random(2)), g.sample("the", 40, 1e-3, new Random(3)));
        assertEquals(40, g.sample("t", 40, 1.0, new Random(2)).length());
    }

    @Test
    void badInputIsNamed() {
        CharRnn g = CharRnn.create(TEXT, 8, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.sample("the", 10, 0, new Random(1)))
                .getMessage().contains("temperature"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.sample("", 10, 1, new Random(1)))
                .getMessage().contains("prime"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.sequenceLength(500))
                .getMessage().contains("sequenceLength = 500"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> g.loss(new int[] {60}, 20))
                .getMessage().contains("start 60"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CharRnn.create("short", 8, 1))
                .getMessage().contains("at least 20"));
    }
}
