package org.rnncourse.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds small archives with the layout of aclImdb_v1.tar.gz for the loader's tests. */
final class TestArchives {
    private TestArchives() {}

    /**
     * A tiny data set whose word ranks are known. Training counts: great 4, the 4, film 3, bad 2,
     * was 2, then acting, best, don't, it, miss, worst once each. So (ties alphabetical):
     * great=1, the=2, film=3, bad=4, was=5, acting=6, best=7, don't=8, it=9, miss=10, worst=11.
     */
    static Map<String, String> small() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("aclImdb/README", "not a review");
        m.put("aclImdb/imdb.vocab", "the\nfilm\n");
        m.put("aclImdb/train/urls_pos.txt", "http://example.org/");
        m.put("aclImdb/train/pos/0_9.txt", "the film was great great great");
        m.put("aclImdb/train/pos/1_8.txt", "Great acting, the best!<br /><br />Don't miss it.");
        m.put("aclImdb/train/neg/0_2.txt", "the film was bad bad");
        m.put("aclImdb/train/neg/1_1.txt", "The worst film");
        m.put("aclImdb/train/unsup/0_0.txt", "unsupword unsupword unsupword unsupword unsupword");
        m.put("aclImdb/test/pos/0_10.txt", "great film zebra");
        m.put("aclImdb/test/neg/0_3.txt", "bad film");
        m.put("aclImdb/test/labeledBow.feat", "0 0:1");
        return m;
    }

    static final String[] SMALL_WORDS = {
        "great", "the", "film", "bad", "was", "acting", "best", "don't", "it", "miss", "worst"};

    /** A data set with a marker word, so tests can see which archive a loader read. */
    static Map<String, String> marked(String marker) {
        Map<String, String> m = small();
        m.put("aclImdb/train/pos/7_7.txt", marker + " was fine");
        return m;
    }

    static Path write(Path file, Map<String, String> entries) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return writeBytes(file, bytes);
    }

    static Path writeBytes(Path file, Map<String, byte[]> entries) throws IOException {
        Files.write(file, gzipTar(entries, new String[0]));
        return file;
    }

    /** tar.gz bytes with the given files and (empty) directories. */
    static byte[] gzipTar(Map<String, byte[]> files, String[] dirs) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream gz = new GzipCompressorOutputStream(bos);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String d : dirs) {
                TarArchiveEntry e = new TarArchiveEntry(d.endsWith("/") ? d : d + "/");
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bos.toByteArray();
    }

    static byte[] firstBytes(byte[] b, int n) {
        return Arrays.copyOf(b, n);
    }

    /** A silent loader that reads exactly {@code archive} and caches in {@code cacheDir}. */
    static ImdbLoader loader(Path archive, Path cacheDir) {
        return ImdbLoader.builder().archive(archive).cacheDir(cacheDir).progress(false)
                .env(name -> null).build();
    }
}
