package org.rnncourse.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.lessons.ClippingDemo;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.optimizers.SGD;
import org.rnncourse.nn.trainers.FitOptions;

/**
 * Run in a JVM of its own by {@link SameResultsOnBothPathsTest}, with and without the Vector API
 * module: training runs of the lessons' kinds, every loss printed as its exact bits.
 */
public final class SameRunProbe {
    private SameRunProbe() {}

    public static void main(String[] args) {
        System.out.println("path: " + Fast.description());
        System.out.print(report());
    }

    /** The runs' losses, one line per run, each loss as the hex bits of its double. */
    static String report() {
        StringBuilder sb = new StringBuilder();
        // Lesson 09: SGD(0.5) with and without clipping, 30 epochs (the plain one diverges).
        List<ClippingDemo.Run> runs = List.of(
                ClippingDemo.train("SGD", new SGD(0.5), 2.0, 30),
                ClippingDemo.train("clipnorm", new SGD(0.5).clipnorm(1.0), 2.0, 30),
                ClippingDemo.train("globalClipnorm", new SGD(0.5).globalClipnorm(1.0), 2.0, 30));
        for (ClippingDemo.Run r : runs) {
            sb.append(r.label()).append(" diverged at ").append(r.divergedAtEpoch()).append(':');
            for (double l : r.losses()) sb.append(' ').append(Long.toHexString(Double.doubleToLongBits(l)));
            sb.append('\n');
        }
        // Lesson 08's kind: Embedding → SimpleRNN → Dropout → Dense(sigmoid), Adam, a validation split,
        // on shapes with tails (units not a multiple of a vector, batch not a multiple of 4).
        Random rng = new Random(5);
        int n = 301, steps = 23;
        int[][] ids = new int[n][steps];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) ids[i][t] = rng.nextInt(200);
            y[i] = (ids[i][steps - 1] + ids[i][steps - 2]) % 2;
        }
        Sequential m = new Sequential(7, new Input(steps), new Embedding(200, 24), new SimpleRNN(37), new Dropout(0.5),
                new Dense(1, "sigmoid"));
        m.compile(new Adam(0.01), "binary_crossentropy", "accuracy");
        History h = m.fit(org.rnncourse.nn.backend.Tensor.of(ids), org.rnncourse.nn.backend.Tensor.of(y),
                new FitOptions().epochs(4).batchSize(32).validationSplit(0.2).verbose(0));
        for (String key : new ArrayList<>(h.history().keySet())) {
            sb.append("imdb-like ").append(key).append(':');
            for (double v : h.get(key)) sb.append(' ').append(Long.toHexString(Double.doubleToLongBits(v)));
            sb.append('\n');
        }
        return sb.toString();
    }
}
