package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rnncourse.Messages;
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

    /** A learner's accuracy of probabilities against 0/1 labels, with Keras's rule (p > 0.5 is positive). */
    @FunctionalInterface
    public interface AccuracyOf {
        double apply(int[] yTrue, double[] probabilities);
    }

    /** The accuracy and the known ways to get it wrong, each with the message key that names it (hint: key + ".hint"). */
    private enum AccuracyWay {
        RIGHT(null), AT_LEAST("lesson08.accuracy.atLeast"), COUNT("lesson08.accuracy.count"),
        PERCENT("lesson08.accuracy.percent"), INVERTED("lesson08.accuracy.inverted");

        final String key;

        AccuracyWay(String key) {
            this.key = key;
        }

        double of(int[] yTrue, double[] p) {
            OwnWork.entry(OwnWork.Topic.METRICS, "Lesson08's own reference"); // reflection must not reach it either
            int right = 0;
            for (int i = 0; i < yTrue.length; i++) {
                boolean positive = this == AT_LEAST ? p[i] >= 0.5 : this == INVERTED ? p[i] <= 0.5 : p[i] > 0.5;
                if ((positive ? 1 : 0) == yTrue[i]) right++;
            }
            return switch (this) {
                case COUNT -> right;
                case PERCENT -> 100.0 * right / yTrue.length;
                default -> (double) right / yTrue.length;
            };
        }
    }

    /**
     * Exercise 1: {@code accuracy(yTrue, probabilities)} at Keras's threshold, tried on random labels
     * and probabilities drawn at check time, some of them exactly 0.5 (so that p ≥ 0.5 gives another
     * number), with the library's metrics off.
     */
    public static void checkAccuracy(AccuracyOf accuracy) {
        String what = "accuracy";
        if (accuracy == null) {
            throw Check.missing(what, Messages.get("lesson08.passYourFunction", "Lesson08.checkAccuracy((yTrue, p) -> accuracy(yTrue, p))"));
        }
        Random r = new Random();
        for (int n : new int[] {7, 12, 31}) {
            int[] yTrue = new int[n];
            double[] p = new double[n];
            do {
                for (int i = 0; i < n; i++) {
                    yTrue[i] = r.nextInt(2);
                    p[i] = r.nextDouble();
                }
                // exactly 0.5 on negative reviews only: p > 0.5 gets them right, p >= 0.5 wrong
                for (int k = 0; k < 1 + n / 6; k++) {
                    int i = r.nextInt(n);
                    yTrue[i] = 0;
                    p[i] = 0.5;
                }
            } while (!distinct(AccuracyWay.values(), w -> w.of(yTrue, p)) || AccuracyWay.RIGHT.of(yTrue, p) == 1);
            String on = Messages.get("lesson08.on", what, Messages.get("lesson08.accuracy.trial", n));
            double want = AccuracyWay.RIGHT.of(yTrue, p);
            double got;
            try {
                got = OwnWork.check(what, () -> accuracy.apply(yTrue.clone(), p.clone()), OwnWork.Topic.METRICS);
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, Messages.get("lesson08.notWritten", e.getMessage()), Messages.get("lesson08.notWritten.hint"));
            } catch (RuntimeException e) {
                throw Check.fail(on, Messages.get("lesson08.threw", e.getClass().getSimpleName(), e.getMessage()),
                        Messages.get("lesson08.accuracy.threw.hint"));
            }
            if (Math.abs(got - want) <= 1e-12) continue;
            for (AccuracyWay way : AccuracyWay.values()) {
                if (way.key != null && Math.abs(got - way.of(yTrue, p)) <= 1e-12) {
                    throw Check.fail(on, Messages.get(way.key), Messages.get(way.key + ".hint"));
                }
            }
            if (got == 0) {
                // int / int in Java rounds down: right / n is 0 for any accuracy below 1
                throw Check.fail(on, Messages.get("lesson08.accuracy.integerDivision"), Messages.get("lesson08.accuracy.integerDivision.hint"));
            }
            throw Check.fail(on, Messages.get("lesson08.accuracy.wrong") + Check.howFar(want, got), Messages.get("lesson08.accuracy.hint"));
        }
        Check.pass(what);
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

    /** A learner's count of the words that are out of the vocabulary. */
    @FunctionalInterface
    public interface OovCount {
        int apply(List<String> words, Map<String, Integer> wordIndex, int numWords);
    }

    /** The count and the known ways to get it wrong, each with the message key that names it (hint: key + ".hint"). */
    private enum OovWay {
        RIGHT(null), ABOVE("lesson08.oov.above"), NO_OFFSET("lesson08.oov.noOffset"), UNKNOWN_ONLY("lesson08.oov.unknownOnly"),
        RARE_ONLY("lesson08.oov.rareOnly");

        final String key;

        OovWay(String key) {
            this.key = key;
        }

        int of(List<String> words, Map<String, Integer> wordIndex, int numWords) {
            OwnWork.entry(OwnWork.Topic.VOCABULARY, "Lesson08's own reference"); // reflection must not reach it either
            int count = 0;
            for (String w : words) {
                Integer rank = wordIndex.get(w);
                boolean out;
                if (rank == null) {
                    out = this != RARE_ONLY;
                } else {
                    int index = this == NO_OFFSET ? rank : rank + INDEX_FROM;
                    out = this != UNKNOWN_ONLY && (this == ABOVE ? index > numWords : index >= numWords);
                }
                if (out) count++;
            }
            return count;
        }
    }

    /** Whether every way gives another number, so that the mistake a wrong answer matches is the one it makes. */
    private static <W> boolean distinct(W[] ways, java.util.function.ToDoubleFunction<W> value) {
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (W w : ways) if (!seen.add(value.applyAsDouble(w))) return false;
        return true;
    }

    /** Keras's index_from: a word of rank r (1 = the most frequent) has index r + 3, below 0 pad, 1 start, 2 OOV. */
    private static final int INDEX_FROM = 3;

    /**
     * Exercise 3: {@code oovCount(words, wordIndex, numWords)}, the words that {@code data.encode} turns
     * into 2: those the word index does not know, and those whose index rank + 3 is not below
     * {@code numWords}. Tried on random vocabularies and sentences drawn at check time, each with a
     * word exactly at the cut and words the index does not know, with the library's encoding off.
     */
    public static void checkOovCount(OovCount oov) {
        String what = "oovCount";
        if (oov == null) {
            throw Check.missing(what, Messages.get("lesson08.passYourFunction",
                    "Lesson08.checkOovCount((words, wordIndex, numWords) -> oovCount(words, wordIndex, numWords))"));
        }
        Random r = new Random();
        for (int trial = 0; trial < 3; trial++) {
            int vocabulary = 30 + r.nextInt(20), numWords = 12 + r.nextInt(10);
            List<String> ranked = new ArrayList<>();
            for (int k = 0; k < vocabulary; k++) ranked.add("w" + (100 + r.nextInt(900)) + "x" + k);
            Collections.shuffle(ranked, r);
            Map<String, Integer> wordIndex = new HashMap<>();
            for (int k = 0; k < vocabulary; k++) wordIndex.put(ranked.get(k), k + 1);
            List<String> words = new ArrayList<>();
            do {
                words.clear();
                words.add(ranked.get(numWords - INDEX_FROM - 1)); // index numWords: just out (index > numWords keeps it)
                words.add(ranked.get(numWords - 2));             // rank numWords − 1: out, though the rank is below numWords
                words.add("unknown" + r.nextInt(1000));           // not in the index at all
                for (int k = 0; k < 6 + r.nextInt(6); k++) {
                    words.add(r.nextInt(5) == 0 ? "nosuchword" + k : ranked.get(r.nextInt(vocabulary)));
                }
                Collections.shuffle(words, r);
            } while (!distinct(OovWay.values(), w -> (double) w.of(words, wordIndex, numWords)));
            String on = Messages.get("lesson08.on", what, Messages.get("lesson08.oov.trial", words.size(), numWords));
            int want = OovWay.RIGHT.of(words, wordIndex, numWords);
            int got;
            try {
                got = OwnWork.check(what, () -> oov.apply(List.copyOf(words), Map.copyOf(wordIndex), numWords), OwnWork.Topic.VOCABULARY);
            } catch (UnsupportedOperationException e) {
                throw Check.fail(what, Messages.get("lesson08.notWritten", e.getMessage()), Messages.get("lesson08.notWritten.hint"));
            } catch (NullPointerException e) {
                throw Check.fail(on, Messages.get("lesson08.oov.null"), Messages.get("lesson08.oov.null.hint"));
            } catch (RuntimeException e) {
                throw Check.fail(on, Messages.get("lesson08.threw", e.getClass().getSimpleName(), e.getMessage()),
                        Messages.get("lesson08.oov.hint"));
            }
            if (got == want) continue;
            for (OovWay way : OovWay.values()) {
                if (way.key != null && got == way.of(words, wordIndex, numWords)) {
                    throw Check.fail(on, Messages.get(way.key), Messages.get(way.key + ".hint"));
                }
            }
            throw Check.fail(on, Messages.get("lesson08.oov.wrong") + Check.howFarWhole(want, got), Messages.get("lesson08.oov.hint"));
        }
        Check.pass(what);
    }
}
