package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.data.ImdbData;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.Sequential;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for lesson 08 (IMDB sentiment): the accuracy at Keras's threshold, the trained model's
 * arithmetic written by hand (checked on small random models drawn at check time), and the OOV count.
 */
public final class Lesson08 {
    private Lesson08() {}

    /** Exercise 1: accuracy at the 0.5 threshold (p > 0.5 is positive, as Keras's accuracy). */
    public static void checkAccuracy(double answer, double[] probabilities, int[] labels) {
        if (probabilities == null || labels == null || probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException(Messages.get("lesson08.accuracy.badArguments"));
        }
        int right = 0;
        int rightAtLeast = 0;
        for (int i = 0; i < labels.length; i++) {
            right += ((probabilities[i] > 0.5 ? 1 : 0) == labels[i]) ? 1 : 0;
            rightAtLeast += ((probabilities[i] >= 0.5 ? 1 : 0) == labels[i]) ? 1 : 0;
        }
        double expected = (double) right / labels.length;
        if (answer > 1.0 && answer <= labels.length) {
            throw Check.fail(Messages.get("lesson08.accuracy"), Messages.get("lesson08.accuracy.count"),
                    Messages.get("lesson08.accuracy.count.hint"));
        }
        if (Math.abs(answer - expected) > 1e-12 && Math.abs(answer - (double) rightAtLeast / labels.length) < 1e-12) {
            throw Check.fail(Messages.get("lesson08.accuracy"), Messages.get("lesson08.accuracy.atLeast"),
                    Messages.get("lesson08.accuracy.atLeast.hint"));
        }
        Check.close(Messages.get("lesson08.accuracy"), expected, answer, 1e-12, Messages.get("lesson08.accuracy.hint"));
    }

    /**
     * The weights of lesson 08's model, Keras's names and shapes: the embedding table (V, d), the
     * SimpleRNN's kernel W_x (d, n), recurrent_kernel W_h (n, n) and bias (n), and the Dense layer's
     * kernel (n) and bias. Row form, as Keras: h_t = tanh(x_t·W_x + h_{t−1}·W_h + b).
     */
    public record SentimentWeights(double[][] embeddings, double[][] kernel, double[][] recurrentKernel, double[] bias,
                                   double[] denseKernel, double denseBias) {}

    /** The weights of a trained Embedding → SimpleRNN → (Dropout) → Dense(1, sigmoid) model, as arrays. */
    public static SentimentWeights weightsOf(Sequential model) {
        if (model == null) throw new IllegalArgumentException(Messages.get("lesson08.weightsOf.null"));
        List<Parameter> p = new ArrayList<>();
        for (Layer l : model.layers()) p.addAll(l.parameters());
        if (p.size() != 6 || !p.get(0).name().equals("embeddings") || !p.get(2).name().equals("recurrent_kernel")
                || p.get(5).size() != 1) {
            throw new IllegalArgumentException(Messages.get("lesson08.weightsOf.notLesson08", String.valueOf(model.layers())));
        }
        return new SentimentWeights(rows(p.get(0)), rows(p.get(1)), rows(p.get(2)), p.get(3).value().clone(),
                p.get(4).value().clone(), p.get(5).value()[0]);
    }

    private static double[][] rows(Parameter p) {
        int cols = p.shape()[1];
        double[][] out = new double[p.shape()[0]][];
        for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOfRange(p.value(), i * cols, (i + 1) * cols);
        return out;
    }

    @FunctionalInterface
    public interface ByHand {
        double apply(int[] review, SentimentWeights w);
    }

    /** The ways the model's arithmetic goes wrong, each a variant of the reference. */
    private enum Mistake { NONE, TRANSPOSED, NO_TANH, STATE_RESET, SKIP_PADDING, NO_SIGMOID, BACKWARDS }

    /**
     * Exercise 2: P(positive) of one padded review computed by hand from the weights, tried on small
     * random models and reviews drawn at check time (with padding in front, as padSequences makes them).
     */
    public static void checkByHand(ByHand f) {
        String what = "pPositive";
        if (f == null) {
            throw Check.missing(what, Messages.get("lesson08.passYourFunction", "Lesson08.checkByHand((review, w) -> pPositive(review, w))"));
        }
        Random r = new Random();
        for (int trial = 0; trial < 4; trial++) {
            int V = 12, d = 3, n = 4, T = 6 + r.nextInt(4);
            SentimentWeights w = new SentimentWeights(gaussian(V, d, r), gaussian(d, n, r), gaussian(n, n, r),
                    gaussian(1, n, r)[0], gaussian(1, n, r)[0], r.nextGaussian());
            int[] review = new int[T];
            for (int t = 1 + r.nextInt(3); t < T; t++) review[t] = 1 + r.nextInt(V - 1);
            String on = Messages.get("lesson08.on", what, Messages.get("lesson08.trial", T));
            double got;
            try {
                got = OwnWork.check(what, () -> f.apply(review.clone(), w), OwnWork.Topic.RNN_SEQUENCE);
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, Messages.get("lesson08.notWritten", e.getMessage()), Messages.get("lesson08.notWritten.hint"));
            } catch (RuntimeException e) {
                throw Check.fail(on, Messages.get("lesson08.threw", e.getClass().getSimpleName(), e.getMessage()),
                        Messages.get("lesson08.threw.hint"));
            }
            double want = forward(review, w, Mistake.NONE);
            if (Math.abs(got - want) <= 1e-9) continue;
            // Each known mistake with the message key that names it (the hint is key + ".hint").
            String[][] known = {
                {"NO_SIGMOID", "lesson08.noSigmoid"},
                {"TRANSPOSED", "lesson08.transposed"},
                {"NO_TANH", "lesson08.noTanh"},
                {"STATE_RESET", "lesson08.stateReset"},
                {"SKIP_PADDING", "lesson08.skipPadding"},
                {"BACKWARDS", "lesson08.backwards"}};
            for (String[] k : known) {
                if (Math.abs(got - forward(review, w, Mistake.valueOf(k[0]))) <= 1e-9) {
                    throw Check.fail(on, Messages.get(k[1]), Messages.get(k[1] + ".hint"));
                }
            }
            if (!(got > 0 && got < 1)) {
                throw Check.fail(on, Messages.get("lesson08.notAProbability", Check.fmt(got)), Messages.get("lesson08.notAProbability.hint"));
            }
            throw Check.fail(on, Messages.get("lesson08.notTheModels") + Check.howFar(want, got), Messages.get("lesson08.notTheModels.hint"));
        }
        Check.pass(what);
    }

    private static double forward(int[] review, SentimentWeights w, Mistake m) {
        OwnWork.entry(OwnWork.Topic.RNN_SEQUENCE, "Lesson08's own reference"); // reflection must not reach it either
        int n = w.bias().length, T = review.length;
        double[] h = new double[n];
        for (int s = 0; s < T; s++) {
            int t = m == Mistake.BACKWARDS ? T - 1 - s : s;
            if (m == Mistake.SKIP_PADDING && review[t] == 0) continue;
            double[] x = w.embeddings()[review[t]], next = new double[n];
            for (int j = 0; j < n; j++) {
                double z = w.bias()[j];
                for (int i = 0; i < x.length; i++) z += x[i] * w.kernel()[i][j];
                for (int k = 0; k < n; k++) {
                    if (m != Mistake.STATE_RESET) z += h[k] * (m == Mistake.TRANSPOSED ? w.recurrentKernel()[j][k] : w.recurrentKernel()[k][j]);
                }
                next[j] = m == Mistake.NO_TANH ? z : Math.tanh(z);
            }
            h = next;
        }
        double z = w.denseBias();
        for (int j = 0; j < n; j++) z += h[j] * w.denseKernel()[j];
        return m == Mistake.NO_SIGMOID ? z : 1 / (1 + Math.exp(-z));
    }

    private static double[][] gaussian(int rows, int cols, Random r) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) for (int j = 0; j < cols; j++) row[j] = 0.8 * r.nextGaussian();
        return a;
    }

    /** Exercise 3: the words of a sentence that are out of the vocabulary (index 2). */
    public static void checkOovCount(int answer, ImdbData data, String sentence) {
        if (data == null || sentence == null) {
            throw new IllegalArgumentException(Messages.get("lesson08.oov.badArguments"));
        }
        long expected = Arrays.stream(data.encode(sentence)).filter(id -> id == 2).count();
        Check.equal(Messages.get("lesson08.oov"), expected, answer, Messages.get("lesson08.oov.hint"));
    }
}
