package org.rnncourse.data;

import org.rnncourse.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Fetches the IMDB archive over HTTP into a temporary {@code .part} file of the cache folder, with a
 * progress bar, and refuses a truncated transfer; {@link ImdbLoader} then checks the file and moves
 * it into place. Every failure is one sentence saying what to do (retry, or set {@code IMDB_ARCHIVE}).
 */
final class ImdbDownload {
    /** Wraps a stream in a progress bar of {@code max} bytes (or none when progress is off). */
    interface Progress {
        InputStream wrap(InputStream in, String task, long max);
    }

    private ImdbDownload() {}

    /** The downloaded, complete but not yet checked {@code .part} file for {@code target}. */
    static Path fetch(String downloadUrl, Path cacheDir, Path target, Progress progress, Consumer<String> note) {
        String env = ImdbLoader.ARCHIVE_ENV, name = ImdbLoader.ARCHIVE_NAME;
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new ImdbException(Messages.get("data.imdb.noCacheDir", cacheDir, e.getMessage(), env, name));
        }
        CacheFiles.cleanStaleTemps(cacheDir);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(cacheDir, name + ".", ".part");
            note.accept(Messages.get("imdb.downloading", downloadUrl, target));
            long expected;
            URLConnection conn;
            try {
                conn = URI.create(downloadUrl).toURL().openConnection();
                conn.setConnectTimeout(30_000);
                conn.setReadTimeout(60_000);
                if (conn instanceof HttpURLConnection http) {
                    int code = http.getResponseCode();
                    if (code != HttpURLConnection.HTTP_OK) {
                        throw new ImdbException(Messages.get("data.imdb.http", downloadUrl, code, http.getResponseMessage()));
                    }
                }
                expected = conn.getContentLengthLong();
            } catch (IOException | IllegalArgumentException e) {
                throw new ImdbException(Messages.get("data.imdb.noConnection", downloadUrl, e, env, name));
            }
            long got = 0;
            try (InputStream in = progress.wrap(conn.getInputStream(), Messages.get("imdb.downloadTask"), expected);
                 OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    got += n;
                }
            } catch (IOException e) {
                if (expected < 0 || got < expected) {
                    throw new ImdbException(expected >= 0
                            ? Messages.get("data.imdb.brokeOf", downloadUrl, target, got, expected, e.getMessage())
                            : Messages.get("data.imdb.broke", downloadUrl, target, got, e.getMessage()));
                }
                throw e;
            }
            if (expected >= 0 && got != expected) {
                throw new ImdbException(Messages.get("data.imdb.short", downloadUrl, target, got, expected));
            }
            Path done = tmp;
            tmp = null;
            return done;
        } catch (IOException e) {
            throw new ImdbException(Messages.get("data.imdb.downloadFailed", downloadUrl, cacheDir, e), e);
        } finally {
            CacheFiles.deleteQuietly(tmp);
        }
    }
}
