package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.optimizers.GradientClipping;
import org.rnncourse.lessons.ClippingDemo;

class Lesson09Test {
    // The notebook's solutions, as a learner writes them.
    static double[] clipByValue(double[] g, double c) {
        double[] out = g.clone();
        for (int i = 0; i < out.length; i++) out[i] = Math.max(-c, Math.min(c, out[i]));
        return out;
    }

    static double norm(double[] g) {
        double s = 0;
        for (double v : g) s += v * v;
        return Math.sqrt(s);
    }

    static double[] clipByNorm(double[] g, double c) {
        double n = norm(g);
        double[] out = g.clone();
        if (n > c) for (int i = 0; i < out.length; i++) out[i] *= c / n;
        return out;
    }

    static List<double[]> clipByGlobalNorm(List<double[]> gs, double c) {
        double s = 0;
        for (double[] g : gs) for (double v : g) s += v * v;
        double n = Math.sqrt(s);
        List<double[]> out = new ArrayList<>();
        for (double[] g : gs) {
            double[] o = g.clone();
            if (n > c) for (int i = 0; i < o.length; i++) o[i] *= c / n;
            out.add(o);
        }
        return out;
    }

    @Test
    void theSolutionsPass() {
        assertEquals("✔ clipByValue is right.\n", Output.of(() -> Lesson09.checkClipByValue(Lesson09Test::clipByValue)));
        assertEquals("✔ clipByNorm is right.\n", Output.of(() -> Lesson09.checkClipByNorm(Lesson09Test::clipByNorm)));
        assertEquals("✔ clipByGlobalNorm is right.\n", Output.of(() -> Lesson09.checkClipByGlobalNorm(Lesson09Test::clipByGlobalNorm)));
    }

    @Test
    void clipByValueMistakesAreNamed() {
        assertTrue(fails(() -> Lesson09.checkClipByValue((g, c) -> {
            double[] o = g.clone();
            for (int i = 0; i < o.length; i++) o[i] = Math.min(c, o[i]);
            return o;
        })).contains("below −c were not cut"));
        assertTrue(fails(() -> Lesson09.checkClipByValue(Lesson09Test::clipByNorm)).contains("clipping by norm"));
        assertTrue(fails(() -> Lesson09.checkClipByValue((g, c) -> {
            for (int i = 0; i < g.length; i++) g[i] = Math.max(-c, Math.min(c, g[i]));
            return g;
        })).contains("in place"));
    }

    @Test
    void clipByNormMistakesAreNamed() {
        assertTrue(fails(() -> Lesson09.checkClipByNorm((g, c) -> scaled(g, c / norm(g)))).contains("scaled UP"));
        assertTrue(fails(() -> Lesson09.checkClipByNorm((g, c) -> norm(g) > c ? scaled(g, norm(g) / c) : g.clone())).contains("upside down"));
        assertTrue(fails(() -> Lesson09.checkClipByNorm((g, c) -> norm(g) > c ? scaled(g, 1 / norm(g)) : g.clone())).contains("threshold c is missing"));
        assertTrue(fails(() -> Lesson09.checkClipByNorm((g, c) -> {
            double l1 = 0;
            for (double v : g) l1 += Math.abs(v);
            return l1 > c ? scaled(g, c / l1) : g.clone();
        })).contains("not the L2 norm"));
        assertTrue(fails(() -> Lesson09.checkClipByNorm(Lesson09Test::clipByValue)).contains("that is clipvalue"));
        assertTrue(fails(() -> Lesson09.checkClipByNorm(null)).contains("missing"));
    }

    @Test
    void callingTheLibraryIsRecognised() {
        String m = fails(() -> Lesson09.checkClipByNorm((g, c) -> {
            double[] o = g.clone();
            GradientClipping.clipByNorm(o, c);
            return o;
        }));
        // The guard of graded work (OwnWork) refuses the library's clipping while the check runs.
        assertTrue(m.contains("GradientClipping.clipByNorm is off while its check runs"), m);
    }

    @Test
    void clipByGlobalNormMistakesAreNamed() {
        String perWeight = fails(() -> Lesson09.checkClipByGlobalNorm((gs, c) -> {
            List<double[]> out = new ArrayList<>();
            for (double[] g : gs) out.add(clipByNorm(g, c));
            return out;
        }));
        assertTrue(perWeight.contains("per weight"), perWeight);
        String sum = fails(() -> Lesson09.checkClipByGlobalNorm((gs, c) -> {
            double s = 0;
            for (double[] g : gs) s += norm(g);
            List<double[]> out = new ArrayList<>();
            for (double[] g : gs) out.add(s > c ? scaled(g, c / s) : g.clone());
            return out;
        }));
        assertTrue(sum.contains("sum of the norms"), sum);
        String up = fails(() -> Lesson09.checkClipByGlobalNorm((gs, c) -> {
            double s = 0;
            for (double[] g : gs) for (double v : g) s += v * v;
            List<double[]> out = new ArrayList<>();
            for (double[] g : gs) out.add(scaled(g, c / Math.sqrt(s)));
            return out;
        }));
        assertTrue(up.contains("scaled UP"), up);
    }

    @Test
    void theRealGradientIsLargeAndItsWeightsDifferInSize() {
        List<double[]> gs = ClippingDemo.firstBatchGradients();
        List<String> names = ClippingDemo.weightNames();
        assertEquals(List.of("simple_rnn/kernel", "simple_rnn/recurrent_kernel", "simple_rnn/bias", "dense/kernel", "dense/bias"), names);
        assertEquals(names.size(), gs.size());
        double all = 0;
        for (double[] g : gs) all += norm(g) * norm(g);
        assertTrue(Math.sqrt(all) > 10, "the exploding run's first gradient is far above c = 1: " + Math.sqrt(all));
        // The same on every call (the check and the lesson see one gradient).
        assertArrayEquals(gs.get(1), ClippingDemo.firstBatchGradients().get(1), 0);
    }

    @Test
    void aFailedCheckDoesNotPrintTheClippedExample() {
        String m = fails(() -> Lesson09.checkClipByNorm((g, c) -> new double[g.length]));
        assertFalse(m.contains("0.2308") || m.contains("0.3077") || m.contains("0.9231"), m);
    }

    private static double[] scaled(double[] g, double f) {
        double[] o = g.clone();
        for (int i = 0; i < o.length; i++) o[i] *= f;
        return o;
    }

    private static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }
}
