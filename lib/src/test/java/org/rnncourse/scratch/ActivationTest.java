package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU", "SIGMOID", "LINEAR"})
    void derivativeMatchesCentralDifferences(Activation a) {
        DMatrixRMaj z = Matrices.row(-3.1, -0.7, -0.05, 0.3, 1.2, 4.0);
        DMatrixRMaj d = a.derivative(z);
        for (int k = 0; k < z.data.length; k++) {
            double h = 1e-6;
            double up = a.apply(Matrices.row(z.data[k] + h)).data[0];
            double down = a.apply(Matrices.row(z.data[k] - h)).data[0];
            assertEquals((up - down) / (2 * h), d.data[k], 1e-8, a + " at " + z.data[k]);
        }
    }

    @Test
    void knownValues() {
        assertEquals(Math.tanh(0.5), Activation.TANH.apply(Matrices.row(0.5)).data[0], 1e-15);
        assertEquals(0.0, Activation.RELU.apply(Matrices.row(-2)).data[0]);
        assertEquals(0.5, Activation.SIGMOID.apply(Matrices.row(0)).data[0], 1e-15);
        assertEquals(1.0, Activation.SIGMOID.apply(Matrices.row(800)).data[0], 1e-15);
        assertEquals(0.0, Activation.SIGMOID.apply(Matrices.row(-800)).data[0], 1e-15);
    }

    @Test
    void softmaxNormalisesRowsInRowFormAndColumnsInColumnForm() {
        DMatrixRMaj z = Matrices.fromRows(new double[][] {{1, 2, 3}, {1000, 1000, 1000}});
        DMatrixRMaj p = Activation.SOFTMAX.apply(z);
        for (int i = 0; i < 2; i++) {
            assertEquals(1.0, p.get(i, 0) + p.get(i, 1) + p.get(i, 2), 1e-12);
        }
        assertEquals(1.0 / 3, p.get(1, 0), 1e-12, "no overflow for large inputs");
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / e, p.get(0, 2), 1e-12);
        DMatrixRMaj col = Activation.SOFTMAX.applyColumns(Matrices.column(1, 2, 3));
        assertEquals(Math.exp(3) / e, col.get(2, 0), 1e-12);
        UnsupportedOperationException ex = assertThrows(UnsupportedOperationException.class,
                () -> Activation.SOFTMAX.derivative(z));
        assertTrue(ex.getMessage().contains("p − y"), ex.getMessage());
    }

    @Test
    void comparisonTable() {
        var t = Activation.table(-1, 0, 2);
        assertEquals(3, t.rowCount());
        assertEquals(Math.round(Math.tanh(-1) * 1e4) / 1e4, t.doubleColumn("tanh(z)").get(0), 1e-12);
        assertEquals(2.0, t.doubleColumn("relu(z)").get(2), 1e-12);
        assertEquals(0.5, t.doubleColumn("sigmoid(z)").get(1), 1e-12);
    }
}
