package org.rnncourse.data;

import org.rnncourse.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Finds, downloads, checks, reads and caches the IMDB archive; {@link Imdb} is the short way to
 * use it.
 *
 * <h2>Where the archive comes from, in this order</h2>
 * <ol>
 *   <li>an explicit path ({@link Builder#archive(Path)}, {@link Imdb.Options#archive(Path)});</li>
 *   <li>the environment variable {@code IMDB_ARCHIVE}, the path of an {@code aclImdb_v1.tar.gz}
 *       (a leading {@code ~/} means the home directory; blank counts as unset);</li>
 *   <li>the cache: {@code <cache dir>/aclImdb_v1.tar.gz}, where the cache dir is
 *       {@code $XDG_CACHE_HOME/rnn-course} when {@code XDG_CACHE_HOME} is set to an absolute path,
 *       else {@code ~/.cache/rnn-course};</li>
 *   <li>else a download from {@link #OFFICIAL_URL} (or {@link Builder#downloadUrl(String)}) with
 *       a progress bar, into a temporary file in the cache dir. It is checked &mdash; its size
 *       against the server's Content-Length when known, then the whole gzip and tar are read to
 *       the end and must hold reviews in all of {@code aclImdb/{train,test}/{pos,neg}} &mdash; and
 *       only then renamed atomically to {@code aclImdb_v1.tar.gz}. A download that fails a check
 *       is deleted and reported; it is never kept as the cache.</li>
 * </ol>
 * A named path (1, 2) that does not exist is an error; it does not fall through to the next source.
 *
 * <h2>Token cache</h2>
 * The tokenized reviews are written to {@code <cache dir>/imdb-tokens.bin} (a compact binary file:
 * format and tokenizer version, the archive's size and modification time as the key, varint word
 * ranks, a CRC32), via a temporary file and an atomic rename. A later load with the same archive
 * reads only that file. A cache file that is damaged, of another version or for another archive
 * is ignored and rebuilt. If the cache dir cannot be written, loading still works, without cache.
 */
public final class ImdbLoader {
    /** The official archive of the Large Movie Review Dataset v1.0 (about 84 MB). */
    public static final String OFFICIAL_URL = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz";
    /** Environment variable naming an archive to use. */
    public static final String ARCHIVE_ENV = "IMDB_ARCHIVE";
    /** File name of the archive in the cache dir. */
    public static final String ARCHIVE_NAME = "aclImdb_v1.tar.gz";
    /** File name of the token cache in the cache dir. */
    public static final String TOKEN_CACHE_NAME = "imdb-tokens.bin";

    private static volatile ImdbLoader standard;
    private static final Map<Path, ImdbLoader> BY_ARCHIVE = new ConcurrentHashMap<>();

    private final Path archive;
    private final Path cacheDir;
    private final String downloadUrl;
    private final boolean progress;
    private final PrintStream log;
    private final Function<String, String> env;
    private volatile ImdbCorpus corpus;

    /** How many times this loader opened an archive (for tests: a token cache hit opens none). */
    volatile int archiveReads;
    /** Where the corpus came from, for messages and tests: "token cache", "archive", "download". */
    volatile String lastSource;

    private ImdbLoader(Builder b) {
        this.archive = b.archive;
        this.env = b.env;
        this.cacheDir = b.cacheDir != null ? b.cacheDir : defaultCacheDir(b.env);
        this.downloadUrl = b.downloadUrl;
        this.progress = b.progress;
        this.log = b.log;
    }

    /** The loader the {@link Imdb} shortcuts use: environment, cache, download; one per JVM. */
    public static ImdbLoader standard() {
        ImdbLoader l = standard;
        if (l == null) {
            synchronized (ImdbLoader.class) {
                if (standard == null) {
                    standard = builder().build();
                }
                l = standard;
            }
        }
        return l;
    }

    /** A loader (one per JVM and path) for an explicitly given archive. */
    public static ImdbLoader forArchive(Path archive) {
        return BY_ARCHIVE.computeIfAbsent(archive.toAbsolutePath().normalize(), p -> builder().archive(p).build());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration of an {@link ImdbLoader}. */
    public static final class Builder {
        private Path archive;
        private Path cacheDir;
        private String downloadUrl = OFFICIAL_URL;
        private boolean progress = true;
        private PrintStream log = System.out;
        private Function<String, String> env = System::getenv;

        private Builder() {}

        /** Use this archive; nothing else is looked up or downloaded. */
        public Builder archive(Path archive) {
            this.archive = Objects.requireNonNull(archive, "archive");
            return this;
        }

        /** Cache dir for the downloaded archive and the token cache (default: see the class comment). */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
            return this;
        }

        /** Where to download from (any URL Java can open: https:, http:, file:). */
        public Builder downloadUrl(String url) {
            this.downloadUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** Show progress bars and one-line notes (default true); false: silent. */
        public Builder progress(boolean progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Where progress bars and notes go (default System.out: in a Jupyter notebook, stderr is
         * shown like an error, and Keras also reports its download progress on stdout).
         */
        public Builder log(PrintStream log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Environment lookup (tests replace System::getenv). */
        Builder env(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        public ImdbLoader build() {
            return new ImdbLoader(this);
        }
    }

    // ------------------------------------------------------------------ public API

    /** The cache dir this loader uses (it may not exist yet). */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Keras-style data from this loader's archive; see {@link Imdb}. */
    public ImdbData loadData(Imdb.Options options) {
        ImdbData d = Imdb.build(corpus(), options);
        Imdb.remember(this);
        return d;
    }

    /** Keras's defaults and {@code numWords} (0: all words). */
    public ImdbData loadData(int numWords) {
        return loadData(Imdb.options().numWords(numWords));
    }

    /** word → rank, 1 = most frequent training word (Keras's {@code get_word_index()}). */
    public Map<String, Integer> getWordIndex() {
        return corpus().wordIndex();
    }

    /** Decodes with Keras's default conventions; see {@link Imdb#decode(int[])}. */
    public String decode(int[] review) {
        return Imdb.decode(corpus(), review, 1, 2, 3);
    }

    /** Number of distinct words in the training reviews. */
    public int vocabularySize() {
        return corpus().words.length;
    }

    /**
     * The archive this loader reads, by the order in the class comment, downloading it when no
     * other source has one.
     */
    public synchronized Path archive() {
        Path p = namedArchive();
        if (p != null) {
            return p;
        }
        Path cached = cacheDir.resolve(ARCHIVE_NAME);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        corpus = download(cached);
        return cached;
    }

    // ------------------------------------------------------------------ corpus: memory, token cache, archive

    synchronized ImdbCorpus corpus() {
        ImdbCorpus c = corpus;
        if (c != null) {
            return c;
        }
        Path file = archive(); // may download, and then sets corpus while checking the download
        if (corpus != null) {
            writeTokenCache(corpus, file);
            return corpus;
        }
        long[] key = CacheFiles.key(file);
        c = ImdbCorpus.read(cacheDir.resolve(TOKEN_CACHE_NAME), key[0], key[1]);
        if (c != null) {
            lastSource = "token cache";
        } else {
            note(Messages.get("imdb.readingOnce", file, cacheDir));
            c = readArchive(file, file);
            lastSource = "archive";
            writeTokenCache(c, file);
        }
        corpus = c;
        return c;
    }

    /** The explicit path or IMDB_ARCHIVE, checked to exist; null when neither is given. */
    private Path namedArchive() {
        return ArchivePath.named(archive, env);
    }

    private ImdbCorpus readArchive(Path file, Path shownAs) {
        archiveReads++;
        try {
            return ImdbArchive.read(file, in -> withProgress(in, Messages.get("imdb.readingTask"), CacheFiles.size(file)));
        } catch (ImdbArchive.BadArchiveException e) {
            throw badArchive(shownAs, e);
        } catch (IOException e) {
            throw new ImdbException(Messages.get("data.imdb.unreadable", shownAs, e), e);
        }
    }

    private ImdbException badArchive(Path shownAs, ImdbArchive.BadArchiveException e) {
        String what = shownAs.startsWith(cacheDir) && archive == null ? Messages.get("data.imdb.deleteIt")
                : Messages.get("data.imdb.replaceIt", ARCHIVE_NAME);
        return new ImdbException(Messages.get(e.corrupt ? "data.imdb.corrupt" : "data.imdb.notImdb", shownAs, e.getMessage(), what));
    }

    private void writeTokenCache(ImdbCorpus c, Path archiveFile) {
        Path tmp = null;
        try {
            long[] key = CacheFiles.key(archiveFile);
            Files.createDirectories(cacheDir);
            CacheFiles.cleanStaleTemps(cacheDir);
            tmp = Files.createTempFile(cacheDir, TOKEN_CACHE_NAME + ".", ".tmp");
            ImdbCorpus.write(c, tmp, key[0], key[1]);
            CacheFiles.moveAtomically(tmp, cacheDir.resolve(TOKEN_CACHE_NAME));
            tmp = null;
        } catch (IOException | RuntimeException e) {
            note(Messages.get("data.imdb.noTokenCache", cacheDir, e.getMessage()));
        } finally {
            CacheFiles.deleteQuietly(tmp);
        }
    }

    // ------------------------------------------------------------------ download

    private ImdbCorpus download(Path target) {
        Path part = ImdbDownload.fetch(downloadUrl, cacheDir, target, this::withProgress, this::note);
        try {
            archiveReads++;
            ImdbCorpus c;
            try {
                c = ImdbArchive.read(part, in -> withProgress(in, Messages.get("data.imdb.checkingTask"), CacheFiles.size(part)));
            } catch (ImdbArchive.BadArchiveException e) {
                throw new ImdbException(Messages.get(e.corrupt ? "data.imdb.downloadCorrupt" : "data.imdb.downloadNotImdb",
                        downloadUrl, target, e.getMessage()));
            }
            CacheFiles.moveAtomically(part, target);
            lastSource = "download";
            return c;
        } catch (IOException e) {
            throw new ImdbException(Messages.get("data.imdb.downloadFailed", downloadUrl, cacheDir, e), e);
        } finally {
            CacheFiles.deleteQuietly(part); // nothing there once it was moved into place
        }
    }

    // ------------------------------------------------------------------ helpers

    private InputStream withProgress(InputStream in, String task, long max) {
        if (!progress) {
            return in;
        }
        ProgressBarBuilder pb = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max > 0 ? max : -1)
                .setUnit("MB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(log, 100));
        if (max > 0) {
            pb.showSpeed();
        }
        return ProgressBar.wrap(in, pb);
    }

    private void note(String line) {
        if (progress) {
            log.println(line);
        }
    }

    static Path defaultCacheDir(Function<String, String> env) {
        String xdg = env.apply("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg.trim()).isAbsolute()) {
            return Path.of(xdg.trim(), "rnn-course");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "rnn-course");
    }
}
