package org.rnncourse.data;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The tokenized IMDB reviews before any Keras-style option is applied: every review as word
 * ranks (1 = most frequent word of the training reviews), in a fixed canonical order (per split:
 * negative reviews then positive ones, each by ascending review id), and the vocabulary.
 *
 * <p>Also reads and writes the token cache file: a compact binary form of exactly this object.
 */
final class ImdbCorpus {
    /** words[r - 1] is the word of rank r. */
    final String[] words;
    final int[][] trainRanks;
    final int[] trainLabels;
    final int[][] testRanks;
    final int[] testLabels;
    private volatile Map<String, Integer> wordIndex;

    ImdbCorpus(String[] words, int[][] trainRanks, int[] trainLabels, int[][] testRanks, int[] testLabels) {
        this.words = words;
        this.trainRanks = trainRanks;
        this.trainLabels = trainLabels;
        this.testRanks = testRanks;
        this.testLabels = testLabels;
    }

    /** word → rank (1-based), in rank order; unmodifiable. */
    Map<String, Integer> wordIndex() {
        Map<String, Integer> m = wordIndex;
        if (m == null) {
            LinkedHashMap<String, Integer> built = new LinkedHashMap<>(words.length * 2);
            for (int r = 0; r < words.length; r++) {
                built.put(words[r], r + 1);
            }
            m = Collections.unmodifiableMap(built);
            wordIndex = m;
        }
        return m;
    }

    // ---------------------------------------------------------------- token cache file

    private static final byte[] MAGIC = "RNNCIMDB".getBytes(StandardCharsets.US_ASCII);
    /** Format of the file; the tokenizer's version is stored next to it. */
    static final int FORMAT_VERSION = 1;

    /**
     * The file layout: MAGIC, int format version, int tokenizer version, long archive size, long
     * archive mtime (ms), then the body, then the CRC32 of the body as a long. The body holds the
     * vocabulary (varint count, then per word varint byte length + UTF-8 bytes) and the two splits
     * (varint count, then per review one label byte, varint length, varint ranks).
     */
    static void write(ImdbCorpus c, Path file, long archiveSize, long archiveMtime) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 24);
        VarOut v = new VarOut(body);
        v.varint(c.words.length);
        for (String w : c.words) {
            byte[] b = w.getBytes(StandardCharsets.UTF_8);
            v.varint(b.length);
            v.bytes(b);
        }
        writeSplit(v, c.trainRanks, c.trainLabels);
        writeSplit(v, c.testRanks, c.testLabels);
        v.flush();
        byte[] bytes = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(Tokenizer.VERSION);
            out.writeLong(archiveSize);
            out.writeLong(archiveMtime);
            out.write(bytes);
            out.writeLong(crc.getValue());
        }
    }

    private static void writeSplit(VarOut v, int[][] ranks, int[] labels) throws IOException {
        v.varint(ranks.length);
        for (int i = 0; i < ranks.length; i++) {
            v.byte1(labels[i]);
            v.varint(ranks[i].length);
            for (int r : ranks[i]) {
                v.varint(r);
            }
        }
    }

    /**
     * The corpus in {@code file}, or {@code null} when the file is missing, of another format or
     * tokenizer version, made from another archive (size or mtime differ), or damaged in any way.
     */
    static ImdbCorpus read(Path file, long archiveSize, long archiveMtime) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] all = Files.readAllBytes(file);
            int header = MAGIC.length + 4 + 4 + 8 + 8;
            if (all.length < header + 8) {
                return null;
            }
            ByteBuffer bb = ByteBuffer.wrap(all);
            byte[] magic = new byte[MAGIC.length];
            bb.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || bb.getInt() != FORMAT_VERSION
                    || bb.getInt() != Tokenizer.VERSION || bb.getLong() != archiveSize
                    || bb.getLong() != archiveMtime) {
                return null;
            }
            int bodyLen = all.length - header - 8;
            CRC32 crc = new CRC32();
            crc.update(all, header, bodyLen);
            if (ByteBuffer.wrap(all, header + bodyLen, 8).getLong() != crc.getValue()) {
                return null;
            }
            VarIn in = new VarIn(all, header, header + bodyLen);
            int nWords = in.varint();
            String[] words = new String[nWords];
            for (int i = 0; i < nWords; i++) {
                int len = in.varint();
                words[i] = in.utf8(len);
            }
            int nTrain = in.varint();
            int[][] trainRanks = new int[nTrain][];
            int[] trainLabels = new int[nTrain];
            readSplit(in, trainRanks, trainLabels, nWords);
            int nTest = in.varint();
            int[][] testRanks = new int[nTest][];
            int[] testLabels = new int[nTest];
            readSplit(in, testRanks, testLabels, nWords);
            if (in.pos != in.end) {
                return null;
            }
            return new ImdbCorpus(words, trainRanks, trainLabels, testRanks, testLabels);
        } catch (IOException | RuntimeException e) {
            return null; // any damage: the caller rebuilds the cache from the archive
        }
    }

    private static void readSplit(VarIn in, int[][] ranks, int[] labels, int nWords) throws IOException {
        for (int i = 0; i < ranks.length; i++) {
            labels[i] = in.byte1();
            int len = in.varint();
            int[] r = new int[len];
            for (int j = 0; j < len; j++) {
                int x = in.varint();
                if (x < 1 || x > nWords) {
                    throw new IOException("rank out of range");
                }
                r[j] = x;
            }
            ranks[i] = r;
        }
    }

    private static final class VarOut {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int n;

        VarOut(OutputStream out) {
            this.out = out;
        }

        void varint(int x) throws IOException {
            if (n > buf.length - 5) {
                flush();
            }
            while ((x & ~0x7F) != 0) {
                buf[n++] = (byte) ((x & 0x7F) | 0x80);
                x >>>= 7;
            }
            buf[n++] = (byte) x;
        }

        void byte1(int x) throws IOException {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = (byte) x;
        }

        void bytes(byte[] b) throws IOException {
            flush();
            out.write(b);
        }

        void flush() throws IOException {
            out.write(buf, 0, n);
            n = 0;
        }
    }

    private static final class VarIn {
        private final byte[] a;
        int pos;
        final int end;

        VarIn(byte[] a, int pos, int end) {
            this.a = a;
            this.pos = pos;
            this.end = end;
        }

        int varint() throws IOException {
            int x = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (pos >= end) {
                    throw new IOException("truncated");
                }
                int b = a[pos++];
                x |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (x < 0) {
                        throw new IOException("negative");
                    }
                    return x;
                }
            }
            throw new IOException("bad varint");
        }

        int byte1() throws IOException {
            if (pos >= end) {
                throw new IOException("truncated");
            }
            return a[pos++];
        }

        String utf8(int len) throws IOException {
            if (len < 0 || pos + len > end) {
                throw new IOException("truncated");
            }
            String s = new String(a, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }
    }
}
