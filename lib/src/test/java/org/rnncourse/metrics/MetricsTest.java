package org.rnncourse.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class MetricsTest {
    @org.junit.jupiter.api.AfterEach
    void backToEnglish() {
        org.rnncourse.Course.setLanguage("en");
    }

    // 10 examples: TP = 3 (0,1,2), FN = 1 (3), FP = 2 (4,5), TN = 4 (6..9).
    static final int[] Y = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    static final int[] P = {1, 1, 1, 0, 1, 1, 0, 0, 0, 0};

    @Test
    void classificationByHand() {
        assertEquals(0.7, Metrics.accuracy(Y, P), 1e-12);        // 7 of 10 right
        assertEquals(0.6, Metrics.precision(Y, P), 1e-12);       // 3 / (3 + 2)
        assertEquals(0.75, Metrics.recall(Y, P), 1e-12);         // 3 / (3 + 1)
        assertEquals(2 * 0.6 * 0.75 / 1.35, Metrics.f1(Y, P), 1e-12);
        assertEquals(6.0 / 9, Metrics.f1(Y, P), 1e-12);          // 2TP / (2TP + FP + FN)
        // class 0 as the positive one: TP = 4, FP = 1, FN = 2
        assertEquals(0.8, Metrics.precision(Y, P, 0), 1e-12);
        assertEquals(4.0 / 6, Metrics.recall(Y, P, 0), 1e-12);
    }

    @Test
    void confusionMatrixRowsAreTrueClasses() {
        int[][] m = Metrics.confusionMatrix(Y, P, 2);
        assertArrayEquals(new int[] {4, 2}, m[0]);
        assertArrayEquals(new int[] {1, 3}, m[1]);
        Table t = Metrics.confusionTable(Y, P, "negative", "positive");
        assertEquals(2, t.rowCount());
        assertEquals(3, t.columnCount());
        assertEquals(2, t.intColumn("predicted positive").get(0));
        assertEquals(3, t.intColumn("predicted positive").get(1));
        assertTrue(t.name().contains("Confusion matrix"));
    }

    @Test
    void confusionTableIsTitledInTheLearnersLanguage() {
        Table t = org.rnncourse.OutputInLanguage.vietnamese(() -> Metrics.confusionTable(Y, P, "tiêu cực", "tích cực"));
        assertTrue(t.name().startsWith("Ma trận nhầm lẫn (hàng: lớp thật, cột: lớp dự đoán)"), t.name());
        assertEquals(List.of("thật \\ dự đoán", "dự đoán tiêu cực", "dự đoán tích cực"), t.columnNames());
        assertEquals(3, t.intColumn("dự đoán tích cực").get(1));
        assertEquals("true \\ predicted", Metrics.confusionTable(Y, P, "negative", "positive").column(0).name());
    }

    @Test
    void nothingPredictedPositiveGivesZeroNotNaN() {
        int[] none = {0, 0, 0};
        assertEquals(0.0, Metrics.precision(new int[] {1, 0, 1}, none), 0);
        assertEquals(0.0, Metrics.f1(new int[] {1, 0, 1}, none), 0);
    }

    @Test
    void regressionByHand() {
        double[] y = {1, 2, 4, -2};
        double[] p = {1.5, 2, 3, -1};
        // errors 0.5, 0, 1, 1
        assertEquals(2.5 / 4, Metrics.mae(y, p), 1e-12);
        assertEquals(Math.sqrt(2.25 / 4), Metrics.rmse(y, p), 1e-12);
        assertEquals(100 * (0.5 + 0 + 0.25 + 0.5) / 4, Metrics.mape(y, p), 1e-12);
        assertTrue(Metrics.regressionReport(y, p).contains("MAE 0.6250"));
    }

    @Test
    void perplexity() {
        // a uniform guess among 4 letters has perplexity 4
        assertEquals(4.0, Metrics.perplexityOf(new double[] {0.25, 0.25, 0.25}), 1e-12);
        assertEquals(4.0, Metrics.perplexity(Math.log(4)), 1e-12);
        assertEquals(Math.exp(-(Math.log(0.5) + Math.log(0.125)) / 2), Metrics.perplexityOf(new double[] {0.5, 0.125}), 1e-12);
        assertEquals(4.0, Metrics.perplexityOf(new double[] {0.5, 0.125}), 1e-12);
    }

    @Test
    void thresholdAtOneHalf() {
        // Keras's rule: strictly above the threshold is class 1, so exactly 0.5 is class 0.
        assertArrayEquals(new int[] {0, 0, 1, 1}, Metrics.threshold(new double[] {0.2, 0.5, 0.5000001, 0.9}, 0.5));
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[] {1, 0}, new int[] {1}));
        assertTrue(e.getMessage().contains("yTrue has 2 values but yPred has 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.mae(new double[0], new double[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.f1(null, new int[] {1}));
        assertTrue(e.getMessage().contains("yTrue is null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.mape(new double[] {1, 0}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("yTrue[1] is 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(new int[] {2}, new int[] {0}, 2));
        assertTrue(e.getMessage().contains("yTrue[0] = 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.perplexityOf(new double[] {0.5, 0}));
        assertTrue(e.getMessage().contains("[1] = 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.rmse(new double[] {Double.NaN}, new double[] {1}));
        assertTrue(e.getMessage().contains("entry 0"), e.getMessage());
    }
}
