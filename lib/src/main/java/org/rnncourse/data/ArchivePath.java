package org.rnncourse.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.rnncourse.Messages;

/**
 * Where a learner names the IMDB archive: a path passed to the loader, else the environment variable
 * {@code IMDB_ARCHIVE} (a leading {@code ~/} is the home folder). A name that points at nothing is an
 * error saying which of the two to fix, not a silent fall-back to a download.
 */
final class ArchivePath {
    private ArchivePath() {}

    /** The explicit path or IMDB_ARCHIVE, checked to exist; null when neither is given. */
    static Path named(Path archive, Function<String, String> env) {
        if (archive != null) {
            if (!Files.isRegularFile(archive)) {
                throw new ImdbException(Messages.get("data.imdb.explicitMissing", archive, ImdbLoader.ARCHIVE_NAME));
            }
            return archive;
        }
        String fromEnv = env.apply(ImdbLoader.ARCHIVE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            String v = fromEnv.trim();
            Path p;
            try {
                p = v.startsWith("~/") ? Path.of(System.getProperty("user.home"), v.substring(2)) : Path.of(v);
            } catch (java.nio.file.InvalidPathException e) {
                throw new ImdbException(Messages.get("data.imdb.envInvalid", ImdbLoader.ARCHIVE_ENV, v, ImdbLoader.ARCHIVE_NAME));
            }
            if (!Files.isRegularFile(p)) {
                throw new ImdbException(Messages.get("data.imdb.envMissing", p, ImdbLoader.ARCHIVE_ENV));
            }
            return p;
        }
        return null;
    }
}
