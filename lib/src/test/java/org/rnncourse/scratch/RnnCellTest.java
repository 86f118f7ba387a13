package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RnnCellTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    static RnnCell cell(int nX, int nA, long seed) {
        Random r = new Random(seed);
        return new RnnCell(Matrices.gaussian(nX, nA, 0.5, r), Matrices.gaussian(nA, nA, 0.5, r),
                Matrices.gaussian(1, nA, 0.5, r), Activation.TANH);
    }

    static DMatrixRMaj transpose(DMatrixRMaj m) {
        return org.ejml.dense.row.CommonOps_DDRM.transpose(m, null);
    }

    static void assertSame(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        for (int k = 0; k < expected.getNumElements(); k++) {
            assertEquals(expected.data[k], actual.data[k], 1e-12, "entry " + k);
        }
    }

    @ParameterizedTest(name = "n_x={0} n_a={1} seed={2}")
    @CsvSource({"3,4,1", "1,1,2", "5,2,3", "2,7,4"})
    void columnFormAndRowFormAgreeForOneExample(int nX, int nA, long seed) {
        RnnCell c = cell(nX, nA, seed);
        Random r = new Random(seed + 1);
        DMatrixRMaj x = Matrices.gaussian(nX, 1, 1, r);
        DMatrixRMaj h = Matrices.gaussian(nA, 1, 0.5, r);
        DMatrixRMaj column = c.stepColumn(x, h);                 // (n_a, 1)
        DMatrixRMaj row = c.step(transpose(x), transpose(h));    // (1, n_a)
        assertSame(transpose(column), row);

        OutputLayer out = OutputLayer.random(nA, 3, Activation.SOFTMAX, 0.5, r);
        CommonOpsHelper.fill(out.by, r);
        assertSame(transpose(out.forwardColumn(column)), out.forward(row));
    }

    @Test
    void aBatchRowIsTheSameAsThatExampleAlone() {
        RnnCell c = cell(3, 4, 7);
        Random r = new Random(8);
        DMatrixRMaj X = Matrices.gaussian(5, 3, 1, r);
        DMatrixRMaj A = Matrices.gaussian(5, 4, 0.5, r);
        DMatrixRMaj batch = c.step(X, A);
        assertEquals(5, batch.numRows);
        assertEquals(4, batch.numCols);
        for (int i = 0; i < 5; i++) {
            DMatrixRMaj xi = org.ejml.dense.row.CommonOps_DDRM.extractRow(X, i, null);
            DMatrixRMaj ai = org.ejml.dense.row.CommonOps_DDRM.extractRow(A, i, null);
            assertSame(org.ejml.dense.row.CommonOps_DDRM.extractRow(batch, i, null), c.step(xi, ai));
        }
    }

    @Test
    void forwardStartsFromZeroAndKeepsEveryState() {
        RnnCell c = cell(3, 4, 1);
        List<DMatrixRMaj> xs = List.of(Matrices.row(1, 0, 1), Matrices.row(0, 1, 0));
        RnnCache cache = c.forward(xs);
        assertEquals(2, cache.timeSteps());
        assertSame(new DMatrixRMaj(1, 4), cache.a(0));
        assertSame(c.step(xs.get(0), cache.a(0)), cache.a(1));
        assertSame(c.step(xs.get(1), cache.a(1)), cache.a(2));
        assertEquals(2, cache.hiddenStates().size());
    }

    @Test
    void wrongShapesSayWhatCameAndWhatIsNeeded() {
        RnnCell c = cell(3, 4, 1);
        assertEquals("x_t has shape (4×1) but the cell expects (3×1): n_x = 3",
                assertThrows(IllegalArgumentException.class,
                        () -> c.stepColumn(new DMatrixRMaj(4, 1), new DMatrixRMaj(4, 1))).getMessage());
        assertEquals("h_prev has shape (3×1) but the cell expects (4×1): n_h = 4",
                assertThrows(IllegalArgumentException.class,
                        () -> c.stepColumn(new DMatrixRMaj(3, 1), new DMatrixRMaj(3, 1))).getMessage());
        assertEquals("x_t is null but the cell expects a (3×1) matrix: n_x = 3",
                assertThrows(IllegalArgumentException.class, () -> c.stepColumn(null, new DMatrixRMaj(4, 1))).getMessage());
        assertEquals("X_t has shape (2×4) but the cell expects (2×3): n_x = 3 columns, one row per example",
                assertThrows(IllegalArgumentException.class,
                        () -> c.step(new DMatrixRMaj(2, 4), new DMatrixRMaj(2, 4))).getMessage());
        assertEquals("A_prev has shape (1×4) but the cell expects (2×4): m = 2 examples in X_t, n_a = 4",
                assertThrows(IllegalArgumentException.class,
                        () -> c.step(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 4))).getMessage());
        DMatrixRMaj nan = new DMatrixRMaj(1, 3);
        nan.set(0, 2, Double.NaN);
        assertEquals("X_t has a NaN at (0, 2): the cell needs finite numbers",
                assertThrows(IllegalArgumentException.class, () -> c.step(nan, new DMatrixRMaj(1, 4))).getMessage());
        assertEquals("at t = 2: X_t has shape (1×2) but the cell expects (1×3): n_x = 3 columns, one row per example",
                assertThrows(IllegalArgumentException.class,
                        () -> c.forward(List.of(new DMatrixRMaj(1, 3), new DMatrixRMaj(1, 2)))).getMessage());
        assertEquals("W_aa has shape (3×3) but the cell expects (4×4): n_x = 3, n_a = 4 (read from W_ax)",
                assertThrows(IllegalArgumentException.class, () -> new RnnCell(new DMatrixRMaj(3, 4),
                        new DMatrixRMaj(3, 3), new DMatrixRMaj(1, 4), Activation.TANH)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.forward(List.of()));
    }

    /** The shape errors of lessons 03–05 in both editions: the sentence is translated, names, shapes and formulas stay. */
    @Test
    void shapeErrorsInBothLanguages() {
        RnnCell c = cell(3, 4, 1);
        OutputLayer out = OutputLayer.random(4, 2, Activation.LINEAR, 0.1, new Random(1));
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> c.stepColumn(new DMatrixRMaj(4, 1), new DMatrixRMaj(4, 1)),
                "x_t has shape (4×1) but the cell expects (3×1): n_x = 3",
                "x_t có hình dạng (4×1) nhưng ô RNN (cell) cần (3×1): n_x = 3");
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> c.stepColumn(null, new DMatrixRMaj(4, 1)),
                "x_t is null but the cell expects a (3×1) matrix: n_x = 3",
                "x_t là null nhưng ô RNN (cell) cần một ma trận (3×1): n_x = 3");
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> c.step(new DMatrixRMaj(2, 4), new DMatrixRMaj(2, 4)),
                "X_t has shape (2×4) but the cell expects (2×3): n_x = 3 columns, one row per example",
                "X_t có hình dạng (2×4) nhưng ô RNN (cell) cần (2×3): n_x = 3 cột, mỗi ví dụ một hàng");
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> c.step(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 4)),
                "A_prev has shape (1×4) but the cell expects (2×4): m = 2 examples in X_t, n_a = 4",
                "A_prev có hình dạng (1×4) nhưng ô RNN (cell) cần (2×4): m = 2 ví dụ trong X_t, n_a = 4");
        DMatrixRMaj nan = new DMatrixRMaj(1, 3);
        nan.set(0, 2, Double.NaN);
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> c.step(nan, new DMatrixRMaj(1, 4)),
                "X_t has a NaN at (0, 2): the cell needs finite numbers",
                "X_t có một giá trị NaN tại (0, 2): ô RNN (cell) cần các số hữu hạn");
        BilingualErrors.assertVietnameseContains(IllegalArgumentException.class,
                () -> c.forward(List.of(new DMatrixRMaj(1, 3), new DMatrixRMaj(1, 2))),
                "tại t = 2: ", "X_t có hình dạng (1×2)", "(1×3)");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new RnnCell(new DMatrixRMaj(3, 4),
                        new DMatrixRMaj(3, 3), new DMatrixRMaj(1, 4), Activation.TANH),
                "W_aa has shape (3×3) but the cell expects (4×4): n_x = 3, n_a = 4 (read from W_ax)",
                "W_aa có hình dạng (3×3) nhưng ô RNN (cell) cần (4×4): n_x = 3, n_a = 4 (đọc từ W_ax)");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> c.forward(List.of()),
                "xs is empty: give the inputs X_1 … X_T, one matrix per time step",
                "xs rỗng: hãy truyền vào các đầu vào X_1 … X_T, mỗi bước thời gian một ma trận");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> out.forward(new DMatrixRMaj(1, 3)),
                "A_t has shape (1×3) but the output layer expects (1×4): n_a = 4 columns, one row per example",
                "A_t có hình dạng (1×3) nhưng tầng đầu ra (output layer) cần (1×4): n_a = 4 cột, mỗi ví dụ một hàng");
        DMatrixRMaj X = new DMatrixRMaj(2, 3);
        DMatrixRMaj A = new DMatrixRMaj(2, 4);
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> Bptt.cellBackward(c, X, A, A, new DMatrixRMaj(1, 3)),
                "dA_t has shape (1×3) but the backward step expects (2×4): the shape of A_t, m = 2, n_a = 4",
                "dA_t có hình dạng (1×3) nhưng bước lan truyền ngược (backward step) cần (2×4): hình dạng của A_t, m = 2, n_a = 4");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Bptt.cellBackward(c, null, A, A, A),
                "X_t is null: give X_t, (m×3)",
                "X_t là null: hãy truyền vào X_t, (m×3)");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new Rnn(c,
                        OutputLayer.random(3, 2, Activation.LINEAR, 0.1, new Random(1))),
                "output.W_ay has shape (3×2) but the RNN expects (4×2): n_a = 4 from the cell",
                "output.W_ay có hình dạng (3×2) nhưng mạng RNN cần (4×2): n_a = 4 lấy từ ô RNN");
        Rnn rnn = new Rnn(c, out);
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Bptt.manyToOne(rnn,
                        rnn.forward(List.of(new DMatrixRMaj(1, 3))), new DMatrixRMaj(1, 3), Loss.HALF_SQUARED_ERROR),
                "target has shape (1×3) but the loss expects (1×2): the same shape as the output Y_t",
                "target có hình dạng (1×3) nhưng hàm mất mát (loss) cần (1×2): cùng hình dạng với đầu ra Y_t");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> RnnCell.random(0, 4, Activation.TANH, 0.1, new Random(1)),
                "n_x must be at least 1, got 0",
                "n_x phải ít nhất là 1, nhận được 0");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new Rnn(null, out),
                "cell is null: give an RnnCell",
                "cell là null: hãy truyền vào một RnnCell");
    }

    @Test
    void outputLayerAndBackwardStepShapeErrors() {
        RnnCell c = cell(3, 4, 1);
        OutputLayer out = OutputLayer.random(4, 2, Activation.LINEAR, 0.1, new Random(1));
        assertEquals("A_t has shape (1×3) but the output layer expects (1×4): n_a = 4 columns, one row per example",
                assertThrows(IllegalArgumentException.class, () -> out.forward(new DMatrixRMaj(1, 3))).getMessage());
        assertEquals("h_t has shape (3×1) but the output layer expects (4×1): n_h = 4",
                assertThrows(IllegalArgumentException.class, () -> out.forwardColumn(new DMatrixRMaj(3, 1))).getMessage());
        DMatrixRMaj X = new DMatrixRMaj(2, 3);
        DMatrixRMaj A = new DMatrixRMaj(2, 4);
        assertEquals("dA_t has shape (1×3) but the backward step expects (2×4): the shape of A_t, m = 2, n_a = 4",
                assertThrows(IllegalArgumentException.class,
                        () -> Bptt.cellBackward(c, X, A, A, new DMatrixRMaj(1, 3))).getMessage());
        assertEquals("output.W_ay has shape (3×2) but the RNN expects (4×2): n_a = 4 from the cell",
                assertThrows(IllegalArgumentException.class, () -> new Rnn(c,
                        OutputLayer.random(3, 2, Activation.LINEAR, 0.1, new Random(1)))).getMessage());
        Rnn rnn = new Rnn(c, out);
        assertEquals("the output activation g = linear does not suit the loss cross-entropy: cross-entropy needs g = softmax",
                assertThrows(IllegalArgumentException.class, () -> Bptt.manyToOne(rnn,
                        rnn.forward(List.of(new DMatrixRMaj(1, 3))), new DMatrixRMaj(1, 2), Loss.CROSS_ENTROPY)).getMessage());
        assertEquals("target has shape (1×3) but the loss expects (1×2): the same shape as the output Y_t",
                assertThrows(IllegalArgumentException.class, () -> Bptt.manyToOne(rnn,
                        rnn.forward(List.of(new DMatrixRMaj(1, 3))), new DMatrixRMaj(1, 3), Loss.HALF_SQUARED_ERROR)).getMessage());
    }

    /** Tiny helper so the test can fill a bias with random numbers. */
    static final class CommonOpsHelper {
        static void fill(DMatrixRMaj m, Random r) {
            for (int k = 0; k < m.data.length; k++) {
                m.data[k] = r.nextGaussian();
            }
        }
    }
}
