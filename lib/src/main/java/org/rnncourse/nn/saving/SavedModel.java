package org.rnncourse.nn.saving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
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
                System.out.println("Loaded the saved model from " + file + " (no training needed).");
                return m;
            } catch (ModelFileException e) {
                System.out.println("The saved model could not be loaded (" + e.getMessage() + "): training a new one.");
            }
        } else {
            System.out.println("No saved model at " + file + " (lesson 08 saves it): training one now.");
        }
        Sequential m = train.get();
        if (m == null) throw new IllegalArgumentException("loadOrTrain: the training code returned null instead of a model");
        m.save(file);
        System.out.println("Trained, and saved to " + file + " for next time.");
        return m;
    }
}
