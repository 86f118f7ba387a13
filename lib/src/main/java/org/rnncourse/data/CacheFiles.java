package org.rnncourse.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files of the course's cache folder: a new file is written under a temporary name and moved into
 * place at once, so a killed JVM never leaves a half-written archive or token cache under the real name.
 */
final class CacheFiles {
    private CacheFiles() {}

    /** Size and modification time: what a token cache is checked against. */
    static long[] key(Path file) {
        try {
            return new long[] {Files.size(file), Files.getLastModifiedTime(file).toMillis()};
        } catch (IOException e) {
            throw new ImdbException("The IMDB archive " + file + " could not be read (" + e + ").", e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Deletes temporary files of downloads and token caches that a killed JVM left behind: only
     * our own name patterns, and only when older than a day, so a download running in another
     * notebook at the same time is not disturbed.
     */
    static void cleanStaleTemps(Path cacheDir) {
        long dayAgo = System.currentTimeMillis() - 24L * 3600 * 1000;
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(cacheDir,
                p -> isOurTemp(p.getFileName().toString()))) {
            for (Path p : ds) {
                try {
                    if (Files.getLastModifiedTime(p).toMillis() < dayAgo) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // another process may have moved it meanwhile
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // cleaning is a courtesy, never a reason to fail a load
        }
    }

    private static boolean isOurTemp(String name) {
        return (name.startsWith(ImdbLoader.ARCHIVE_NAME + ".") && name.endsWith(".part"))
                || (name.startsWith(ImdbLoader.TOKEN_CACHE_NAME + ".") && name.endsWith(".tmp"));
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
