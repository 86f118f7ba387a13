package org.rnncourse.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.rnncourse.Messages;

/**
 * Reads {@code aclImdb_v1.tar.gz} in one streaming pass and builds the {@link ImdbCorpus}.
 *
 * <p>Only regular files named {@code aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt} are read
 * (a leading {@code ./} is tolerated); {@code train/unsup}, the {@code .feat} files, URLs lists,
 * README and vocabulary files are skipped. The gzip stream is always read to its end, so a
 * truncated download or a CRC error is noticed even when the tar part looks complete.
 */
final class ImdbArchive {
    private ImdbArchive() {}

    static final String[] FOLDERS = {"train/neg", "train/pos", "test/neg", "test/pos"};

    private static final Pattern REVIEW =
            Pattern.compile("(?:\\./)?aclImdb/(train|test)/(pos|neg)/(\\d+)_(\\d+)\\.txt");

    /** Why an archive could not be read; the caller words the sentence (which file, what to do). */
    static final class BadArchiveException extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean corrupt; // true: damaged bytes; false: readable but wrong layout

        BadArchiveException(String reason, boolean corrupt) {
            super(reason);
            this.corrupt = corrupt;
        }
    }

    private record Review(int split, int label, long id, int rating, int[] tempIds) {}

    /**
     * Reads the archive at {@code file}. {@code wrap} may wrap the raw file stream (e.g. with a
     * progress bar). Throws {@link BadArchiveException} for a damaged or wrongly laid out archive,
     * another {@link IOException} for a failure to read the file at all.
     */
    static ImdbCorpus read(Path file, UnaryOperator<InputStream> wrap) throws IOException {
        Map<String, Integer> tempIdOf = new HashMap<>(1 << 18);
        List<String> tempWords = new ArrayList<>(1 << 17);
        int[][] trainCount = {new int[1 << 17]};
        List<Review> reviews = new ArrayList<>(50_000);
        int[] perFolder = new int[4];

        try (InputStream raw = wrap.apply(Files.newInputStream(file))) {
            InputStream buffered = new BufferedInputStream(raw, 1 << 20);
            GzipCompressorInputStream gz;
            try {
                gz = new GzipCompressorInputStream(buffered, true);
            } catch (EOFException e) {
                throw new BadArchiveException(Messages.get("data.archive.empty"), true);
            } catch (IOException e) {
                throw new BadArchiveException(Messages.get("data.archive.notGzip", e.getMessage()), true);
            }
            TarArchiveInputStream tar = new TarArchiveInputStream(gz);
            byte[] buf = new byte[1 << 16];
            try {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    if (!e.isFile()) {
                        continue;
                    }
                    Matcher m = REVIEW.matcher(e.getName());
                    if (!m.matches()) {
                        continue;
                    }
                    int split = m.group(1).equals("train") ? 0 : 1;
                    int label = m.group(2).equals("pos") ? 1 : 0;
                    long id = Long.parseLong(m.group(3));
                    int rating = Integer.parseInt(m.group(4));
                    long size = e.getSize();
                    if (size > Integer.MAX_VALUE - 16) {
                        throw new BadArchiveException(Messages.get("data.archive.tooLarge", e.getName()), true);
                    }
                    if (buf.length < size) {
                        buf = new byte[(int) size];
                    }
                    int n = 0;
                    while (n < size) {
                        int r = tar.read(buf, n, (int) size - n);
                        if (r < 0) {
                            throw new EOFException();
                        }
                        n += r;
                    }
                    // Invalid UTF-8 bytes become U+FFFD (the String constructor replaces them),
                    // which the tokenizer treats as a separator.
                    String text = new String(buf, 0, n, StandardCharsets.UTF_8);
                    IntList ids = new IntList(256);
                    Tokenizer.tokenize(text, w -> {
                        Integer t = tempIdOf.get(w);
                        if (t == null) {
                            t = tempWords.size();
                            tempIdOf.put(w, t);
                            tempWords.add(w);
                        }
                        ids.add(t);
                        if (split == 0) {
                            if (t >= trainCount[0].length) {
                                trainCount[0] = Arrays.copyOf(trainCount[0], Math.max(t + 1, trainCount[0].length * 2));
                            }
                            trainCount[0][t]++;
                        }
                    });
                    reviews.add(new Review(split, label, id, rating, ids.toArray()));
                    perFolder[split * 2 + label]++;
                }
                // Read the gzip stream to its very end: its trailer (CRC32, length) is checked only there.
                while (gz.read(buf) >= 0) {
                    // drain
                }
            } catch (EOFException e) {
                throw new BadArchiveException(Messages.get("data.archive.endedEarly"), true);
            } catch (BadArchiveException e) {
                throw e;
            } catch (IOException e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
                while (msg.endsWith(".")) {
                    msg = msg.substring(0, msg.length() - 1);
                }
                if (msg.toLowerCase().contains("truncated") || msg.toLowerCase().contains("unexpected end")) {
                    throw new BadArchiveException(Messages.get("data.archive.endedEarly"), true);
                }
                throw new BadArchiveException(Messages.get("data.archive.damaged", msg), true);
            } catch (IllegalArgumentException e) {
                // commons-compress reports some malformed tar headers this way
                throw new BadArchiveException(Messages.get("data.archive.damagedTar", e.getMessage()), true);
            }
        }
        for (int f = 0; f < 4; f++) {
            if (perFolder[f] == 0) {
                throw new BadArchiveException(Messages.get("data.archive.noReviews", FOLDERS[f]), false);
            }
        }
        return build(tempWords, trainCount[0], reviews);
    }

    /** Ranks the training words (count descending, then word) and renumbers every review. */
    private static ImdbCorpus build(List<String> tempWords, int[] trainCount, List<Review> reviews) {
        int nTemp = tempWords.size();
        List<Integer> inTrain = new ArrayList<>(nTemp);
        for (int t = 0; t < nTemp; t++) {
            if (t < trainCount.length && trainCount[t] > 0) {
                inTrain.add(t);
            }
        }
        inTrain.sort(Comparator.<Integer>comparingInt(t -> -trainCount[t]).thenComparing(tempWords::get));
        String[] words = new String[inTrain.size()];
        int[] rankOf = new int[nTemp]; // 0: word seen only in test reviews
        for (int r = 0; r < inTrain.size(); r++) {
            int t = inTrain.get(r);
            words[r] = tempWords.get(t);
            rankOf[t] = r + 1;
        }
        reviews.sort(Comparator.comparingInt(Review::split).thenComparingInt(Review::label)
                .thenComparingLong(Review::id).thenComparingInt(Review::rating));
        int nTrain = 0;
        for (Review rv : reviews) {
            if (rv.split() == 0) {
                nTrain++;
            }
        }
        int nTest = reviews.size() - nTrain;
        int[][] trainRanks = new int[nTrain][];
        int[] trainLabels = new int[nTrain];
        int[][] testRanks = new int[nTest][];
        int[] testLabels = new int[nTest];
        int i = 0;
        for (Review rv : reviews) {
            int[] t = rv.tempIds();
            int[] ranks = new int[t.length];
            int k = 0;
            for (int id : t) {
                int r = rankOf[id];
                if (r > 0) { // Keras: test words never seen in training are skipped
                    ranks[k++] = r;
                }
            }
            if (k < ranks.length) {
                ranks = Arrays.copyOf(ranks, k);
            }
            if (i < nTrain) {
                trainRanks[i] = ranks;
                trainLabels[i] = rv.label();
            } else {
                testRanks[i - nTrain] = ranks;
                testLabels[i - nTrain] = rv.label();
            }
            i++;
        }
        return new ImdbCorpus(words, trainRanks, trainLabels, testRanks, testLabels);
    }

    private static final class IntList {
        int[] a;
        int n;

        IntList(int cap) {
            a = new int[cap];
        }

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = x;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
