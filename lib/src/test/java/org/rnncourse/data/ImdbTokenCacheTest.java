package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenized reviews are cached; a damaged, old or foreign token cache is rebuilt. */
class ImdbTokenCacheTest {
    @TempDir
    Path dir;
    Path archive;
    Path cache;
    Path tokens;
    ImdbData first;

    @BeforeEach
    void firstLoad() throws Exception {
        archive = TestArchives.write(dir.resolve("aclImdb_v1.tar.gz"), TestArchives.small());
        cache = dir.resolve("cache");
        tokens = cache.resolve(ImdbLoader.TOKEN_CACHE_NAME);
        ImdbLoader l = TestArchives.loader(archive, cache);
        first = l.loadData(Imdb.options());
        assertEquals(1, l.archiveReads);
        assertEquals("archive", l.lastSource);
        assertTrue(Files.isRegularFile(tokens));
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(List.of(tokens), s.toList(), "no temporary files left");
        }
    }

    private ImdbLoader secondLoad(String expectedSource) {
        ImdbLoader l = TestArchives.loader(archive, cache);
        ImdbData d = l.loadData(Imdb.options());
        assertEquals(expectedSource, l.lastSource);
        assertEquals(expectedSource.equals("archive") ? 1 : 0, l.archiveReads);
        assertArrayEquals(first.xTrain(), d.xTrain());
        assertArrayEquals(first.yTrain(), d.yTrain());
        assertArrayEquals(first.xTest(), d.xTest());
        assertArrayEquals(first.yTest(), d.yTest());
        assertEquals(first.wordIndex(), d.wordIndex());
        return l;
    }

    @Test
    void secondLoadReadsOnlyTheTokenCache() throws Exception {
        secondLoad("token cache");
        // Black box: garble the archive but keep its size and mtime (the cache key): still loads.
        FileTime mtime = Files.getLastModifiedTime(archive);
        byte[] garbage = new byte[(int) Files.size(archive)];
        Files.write(archive, garbage);
        Files.setLastModifiedTime(archive, mtime);
        secondLoad("token cache");
    }

    @Test
    void corruptTokenCacheIsRebuilt() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(tokens.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0xFF);
        }
        secondLoad("archive");
        secondLoad("token cache"); // the rebuilt file is good again
    }

    @Test
    void truncatedTokenCacheIsRebuilt() throws Exception {
        byte[] all = Files.readAllBytes(tokens);
        Files.write(tokens, java.util.Arrays.copyOf(all, all.length - 3));
        secondLoad("archive");
        Files.write(tokens, new byte[0]);
        secondLoad("archive");
        secondLoad("token cache");
    }

    @Test
    void oldFormatVersionIsRebuilt() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(tokens.toFile(), "rw")) {
            f.seek(8); // after the magic
            f.writeInt(ImdbCorpus.FORMAT_VERSION - 1);
        }
        secondLoad("archive");
        secondLoad("token cache");
    }

    @Test
    void anotherArchiveInvalidatesTheCache() throws Exception {
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() - 60_000));
        secondLoad("archive");
        assertNotNull(ImdbCorpus.read(tokens, Files.size(archive), Files.getLastModifiedTime(archive).toMillis()));
    }

    @Test
    void nonAsciiWordsSurviveTheTokenCache() throws Exception {
        java.util.Map<String, String> m = TestArchives.small();
        m.put("aclImdb/train/pos/3_9.txt", "Café naïve 日本 映画 Ärger 😀 grüße");
        Path other = TestArchives.write(dir.resolve("unicode.tar.gz"), m);
        Path otherCache = dir.resolve("cache2");
        ImdbLoader a = TestArchives.loader(other, otherCache);
        ImdbLoader b = TestArchives.loader(other, otherCache);
        assertEquals(a.getWordIndex(), b.getWordIndex());
        assertEquals("token cache", b.lastSource);
        assertTrue(b.getWordIndex().keySet().containsAll(List.of("café", "naïve", "日本", "映画", "ärger", "grüße")),
                b.getWordIndex().toString());
    }

    @Test
    void unwritableCacheDirStillLoads() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file-not-dir"), "x");
        ImdbLoader l = TestArchives.loader(archive, notADir.resolve("sub"));
        assertArrayEquals(first.xTrain(), l.loadData(Imdb.options()).xTrain());
    }
}
