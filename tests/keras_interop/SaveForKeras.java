import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.rnncourse.nn.*;
import org.rnncourse.nn.layers.*;
import org.rnncourse.nn.optimizers.*;
import org.rnncourse.nn.trainers.*;

/**
 * Trains a small model with every layer kind of the library for a few steps, saves it as
 * model.keras (and its weights as model.weights.h5) in the folder given as the first argument, with
 * inputs.json and predictions.json: the Keras interop test loads the file in Keras and compares.
 * Run as a single-file program: java -cp rnn-course.jar SaveForKeras.java OUT_DIR
 */
public class SaveForKeras {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Random rng = new Random(11);
        int n = 32, steps = 7, vocab = 30;
        int[][] x = new int[n][steps];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) x[i][t] = rng.nextInt(vocab);
            y[i] = x[i][0] > vocab / 2 ? 1 : 0;
        }
        Sequential m = new Sequential(5, new Input(steps), new Embedding(vocab, 6),
                SimpleRNN.builder(5).returnSequences(true).build(),
                new Bidirectional(LSTM.builder(4).returnSequences(true).build()),
                new Bidirectional(new GRU(3)), new Dropout(0.2), new Dense(4, "relu"), new Dense(1, "sigmoid"));
        m.compile(new Adam(0.01), "binary_crossentropy", "accuracy");
        m.fit(x, y, new FitOptions().epochs(3).batchSize(8).verbose(0));
        m.save(out.resolve("model.keras"));
        m.saveWeights(out.resolve("model.weights.h5"));
        double[] p = m.predict(x).data();
        StringBuilder xs = new StringBuilder("["), ps = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            xs.append(i == 0 ? "" : ",").append(java.util.Arrays.toString(x[i]));
            ps.append(i == 0 ? "" : ",").append(p[i]);
        }
        Files.writeString(out.resolve("inputs.json"), xs.append("]").toString());
        Files.writeString(out.resolve("predictions.json"), ps.append("]").toString());
        Files.writeString(out.resolve("iterations.txt"), Long.toString(m.optimizer().iterations()));
        // Every optimizer's state, on a small model: opt-rmsprop.keras, opt-sgd_momentum.keras, opt-sgd.keras.
        Optimizer[] others = {new RMSprop(0.01), new SGD(0.05, 0.9, false), new SGD(0.05)};
        String[] names = {"rmsprop", "sgd_momentum", "sgd"};
        for (int k = 0; k < others.length; k++) {
            Sequential s = new Sequential(1, new Input(steps), new Embedding(vocab, 3), new LSTM(2), new Dense(1, "sigmoid"));
            s.compile(others[k], "binary_crossentropy", "accuracy");
            s.fit(x, y, new FitOptions().epochs(1).batchSize(8).verbose(0));
            s.save(out.resolve("opt-" + names[k] + ".keras"));
        }
    }
}
