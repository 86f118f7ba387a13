package org.rnncourse.nn.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnncourse.Course;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;

/** Saving's and loading's errors in both languages: a wrong or damaged file, a folder, a model of another shape. */
class SavingErrorsTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    @Test
    void badFilesAreToldInVietnameseWithThePathKept() throws IOException {
        Sequential m = new Sequential(1, new Input(3, 2), new Dense(2));
        Path text = Files.writeString(dir.resolve("text.keras"), "damaged");
        Path weights = dir.resolve("w.weights.h5");
        m.saveWeights(weights);
        Course.setLanguage("vi");
        assertEquals("không nạp được mô hình từ " + text + ": đây không phải tệp .keras (tệp .keras là một tệp zip; tệp này bắt đầu "
                + "bằng các byte khác)", assertThrows(ModelFileException.class, () -> Sequential.loadModel(text)).getMessage());
        assertTrue(assertThrows(ModelFileException.class, () -> Sequential.loadModel(weights)).getMessage()
                .endsWith("nó là HDF5, chỉ có trọng số chăng? hãy dùng loadWeights)"));
        assertTrue(assertThrows(ModelFileException.class, () -> m.loadWeights(text)).getMessage()
                .equals("không nạp được trọng số từ " + text + ": đây không phải tệp HDF5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.save(dir.resolve("m.txt"))).getMessage()
                .contains("tên tệp phải kết thúc bằng .keras (như trong Keras)"));
        Path missing = dir.resolve("missing.keras");
        assertEquals("không nạp được một mô hình: " + missing + " không tồn tại",
                assertThrows(ModelFileException.class, () -> Sequential.loadModel(missing)).getMessage());
        Path folder = Files.createDirectories(dir.resolve("folder.keras"));
        assertEquals("không lưu được mô hình vào " + folder + ": đó là một thư mục; hãy đưa một tên tệp bên trong nó, ví dụ "
                + folder.resolve("model.keras"), assertThrows(ModelFileException.class, () -> m.save(folder)).getMessage());
        Course.setLanguage("en");
        assertEquals("cannot load the model from " + text + ": it is not a .keras file (a .keras file is a zip archive; this one starts "
                + "with other bytes)", assertThrows(ModelFileException.class, () -> Sequential.loadModel(text)).getMessage());
        assertEquals("cannot load weights from " + text + ": it is not an HDF5 file",
                assertThrows(ModelFileException.class, () -> m.loadWeights(text)).getMessage());
        assertEquals("cannot load a model: " + dir.resolve("missing.keras") + " does not exist",
                assertThrows(ModelFileException.class, () -> Sequential.loadModel(dir.resolve("missing.keras"))).getMessage());
    }

    @Test
    void weightsOfAnotherArchitectureAreRefusedInVietnameseToo() {
        Sequential m = new Sequential(1, new Input(6), new Embedding(20, 4), new SimpleRNN(5), new Dense(1, "sigmoid"));
        Path file = dir.resolve("w.weights.h5");
        m.saveWeights(file);
        Sequential renamed = new Sequential(2, new Input(6), new Embedding(20, 4), new GRU(5), new Dense(1, "sigmoid"));
        String en = assertThrows(ModelFileException.class, () -> renamed.loadWeights(file)).getMessage();
        Course.setLanguage("vi");
        String vi = assertThrows(ModelFileException.class, () -> renamed.loadWeights(file)).getMessage();
        assertTrue(en.startsWith("cannot load weights from " + file + ": it has weights for a layer 'simple_rnn' that the model "
                + "does not have (the model's layers: [embedding, gru, dense]; the file's: "), en);
        assertTrue(vi.startsWith("không nạp được trọng số từ " + file + ": nó có trọng số cho một tầng 'simple_rnn' mà mô hình "
                + "không có (các tầng của mô hình: [embedding, gru, dense]; của tệp: "), vi);
    }
}
