package org.rnncourse.nn.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.SGD;
import org.rnncourse.nn.trainers.FitOptions;

/**
 * EarlyStopping inside a real fit, with the monitored value replaced by a scripted sequence (a
 * callback placed before it rewrites the logs), so the stopping epoch is the one Keras 3 picks.
 */
public class EarlyStoppingTest {

    /** Puts script[epoch] into the logs and remembers the weights at the end of each epoch. */
    static final class Script implements Callback {
        final String key;
        final double[] values;
        final List<List<double[]>> weights = new ArrayList<>();
        Sequential model;

        Script(String key, double... values) {
            this.key = key;
            this.values = values;
        }

        @Override
        public void setModel(Sequential model) {
            this.model = model;
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            logs.put(key, values[epoch]);
            weights.add(model.getWeights());
        }
    }

    static Sequential model() {
        Sequential m = new Sequential(11L, new Input(3, 1), new SimpleRNN(2), new Dense(1));
        m.compile(new SGD(0.05), "mse", "mae");
        return m;
    }

    static History run(Sequential m, int epochs, Callback... callbacks) {
        double[][][] x = new double[8][3][1];
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            for (int t = 0; t < 3; t++) x[i][t][0] = Math.sin(i + t);
            y[i] = Math.cos(i);
        }
        return m.fit(x, y, new FitOptions().epochs(epochs).batchSize(4).validationSplit(0.25).verbose(0)
                .callbacks(callbacks));
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        Script s = new Script("val_loss", 1.0, 0.8, 0.85, 0.9, 0.7, 0.6, 0.5, 0.4);
        EarlyStopping es = new EarlyStopping("val_loss", 2);
        History h = run(model(), 8, s, es);
        // Epoch 1 (0-based) is the best; epochs 2 and 3 do not improve; wait reaches 2 at epoch 3.
        assertEquals(4, h.epochs());
        assertEquals(3, es.stoppedEpoch());
        assertEquals(1, es.bestEpoch());
        assertEquals(List.of(1.0, 0.8, 0.85, 0.9), h.get("val_loss"));
    }

    @Test
    void minDeltaDemandsALargerImprovement() {
        Script s = new Script("val_loss", 1.0, 0.95, 0.9, 0.5, 0.4);
        EarlyStopping es = new EarlyStopping("val_loss", 2, 0.1, false);
        assertEquals(3, run(model(), 5, s, es).epochs());
        // Without min_delta, 0.95 and 0.9 are improvements and all 5 epochs run.
        Script s2 = new Script("val_loss", 1.0, 0.95, 0.9, 0.5, 0.4);
        assertEquals(5, run(model(), 5, s2, new EarlyStopping("val_loss", 2)).epochs());
    }

    @Test
    void patienceZeroStopsAtTheFirstWorseEpochButNeverAfterTheFirst() {
        Script s = new Script("val_loss", 1.0, 1.1, 0.5);
        assertEquals(2, run(model(), 3, s, new EarlyStopping("val_loss", 0)).epochs());
    }

    @Test
    void accuracyIsMaximisedAutomatically() {
        Sequential m = model();
        m.compile(new SGD(0.05), "mse", "accuracy");
        Script s = new Script("val_accuracy", 0.5, 0.6, 0.55, 0.58, 0.9);
        EarlyStopping es = new EarlyStopping("val_accuracy", 2);
        assertEquals(4, run(m, 5, s, es).epochs());
        assertEquals(0.6, es.best());
    }

    @Test
    void unknownDirectionNeedsAMode() {
        Script s = new Script("val_foo", 1, 2);
        assertThrows(IllegalArgumentException.class, () -> run(model(), 2, s, new EarlyStopping("val_foo", 1)));
        Script s2 = new Script("val_foo", 1, 2, 3, 4);
        // Patience 1: the first epoch without improvement (epoch 1) stops the training.
        assertEquals(2, run(model(), 4, s2, new EarlyStopping("val_foo", 1).mode("min")).epochs());
    }

    @Test
    void restoresTheBestWeightsWhenStopped() {
        Sequential m = model();
        Script s = new Script("val_loss", 1.0, 0.8, 0.85, 0.9, 0.7);
        EarlyStopping es = new EarlyStopping("val_loss", 2, 0, true);
        run(m, 5, s, es);
        assertEquals(4, s.weights.size());
        assertWeightsEqual(s.weights.get(1), m.getWeights());
    }

    @Test
    void keras3RestoresTheBestWeightsEvenWithoutStopping() {
        Sequential m = model();
        Script s = new Script("val_loss", 1.0, 0.5, 0.9);
        EarlyStopping es = new EarlyStopping("val_loss", 5, 0, true);
        History h = run(m, 3, s, es);
        assertEquals(3, h.epochs());
        assertEquals(0, es.stoppedEpoch());
        assertWeightsEqual(s.weights.get(1), m.getWeights());
    }

    @Test
    void withoutRestoreTheLastWeightsStay() {
        Sequential m = model();
        Script s = new Script("val_loss", 1.0, 0.8, 0.85, 0.9);
        run(m, 4, s, new EarlyStopping("val_loss", 2));
        assertWeightsEqual(s.weights.get(3), m.getWeights());
    }

    public static void assertWeightsEqual(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), 0);
    }
}
