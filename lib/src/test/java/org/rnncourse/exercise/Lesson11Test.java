package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.lessons.CharRnn;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.RnnCell;

/** Lesson 11's checks: the notebook's solutions pass, and each known mistake gets its own message. */
class Lesson11Test {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

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
        assertEquals("✔ softmaxWithTemperature đúng.\n",
                BothEditions.outputIn("vi", () -> Lesson11.checkTemperature((z, t) -> temperature(z, t, true, true, false))));
        String vi = BothEditions.failureIn("vi", () -> Lesson11.checkTemperature((z, t) -> temperature(z, t, true, false, false)));
        assertTrue(vi.startsWith("softmaxWithTemperature, với điểm số ngẫu nhiên ở τ = 0.5: tổng các xác suất là "), vi);
        BothEditions.assertNamed(() -> Lesson11.checkTemperature((z, t) -> temperature(z, t, true, true, true)),
                "applied after the softmax", "áp dụng sau softmax");
        BothEditions.assertNamed(() -> Lesson11.checkTemperature((z, t) -> temperature(z, t, true, false, false)),
                "not renormalised", "chưa được chuẩn hóa lại");
        BothEditions.assertNamed(() -> Lesson11.checkTemperature((z, t) -> temperature(z, t, false, true, false)),
                "exp overflowed", "exp bị tràn số");
        BothEditions.assertNamed(() -> Lesson11.checkTemperature((z, t) -> temperature(z, 1, true, true, false)),
                "τ is not used", "τ không được dùng");
        BothEditions.assertNamed(() -> Lesson11.checkTemperature((z, t) -> temperature(z, 1 / t, true, true, false)),
                "multiplied by τ", "bị nhân với τ");
        BothEditions.assertNamed(() -> Lesson11.checkTemperature((z, t) -> new double[z.length + 1]), "probabilities for", "xác suất cho");
        BothEditions.assertNamed(() -> Lesson11.checkTemperature((z, t) -> { throw new UnsupportedOperationException("todo"); }),
                "not written yet", "hàm chưa được viết (todo)");
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
        assertEquals("✔ generate đúng.\n", BothEditions.outputIn("vi", () -> Lesson11.checkGenerate(
                (c, o, v, p, n, t, u) -> generate(c, o, v, p, n, t, u, true, true))));
        String vi = BothEditions.failureIn("vi", () -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p, n, t, u, false, true)));
        assertTrue(vi.startsWith("generate, với một mô hình ngẫu nhiên, chuỗi mồi (prime) \""), vi);
        assertTrue(vi.contains("\nGợi ý: hãy giữ a: a mà một bước trả về sẽ đi vào bước sau."), vi);
        BothEditions.assertNamed(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p, n, t, u, false, true)),
                "state is not carried", "trạng thái ẩn không được truyền tiếp");
        BothEditions.assertNamed(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p, n, t, u, true, false)),
                "not fed back", "không được đưa trở lại");
        BothEditions.assertNamed(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p.substring(p.length() - 1), n, t, u, true, true)),
                "prime is not read", "chuỗi mồi không được đọc");
        BothEditions.assertNamed(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> generate(c, o, v, p, n - 1, t, u, true, true)),
                "characters for length", "ký tự trong khi length =");
        BothEditions.assertNamed(() -> Lesson11.checkGenerate((c, o, v, p, n, t, u) -> {
            u.getAsDouble();
            return generate(c, o, v, p, n, t, u, true, true);
        }),"uniform numbers", "số ngẫu nhiên đều cho");
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
        assertEquals("✔ trainingStep đúng.\n",
                BothEditions.outputIn("vi", () -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 1, true, true))));
        String en = failure(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 1, false, true)));
        assertTrue(en.matches("(?s)trainingStep, on a window of (\\d+) characters \\(T = \\d+\\): the loss is the sum over the \\d+ steps, .*"), en);
        String vi = BothEditions.failureIn("vi", () -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 1, false, true)));
        assertTrue(vi.matches("(?s)trainingStep, với một cửa sổ (\\d+) ký tự \\(T = \\d+\\): giá trị mất mát là tổng qua \\d+ bước, .*"), vi);
        BothEditions.assertNamed(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 0, true, true)),
                "not shifted by one", "chưa được dịch đi một ký tự");
        BothEditions.assertNamed(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 1, false, true)),
                "sum over the", "là tổng qua");
        BothEditions.assertNamed(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 1, true, false)),
                "as if T were 1", "như thể T bằng 1");
        BothEditions.assertNamed(() -> Lesson11.checkTrainingStep((g, w) -> {
            int T = w.length - 1;
            List<DMatrixRMaj> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                xs.add(g.oneHot(w[t]));
                ys.add(g.oneHot(w[t + 1]));
            }
            return Loss.CROSS_ENTROPY.manyToMany(g.rnn, xs, ys) / T; // no update
        }),"not updated", "chưa được cập nhật");
        BothEditions.assertNamed(() -> Lesson11.checkTrainingStep((g, w) -> trainingStep(g, w, 2, true, true)),
                "threw", "hàm đã ném ngoại lệ");
    }
}
