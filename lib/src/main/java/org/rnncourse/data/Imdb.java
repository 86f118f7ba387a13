package org.rnncourse.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.rnncourse.Messages;

/**
 * The IMDB movie-review sentiment data set with the semantics of Keras's
 * {@code keras.datasets.imdb.load_data}, built from the raw reviews of the official Large Movie
 * Review Dataset archive {@code aclImdb_v1.tar.gz} (Maas et al., ACL 2011).
 *
 * <h2>In a notebook</h2>
 * <pre>{@code
 * ImdbData data = Imdb.loadData(10_000);                 // Keras: imdb.load_data(num_words=10000)
 * int[][] x = Sequences.padSequences(data.xTrain(), 200); // Keras: pad_sequences(x_train, maxlen=200)
 * System.out.println(data.decode(data.xTrain()[0]));     // "<start> this film was just brilliant ..."
 * ImdbData small = Imdb.options().numWords(5000).maxlen(300).seed(7).load();
 * ImdbData local = Imdb.options().archive(Path.of("/data/aclImdb_v1.tar.gz")).load();
 * }</pre>
 *
 * <h2>Where the archive comes from</h2>
 * In this order: an explicit path ({@link Options#archive(Path)}); the environment variable
 * {@code IMDB_ARCHIVE}; the user's cache ({@code $XDG_CACHE_HOME/rnn-course/aclImdb_v1.tar.gz},
 * by default {@code ~/.cache/rnn-course/}); else it is downloaded there from the official URL.
 * The tokenized reviews are cached next to it, so only the first load reads the archive.
 * See {@link ImdbLoader}.
 *
 * <h2>What is mirrored from Keras 3 ({@code keras/src/datasets/imdb.py})</h2>
 * Checked against keras-team/keras at commit {@code 3859fb42}, {@code load_data} and
 * {@code keras/src/utils/python_utils.py: remove_long_seq}. Where Keras's docstring and code
 * disagree (the docstring says long sequences are "truncated"), this follows the code.
 * <ul>
 *   <li>Words are ranked by their frequency in the <b>training</b> reviews; rank 1 is the most
 *       frequent word ({@link #getWordIndex()} is word → rank, like {@code get_word_index()}).
 *       Ties are broken by the word's alphabetical order ({@link String#compareTo}).</li>
 *   <li>Each review becomes {@code [startChar] + [rank + indexFrom for each word]}. With
 *       {@code startChar == null} there is no start marker (Keras's {@code start_char=None}).</li>
 *   <li>Words of a <b>test</b> review that never occur in the training reviews are skipped, as
 *       the Keras docstring says of its preprocessed data.</li>
 *   <li>Shuffling: one random generator seeded with {@code seed} shuffles the training split
 *       with a permutation and then, continuing the same generator, the test split. Keras uses
 *       numpy's {@code RandomState(seed).shuffle}; this uses {@link java.util.Random} with a
 *       Fisher&ndash;Yates shuffle, so the order differs from Keras's but is just as reproducible
 *       for a seed. (The order before shuffling is fixed: negative then positive reviews, each by
 *       review id; it does not depend on the order of the files in the archive.)</li>
 *   <li>{@code maxlen} (after the start char is added, before the OOV mapping): reviews whose
 *       sequence length, <b>start char included</b>, is {@code >= maxlen} are <b>dropped</b>
 *       (Keras's {@code remove_long_seq} keeps {@code len(x) < maxlen}), from both splits; they
 *       are not truncated &mdash; use {@link Sequences#padSequences} for that. If a split ends
 *       up empty, an {@link IllegalArgumentException} says to increase maxlen, as Keras does.
 *       {@code maxlen = 0} means no filtering (Keras: {@code if maxlen:}).</li>
 *   <li>OOV: every value {@code w} of a sequence (the start char included!) with
 *       {@code w < skipTop} or {@code w >= numWords} becomes {@code oovChar}; with
 *       {@code oovChar == null} such values are removed. Note that, as in Keras, the bounds apply
 *       to the <em>index</em> {@code rank + indexFrom}, not to the rank: {@code numWords = 10000}
 *       keeps indices up to 9999, i.e. ranks up to 9996 with {@code indexFrom = 3}; and a
 *       {@code skipTop} greater than {@code startChar} turns the start marker into {@code oovChar}.</li>
 *   <li>{@code numWords = 0} keeps all words. <b>Deviation:</b> Keras then sets
 *       {@code num_words = max(index)} and its {@code w < num_words} test turns the single largest
 *       index into OOV; this class keeps it.</li>
 *   <li>Labels: 1 = positive review (rating &ge; 7), 0 = negative (rating &le; 4).</li>
 * </ul>
 *
 * <p>The tokenizer (lower case, {@code <br />} removed, punctuation dropped, apostrophes inside
 * words kept) is described in {@link Tokenizer}. Reviews with invalid UTF-8 bytes are decoded with
 * replacement (U+FFFD, which then separates words) instead of failing.
 */
public final class Imdb {
    /** Keras's default seed for {@code imdb.load_data}. */
    public static final long DEFAULT_SEED = 113;

    private static volatile ImdbLoader lastLoader;

    private Imdb() {}

    // ------------------------------------------------------------------ Keras-style entry points

    /** All words, no maxlen, seed 113, startChar 1, oovChar 2, indexFrom 3 (Keras's defaults). */
    public static ImdbData loadData() {
        return options().load();
    }

    /** Keras's {@code load_data(num_words=numWords)}; {@code numWords = 0} keeps all words. */
    public static ImdbData loadData(int numWords) {
        return options().numWords(numWords).load();
    }

    /**
     * Keras's {@code load_data(num_words, skip_top, maxlen, seed)} with startChar 1, oovChar 2,
     * indexFrom 3. {@code numWords = 0}: all words; {@code maxlen = 0}: no length filter.
     */
    public static ImdbData loadData(int numWords, int skipTop, int maxlen, long seed) {
        return options().numWords(numWords).skipTop(skipTop).maxlen(maxlen).seed(seed).load();
    }

    /**
     * Keras's full {@code load_data(num_words, skip_top, maxlen, seed, start_char, oov_char,
     * index_from)}; {@code null} for startChar or oovChar is Keras's {@code None}.
     */
    public static ImdbData loadData(int numWords, int skipTop, int maxlen, long seed,
                                    Integer startChar, Integer oovChar, int indexFrom) {
        return options().numWords(numWords).skipTop(skipTop).maxlen(maxlen).seed(seed)
                .startChar(startChar).oovChar(oovChar).indexFrom(indexFrom).load();
    }

    /** Options with Keras's defaults, to change by name and then {@link Options#load()}. */
    public static Options options() {
        return new Options();
    }

    /**
     * word → rank (1 = most frequent training word), like Keras's {@code imdb.get_word_index()},
     * of the archive loaded most recently (or the standard one, which may be downloaded).
     */
    public static Map<String, Integer> getWordIndex() {
        return currentLoader().getWordIndex();
    }

    /**
     * The words of {@code review} under Keras's default conventions (0 {@code <pad>}, 1
     * {@code <start>}, 2 {@code <oov>}, words from index 3), using the vocabulary of the archive
     * loaded most recently. For other conventions use {@link ImdbData#decode(int[])}.
     */
    public static String decode(int[] review) {
        return currentLoader().decode(review);
    }

    private static ImdbLoader currentLoader() {
        ImdbLoader l = lastLoader;
        return l != null ? l : ImdbLoader.standard();
    }

    static void remember(ImdbLoader loader) {
        lastLoader = loader;
    }

    // ------------------------------------------------------------------ options

    /** Keras's {@code load_data} arguments by name, plus where the archive is. */
    public static final class Options {
        private Path archive;
        private ImdbLoader loader;
        private int numWords = 0;
        private int skipTop = 0;
        private int maxlen = 0;
        private long seed = DEFAULT_SEED;
        private Integer startChar = 1;
        private Integer oovChar = 2;
        private int indexFrom = 3;

        Options() {}

        /** Read this archive (a copy of {@code aclImdb_v1.tar.gz}) instead of looking for one. */
        public Options archive(Path archive) {
            this.archive = Objects.requireNonNull(archive, "archive");
            return this;
        }

        /** Load through this loader (own cache dir, download URL, ...). */
        public Options loader(ImdbLoader loader) {
            this.loader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Keep indices below numWords (the rest become oovChar); 0 keeps all. */
        public Options numWords(int numWords) {
            this.numWords = nonNegative("numWords", numWords);
            return this;
        }

        /** Indices below skipTop become oovChar; 0 skips none. */
        public Options skipTop(int skipTop) {
            this.skipTop = nonNegative("skipTop", skipTop);
            return this;
        }

        /** Drop reviews whose length (start char included) is &ge; maxlen; 0: no filter. */
        public Options maxlen(int maxlen) {
            this.maxlen = nonNegative("maxlen", maxlen);
            return this;
        }

        /** Seed of the shuffle of both splits (default 113, as Keras). */
        public Options seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Value that starts every review (default 1); null: no start marker. */
        public Options startChar(Integer startChar) {
            this.startChar = startChar;
            return this;
        }

        /** Value for words cut by numWords/skipTop (default 2); null: remove them. */
        public Options oovChar(Integer oovChar) {
            this.oovChar = oovChar;
            return this;
        }

        /** Offset added to every word's rank (default 3, keeping 0, 1, 2 for pad/start/OOV). */
        public Options indexFrom(int indexFrom) {
            this.indexFrom = nonNegative("indexFrom", indexFrom);
            return this;
        }

        public int numWords() {
            return numWords;
        }

        public int skipTop() {
            return skipTop;
        }

        public int maxlen() {
            return maxlen;
        }

        public long seed() {
            return seed;
        }

        public Integer startChar() {
            return startChar;
        }

        public Integer oovChar() {
            return oovChar;
        }

        public int indexFrom() {
            return indexFrom;
        }

        /** Finds (or downloads) the archive, tokenizes it (or reads the token cache), applies the options. */
        public ImdbData load() {
            ImdbLoader l = loader != null ? loader
                    : archive != null ? ImdbLoader.forArchive(archive)
                    : ImdbLoader.standard();
            return l.loadData(this);
        }

        Options copy() {
            Options o = new Options();
            o.archive = archive;
            o.loader = loader;
            o.numWords = numWords;
            o.skipTop = skipTop;
            o.maxlen = maxlen;
            o.seed = seed;
            o.startChar = startChar;
            o.oovChar = oovChar;
            o.indexFrom = indexFrom;
            return o;
        }

        @Override
        public String toString() {
            return "numWords=" + (numWords == 0 ? "all" : numWords) + ", skipTop=" + skipTop
                    + ", maxlen=" + (maxlen == 0 ? "none" : maxlen) + ", seed=" + seed
                    + ", startChar=" + startChar + ", oovChar=" + oovChar + ", indexFrom=" + indexFrom;
        }

        private static int nonNegative(String name, int v) {
            if (v < 0) {
                throw new IllegalArgumentException(Messages.get("data.imdb.negative", name, v));
            }
            return v;
        }
    }

    /** Applies Keras's {@code load_data} steps to the tokenized corpus (see the class comment). */
    static ImdbData build(ImdbCorpus c, Options o) {
        return KerasImdbEncoding.build(c, o.copy());
    }

    static String decode(ImdbCorpus c, int[] review, Integer startChar, Integer oovChar, int indexFrom) {
        return KerasImdbEncoding.decode(c, review, startChar, oovChar, indexFrom);
    }
}
