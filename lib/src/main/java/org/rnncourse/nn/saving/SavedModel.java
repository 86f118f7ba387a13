package org.rnncourse.nn.saving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;

/**
 * Reuses a model an earlier lesson saved instead of training it again: loads the file if it is
 * there, otherwise trains one with the code given (and saves it for next time), and says in one
 * line which of the two happened (in the learner's language: the bundle's {@code nn.saved.*}).
 */
public final class SavedModel {
    private SavedModel() {}

    /**
     * {@code SavedModel.loadOrTrain(Course.savedModel("imdb-simple-rnn.keras"), () -> …train…)}:
     * the model from {@code path} if it loads, else the one {@code train} returns, saved to {@code path}.
     */
    public static Sequential loadOrTrain(String path, Supplier<Sequential> train) {
        if (path == null || train == null) throw new IllegalArgumentException(Messages.get("nn.saved.arguments"));
        Path file = Path.of(path);
        if (Files.isRegularFile(file)) {
            try {
                Sequential m = Sequential.loadModel(file);
                System.out.println(Messages.get("nn.saved.loaded", file));
                return m;
            } catch (ModelFileException e) {
                System.out.println(Messages.get("nn.saved.unloadable", e.getMessage()));
            }
        } else {
            System.out.println(Messages.get("nn.saved.none", file));
        }
        Sequential m = train.get();
        if (m == null) throw new IllegalArgumentException(Messages.get("nn.saved.nullModel"));
        m.save(file);
        System.out.println(Messages.get("nn.saved.trained", file));
        return m;
    }
}
