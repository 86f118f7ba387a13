package org.rnncourse.data;

import org.rnncourse.Args;
import org.rnncourse.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Bucketing by length: batches of sequences of similar length, each padded only to ITS longest
 * sequence, instead of every batch padded to the longest sequence of the whole data set.
 *
 * <p>An RNN runs one step per (padded) time step, so the work of a batch is rows × its length.
 * With lengths as skewed as IMDB reviews (most short, a few very long), padding everything to the
 * global maximum spends most of the time on zeros.
 * <pre>{@code
 * int[][] seqs = Bucketing.imdbLikeSequences(640, 800, 42);
 * List<Bucketing.Batch> padded = Bucketing.paddedToMax(seqs, null, 32);
 * List<Bucketing.Batch> bucketed = Bucketing.byLength(seqs, null, 32, 42);
 * // any work whose cost grows with the padded length, e.g. an RNN cell over embedded batches:
 * double slow = Bucketing.seconds(padded, b -> cell.forward(embedding.batch(b.x())));
 * }</pre>
 */
public final class Bucketing {
    private Bucketing() {}

    /** One batch: the padded ids (rows × length), their labels, and which sequences they are. */
    public record Batch(int[][] x, int[] y, int[] indices) {
        /** The padded length of this batch. */
        public int length() {
            return x[0].length;
        }

        /** Time steps the RNN runs for this batch: rows × padded length. */
        public long steps() {
            return (long) x.length * x[0].length;
        }

        @Override
        public String toString() {
            return "Batch(" + x.length + " sequences, padded to " + length() + ")";
        }
    }

    /**
     * Batches of {@code batchSize} in the given order, every one padded ("pre", with 0, as Keras) to
     * the length of the longest sequence of all.
     */
    public static List<Batch> paddedToMax(int[][] sequences, int[] labels, int batchSize) {
        check(sequences, labels, batchSize);
        int longest = 0;
        for (int[] s : sequences) longest = Math.max(longest, s.length);
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < sequences.length; from += batchSize) {
            int[] idx = range(from, Math.min(sequences.length, from + batchSize));
            out.add(batch(sequences, labels, idx, longest));
        }
        return out;
    }

    /**
     * Bucketed batches: the sequences sorted by length, cut into batches of {@code batchSize}, each
     * padded to its own longest sequence; the ORDER of the batches is shuffled with {@code seed} so
     * training does not see all short sequences first.
     */
    public static List<Batch> byLength(int[][] sequences, int[] labels, int batchSize, long seed) {
        check(sequences, labels, batchSize);
        Integer[] order = new Integer[sequences.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> sequences[i].length));
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            int[] idx = new int[to - from];
            int longest = 0;
            for (int k = from; k < to; k++) {
                idx[k - from] = order[k];
                longest = Math.max(longest, sequences[order[k]].length);
            }
            out.add(batch(sequences, labels, idx, longest));
        }
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    /** Total time steps the RNN runs over all batches. */
    public static long steps(List<Batch> batches) {
        long s = 0;
        for (Batch b : batches) s += b.steps();
        return s;
    }

    /** The fraction of the padded steps that are real tokens, not padding. */
    public static double realFraction(List<Batch> batches, int[][] sequences) {
        long real = 0;
        for (int[] s : sequences) real += s.length;
        return (double) real / steps(batches);
    }

    /**
     * Seconds to run {@code work} on every batch, the best of {@code repeats} runs after one
     * warm-up run (so the JIT compiler has done its work before the clock starts).
     */
    public static double seconds(List<Batch> batches, Consumer<Batch> work, int repeats) {
        if (batches == null || batches.isEmpty()) throw new IllegalArgumentException(Messages.get("data.bucketing.noBatches"));
        if (repeats < 1) throw new IllegalArgumentException(Messages.get("data.bucketing.atLeast", "repeats", 1, repeats));
        for (Batch b : batches) work.accept(b);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (Batch b : batches) work.accept(b);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    /** {@link #seconds(List, Consumer, int)} with 3 repeats. */
    public static double seconds(List<Batch> batches, Consumer<Batch> work) {
        return seconds(batches, work, 3);
    }

    /**
     * A table comparing the two ways: batches, time steps run, share of real tokens and seconds,
     * with the caption "Padding to the maximum vs bucketing".
     */
    public static Table compare(int[][] sequences, List<Batch> padded, List<Batch> bucketed,
                                double paddedSeconds, double bucketedSeconds) {
        Table t = Table.create(Messages.get("out.bucketing.title"));
        t.addColumns(
                StringColumn.create(Messages.get("out.bucketing.batches"),
                        Messages.get("out.bucketing.padded"), Messages.get("out.bucketing.bucketed")),
                IntColumn.create(Messages.get("out.bucketing.count"), padded.size(), bucketed.size()),
                LongColumn.create(Messages.get("out.bucketing.steps"), steps(padded), steps(bucketed)),
                DoubleColumn.create(Messages.get("out.bucketing.realTokens"), round(100 * realFraction(padded, sequences)),
                        round(100 * realFraction(bucketed, sequences))),
                DoubleColumn.create(Messages.get("out.bucketing.seconds"), round3(paddedSeconds), round3(bucketedSeconds)));
        return t;
    }

    /** "speed-up 3.41× (0.812 s → 0.238 s)". */
    public static String speedUp(double paddedSeconds, double bucketedSeconds) {
        Args.positiveFinite("paddedSeconds", paddedSeconds);
        Args.positiveFinite("bucketedSeconds", bucketedSeconds);
        return Messages.get("out.bucketing.speedUp", String.format(Locale.ROOT, "%.2f", paddedSeconds / bucketedSeconds),
                String.format(Locale.ROOT, "%.3f", paddedSeconds), String.format(Locale.ROOT, "%.3f", bucketedSeconds));
    }

    /**
     * {@code n} random token sequences whose lengths are skewed like IMDB reviews: log-normal with a
     * median of about 175 tokens, between 10 and {@code maxLength}; tokens are 1 … 999.
     */
    public static int[][] imdbLikeSequences(int n, int maxLength, long seed) {
        if (n < 1) throw new IllegalArgumentException(Messages.get("data.bucketing.atLeast", "n", 1, n));
        if (maxLength < 10) throw new IllegalArgumentException(Messages.get("data.bucketing.atLeast", "maxLength", 10, maxLength));
        Random r = new Random(seed);
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            int len = (int) Math.round(Math.exp(Math.log(175) + 0.7 * r.nextGaussian()));
            len = Math.max(10, Math.min(maxLength, len));
            out[i] = new int[len];
            for (int j = 0; j < len; j++) out[i][j] = 1 + r.nextInt(999);
        }
        return out;
    }

    private static Batch batch(int[][] sequences, int[] labels, int[] idx, int length) {
        int[][] rows = new int[idx.length][];
        int[] ys = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            rows[k] = sequences[idx[k]];
            ys[k] = labels == null ? 0 : labels[idx[k]];
        }
        return new Batch(Sequences.padSequences(rows, length), ys, idx);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    private static void check(int[][] sequences, int[] labels, int batchSize) {
        if (sequences == null || sequences.length == 0) {
            throw new IllegalArgumentException(Messages.get(sequences == null ? "data.bucketing.sequencesNull" : "data.bucketing.sequencesEmpty"));
        }
        for (int i = 0; i < sequences.length; i++) {
            if (sequences[i] == null || sequences[i].length == 0) {
                throw new IllegalArgumentException(Messages.get(sequences[i] == null ? "data.bucketing.entryNull"
                        : "data.bucketing.entryEmpty", i));
            }
        }
        if (labels != null && labels.length != sequences.length) {
            throw new IllegalArgumentException(Messages.get("data.bucketing.labels", labels.length, sequences.length));
        }
        if (batchSize < 1) throw new IllegalArgumentException(Messages.get("data.bucketing.atLeast", "batchSize", 1, batchSize));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
