package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real archive, when present: {@code IMDB_ARCHIVE}, else {@code ../../shared/datasets/aclImdb_v1.tar.gz}
 * relative to the lib module. Skipped otherwise. Prints the first (tokenizing) and cached load times.
 */
class RealImdbArchiveTest {
    @TempDir
    Path cache;

    static Path realArchive() {
        String env = System.getenv(ImdbLoader.ARCHIVE_ENV);
        if (env != null && !env.isBlank() && Files.isRegularFile(Path.of(env.trim()))) {
            return Path.of(env.trim());
        }
        String module = System.getProperty("basedir", System.getProperty("user.dir"));
        Path p = Path.of(module).resolve("../../shared/datasets/aclImdb_v1.tar.gz").normalize();
        return Files.isRegularFile(p) ? p : null;
    }

    @Test
    void fullDataSetWithKerasCounts() {
        Path archive = realArchive();
        Assumptions.assumeTrue(archive != null, "real aclImdb_v1.tar.gz not found (set IMDB_ARCHIVE)");
        int numWords = 10_000;

        long t0 = System.nanoTime();
        ImdbLoader first = TestArchives.loader(archive, cache);
        ImdbData d = first.loadData(Imdb.options().numWords(numWords));
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals("archive", first.lastSource);

        assertEquals(25_000, d.xTrain().length);
        assertEquals(25_000, d.xTest().length);
        assertEquals(12_500, Arrays.stream(d.yTrain()).sum());
        assertEquals(12_500, Arrays.stream(d.yTest()).sum());
        for (int[][] xs : new int[][][] {d.xTrain(), d.xTest()}) {
            for (int[] x : xs) {
                assertEquals(1, x[0]);
                for (int w : x) {
                    assertTrue(w >= 1 && w < numWords, "index " + w);
                }
            }
        }
        assertEquals(1, first.getWordIndex().get("the"));
        assertTrue(first.vocabularySize() > 50_000, "vocabulary " + first.vocabularySize());

        long t1 = System.nanoTime();
        ImdbLoader second = TestArchives.loader(archive, cache);
        ImdbData again = second.loadData(Imdb.options().numWords(numWords));
        double cachedSeconds = (System.nanoTime() - t1) / 1e9;
        assertEquals("token cache", second.lastSource);
        assertArrayEquals(d.xTrain()[123], again.xTrain()[123]);

        ImdbData short200 = second.loadData(Imdb.options().numWords(numWords).maxlen(200));
        assertTrue(short200.xTrain().length > 5_000 && short200.xTrain().length < 25_000, "" + short200.xTrain().length);
        for (int[] x : short200.xTrain()) {
            assertTrue(x.length < 200);
        }
        int[][] padded = Sequences.padSequences(d.xTrain(), 200);
        assertEquals(200, padded[0].length);

        System.out.printf("Real IMDB archive %s: first load (read + tokenize + write cache) %.1f s,"
                + " cached load %.2f s, vocabulary %d words%n", archive, firstSeconds, cachedSeconds, first.vocabularySize());
        assertTrue(firstSeconds < 60, "first load took " + firstSeconds + " s");
        assertTrue(cachedSeconds < 10, "cached load took " + cachedSeconds + " s");
    }
}
