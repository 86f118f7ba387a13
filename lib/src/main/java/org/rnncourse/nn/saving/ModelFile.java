package org.rnncourse.nn.saving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;

/**
 * Saved models: Keras 3's {@code .keras} file and its {@code .weights.h5} weights file.
 *
 * <p>A {@code .keras} file is a zip archive with Keras's three entries, so that Keras's
 * {@code keras.saving.load_model} opens it, plus one of this library:
 * <ul>
 *   <li>{@code metadata.json}: the Keras version whose format is followed and the date;</li>
 *   <li>{@code config.json}: the architecture and the compile settings ({@link KerasConfig});</li>
 *   <li>{@code model.weights.h5}: the weights and the optimizer's state, HDF5 ({@link KerasWeights});</li>
 *   <li>{@code rnn-course.json}: this format's version, the SHA-256 of each entry above, and the
 *       model's random generator state (so shuffles and dropout masks go on where they stopped).
 *       Keras ignores it.</li>
 * </ul>
 * A {@code .weights.h5} file is the HDF5 part alone (without the optimizer), its root group
 * carrying the format version and a checksum of its numbers. Every write is atomic ({@link AtomicFile}).
 */
public final class ModelFile {
    static final int FORMAT_VERSION = 1;
    static final String CONFIG = "config.json", METADATA = "metadata.json", WEIGHTS = "model.weights.h5",
            MANIFEST = "rnn-course.json";
    /** The Keras release whose file layout this follows (the interop test loads our files with it). */
    static final String KERAS_VERSION = "3.15.1";
    private static final String FORMAT_ATTRIBUTE = "rnn_course_format", DIGEST_ATTRIBUTE = "rnn_course_sha256";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {}

    // ---- .keras --------------------------------------------------------------------------------

    public static void save(Sequential model, Path path) {
        requireSuffix(path, ".keras", "save", "model.save(\"models/imdb.keras\")");
        requireBuilt(model, path);
        byte[] config = json(KerasConfig.of(model));
        byte[] metadata = json(KerasConfig.map("keras_version", KERAS_VERSION, "date_saved",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")),
                "saved_by", "rnn-course " + libraryVersion()));
        AtomicFile.write(path, Messages.get("nn.file.what.theModel"), tmp -> {
            byte[] weights = hdf5(model, true, tmp, Map.of());
            Map<String, Object> sums = new LinkedHashMap<>();
            sums.put(METADATA, hex(metadata));
            sums.put(CONFIG, hex(config));
            sums.put(WEIGHTS, hex(weights));
            byte[] manifest = json(KerasConfig.map("format", "rnn-course .keras", "format_version", FORMAT_VERSION,
                    "sha256", sums, "random_state", seedOf(model.random())));
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                stored(zip, METADATA, metadata);
                stored(zip, CONFIG, config);
                stored(zip, WEIGHTS, weights);
                stored(zip, MANIFEST, manifest);
            }
        });
    }

    public static Sequential load(Path path) {
        if (path == null) throw new IllegalArgumentException(Messages.get("nn.file.nullPath", "loadModel"));
        String file = path.toString();
        Map<String, byte[]> entries = unzip(AtomicFile.read(path, Messages.get("nn.file.what.aModel")), file);
        for (String need : new String[] {CONFIG, WEIGHTS}) {
            if (!entries.containsKey(need)) {
                throw new ModelFileException(Messages.get("nn.file.notAModel", file, need, entries.keySet()));
            }
        }
        Map<String, Object> manifest = entries.containsKey(MANIFEST) ? parse(entries.get(MANIFEST), MANIFEST, file) : null;
        if (manifest != null) {
            checkVersion(manifest.get("format_version"), file);
            if (!(manifest.get("sha256") instanceof Map<?, ?> sums)) {
                throw new ModelFileException(Messages.get("nn.file.noChecksums", file, MANIFEST));
            }
            for (Map.Entry<?, ?> e : sums.entrySet()) {
                byte[] data = entries.get(String.valueOf(e.getKey()));
                if (data == null || !hex(data).equals(e.getValue())) {
                    throw new ModelFileException(Messages.get(data == null ? "nn.file.entryMissing" : "nn.file.entryChecksum", file, e.getKey()));
                }
            }
        }
        Sequential model = KerasConfig.model(parse(entries.get(CONFIG), CONFIG, file), file);
        KerasWeights.Loaded w = KerasWeights.read(entries.get(WEIGHTS), model, true, file);
        w.apply();
        if (model.optimizer() != null) w.applyOptimizer(model.optimizer());
        if (manifest != null && manifest.get("random_state") instanceof Number n) restore(model.random(), n.longValue());
        return model;
    }

    // ---- .weights.h5 ---------------------------------------------------------------------------

    public static void saveWeights(Sequential model, Path path) {
        requireSuffix(path, ".weights.h5", "saveWeights", "model.saveWeights(\"models/imdb.weights.h5\")");
        requireBuilt(model, path);
        Map<String, String> attrs = Map.of(FORMAT_ATTRIBUTE, Integer.toString(FORMAT_VERSION),
                DIGEST_ATTRIBUTE, KerasWeights.digest(model, false));
        AtomicFile.write(path, Messages.get("nn.file.what.theWeights"), tmp -> KerasWeights.write(tmp, model, false, attrs));
    }

    public static void loadWeights(Sequential model, Path path) {
        if (path == null) throw new IllegalArgumentException(Messages.get("nn.file.nullPath", "loadWeights"));
        String file = path.toString();
        if (!model.isBuilt()) {
            throw new ModelFileException(Messages.get("nn.file.weightsNotBuilt", file));
        }
        byte[] bytes = AtomicFile.read(path, Messages.get("nn.file.what.weights"));
        if (bytes.length < 8 || bytes[1] != 'H' || bytes[2] != 'D' || bytes[3] != 'F') {
            throw new ModelFileException(Messages.get(bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K'
                    ? "nn.file.weightsAreAZip" : "nn.file.notHdf5", file));
        }
        KerasWeights.Loaded w = KerasWeights.read(bytes, model, false, file);
        String version = w.attributes.get(FORMAT_ATTRIBUTE);
        if (version != null) checkVersion(version, file);
        String digest = w.attributes.get(DIGEST_ATTRIBUTE);
        if (digest != null && !digest.equals(w.digest())) {
            throw new ModelFileException(Messages.get("nn.file.weightsChecksum", file));
        }
        w.apply();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Writes the HDF5 part to a temporary file beside {@code near} (jHDF writes files) and returns its bytes. */
    private static byte[] hdf5(Sequential model, boolean withOptimizer, Path near, Map<String, String> attrs)
            throws IOException {
        Path h5 = Files.createTempFile(near.toAbsolutePath().getParent(), ".weights", ".h5.tmp");
        try {
            KerasWeights.write(h5, model, withOptimizer, attrs);
            return Files.readAllBytes(h5);
        } finally {
            Files.deleteIfExists(h5);
        }
    }

    /** A zip entry stored without compression, as Keras writes them (weights hardly compress). */
    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static Map<String, byte[]> unzip(byte[] bytes, String file) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new ModelFileException(Messages.get(bytes.length == 0 ? "nn.file.emptyNotKeras"
                    : bytes.length >= 4 && bytes[1] == 'H' && bytes[2] == 'D' ? "nn.file.hdf5NotKeras" : "nn.file.notKeras", file));
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        // ZipInputStream checks each entry's CRC-32 and notices an archive cut short.
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) out.put(e.getName(), zip.readAllBytes());
        } catch (IOException e) {
            throw new ModelFileException(Messages.get("nn.file.zipDamaged", file, e.getMessage()), e);
        }
        if (out.isEmpty()) {
            throw new ModelFileException(Messages.get("nn.file.zipEmpty", file));
        }
        return out;
    }

    private static void checkVersion(Object version, String file) {
        int v;
        try {
            v = Integer.parseInt(String.valueOf(version));
        } catch (NumberFormatException e) {
            throw new ModelFileException(Messages.get("nn.file.versionNotANumber", file, String.valueOf(version)));
        }
        if (v > FORMAT_VERSION || v < 1) {
            throw new ModelFileException(Messages.get(v > FORMAT_VERSION ? "nn.file.newerVersion" : "nn.file.badVersion", file, v,
                    FORMAT_VERSION));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] json, String entry, String file) {
        try {
            Object o = JSON.readValue(json, Object.class);
            if (o instanceof Map) return (Map<String, Object>) o;
        } catch (IOException e) {
            throw new ModelFileException(Messages.get("nn.file.badJson", file, entry,
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        throw new ModelFileException(Messages.get("nn.file.notAnObject", file, entry));
    }

    private static byte[] json(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path given as text, e.g. {@code "models/imdb.keras"}; {@code method} names the call in the error. */
    public static Path path(String method, String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(Messages.get(path == null ? "nn.file.pathNull" : "nn.file.pathEmpty", method));
        }
        try {
            return Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(Messages.get("nn.file.invalidPath", method, path, e.getReason()));
        }
    }

    private static void requireSuffix(Path path, String suffix, String method, String example) {
        if (path == null) throw new IllegalArgumentException(Messages.get("nn.file.nullPath", method));
        if (!path.getFileName().toString().endsWith(suffix)) {
            throw new IllegalArgumentException(Messages.get("nn.file.suffix", method, suffix, path, example));
        }
    }

    private static void requireBuilt(Sequential model, Path path) {
        if (!model.isBuilt()) {
            throw new ModelFileException(Messages.get("nn.file.noWeightsYet", path));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    private static String libraryVersion() {
        String v = ModelFile.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    // java.util.Random keeps its 48-bit state private. Its serialized form ends with the fields
    // haveNextNextGaussian (1 byte), nextNextGaussian (8) and seed (8), then an end-of-block byte:
    // the seed is read from there, and setSeed(seed ^ multiplier) puts exactly that state back.
    private static final long MULTIPLIER = 0x5DEECE66DL;

    static long seedOf(Random r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] b = bytes.toByteArray();
        return ByteBuffer.wrap(b, b.length - 9, 8).getLong();
    }

    static void restore(Random r, long seed) {
        r.setSeed(seed ^ MULTIPLIER);
    }
}
