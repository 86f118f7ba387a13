package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.Shapes;

/** The worked example of lesson 03, recomputed here with plain arrays and loops. */
class WorkedExampleTest {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    @Test
    void theTitleOfLesson03sTableAndGradientReachsErrorsFollowTheLanguage() {
        assertEquals("The worked example, unrolled over 3 steps", WorkedExample.create().unrolledTable().name());
        Map<String, double[]> flows = Map.of("LSTM", new double[] {0.5, 1.0});
        assertEquals("stepsBack 2 is outside 0 … 1", org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientReach.table("reach", flows, 2)).getMessage());
        Course.setLanguage("vi");
        var table = WorkedExample.create().unrolledTable();
        assertEquals("Ví dụ mẫu, trải theo thời gian qua 3 bước", table.name());
        assertEquals(List.of("t", "x_t"), table.columnNames().subList(0, 2));
        assertEquals("stepsBack 2 nằm ngoài 0 … 1", org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientReach.table("reach", flows, 2)).getMessage());
    }

    @Test
    void shapesAtEveryStep() {
        WorkedExample ex = WorkedExample.create();
        assertEquals(3, ex.cell().nX);
        assertEquals(4, ex.cell().nA);
        assertEquals(2, ex.output().nY);
        assertEquals("(4×3)", Shapes.of(ex.cell().Wxh()));
        assertEquals("(4×4)", Shapes.of(ex.cell().Whh()));
        assertEquals("(2×4)", Shapes.of(ex.output().Why()));
        List<DMatrixRMaj> hs = ex.hiddenStates();
        assertEquals(3, hs.size());
        for (DMatrixRMaj h : hs) {
            assertEquals("(4×1)", Shapes.of(h));
        }
        String log = ex.shapeLog();
        assertEquals("t = 1: x_1 (3×1), h_0 (4×1) → h_1 (4×1), y_1 (2×1)", log.lines().findFirst().orElseThrow());
        assertEquals(3, log.lines().count());
    }

    @Test
    void numbersMatchAStraightforwardComputation() {
        // The example's recipe, written out: Gaussian × 0.1 from Random(42) in the order W_xh (4×3),
        // W_hh (4×4), W_hy (2×4), each row by row; zero biases; h = tanh(W_xh x + W_hh h), y = W_hy h.
        Random r = new Random(42);
        double[][] wxh = draw(r, 4, 3);
        double[][] whh = draw(r, 4, 4);
        double[][] why = draw(r, 2, 4);
        double[][] x = {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}};
        double[] h = new double[4];
        WorkedExample ex = WorkedExample.create();
        List<DMatrixRMaj> hs = ex.hiddenStates();
        List<DMatrixRMaj> ys = ex.outputs();
        RnnCache rowForm = ex.rnn.forward(ex.inputRows());
        for (int t = 0; t < 3; t++) {
            double[] next = new double[4];
            for (int i = 0; i < 4; i++) {
                double s = 0;
                for (int j = 0; j < 3; j++) {
                    s += wxh[i][j] * x[t][j];
                }
                for (int j = 0; j < 4; j++) {
                    s += whh[i][j] * h[j];
                }
                next[i] = Math.tanh(s);
            }
            h = next;
            for (int i = 0; i < 4; i++) {
                assertEquals(h[i], hs.get(t).get(i, 0), 1e-14, "h_" + (t + 1) + "[" + i + "]");
                assertEquals(h[i], rowForm.a(t + 1).get(0, i), 1e-14, "row form A_" + (t + 1));
            }
            for (int k = 0; k < 2; k++) {
                double y = 0;
                for (int i = 0; i < 4; i++) {
                    y += why[k][i] * h[i];
                }
                assertEquals(y, ys.get(t).get(k, 0), 1e-14, "y_" + (t + 1) + "[" + k + "]");
                assertEquals(y, rowForm.y(t + 1).get(0, k), 1e-14);
            }
        }
        // The table shows the same numbers, to 4 decimals.
        var table = ex.unrolledTable();
        assertEquals(3, table.rowCount());
        assertEquals(Math.round(h[3] * 1e4) / 1e4, table.doubleColumn("h_t[4]").get(2), 1e-12);
    }

    @Test
    void theStatesAreNotTrivial() {
        // Small weights, but not so small that the table shows only zeros.
        for (DMatrixRMaj h : WorkedExample.create().hiddenStates()) {
            assertEquals(true, Matrices.norm(h) > 0.05, Matrices.toString("h", h));
        }
    }

    static double[][] draw(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = r.nextGaussian() * 0.1;
            }
        }
        return m;
    }
}
