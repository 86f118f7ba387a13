package org.rnncourse.nn.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.Callback;
import org.rnncourse.nn.callbacks.ModelCheckpoint;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.optimizers.Optimizer;
import org.rnncourse.nn.optimizers.RMSprop;
import org.rnncourse.nn.optimizers.SGD;
import org.rnncourse.nn.trainers.FitOptions;

/** model.save / Sequential.loadModel / saveWeights / loadWeights: what comes back, and what is refused. */
class SavingTest {
    @org.junit.jupiter.api.AfterEach
    void backToEnglish() {
        org.rnncourse.Course.setLanguage("en");
    }

    @TempDir
    Path dir;

    /** Every layer kind the library has, on token ids: Embedding, SimpleRNN, Bidirectional(LSTM), GRU, Dropout, Dense. */
    static Sequential everyLayer(long seed, Optimizer opt) {
        Sequential m = new Sequential(seed, new Input(6), new Embedding(20, 4),
                SimpleRNN.builder(5).returnSequences(true).build(),
                new Bidirectional(LSTM.builder(3).returnSequences(true).build()),
                new GRU(4), new Dropout(0.3), new Dense(1, "sigmoid"));
        m.compile(opt, "binary_crossentropy", "accuracy");
        return m;
    }

    static int[][] ids(int n, Random rng) {
        int[][] x = new int[n][6];
        for (int[] row : x) for (int t = 0; t < 6; t++) row[t] = rng.nextInt(20);
        return x;
    }

    static double[] labels(int[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i][0] > 9 ? 1 : 0;
        return y;
    }

    private static final int[][] X = ids(40, new Random(5));
    private static final double[] Y = labels(X);

    private static FitOptions oneEpoch() {
        return new FitOptions().epochs(1).batchSize(8).verbose(0);
    }

    /**
     * fit 2 epochs == fit 1, save, load, fit 1 more: weights, optimizer state and the random generator
     * (dropout masks) go on. Without shuffling: fit shuffles an order it keeps between epochs of one
     * call, so a second call shuffles from the start again (as random, not the same numbers).
     */
    @Test
    void trainingResumesWhereItStoppedForEveryOptimizer() {
        List<Supplier<Optimizer>> optimizers = List.of(() -> new Adam(0.01).clipnorm(1.0), () -> new RMSprop(0.01),
                () -> new SGD(0.05, 0.9, true), () -> new SGD(0.05));
        for (Supplier<Optimizer> opt : optimizers) {
            Sequential straight = everyLayer(7, opt.get());
            straight.fit(X, Y, oneEpoch().epochs(2).shuffle(false));

            Sequential first = everyLayer(7, opt.get());
            first.fit(X, Y, oneEpoch().shuffle(false));
            Path file = dir.resolve(first.optimizer().name() + ".keras");
            first.save(file);
            Sequential resumed = Sequential.loadModel(file);
            assertEquals(first.optimizer().iterations(), resumed.optimizer().iterations());
            resumed.fit(X, Y, oneEpoch().shuffle(false));

            List<double[]> a = straight.getWeights(), b = resumed.getWeights();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i), b.get(i), 1e-12, straight.optimizer() + ": weight " + i
                        + " " + straight.parameters().get(i));
            }
            assertEquals(straight.optimizer().iterations(), resumed.optimizer().iterations());
        }
    }

    @Test
    void aLoadedModelHasTheSameArchitectureCompileSettingsAndPredictions() {
        Sequential m = everyLayer(3, new Adam(0.005, 0.8, 0.99, 1e-6).clipvalue(0.5)).name("every_layer");
        m.fit(X, Y, oneEpoch());
        Path file = dir.resolve("m.keras");
        m.save(file);
        Sequential back = Sequential.loadModel(file.toString());
        assertEquals(m.summaryText(), back.summaryText());
        assertEquals("every_layer", back.name());
        assertEquals(m.optimizer().kerasConfig(), back.optimizer().kerasConfig());
        assertEquals(m.loss().name(), back.loss().name());
        assertEquals(m.trainer().metricNames(), back.trainer().metricNames());
        assertArrayEquals(m.predict(X).data(), back.predict(X).data(), 0.0);
        assertEquals(m.evaluate(Tensor.of(X), Tensor.of(Y)), back.evaluate(Tensor.of(X), Tensor.of(Y)));
    }

    @Test
    void aKerasFileHasKerasEntriesAndOurChecksums() throws IOException {
        Sequential m = everyLayer(3, new Adam());
        Path file = dir.resolve("m.keras");
        m.save(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertEquals(List.of("metadata.json", "config.json", "model.weights.h5", "rnn-course.json"),
                    zip.stream().map(ZipEntry::getName).toList());
            String config = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes());
            for (String s : List.of("\"class_name\" : \"Sequential\"", "\"class_name\" : \"Bidirectional\"",
                    "\"return_sequences\" : true", "\"batch_shape\" : [ null, 6 ]", "\"class_name\" : \"Adam\"")) {
                assertTrue(config.contains(s), s + " in " + config);
            }
            String manifest = new String(zip.getInputStream(zip.getEntry("rnn-course.json")).readAllBytes());
            assertTrue(manifest.contains("\"format_version\" : 1"), manifest);
            assertTrue(manifest.contains("\"model.weights.h5\" : \""), manifest);
        }
    }

    @Test
    void weightsAloneRoundTripIntoAModelOfTheSameShape() {
        Sequential m = everyLayer(3, new Adam());
        m.fit(X, Y, oneEpoch());
        Path file = dir.resolve("w.weights.h5");
        m.saveWeights(file);
        Sequential other = everyLayer(99, new Adam());
        assertNotEquals(m.getWeights().get(0)[0], other.getWeights().get(0)[0]);
        other.loadWeights(file);
        assertArrayEquals(m.predict(X).data(), other.predict(X).data(), 0.0);
        assertEquals(0, other.optimizer().iterations(), "weights alone carry no optimizer state");
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedNamingTheLayerAndShapeAndChangeNothing() {
        Sequential m = new Sequential(1, new Input(6), new Embedding(20, 4), new SimpleRNN(5), new Dense(1, "sigmoid"));
        Path file = dir.resolve("w.weights.h5");
        m.saveWeights(file);

        Sequential wider = new Sequential(2, new Input(6), new Embedding(20, 4), new SimpleRNN(7), new Dense(1, "sigmoid"));
        List<double[]> before = wider.getWeights();
        ModelFileException e = assertThrows(ModelFileException.class, () -> wider.loadWeights(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("layer 'simple_rnn' weight kernel has shape (4, 5) in the file but (4, 7) in the model"),
                e.getMessage());
        assertUnchanged(before, wider);

        Sequential renamed = new Sequential(2, new Input(6), new Embedding(20, 4), new GRU(5), new Dense(1, "sigmoid"));
        List<double[]> before2 = renamed.getWeights();
        e = assertThrows(ModelFileException.class, () -> renamed.loadWeights(file));
        assertTrue(e.getMessage().contains("a layer 'simple_rnn' that the model does not have"), e.getMessage());
        assertUnchanged(before2, renamed);
    }

    @Test
    void truncatedCorruptAndForeignFilesGetOneClearErrorAndLeaveTheModelAsItWas() throws IOException {
        Sequential m = everyLayer(3, new Adam());
        Path good = dir.resolve("good.keras");
        m.save(good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.keras");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertLoadFails(truncated, "damaged or truncated");

        byte[] flipped = bytes.clone();
        int at = indexOf(flipped, "model.weights.h5".getBytes()) + 2000; // inside the weights entry's data
        flipped[at] ^= 0x40;
        Path corrupt = dir.resolve("corrupt.keras");
        Files.write(corrupt, flipped);
        assertLoadFails(corrupt, "damaged");

        Path text = dir.resolve("notes.keras");
        Files.writeString(text, "these are my notes, not a model");
        assertLoadFails(text, "not a .keras file");

        Path otherZip = dir.resolve("other.keras");
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(z)) {
            out.putNextEntry(new ZipEntry("photo.jpg"));
            out.write(new byte[] {1, 2, 3});
        }
        Files.write(otherZip, z.toByteArray());
        assertLoadFails(otherZip, "not a .keras model (it has no config.json");

        assertLoadFails(dir.resolve("missing.keras"), "does not exist");

        // the same damage given to loadWeights leaves the model's weights as they were
        Path w = dir.resolve("w.weights.h5");
        m.saveWeights(w);
        byte[] wb = Files.readAllBytes(w);
        List<double[]> before = m.getWeights();
        Files.write(w, java.util.Arrays.copyOf(wb, wb.length / 3));
        ModelFileException e = assertThrows(ModelFileException.class, () -> m.loadWeights(w));
        assertTrue(e.getMessage().startsWith("cannot load weights from " + w), e.getMessage());
        assertUnchanged(before, m);
        e = assertThrows(ModelFileException.class, () -> m.loadWeights(good));
        assertTrue(e.getMessage().contains("not an HDF5 file"), e.getMessage());
        assertUnchanged(before, m);
    }

    @Test
    void aChangedNumberInAWeightsFileFailsItsChecksum() throws IOException {
        Sequential m = new Sequential(1, new Input(3, 2), new Dense(2));
        Path w = dir.resolve("w.weights.h5");
        m.saveWeights(w);
        byte[] b = Files.readAllBytes(w);
        // Find the first kernel value's bytes (little-endian double) and change its last byte.
        double first = m.getWeights().get(0)[0];
        byte[] le = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(first).array();
        int at = indexOf(b, le);
        assertTrue(at > 0, "the kernel's first value is stored as a little-endian double");
        b[at] ^= 1;
        Files.write(w, b);
        List<double[]> before = m.getWeights();
        ModelFileException e = assertThrows(ModelFileException.class, () -> m.loadWeights(w));
        assertTrue(e.getMessage().contains("do not match the checksum"), e.getMessage());
        assertUnchanged(before, m);
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("m.keras");
        Files.writeString(target, "the old model");
        ModelFileException e = assertThrows(ModelFileException.class, () -> AtomicFile.write(target, "the model", tmp -> {
            Files.write(tmp, new byte[1000]);
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("disk full") && e.getMessage().contains("unchanged"), e.getMessage());
        assertEquals("the old model", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void saveKeepsTheOldFileWhenTheModelCannotBeWritten() throws IOException {
        Path target = dir.resolve("m.keras");
        everyLayer(1, new Adam()).save(target);
        byte[] old = Files.readAllBytes(target);
        Sequential bad = everyLayer(2, new Adam());
        bad.parameters().get(0).value()[0] = Double.NaN; // writes fine, but loading refuses it
        bad.save(target);
        assertThrows(ModelFileException.class, () -> Sequential.loadModel(target));
        Files.write(target, old);
        Sequential unbuilt = new Sequential(new Dense(1));
        ModelFileException e = assertThrows(ModelFileException.class, () -> unbuilt.save(target));
        assertTrue(e.getMessage().contains("no weights yet"), e.getMessage());
        assertArrayEquals(old, Files.readAllBytes(target));
        Path folder = Files.createDirectories(dir.resolve("folder.keras"));
        e = assertThrows(ModelFileException.class, () -> everyLayer(1, new Adam()).save(folder));
        assertTrue(e.getMessage().contains("it is a folder"), e.getMessage());
        IllegalArgumentException suffix = assertThrows(IllegalArgumentException.class,
                () -> everyLayer(1, new Adam()).save(dir.resolve("m.h5")));
        assertTrue(suffix.getMessage().contains("must end in .keras"), suffix.getMessage());
    }

    @Test
    void theRandomGeneratorStateIsReadAndPutBackExactly() {
        Random r = new Random(123);
        for (int i = 0; i < 17; i++) r.nextInt();
        r.nextGaussian();
        long seed = ModelFile.seedOf(r);
        Random copy = new Random();
        ModelFile.restore(copy, seed);
        for (int i = 0; i < 100; i++) assertEquals(r.nextLong(), copy.nextLong());
    }

    @Test
    void modelCheckpointSavesOnlyImprovementsAndTheFileHoldsTheBestEpoch() {
        Sequential m = everyLayer(4, new Adam(0.02));
        Path file = dir.resolve("best.keras");
        ModelCheckpoint cp = new ModelCheckpoint(file.toString()).monitor("val_loss").saveBestOnly(true);
        List<Double> valLoss = new java.util.ArrayList<>();
        List<List<double[]>> weights = new java.util.ArrayList<>();
        Callback record = new Callback() {
            @Override
            public void onEpochEnd(int epoch, java.util.Map<String, Double> logs) {
                valLoss.add(logs.get("val_loss"));
                weights.add(m.getWeights());
            }
        };
        m.fit(X, Y, oneEpoch().epochs(6).validationSplit(0.25).callbacks(cp, record));
        int best = 0;
        for (int i = 1; i < valLoss.size(); i++) if (valLoss.get(i) < valLoss.get(best)) best = i;
        assertEquals(valLoss.get(best), cp.best(), 0.0);
        Sequential loaded = Sequential.loadModel(file);
        List<double[]> w = loaded.getWeights();
        for (int i = 0; i < w.size(); i++) assertArrayEquals(weights.get(best).get(i), w.get(i), 0.0);
    }

    @Test
    void modelCheckpointFillsTheEpochAndSavesWeightsOnlyWhenAsked() {
        Sequential m = everyLayer(4, new Adam());
        ModelCheckpoint cp = new ModelCheckpoint(dir.resolve("w-{epoch:02d}-{loss:.2f}.weights.h5").toString())
                .saveWeightsOnly(true);
        m.fit(X, Y, oneEpoch().epochs(3).callbacks(cp));
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(3, names.size(), names.toString());
            assertTrue(names.get(0).startsWith("w-01-") && names.get(2).startsWith("w-03-"), names.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ModelCheckpoint wrong = new ModelCheckpoint(dir.resolve("x.keras").toString()).saveWeightsOnly(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(X, Y, oneEpoch().callbacks(wrong)));
        assertTrue(e.getMessage().contains("must end in .weights.h5"), e.getMessage());
        ModelCheckpoint unknown = new ModelCheckpoint(dir.resolve("x.keras").toString()).monitor("val_f2").saveBestOnly(true);
        e = assertThrows(IllegalArgumentException.class, () -> m.fit(X, Y, oneEpoch().callbacks(unknown)));
        assertTrue(e.getMessage().contains("mode(\"min\")"), e.getMessage());
    }

    @Test
    void historyHoldsTheEpochsThatFinishedWhenFitStopsEarly() {
        Sequential m = everyLayer(4, new Adam());
        Callback boom = new Callback() {
            @Override
            public void onEpochBegin(int epoch) {
                if (epoch == 2) throw new IllegalStateException("stop here");
            }
        };
        assertThrows(IllegalStateException.class, () -> m.fit(X, Y, oneEpoch().epochs(5).callbacks(boom)));
        assertEquals(2, m.history().epochs());
    }

    @Test
    void aModelOnSequencesOfNumbersRoundTripsToo() {
        Sequential m = new Sequential(2, new Input(10, 1), new LSTM(6), new Dense(3, "relu"), new Dense(1));
        m.compile(new SGD(0.01, 0.5, false).globalClipnorm(2.0), "mse", "mae");
        double[][][] x = new double[12][10][1];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            for (int t = 0; t < 10; t++) x[i][t][0] = Math.sin(i + t * 0.3);
            y[i] = Math.sin(i + 3.0);
        }
        m.fit(x, y, new FitOptions().epochs(2).batchSize(4).verbose(0));
        Path file = dir.resolve("sine.keras");
        m.save(file);
        Sequential back = Sequential.loadModel(file);
        assertEquals(m.summaryText(), back.summaryText());
        assertEquals(m.optimizer().kerasConfig(), back.optimizer().kerasConfig());
        assertArrayEquals(m.predict(x).data(), back.predict(x).data(), 0.0);
    }

    @Test
    void loadOrTrainTrainsOnlyWhenThereIsNoUsableFileAndSaysWhichHappened() throws IOException {
        Path file = dir.resolve("sub").resolve("m.keras");
        int[] trained = {0};
        java.util.function.Supplier<Sequential> train = () -> {
            trained[0]++;
            Sequential m = everyLayer(8, new Adam());
            m.fit(X, Y, oneEpoch());
            return m;
        };
        java.io.PrintStream out = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(said, true));
        try {
            Sequential first = SavedModel.loadOrTrain(file.toString(), train);
            Sequential second = SavedModel.loadOrTrain(file.toString(), train);
            assertEquals(1, trained[0], "the second call loads the file instead of training");
            assertArrayEquals(first.predict(X).data(), second.predict(X).data(), 0.0);
            Files.writeString(file, "damaged");
            SavedModel.loadOrTrain(file.toString(), train);
            assertEquals(2, trained[0], "a file that does not load is replaced by a new model");
        } finally {
            System.setOut(out);
        }
        String text = said.toString();
        assertTrue(text.contains("No saved model at " + file + " (lesson 08 saves it): training one now."), text);
        assertTrue(text.contains("Loaded the saved model from " + file + " (no training needed)."), text);
        assertTrue(text.contains("could not be loaded") && text.contains("not a .keras file"), text);
        Sequential.loadModel(file); // the replacement was saved
        String vi = org.rnncourse.OutputInLanguage.printedIn("vi", () -> SavedModel.loadOrTrain(file.toString(), train));
        assertEquals("Đã nạp mô hình đã lưu từ " + file + " (không cần huấn luyện).", vi.strip());
        Files.delete(file);
        vi = org.rnncourse.OutputInLanguage.printedIn("vi", () -> SavedModel.loadOrTrain(file.toString(), train));
        assertTrue(vi.contains("Chưa có mô hình đã lưu ở " + file + " (bài 08 lưu nó): huấn luyện một mô hình ngay bây giờ."), vi);
        assertTrue(vi.contains("Đã huấn luyện và lưu vào " + file + " cho lần sau."), vi);
        Files.writeString(file, "damaged");
        vi = org.rnncourse.OutputInLanguage.printedIn("vi", () -> SavedModel.loadOrTrain(file.toString(), train));
        assertTrue(vi.contains("Không nạp được mô hình đã lưu (") && vi.contains("): huấn luyện một mô hình mới."), vi);
    }

    @Test
    void badPathsAndNamesAreRefusedWithTheArgumentNamed() {
        Sequential m = everyLayer(1, new Adam());
        for (String bad : new String[] {null, "", "  "}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> m.save(bad)).getMessage().startsWith("save: the path"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Sequential.loadModel(bad)).getMessage()
                    .startsWith("loadModel: the path"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint(bad)).getMessage()
                    .startsWith("ModelCheckpoint: filepath"));
        }
        assertThrows(IllegalArgumentException.class, () -> m.loadWeights((Path) null));
        assertThrows(IllegalArgumentException.class, () -> SavedModel.loadOrTrain(null, () -> m));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.saveWeights(dir.resolve("w.h5").toString()));
        assertTrue(e.getMessage().contains("must end in .weights.h5"), e.getMessage());
        ModelCheckpoint format = new ModelCheckpoint(dir.resolve("m-{epoch:zz}.keras").toString());
        e = assertThrows(IllegalArgumentException.class, () -> m.fit(X, Y, oneEpoch().callbacks(format)));
        assertTrue(e.getMessage().contains("{epoch:zz}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("m.keras").mode("best"));
    }

    @Test
    void kerasSettingsThisLibraryDoesNotHaveAreRefusedByName() throws IOException {
        Sequential m = new Sequential(1, new Input(6), new Embedding(20, 4), new SimpleRNN(5), new Dense(1, "sigmoid"));
        m.compile(new Adam(), "binary_crossentropy");
        Path good = dir.resolve("good.keras");
        m.save(good);
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(good.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        entries.remove("rnn-course.json"); // as Keras writes it: no manifest, no checksums
        String config = new String(entries.get("config.json"));
        assertLoadFails(rewritten("nobias.keras", entries, config.replaceFirst("\"use_bias\" : true", "\"use_bias\" : false")),
                "has use_bias=false; this library supports only use_bias=true");
        assertLoadFails(rewritten("conv.keras", entries, config.replace("\"SimpleRNN\"", "\"Conv1D\"")),
                "the layer type Conv1D is not one this library has");
        assertLoadFails(rewritten("broken.keras", entries, config.substring(0, config.length() / 2)),
                "config.json is not valid JSON");
        // and unchanged, without the manifest, it loads (a file Keras wrote has none)
        Sequential back = Sequential.loadModel(rewritten("plain.keras", entries, config));
        assertArrayEquals(m.predict(X).data(), back.predict(X).data(), 0.0);
    }

    private Path rewritten(String name, java.util.Map<String, byte[]> entries, String config) throws IOException {
        Path p = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getKey().equals("config.json") ? config.getBytes() : e.getValue());
            }
        }
        return p;
    }

    @Test
    void anUncompiledModelRoundTripsWithoutCompileSettings() {
        Sequential m = new Sequential(4, new Input(6), new Embedding(20, 4), new GRU(3), new Dense(2, "softmax"));
        Path file = dir.resolve("plain.keras");
        m.save(file);
        Sequential back = Sequential.loadModel(file);
        assertEquals(null, back.optimizer());
        assertArrayEquals(m.predict(X).data(), back.predict(X).data(), 0.0);
    }

    private static void assertLoadFails(Path file, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> Sequential.loadModel(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("io.jhdf") || e.getMessage().contains("Exception"), e.getMessage());
    }

    private static void assertUnchanged(List<double[]> before, Sequential m) {
        List<double[]> now = m.getWeights();
        for (int i = 0; i < now.size(); i++) assertArrayEquals(before.get(i), now.get(i), 0.0, "weight " + i);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
