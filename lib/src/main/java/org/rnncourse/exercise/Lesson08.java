package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
            throw new IllegalArgumentException("probabilities and labels must be non-empty and of the same length");
        }
        int right = 0;
        int rightAtLeast = 0;
        for (int i = 0; i < labels.length; i++) {
            right += ((probabilities[i] > 0.5 ? 1 : 0) == labels[i]) ? 1 : 0;
            rightAtLeast += ((probabilities[i] >= 0.5 ? 1 : 0) == labels[i]) ? 1 : 0;
        }
        double expected = (double) right / labels.length;
        if (answer > 1.0 && answer <= labels.length) {
            throw Check.fail("the accuracy", "got a count of reviews rather than a fraction.",
                    "divide the number of right answers by the number of reviews.");
        }
        if (Math.abs(answer - expected) > 1e-12 && Math.abs(answer - (double) rightAtLeast / labels.length) < 1e-12) {
            throw Check.fail("the accuracy", "this counts p = 0.5 as positive.",
                    "Keras's rule is p > 0.5: a probability of exactly 0.5 counts as negative.");
        }
        Check.close("the accuracy", expected, answer, 1e-12,
                "label = p > 0.5 ? 1 : 0, then the fraction of labels equal to yTest.");
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
        if (model == null) throw new IllegalArgumentException("model is null: pass the lesson's trained model");
        List<Parameter> p = new ArrayList<>();
        for (Layer l : model.layers()) p.addAll(l.parameters());
        if (p.size() != 6 || !p.get(0).name().equals("embeddings") || !p.get(2).name().equals("recurrent_kernel")
                || p.get(5).size() != 1) {
            throw new IllegalArgumentException("weightsOf expects lesson 08's model: Embedding → SimpleRNN → Dropout → Dense(1), got "
                    + model.layers());
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
        if (f == null) throw Check.missing(what, "pass your function: Lesson08.checkByHand((review, w) -> pPositive(review, w)).");
        Random r = new Random();
        for (int trial = 0; trial < 4; trial++) {
            int V = 12, d = 3, n = 4, T = 6 + r.nextInt(4);
            SentimentWeights w = new SentimentWeights(gaussian(V, d, r), gaussian(d, n, r), gaussian(n, n, r),
                    gaussian(1, n, r)[0], gaussian(1, n, r)[0], r.nextGaussian());
            int[] review = new int[T];
            for (int t = 1 + r.nextInt(3); t < T; t++) review[t] = 1 + r.nextInt(V - 1);
            String trialName = "a random model (V = 12, d = 3, n = 4) and a review of " + T + " steps";
            double got;
            try {
                got = OwnWork.check(what, () -> f.apply(review.clone(), w), OwnWork.Topic.RNN_SEQUENCE);
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, "the function is not written yet (" + e.getMessage() + ").", "write its body in the exercise cell.");
            } catch (RuntimeException e) {
                throw Check.fail(what + ", on " + trialName, "the function threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        "x_t = w.embeddings()[review[t]] has d numbers; W_x is (d, n), W_h is (n, n), h has n numbers.");
            }
            double want = forward(review, w, Mistake.NONE);
            if (Math.abs(got - want) <= 1e-9) continue;
            String[][] known = {
                {"NO_SIGMOID", "this is the score z before the sigmoid.", "P(positive) = σ(z) = 1 / (1 + e^(−z))."},
                {"TRANSPOSED", "the recurrent kernel is used transposed.",
                    "row form, as Keras: the sum over k of h_{t−1}[k] · W_h[k][j] gives entry j (rows of W_h belong to h_{t−1})."},
                {"NO_TANH", "the activation is missing.", "h_t[j] = tanh(x_t·W_x + h_{t−1}·W_h + b)[j]."},
                {"STATE_RESET", "the hidden state is not carried: each step starts again from h = 0.",
                    "the h of one step goes into the next; only h_0 is zeros."},
                {"SKIP_PADDING", "the padding steps were skipped.",
                    "the model reads the zeros too (Keras without mask_zero does): the embedding row of id 0 is an input like any other."},
                {"BACKWARDS", "the review was read from its end to its start.", "t = 0, 1, …, T − 1: the first word first."}};
            for (String[] k : known) {
                if (Math.abs(got - forward(review, w, Mistake.valueOf(k[0]))) <= 1e-9) throw Check.fail(what + ", on " + trialName, k[1], k[2]);
            }
            if (!(got > 0 && got < 1)) {
                throw Check.fail(what + ", on " + trialName, "got " + Check.fmt(got) + ", which is not a probability.", "end with the sigmoid of the Dense layer.");
            }
            throw Check.fail(what + ", on " + trialName, "the probability is not the model's." + Check.howFar(want, got),
                    "h = 0; for every t: h = tanh(x_t·W_x + h·W_h + b); then σ(h·w_dense + b_dense).");
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
            throw new IllegalArgumentException("data and sentence are needed: pass the lesson's data and mine[0]");
        }
        long expected = Arrays.stream(data.encode(sentence)).filter(id -> id == 2).count();
        Check.equal("the number of out-of-vocabulary words", expected, answer,
                "encode the sentence with data.encode(...) and count the ids equal to 2 (the start mark 1 is not a word).");
    }
}
