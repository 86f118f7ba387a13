package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.nn.optimizers.GradientClipping;
import org.rnncourse.lessons.ClippingDemo;

class Lesson09Test {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

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
        assertEquals("✔ clipByValue đúng.\n", BothEditions.outputIn("vi", () -> Lesson09.checkClipByValue(Lesson09Test::clipByValue)));
        assertEquals("✔ clipByGlobalNorm đúng.\n",
                BothEditions.outputIn("vi", () -> Lesson09.checkClipByGlobalNorm(Lesson09Test::clipByGlobalNorm)));
    }

    @Test
    void clipByValueMistakesAreNamed() {
        BothEditions.assertNamed(() -> Lesson09.checkClipByValue((g, c) -> {
            double[] o = g.clone();
            for (int i = 0; i < o.length; i++) o[i] = Math.min(c, o[i]);
            return o;
        }), "below −c were not cut", "các số nhỏ hơn −c chưa được cắt");
        BothEditions.assertNamed(() -> Lesson09.checkClipByValue(Lesson09Test::clipByNorm), "clipping by norm", "cắt theo chuẩn");
        BothEditions.assertNamed(() -> Lesson09.checkClipByValue((g, c) -> {
            for (int i = 0; i < g.length; i++) g[i] = Math.max(-c, Math.min(c, g[i]));
            return g;
        }), "in place", "sửa trực tiếp (in place) đối số g");
    }

    @Test
    void clipByNormMistakesAreNamed() {
        BothEditions.assertNamed(() -> Lesson09.checkClipByNorm((g, c) -> scaled(g, c / norm(g))), "scaled UP", "phóng LÊN tới chuẩn c");
        BothEditions.assertNamed(() -> Lesson09.checkClipByNorm((g, c) -> norm(g) > c ? scaled(g, norm(g) / c) : g.clone()),
                "upside down", "lộn ngược (‖g‖ / c)");
        BothEditions.assertNamed(() -> Lesson09.checkClipByNorm((g, c) -> norm(g) > c ? scaled(g, 1 / norm(g)) : g.clone()),
                "threshold c is missing", "thiếu ngưỡng c");
        BothEditions.assertNamed(() -> Lesson09.checkClipByNorm((g, c) -> {
            double l1 = 0;
            for (double v : g) l1 += Math.abs(v);
            return l1 > c ? scaled(g, c / l1) : g.clone();
        }), "not the L2 norm", "không phải chuẩn L2");
        BothEditions.assertNamed(() -> Lesson09.checkClipByNorm(Lesson09Test::clipByValue), "that is clipvalue", "đó là clipvalue");
        String missing = BothEditions.assertNamed(() -> Lesson09.checkClipByNorm(null), "missing", "chưa có đáp án");
        assertTrue(missing.contains("pass your function: Lesson09.checkClipByNorm("), missing);
        assertTrue(BothEditions.failureIn("vi", () -> Lesson09.checkClipByNorm(null))
                .contains("hãy truyền hàm của bạn vào: Lesson09.checkClipByNorm("));
    }

    @Test
    void callingTheLibraryIsRecognised() {
        BothEditions.assertNamed(() -> Lesson09.checkClipByNorm((g, c) -> {
            double[] o = g.clone();
            GradientClipping.clipByNorm(o, c);
            return o;
        }), "GradientClipping.clipByNorm is off while its check runs",
                "GradientClipping.clipByNorm bị tắt trong lúc ô kiểm tra chạy"); // the guard of graded work (OwnWork)
    }

    @Test
    void clipByGlobalNormMistakesAreNamed() {
        BothEditions.assertNamed(() -> Lesson09.checkClipByGlobalNorm((gs, c) -> {
            List<double[]> out = new ArrayList<>();
            for (double[] g : gs) out.add(clipByNorm(g, c));
            return out;
        }), "per weight", "đó là clipnorm, theo từng trọng số");
        BothEditions.assertNamed(() -> Lesson09.checkClipByGlobalNorm((gs, c) -> {
            double s = 0;
            for (double[] g : gs) s += norm(g);
            List<double[]> out = new ArrayList<>();
            for (double[] g : gs) out.add(s > c ? scaled(g, c / s) : g.clone());
            return out;
        }), "sum of the norms", "tổng các chuẩn");
        String up = BothEditions.assertNamed(() -> Lesson09.checkClipByGlobalNorm((gs, c) -> {
            double s = 0;
            for (double[] g : gs) for (double v : g) s += v * v;
            List<double[]> out = new ArrayList<>();
            for (double[] g : gs) out.add(scaled(g, c / Math.sqrt(s)));
            return out;
        }), "scaled UP", "phóng LÊN tới chuẩn chung c");
        assertTrue(up.startsWith("clipByGlobalNorm: on small gradients (joint norm below c), "), up);
    }

    @Test
    void aChangedArgumentAndAWrongNumberAreNamedInBothEditions() {
        BothEditions.assertNamed(() -> Lesson09.checkClipByGlobalNorm((gs, c) -> {
            gs.get(0)[0] = 0;
            return clipByGlobalNorm(gs, c);
        }), "changed gradient 0 of its argument in place", "sửa trực tiếp (in place) gradient số 0");
        String en = BothEditions.assertNamed(() -> Lesson09.checkClipByValue((g, c) -> new double[g.length]),
                "which is not right", "chưa đúng");
        assertTrue(en.startsWith("clipByValue, on (3.000, -4.000, 12.00) with c = 0.5: number 0 holds 0.00000, "), en);
        String vi = BothEditions.failureIn("vi", () -> Lesson09.checkClipByValue((g, c) -> new double[g.length]));
        assertTrue(vi.startsWith("clipByValue, với g = (3.000, -4.000, 12.00) và c = 0.5: số thứ 0 có giá trị 0.00000, "), vi);
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
        for (String language : new String[] {"en", "vi"}) {
            String m = BothEditions.failureIn(language, () -> Lesson09.checkClipByNorm((g, c) -> new double[g.length]));
            assertFalse(m.contains("0.2308") || m.contains("0.3077") || m.contains("0.9231"), m);
        }
    }

    private static double[] scaled(double[] g, double f) {
        double[] o = g.clone();
        for (int i = 0; i < o.length; i++) o[i] *= f;
        return o;
    }
}
