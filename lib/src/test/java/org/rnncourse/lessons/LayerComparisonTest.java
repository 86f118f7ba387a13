package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.nn.callbacks.History;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.SimpleRNN;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

class LayerComparisonTest {
    static final int N = 400, LEN = 5, VOCABULARY = 10;
    static int[][] x = new int[N][LEN];
    static int[] y = new int[N];
    static LayerComparison measured;

    /** Reviews of random words whose last word gives the label away: every layer can learn it. */
    @BeforeAll
    static void raceTwoLayersOnTinyData() {
        Course.setLanguage("en");
        Random rng = new Random(3);
        for (int i = 0; i < N; i++) {
            y[i] = i % 2;
            for (int t = 0; t < LEN; t++) x[i][t] = 3 + rng.nextInt(VOCABULARY - 3);
            x[i][LEN - 1] = y[i] == 1 ? 1 : 2;
        }
        measured = tiny();
        measured.run("SimpleRNN", new SimpleRNN(8));
        measured.run("LSTM", new LSTM(8));
    }

    @BeforeEach
    void english() {
        Course.setLanguage("en");
    }

    static LayerComparison tiny() {
        return new LayerComparison(x, y, x, y, VOCABULARY).embeddingDim(4).batchSize(16).epochs(12).earlyStopping("val_accuracy", 3).verbose(0);
    }

    @Test
    void eachRunIsMeasuredWithEarlyStoppingOnTheValidationSplit() {
        LayerComparison.Run s = measured.result("SimpleRNN"), l = measured.result("LSTM");
        assertEquals(4 * s.parameters(), l.parameters(), "LSTM has 4 blocks of a SimpleRNN's weights");
        for (LayerComparison.Run r : measured.runs()) {
            History h = r.history();
            assertEquals(r.epochsRun(), h.epochs());
            assertEquals(r.epochsRun(), h.get("val_accuracy").size(), "validated after every epoch");
            assertTrue(r.epochsRun() >= 1 && r.epochsRun() <= 12, r.toString());
            assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() <= r.epochsRun(), r.toString());
            // the best epoch is the one with the highest validation accuracy (the first such one)
            List<Double> val = h.get("val_accuracy");
            double top = val.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertEquals(val.indexOf(top) + 1, r.bestEpoch(), r + " " + val);
            assertTrue(r.secondsPerEpoch() > 0, r.toString());
            assertTrue(r.testAccuracy() > 0.8, "the last word gives the label away: " + r);
        }
    }

    @Test
    void runsAreReproducibleFromTheSeed() {
        LayerComparison again = tiny();
        LayerComparison.Run r = again.run("SimpleRNN", new SimpleRNN(8));
        LayerComparison.Run first = measured.result("SimpleRNN");
        assertEquals(first.history().get("val_loss"), r.history().get("val_loss"));
        assertEquals(first.testAccuracy(), r.testAccuracy());
    }

    @Test
    void theTableHasOneRowPerRunWithItsMeasurements() {
        Table t = measured.table();
        assertEquals("Recurrent layers raced on IMDB (lesson 08's recipe, full data), measured", t.name());
        assertEquals(List.of("layer", "parameters (recurrent layer)", "epochs run", "best epoch", "s per epoch (median)",
                "time ÷ SimpleRNN's", "test accuracy"), t.columnNames());
        assertEquals(2, t.rowCount());
        LayerComparison.Run l = measured.result("LSTM");
        assertEquals("LSTM", t.stringColumn(0).get(1));
        assertEquals((int) l.parameters(), t.intColumn(1).get(1));
        assertEquals(l.epochsRun(), t.intColumn(2).get(1));
        assertEquals(l.bestEpoch(), t.intColumn(3).get(1));
        assertEquals(l.secondsPerEpoch(), t.doubleColumn(4).get(1));
        assertEquals(1.0, t.doubleColumn(5).get(0));
        assertEquals(l.secondsPerEpoch() / measured.result("SimpleRNN").secondsPerEpoch(), t.doubleColumn(5).get(1), 1e-12);
        assertEquals(l.testAccuracy(), t.doubleColumn(6).get(1));
    }

    @Test
    void thePlotHasOneValidationCurvePerRun() {
        Figure f = measured.valAccuracyPlot();
        assertEquals(2, f.getTraces().length);
        String js = f.asJavascript("race");
        assertTrue(js.contains("SimpleRNN") && js.contains("LSTM") && js.contains("Validation accuracy"), js);
    }

    @Test
    void aBidirectionalRunCountsBothCopies() {
        LayerComparison c = tiny().epochs(1);
        LayerComparison.Run bi = c.run("Bidirectional(LSTM)", new Bidirectional(new LSTM(8)));
        assertEquals(2 * measured.result("LSTM").parameters(), bi.parameters());
        assertEquals(1, bi.epochsRun());
    }

    static LayerComparison.Run fake(String layer, double seconds, double accuracy) {
        return new LayerComparison.Run(layer, 1, 3, 2, seconds, accuracy, new History());
    }

    static LayerComparison withRuns(LayerComparison.Run... runs) {
        LayerComparison c = tiny();
        for (LayerComparison.Run r : runs) c.record(r);
        return c;
    }

    @Test
    void theVerdictNamesTheBestLayerItsMarginAndItsCost() {
        LayerComparison c = withRuns(fake("SimpleRNN", 1.7, 0.8451), fake("LSTM", 4.9, 0.8684),
                fake("GRU", 4.9, 0.8601), fake("Bidirectional(LSTM)", 10.5, 0.8662));
        assertEquals("LSTM: 1 parameters, best epoch 2 of 3 run, 4.9 s per epoch, test accuracy 0.868", c.result("LSTM").toString());
        assertEquals("LSTM", c.best().layer());
        assertEquals("SimpleRNN", c.fastest().layer());
        assertEquals("LSTM scored best on the 400 test reviews: accuracy 0.868, 0.2 percentage points above the "
                + "runner-up, Bidirectional(LSTM) (0.866). Its epochs took 4.9 s, 2.9× those of the fastest layer, "
                + "SimpleRNN (1.7 s), which scored 2.3 percentage points less.", c.verdict());
        assertEquals("Bidirectional(LSTM) scored 0.2 percentage points lower than LSTM (0.866 against 0.868), at 2.1× "
                + "its time per epoch: here the extra weights and time did not buy accuracy.",
                c.versus("Bidirectional(LSTM)", "LSTM"));
        assertTrue(c.versus("LSTM", "SimpleRNN").startsWith("LSTM scored 2.3 percentage points higher than SimpleRNN"),
                c.versus("LSTM", "SimpleRNN"));
    }

    @Test
    void theVerdictComparesAccuraciesAsTheTablePrintsThem() {
        LayerComparison tie = withRuns(fake("SimpleRNN", 1.0, 0.8601), fake("GRU", 3.0, 0.8604));
        assertTrue(tie.verdict().startsWith("GRU and SimpleRNN scored the same to three decimals"), tie.verdict());
        assertTrue(tie.versus("GRU", "SimpleRNN").startsWith("GRU scored the same as SimpleRNN"), tie.versus("GRU", "SimpleRNN"));
        LayerComparison fastAndBest = withRuns(fake("SimpleRNN", 1.0, 0.87), fake("LSTM", 3.0, 0.85));
        assertTrue(fastAndBest.verdict().endsWith("It was also the fastest layer, at 1.0 s per epoch."), fastAndBest.verdict());
        assertTrue(withRuns(fake("LSTM", 2.0, 0.5)).verdict().startsWith("LSTM is the only layer measured so far"));
    }

    @Test
    void theVerdictSpeaksVietnamese() {
        Course.setLanguage("vi");
        try {
            LayerComparison c = withRuns(fake("SimpleRNN", 1.7, 0.845), fake("LSTM", 4.9, 0.868));
            assertTrue(c.verdict().startsWith("LSTM đạt điểm cao nhất"), c.verdict());
            assertEquals("tầng", c.table().columnNames().get(0));
        } finally {
            Course.setLanguage("en");
        }
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e;
        e = assertThrows(IllegalArgumentException.class, () -> new LayerComparison(null, y, x, y, VOCABULARY));
        assertTrue(e.getMessage().contains("xTrain, yTrain, xTest and yTest"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerComparison(x, new int[3], x, y, VOCABULARY));
        assertTrue(e.getMessage().contains("yTrain 3"), e.getMessage());
        int[][] ragged = x.clone();
        ragged[5] = new int[] {1, 2};
        e = assertThrows(IllegalArgumentException.class, () -> new LayerComparison(ragged, y, x, y, VOCABULARY));
        assertTrue(e.getMessage().contains("xTrain row 5 has 2 word ids"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerComparison(x, y, x, y, 5));
        assertTrue(e.getMessage().contains("outside 0 … 5 − 1"), e.getMessage());
        int[] badLabels = y.clone();
        badLabels[7] = 2;
        e = assertThrows(IllegalArgumentException.class, () -> new LayerComparison(x, y, x, badLabels, VOCABULARY));
        assertTrue(e.getMessage().contains("yTest[7] is 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerComparison(x, y, x, y, 0));
        assertTrue(e.getMessage().contains("vocabulary"), e.getMessage());
        LayerComparison c = tiny();
        e = assertThrows(IllegalArgumentException.class, () -> c.validationSplit(1.0));
        assertTrue(e.getMessage().contains("got 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.earlyStopping("accuracy", 2));
        assertTrue(e.getMessage().contains("\"accuracy\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.epochs(0));
        assertThrows(IllegalArgumentException.class, () -> c.dropout(1.0));
        assertThrows(IllegalArgumentException.class, () -> c.earlyStopping("val_loss", -1));
        IllegalStateException none = assertThrows(IllegalStateException.class, c::table);
        assertTrue(none.getMessage().contains("call run(label, layer) first"), none.getMessage());
        assertThrows(IllegalStateException.class, c::verdict);
        assertThrows(IllegalArgumentException.class, () -> c.run(" ", new SimpleRNN(2)));
        assertThrows(IllegalArgumentException.class, () -> c.run("SimpleRNN", null));
        e = assertThrows(IllegalArgumentException.class, () -> measured.run("LSTM", new LSTM(8)));
        assertTrue(e.getMessage().contains("\"LSTM\" is measured already"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> measured.versus("GRU", "LSTM"));
        assertTrue(e.getMessage().contains("No run labelled \"GRU\"; the runs are: SimpleRNN, LSTM"), e.getMessage());
    }
}
