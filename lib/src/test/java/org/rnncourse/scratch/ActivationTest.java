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
    void theDerivativeIsOneFormulaReadFromTheOutput() {
        DMatrixRMaj z = Matrices.row(-2, -0.3, 0, 0.4, 3);
        DMatrixRMaj d = Matrices.row(0.5, -1, 2, 0.25, -3);
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LINEAR}) {
            DMatrixRMaj viaOutput = a.backwardFromOutput(d, a.apply(z));
            DMatrixRMaj viaZ = org.ejml.dense.row.CommonOps_DDRM.elementMult(d, a.derivative(z), null);
            for (int k = 0; k < 5; k++) assertEquals(viaZ.data[k], viaOutput.data[k], 1e-15, a + " entry " + k);
        }
        assertEquals(1 - Math.tanh(0.4) * Math.tanh(0.4), Activation.TANH.derivative(z).get(0, 3), 1e-15);
        assertEquals(0.0, Activation.RELU.derivative(z).get(0, 1));
        assertEquals("d: the 3 numbers from index 4 do not fit in an array of length 5",
                assertThrows(IllegalArgumentException.class,
                        () -> Activation.TANH.backwardFromOutput(new double[5], 0, new double[5], 4, 3)).getMessage());
        assertThrows(UnsupportedOperationException.class,
                () -> Activation.SOFTMAX.backwardFromOutput(new double[2], 0, new double[2], 0, 2));
    }

    @Test
    void softmaxInPlaceIsTheOneSoftmax() {
        double[] row = {9, 1, 2, 3, 9};   // softmax of entries 1 … 3 only
        Activation.softmax(row, 1, 3);
        DMatrixRMaj p = Activation.SOFTMAX.apply(Matrices.row(1, 2, 3));
        for (int j = 0; j < 3; j++) assertEquals(p.get(0, j), row[j + 1], 0);
        assertEquals(9.0, row[0]);
        assertEquals(9.0, row[4]);
        double[] huge = {1000, 1001};   // no overflow: the maximum is subtracted first
        Activation.softmax(huge, 0, 2);
        assertEquals(1 / (1 + Math.E), huge[0], 1e-15);
    }
}
