package org.rnncourse.data;

import java.io.IOException;
import java.nio.file.Path;

/** The tiny test archive of {@link TestArchives#small()}, loaded, for tests outside this package. */
public final class TinyImdb {
    private TinyImdb() {}

    /** Writes the archive into {@code dir} and loads it with {@code numWords} 100 (ranks: great=1, the=2, film=3, bad=4 …). */
    public static ImdbData load(Path dir) throws IOException {
        Path archive = TestArchives.write(dir.resolve("tiny.tar.gz"), TestArchives.small());
        return Imdb.options().loader(TestArchives.loader(archive, dir.resolve("cache"))).numWords(100).seed(1).load();
    }
}
