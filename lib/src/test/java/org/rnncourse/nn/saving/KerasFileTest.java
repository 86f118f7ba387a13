package org.rnncourse.nn.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.trainers.FitOptions;

/**
 * A .keras file written by Keras 3 itself (tests/keras_interop/make_keras_fixture.py: Embedding,
 * SimpleRNN, Bidirectional(LSTM), GRU, Dropout, Dense, trained 2 epochs with Adam) loads here and
 * predicts what Keras predicted, with its optimizer's step count.
 */
class KerasFileTest {
    @Test
    void aModelSavedByKerasLoadsAndPredictsAsInKeras() throws Exception {
        Path file = Path.of(KerasFileTest.class.getResource("keras-made.keras").toURI());
        JsonNode expected = new ObjectMapper().readTree(KerasFileTest.class.getResource("keras-made.json"));
        Sequential m = Sequential.loadModel(file);
        List<String> types = m.layers().stream().map(Layer::typeName).toList();
        assertEquals(List.of("Embedding", "SimpleRNN", "Bidirectional", "GRU", "Dropout", "Dense"), types);
        assertEquals("adam", m.optimizer().name());
        assertEquals(expected.get("iterations").asLong(), m.optimizer().iterations());

        JsonNode xs = expected.get("x");
        int[][] x = new int[xs.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new int[xs.get(i).size()];
            for (int t = 0; t < x[i].length; t++) x[i][t] = xs.get(i).get(t).asInt();
        }
        double[] p = m.predict(x).data();
        for (int i = 0; i < p.length; i++) {
            double want = expected.get("predictions").get(i).asDouble();
            assertEquals(want, p[i], 1e-6, "review " + i + " (Keras " + expected.get("keras_version").asText() + ")");
        }
        // and training goes on from Keras's optimizer state
        double[] y = new double[x.length];
        History h = m.fit(x, y, new FitOptions().epochs(1).batchSize(8).verbose(0));
        assertTrue(Double.isFinite(h.get("loss").get(0)));
        assertEquals(expected.get("iterations").asLong() + 2, m.optimizer().iterations());
    }
}
