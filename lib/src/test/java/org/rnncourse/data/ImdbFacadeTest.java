package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static shortcuts a notebook uses. */
class ImdbFacadeTest {
    @TempDir
    Path dir;

    @Test
    void decodeAndWordIndexFollowTheLastLoadedArchive() throws Exception {
        Path a = TestArchives.write(dir.resolve("a.tar.gz"), TestArchives.marked("alphaword"));
        ImdbLoader l = TestArchives.loader(a, dir.resolve("cache"));
        ImdbData d = Imdb.options().loader(l).numWords(100).seed(1).load();
        assertTrue(Imdb.getWordIndex().containsKey("alphaword"));
        assertEquals(d.decode(d.xTrain()[0]), Imdb.decode(d.xTrain()[0]));
        assertEquals(1, d.xTrain()[0][0]);
        assertEquals("numWords=100, skipTop=0, maxlen=none, seed=1, startChar=1, oovChar=2, indexFrom=3",
                d.options().toString());
    }

    @Test
    void explicitArchiveOptionUsesOneLoaderPerPath() throws Exception {
        Path a = TestArchives.write(dir.resolve("b.tar.gz"), TestArchives.small());
        assertSame(ImdbLoader.forArchive(a), ImdbLoader.forArchive(dir.resolve(".").resolve("b.tar.gz")));
        ImdbException e = assertThrows(ImdbException.class,
                () -> Imdb.options().archive(dir.resolve("missing.tar.gz")).load());
        assertTrue(e.getMessage().contains("missing.tar.gz") && e.getMessage().contains("explicit path"), e.getMessage());
    }
}
