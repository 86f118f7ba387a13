package org.rnncourse.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * How Keras's {@code imdb.load_data} turns the tokenized reviews into the lists a model reads: one
 * shuffle of each split with the seed, an optional start mark, word ranks shifted by {@code index_from},
 * words outside {@code [skip_top, num_words)} replaced by the out-of-vocabulary mark (or dropped), and
 * reviews of {@code maxlen} or more tokens dropped; and {@link #decode}, the way back to words.
 */
final class KerasImdbEncoding {
    private KerasImdbEncoding() {}

    /** Keras's {@code load_data} steps on the tokenized corpus, with options the caller no longer changes. */
    static ImdbData build(ImdbCorpus c, Imdb.Options opt) {
        Random rng = new Random(opt.seed());
        int[] pTrain = permutation(c.trainRanks.length, rng);
        int[] pTest = permutation(c.testRanks.length, rng); // same generator, continued, as Keras
        int[][][] xs = new int[2][][];
        int[][] ys = new int[2][];
        for (int s = 0; s < 2; s++) {
            int[][] ranks = s == 0 ? c.trainRanks : c.testRanks;
            int[] labels = s == 0 ? c.trainLabels : c.testLabels;
            int[] perm = s == 0 ? pTrain : pTest;
            int[][] x = new int[perm.length][];
            int[] y = new int[perm.length];
            int kept = 0;
            for (int p : perm) {
                int[] seq = encode(ranks[p], opt);
                if (seq == null) {
                    continue; // too long for maxlen
                }
                x[kept] = seq;
                y[kept] = labels[p];
                kept++;
            }
            if (opt.maxlen() > 0 && kept == 0) {
                throw new IllegalArgumentException("After filtering for sequences shorter than maxlen="
                        + opt.maxlen() + ", no sequence was kept in the " + (s == 0 ? "training" : "test")
                        + " split. Increase maxlen.");
            }
            xs[s] = kept == x.length ? x : Arrays.copyOf(x, kept);
            ys[s] = kept == y.length ? y : Arrays.copyOf(y, kept);
        }
        return new ImdbData(xs[0], ys[0], xs[1], ys[1], c, opt);
    }

    /** One review as Keras builds it, or null when maxlen drops it. */
    private static int[] encode(int[] ranks, Imdb.Options o) {
        boolean start = o.startChar() != null;
        int len = ranks.length + (start ? 1 : 0);
        if (o.maxlen() > 0 && len >= o.maxlen()) {
            return null;
        }
        long numWords = o.numWords() > 0 ? o.numWords() : Long.MAX_VALUE;
        int[] out = new int[len];
        int k = 0;
        if (start) {
            k = keep(o.startChar(), out, k, o, numWords);
        }
        for (int r : ranks) {
            k = keep(r + o.indexFrom(), out, k, o, numWords);
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private static int keep(int w, int[] out, int k, Imdb.Options o, long numWords) {
        if (o.skipTop() <= w && w < numWords) {
            out[k++] = w;
        } else if (o.oovChar() != null) {
            out[k++] = o.oovChar();
        }
        return k;
    }

    private static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static String decode(ImdbCorpus c, int[] review, Integer startChar, Integer oovChar, int indexFrom) {
        Objects.requireNonNull(review, "review");
        StringBuilder sb = new StringBuilder(review.length * 6);
        for (int x : review) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (startChar != null && x == startChar) {
                sb.append("<start>");
            } else if (oovChar != null && x == oovChar) {
                sb.append("<oov>");
            } else if (x == 0) {
                sb.append("<pad>");
            } else {
                long rank = (long) x - indexFrom;
                sb.append(rank >= 1 && rank <= c.words.length ? c.words[(int) rank - 1] : "?");
            }
        }
        return sb.toString();
    }
}
