package org.rnncourse.data;

import org.rnncourse.Args;
import org.rnncourse.Messages;
/**
 * Keras's {@code keras.utils.pad_sequences} for integer sequences: makes every sequence exactly
 * {@code maxlen} long so that a batch becomes one rectangular {@code int[samples][maxlen]}.
 *
 * <pre>{@code
 * int[][] x = Sequences.padSequences(data.xTrain(), 200);  // pad and cut at the front ("pre")
 * int[][] y = Sequences.padSequences(seqs, 5, "post", "post", 0);
 * }</pre>
 */
public final class Sequences {
    /** Pad or truncate at the start of a sequence (Keras's default for both). */
    public static final String PRE = "pre";
    /** Pad or truncate at the end of a sequence. */
    public static final String POST = "post";

    private Sequences() {}

    /** Pads to the length of the longest sequence, at the front, with 0 (Keras: {@code maxlen=None}). */
    public static int[][] padSequences(int[][] sequences) {
        checkSequences(sequences);
        if (sequences.length == 0) return new int[0][];
        int longest = 0;
        for (int[] s : sequences) {
            longest = Math.max(longest, s.length);
        }
        if (longest == 0) {
            throw new IllegalArgumentException(Messages.get("data.sequences.allEmpty"));
        }
        return padSequences(sequences, longest, PRE, PRE, 0);
    }

    /** Keras's defaults: {@code padding="pre", truncating="pre", value=0}. */
    public static int[][] padSequences(int[][] sequences, int maxlen) {
        return padSequences(sequences, maxlen, PRE, PRE, 0);
    }

    /** With {@code truncating="pre"} and {@code value=0}. */
    public static int[][] padSequences(int[][] sequences, int maxlen, String padding) {
        return padSequences(sequences, maxlen, padding, PRE, 0);
    }

    /** With {@code value=0}. */
    public static int[][] padSequences(int[][] sequences, int maxlen, String padding, String truncating) {
        return padSequences(sequences, maxlen, padding, truncating, 0);
    }

    /**
     * Every sequence made exactly {@code maxlen} long, as Keras does it.
     *
     * @param sequences  the sequences (not changed); an empty one becomes all {@code value}
     * @param maxlen     length of every output row, {@code >= 1}
     * @param padding    {@code "pre"}: {@code value} goes before a short sequence; {@code "post"}: after it
     * @param truncating {@code "pre"}: a long sequence loses values at its start (keeps its last
     *                   {@code maxlen}); {@code "post"}: at its end (keeps its first {@code maxlen})
     * @param value      the padding value
     * @return a new {@code int[sequences.length][maxlen]}
     * @throws IllegalArgumentException for a null or negative argument or an unknown padding or
     *                                  truncating string (the message names the argument and the
     *                                  allowed values)
     */
    public static int[][] padSequences(int[][] sequences, int maxlen, String padding, String truncating, int value) {
        checkSequences(sequences);
        if (maxlen < 1) {
            throw new IllegalArgumentException(Messages.get("data.sequences.maxlen", maxlen));
        }
        boolean padPre = side("padding", padding);
        boolean truncPre = side("truncating", truncating);
        int[][] out = new int[sequences.length][maxlen];
        for (int i = 0; i < sequences.length; i++) {
            int[] s = sequences[i];
            int[] row = out[i];
            int n = Math.min(s.length, maxlen);
            int from = truncPre ? s.length - n : 0;
            int to = padPre ? maxlen - n : 0;
            if (value != 0) {
                java.util.Arrays.fill(row, value);
            }
            System.arraycopy(s, from, row, to, n);
        }
        return out;
    }

    private static void checkSequences(int[][] sequences) {
        if (sequences == null) {
            throw new IllegalArgumentException(Messages.get("data.sequences.null"));
        }
        for (int i = 0; i < sequences.length; i++) {
            if (sequences[i] == null) {
                throw new IllegalArgumentException(Messages.get("data.sequences.nullEntry", i));
            }
        }
    }

    private static boolean side(String name, String v) {
        if (PRE.equals(v)) {
            return true;
        }
        if (POST.equals(v)) {
            return false;
        }
        throw new IllegalArgumentException(Messages.get("data.sequences.side", name, v == null ? "null" : "\"" + v + "\""));
    }
}
