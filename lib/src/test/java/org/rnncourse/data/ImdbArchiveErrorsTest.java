package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnncourse.Course;

/** Broken archives are reported in one sentence naming the file; odd-but-valid ones load. */
class ImdbArchiveErrorsTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    private ImdbException loadFails(Path archive) {
        ImdbLoader l = TestArchives.loader(archive, dir.resolve("cache"));
        ImdbException e = assertThrows(ImdbException.class, () -> l.loadData(Imdb.options()));
        assertTrue(e.getMessage().contains(archive.toString()), e.getMessage());
        assertNull(e.getCause(), "no stack of internals for an expected problem");
        assertTrue(Files.notExists(dir.resolve("cache").resolve(ImdbLoader.TOKEN_CACHE_NAME)), "nothing cached");
        return e;
    }

    private static Map<String, byte[]> bytes(Map<String, String> m) {
        Map<String, byte[]> b = new LinkedHashMap<>();
        m.forEach((k, v) -> b.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return b;
    }

    @Test
    void truncatedGzip() throws Exception {
        byte[] full = TestArchives.gzipTar(bytes(TestArchives.small()), new String[0]);
        Path p = dir.resolve("aclImdb_v1.tar.gz");
        Files.write(p, TestArchives.firstBytes(full, full.length / 2));
        ImdbException e = loadFails(p);
        assertEquals("The IMDB archive " + p + " is truncated or corrupt (gzip ended early): replace it with a"
                + " complete copy of aclImdb_v1.tar.gz.", e.getMessage());
    }

    @Test
    void gzipMissingOnlyItsTrailerIsStillNoticed() throws Exception {
        byte[] full = TestArchives.gzipTar(bytes(TestArchives.small()), new String[0]);
        Path p = dir.resolve("aclImdb_v1.tar.gz");
        Files.write(p, TestArchives.firstBytes(full, full.length - 4));
        assertTrue(loadFails(p).getMessage().contains("truncated or corrupt"));
    }

    @Test
    void corruptBytesInTheMiddle() throws Exception {
        byte[] full = TestArchives.gzipTar(bytes(TestArchives.small()), new String[0]);
        for (int i = full.length / 3; i < full.length / 3 + 8; i++) {
            full[i] ^= 0x5A;
        }
        Path p = Files.write(dir.resolve("aclImdb_v1.tar.gz"), full);
        assertTrue(loadFails(p).getMessage().contains("is truncated or corrupt ("));
    }

    @Test
    void notGzipAtAll() throws Exception {
        Path p = Files.writeString(dir.resolve("aclImdb_v1.tar.gz"), "<html>404 Not Found</html>");
        assertTrue(loadFails(p).getMessage().contains("is truncated or corrupt (not a gzip file"));
        Path empty = Files.write(dir.resolve("empty.tar.gz"), new byte[0]);
        assertTrue(loadFails(empty).getMessage().contains("is truncated or corrupt"));
    }

    @Test
    void missingFolder() throws Exception {
        Map<String, String> m = TestArchives.small();
        m.remove("aclImdb/test/neg/0_3.txt");
        Path p = TestArchives.write(dir.resolve("aclImdb_v1.tar.gz"), m);
        assertEquals("The IMDB archive " + p + " is not the Large Movie Review Dataset archive (it has no reviews in"
                + " aclImdb/test/neg/): replace it with a complete copy of aclImdb_v1.tar.gz.", loadFails(p).getMessage());
    }

    @Test
    void brokenArchivesAreToldInVietnameseWithThePathKept() throws Exception {
        Course.setLanguage("vi");
        byte[] full = TestArchives.gzipTar(bytes(TestArchives.small()), new String[0]);
        Path p = dir.resolve("aclImdb_v1.tar.gz");
        Files.write(p, TestArchives.firstBytes(full, full.length / 2));
        assertEquals("Tệp lưu trữ IMDB " + p + " bị thiếu hoặc hỏng (gzip kết thúc sớm): hãy thay nó bằng một bản sao"
                + " đầy đủ của aclImdb_v1.tar.gz.", loadFails(p).getMessage());
        Map<String, String> m = TestArchives.small();
        m.remove("aclImdb/test/neg/0_3.txt");
        Path q = TestArchives.write(dir.resolve("other.tar.gz"), m);
        assertEquals("Tệp lưu trữ IMDB " + q + " không phải tệp lưu trữ của Large Movie Review Dataset (không có bài đánh giá"
                + " nào trong aclImdb/test/neg/): hãy thay nó bằng một bản sao đầy đủ của aclImdb_v1.tar.gz.", loadFails(q).getMessage());
        Path nowhere = dir.resolve("nowhere/aclImdb_v1.tar.gz");
        assertTrue(loadFails(nowhere).getMessage().contains("không tồn tại hoặc không phải là một tệp"));
    }

    @Test
    void emptyFolder() throws Exception {
        Map<String, String> m = TestArchives.small();
        m.remove("aclImdb/train/pos/0_9.txt");
        m.remove("aclImdb/train/pos/1_8.txt");
        Path p = dir.resolve("aclImdb_v1.tar.gz");
        Files.write(p, TestArchives.gzipTar(bytes(m), new String[] {"aclImdb/", "aclImdb/train/", "aclImdb/train/pos/"}));
        assertTrue(loadFails(p).getMessage().contains("no reviews in aclImdb/train/pos/"));
    }

    @Test
    void missingExplicitFile() {
        Path p = dir.resolve("nowhere/aclImdb_v1.tar.gz");
        ImdbException e = loadFails(p);
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void invalidUtf8IsDecodedWithReplacementNotACrash() throws Exception {
        Map<String, byte[]> m = bytes(TestArchives.small());
        byte[] bad = {'g', 'o', 'o', 'd', (byte) 0xFF, (byte) 0xC3, 'b', 'a', 'd', ' ', (byte) 0xE2, (byte) 0x82};
        m.put("aclImdb/train/neg/5_2.txt", bad);
        Path p = TestArchives.writeBytes(dir.resolve("aclImdb_v1.tar.gz"), m);
        ImdbLoader l = TestArchives.loader(p, dir.resolve("cache"));
        ImdbData d = l.loadData(Imdb.options());
        assertEquals(5, d.xTrain().length);
        assertTrue(l.getWordIndex().containsKey("good"));
        boolean found = false;
        for (int[] x : d.xTrain()) {
            found |= d.decode(x).equals("<start> good bad");
        }
        assertTrue(found, "the bad bytes separate words and are dropped");
    }

    @Test
    void leadingDotSlashAndEmptyReviewAreFine() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        TestArchives.small().forEach((k, v) -> m.put("./" + k, v));
        m.put("./aclImdb/test/neg/9_1.txt", "");
        Path p = TestArchives.write(dir.resolve("aclImdb_v1.tar.gz"), m);
        ImdbData d = TestArchives.loader(p, dir.resolve("cache")).loadData(Imdb.options());
        assertEquals(4, d.xTrain().length);
        assertEquals(3, d.xTest().length);
    }
}
