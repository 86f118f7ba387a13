package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

class HelpersTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }


    @Test
    void matrixPrintsWithNameShapeAndTheSameDecimalsForEveryEntry() {
        assertEquals("h_1 (2×1)\n   0.1235\n  -2.0000", Matrices.toString("h_1", Matrices.column(0.123456, -2)));
        assertEquals("W (1×2)\n  1.0  0.5", Matrices.toString("W", Matrices.row(1, 0.5)));
        assertEquals("x (1×3)\n  1  0  1", Matrices.toString("x", Matrices.row(1, 0, 1)));
        assertEquals("g (1×2)\n  1.500e-05  2.000e+00", Matrices.toString("g", Matrices.row(1.5e-5, 2)));
    }

    @Test
    void randomMatricesRepeatWithTheSeed() {
        DMatrixRMaj a = Matrices.gaussian(3, 2, 0.01, 7);
        DMatrixRMaj b = Matrices.gaussian(3, 2, 0.01, 7);
        assertEquals(a.get(2, 1), b.get(2, 1));
        assertTrue(Math.abs(a.get(0, 0)) < 0.1);
        DMatrixRMaj u = Matrices.uniform(4, 4, -0.5, 0.5, new java.util.Random(1));
        for (double v : u.data) {
            assertTrue(v >= -0.5 && v < 0.5);
        }
    }

    @Test
    void oneHot() {
        DMatrixRMaj r = Matrices.oneHotRows(new int[] {2, 0}, 3);
        assertEquals(1.0, r.get(0, 2));
        assertEquals(1.0, r.get(1, 0));
        assertEquals(2.0, org.ejml.dense.row.CommonOps_DDRM.elementSum(r));
        assertEquals("(3×1)", Shapes.of(Matrices.oneHotColumn(1, 3)));
        assertEquals("indices[0] = 3 is outside 0 … 2: size = 3",
                assertThrows(IllegalArgumentException.class, () -> Matrices.oneHotRow(3, 3)).getMessage());
    }

    @Test
    void embeddingLooksUpRows() {
        Embedding emb = Embedding.random(10, 4, 1.0, 3);
        DMatrixRMaj v = emb.lookup(7);
        assertEquals("(1×4)", Shapes.of(v));
        for (int j = 0; j < 4; j++) {
            assertEquals(emb.E.get(7, j), v.get(0, j));
        }
        List<DMatrixRMaj> xs = emb.sequence(1, 5, 7);
        assertEquals(3, xs.size());
        assertEquals(emb.E.get(5, 2), xs.get(1).get(0, 2));
        List<DMatrixRMaj> batch = emb.batch(new int[][] {{1, 2}, {3, 4}, {5, 6}});
        assertEquals("(3×4)", Shapes.of(batch.get(0)));
        assertEquals(emb.E.get(6, 1), batch.get(1).get(2, 1));
        assertEquals("index = 10 is outside the vocabulary 0 … 9: V = 10",
                assertThrows(IllegalArgumentException.class, () -> emb.lookup(10)).getMessage());
        assertEquals(40, emb.parameterCount());
        // The embedding feeds the cell: n_x = D.
        RnnCache c = RnnCell.random(4, 3, Activation.TANH, 0.1, 1).forward(xs);
        assertEquals("(1×3)", Shapes.of(c.a(3)));
    }

    @Test
    void gradCheckOnAKnownFunction() {
        // L = Σ w_ij², so ∂L/∂W = 2W.
        DMatrixRMaj w = Matrices.fromRows(new double[][] {{1, -2}, {0.5, 3}});
        java.util.function.DoubleSupplier loss = () -> {
            double s = 0;
            for (double v : w.data) {
                s += v * v;
            }
            return s;
        };
        DMatrixRMaj numerical = GradCheck.numericalGradient(loss, w);
        assertEquals(-4.0, numerical.get(0, 1), 1e-8);
        assertEquals(1.0, w.get(0, 0), "the parameter is restored");
        DMatrixRMaj right = Matrices.fromRows(new double[][] {{2, -4}, {1, 6}});
        assertTrue(GradCheck.relativeError(loss, w, right, 1e-5) < 1e-9);
        DMatrixRMaj wrong = Matrices.fromRows(new double[][] {{1, -2}, {0.5, 3}});
        assertEquals(1.0 / 3, GradCheck.relativeError(wrong, right), 1e-12);
        assertEquals(0.0, GradCheck.relativeError(new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 2)));
        assertEquals("numerical has shape (2×1) but the relative error expects (2×2): the shape of analytic",
                assertThrows(IllegalArgumentException.class,
                        () -> GradCheck.relativeError(right, new DMatrixRMaj(2, 1))).getMessage());
        assertEquals("analyticGrad has shape (1×2) but the gradient check expects (2×2): a gradient has the shape of its parameter",
                assertThrows(IllegalArgumentException.class,
                        () -> GradCheck.relativeError(loss, w, new DMatrixRMaj(1, 2), 1e-5)).getMessage());
    }

    @Test
    void matrixErrorsInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Matrices.oneHotRow(3, 3),
                "indices[0] = 3 is outside 0 … 2: size = 3",
                "indices[0] = 3 nằm ngoài 0 … 2: size = 3");
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> Matrices.fromRows(new double[][] {{1, 2}, {3}}),
                "row 1 has 1 numbers but row 0 has 2: every row needs the same length",
                "hàng 1 có 1 số nhưng hàng 0 có 2: mọi hàng phải dài bằng nhau");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Matrices.toString("W", null),
                "m is null: give a matrix to print",
                "m là null: hãy truyền vào một ma trận để in");
    }
}
