package org.rnncourse.nn.saving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;

/**
 * Reuses a model an earlier lesson saved instead of training it again: loads the file if it is
 * there, otherwise trains one with the code given (and saves it for next time), and says in one
 * line which of the two happened.
 */
public final class SavedModel {
    private SavedModel() {}

    /**
     * {@code SavedModel.loadOrTrain(Course.savedModel("imdb-simple-rnn.keras"), () -> …train…)}:
     * the model from {@code path} if it loads, else the one {@code train} returns, saved to {@code path}.
     */
    public static Sequential loadOrTrain(String path, Supplier<Sequential> train) {
        if (path == null || train == null) throw new IllegalArgumentException("loadOrTrain needs a path and the code that trains");
        Path file = Path.of(path);
        if (Files.isRegularFile(file)) {
            try {
                Sequential m = Sequential.loadModel(file);
                System.out.println(Messages.get("out.savedModel.loaded", file));
                return m;
            } catch (ModelFileException e) {
                System.out.println(Messages.get("out.savedModel.unreadable", e.getMessage()));
            }
        } else {
            System.out.println(Messages.get("out.savedModel.missing", file));
        }
        Sequential m = train.get();
        if (m == null) throw new IllegalArgumentException("loadOrTrain: the training code returned null instead of a model");
        m.save(file);
        System.out.println(Messages.get("out.savedModel.trained", file));
        return m;
    }
}
