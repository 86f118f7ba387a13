package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the archive comes from: explicit path > IMDB_ARCHIVE > cache > download (HTTP on 127.0.0.1). */
class ImdbSourceTest {
    @TempDir
    Path dir;
    Path cache;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    /** What the server sends: the bytes, and how many of them before it stops (-1: all). */
    volatile byte[] served;
    volatile int sendOnly = -1;
    volatile boolean announceLength = true;
    volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        cache = dir.resolve("cache");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/aclImdb_v1.tar.gz", ex -> {
            requests.incrementAndGet();
            byte[] b = served;
            if (status != 200) {
                ex.sendResponseHeaders(status, -1);
                ex.close();
                return;
            }
            int n = sendOnly >= 0 ? sendOnly : b.length;
            ex.sendResponseHeaders(200, announceLength ? b.length : 0);
            OutputStream out = ex.getResponseBody();
            try {
                out.write(b, 0, n);
                out.flush();
            } finally {
                if (n < b.length && announceLength) {
                    // A dropped connection: close the socket without finishing the announced body.
                    ex.getHttpContext().getServer().stop(0);
                } else {
                    ex.close();
                }
            }
        });
        server.start();
        served = TestArchives.gzipTar(toBytes(TestArchives.marked("downloadedword")), new String[0]);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/aclImdb_v1.tar.gz";
    }

    private static Map<String, byte[]> toBytes(Map<String, String> m) {
        Map<String, byte[]> b = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> b.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return b;
    }

    private ImdbLoader.Builder builder(Map<String, String> env) {
        return ImdbLoader.builder().cacheDir(cache).downloadUrl(url()).progress(false).env(env::get);
    }

    private static String marker(ImdbLoader l) {
        for (String w : List.of("explicitword", "envword", "cachedword", "downloadedword")) {
            if (l.getWordIndex().containsKey(w)) {
                return w;
            }
        }
        return "none";
    }

    private List<Path> cacheFiles() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.sorted().toList();
        }
    }

    @Test
    void sourceOrderExplicitThenEnvThenCacheThenDownload() throws Exception {
        Path explicit = TestArchives.write(dir.resolve("explicit.tar.gz"), TestArchives.marked("explicitword"));
        Path fromEnv = TestArchives.write(dir.resolve("env.tar.gz"), TestArchives.marked("envword"));
        Map<String, String> env = new HashMap<>(Map.of(ImdbLoader.ARCHIVE_ENV, fromEnv.toString()));
        Files.createDirectories(cache);
        TestArchives.write(cache.resolve(ImdbLoader.ARCHIVE_NAME), TestArchives.marked("cachedword"));

        assertEquals("explicitword", marker(builder(env).archive(explicit).build()));
        assertEquals("envword", marker(builder(env).build()));
        env.put(ImdbLoader.ARCHIVE_ENV, "  ");
        assertEquals("cachedword", marker(builder(env).build()), "a blank IMDB_ARCHIVE is ignored");
        env.remove(ImdbLoader.ARCHIVE_ENV);
        assertEquals("cachedword", marker(builder(env).build()));
        assertEquals(0, requests.get(), "nothing downloaded while a local archive exists");
        Files.delete(cache.resolve(ImdbLoader.ARCHIVE_NAME));
        assertEquals("downloadedword", marker(builder(env).build()));
        assertEquals(1, requests.get());
    }

    @Test
    void namedArchiveThatDoesNotExistIsAnErrorNotAFallThrough() {
        Path missing = dir.resolve("missing.tar.gz");
        ImdbException e = assertThrows(ImdbException.class,
                () -> builder(Map.of(ImdbLoader.ARCHIVE_ENV, missing.toString())).build().getWordIndex());
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("IMDB_ARCHIVE"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void invalidEnvPathIsNamed() {
        ImdbException e = assertThrows(ImdbException.class,
                () -> builder(Map.of(ImdbLoader.ARCHIVE_ENV, "bad\u0000path")).build().getWordIndex());
        assertTrue(e.getMessage().startsWith("The environment variable IMDB_ARCHIVE is not a valid path"), e.getMessage());
    }

    @Test
    void cacheDirHonoursXdgCacheHome() {
        Path xdg = dir.resolve("xdg").toAbsolutePath();
        Function<String, String> env = Map.of("XDG_CACHE_HOME", xdg.toString())::get;
        assertEquals(xdg.resolve("rnn-course"), ImdbLoader.defaultCacheDir(env));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "rnn-course"),
                ImdbLoader.defaultCacheDir(name -> null));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "rnn-course"),
                ImdbLoader.defaultCacheDir(Map.of("XDG_CACHE_HOME", "relative/dir")::get), "relative XDG paths are ignored");
        ImdbLoader l = ImdbLoader.builder().env(env).progress(false).build();
        assertEquals(xdg.resolve("rnn-course"), l.cacheDir());
    }

    @Test
    void downloadGoesToTheCacheAtomicallyWithProgressBar() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ImdbLoader l = builder(Map.of()).progress(true).log(new PrintStream(log, true, StandardCharsets.UTF_8)).build();
        ImdbData d = l.loadData(Imdb.options());
        assertEquals(5, d.xTrain().length);
        assertEquals("download", l.lastSource);
        assertArrayEquals(served, Files.readAllBytes(cache.resolve(ImdbLoader.ARCHIVE_NAME)));
        assertEquals(List.of(cache.resolve(ImdbLoader.ARCHIVE_NAME), cache.resolve(ImdbLoader.TOKEN_CACHE_NAME)), cacheFiles(),
                "no temporary files left");
        String shown = log.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("Downloading IMDB"), shown);
        // a second loader uses the cached archive (via the token cache) without the network
        ImdbLoader again = builder(Map.of()).build();
        assertEquals(marker(l), marker(again));
        assertEquals("token cache", again.lastSource);
        assertEquals(1, requests.get());
    }

    @Test
    void staleTemporaryFilesOfKilledRunsAreCleanedFreshOnesKept() throws Exception {
        Files.createDirectories(cache);
        Path stale = Files.writeString(cache.resolve("aclImdb_v1.tar.gz.123.part"), "half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3 * 86_400_000L));
        Path fresh = Files.writeString(cache.resolve("aclImdb_v1.tar.gz.456.part"), "another notebook downloading");
        Path foreign = Files.writeString(cache.resolve("notes.part"), "not ours");
        Files.setLastModifiedTime(foreign, java.nio.file.attribute.FileTime.fromMillis(0));
        builder(Map.of()).build().getWordIndex();
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(foreign));
    }

    @Test
    void downloadFromFileUrl() throws Exception {
        Path source = Files.write(dir.resolve("mirror.tar.gz"), served);
        ImdbLoader l = ImdbLoader.builder().cacheDir(cache).downloadUrl(source.toUri().toString())
                .progress(false).env(name -> null).build();
        assertEquals("downloadedword", marker(l));
        assertTrue(Files.isRegularFile(cache.resolve(ImdbLoader.ARCHIVE_NAME)));
    }

    @Test
    void truncatedDownloadWithContentLengthIsRejectedAndNothingKept() throws Exception {
        sendOnly = served.length / 2;
        ImdbLoader l = builder(Map.of()).build();
        ImdbException e = assertThrows(ImdbException.class, l::getWordIndex);
        assertTrue(e.getMessage().startsWith("The IMDB download from " + url() + " for "
                + cache.resolve(ImdbLoader.ARCHIVE_NAME) + " is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was kept"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void truncatedDownloadWithoutContentLengthFailsTheLayoutCheckAndNothingKept() throws Exception {
        announceLength = false;
        served = TestArchives.firstBytes(served, served.length / 2);
        ImdbLoader l = builder(Map.of()).build();
        ImdbException e = assertThrows(ImdbException.class, l::getWordIndex);
        assertEquals("The IMDB archive downloaded from " + url() + " for " + cache.resolve(ImdbLoader.ARCHIVE_NAME)
                + " is truncated or corrupt (gzip ended early);"
                + " it was deleted, nothing was kept: run again.", e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void downloadOfSomethingElseIsRejected() throws Exception {
        Map<String, String> m = TestArchives.small();
        m.remove("aclImdb/test/pos/0_10.txt");
        served = TestArchives.gzipTar(toBytes(m), new String[0]);
        ImdbException e = assertThrows(ImdbException.class, () -> builder(Map.of()).build().getWordIndex());
        assertTrue(e.getMessage().contains("not the Large Movie Review Dataset archive (it has no reviews in aclImdb/test/pos/)"),
                e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void httpErrorIsReported() throws Exception {
        status = 404;
        ImdbException e = assertThrows(ImdbException.class, () -> builder(Map.of()).build().getWordIndex());
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains(url()), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void corruptArchiveInTheCacheIsReportedAndNotUsed() throws Exception {
        Files.createDirectories(cache);
        Path cached = cache.resolve(ImdbLoader.ARCHIVE_NAME);
        Files.write(cached, TestArchives.firstBytes(served, served.length / 2));
        ImdbException e = assertThrows(ImdbException.class, () -> builder(Map.of()).build().getWordIndex());
        assertEquals("The IMDB archive " + cached + " is truncated or corrupt (gzip ended early): delete it and run again.",
                e.getMessage());
        assertFalse(Files.exists(cache.resolve(ImdbLoader.TOKEN_CACHE_NAME)));
        assertEquals(0, requests.get());
    }
}
