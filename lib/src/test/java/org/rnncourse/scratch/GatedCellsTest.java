package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

/**
 * LSTM and GRU cells: hand-computed steps, Keras's parameter counts, and numerical gradient checks
 * of every gradient (weights, biases, dX_t and the states passed back) to a relative error below 1e-7.
 */
class GatedCellsTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    private static final int NX = 3, NA = 4, M = 2, T = 5;

    /** A loss that reads every H_t (and C_T for the LSTM) through fixed random weights. */
    private static double dot(DMatrixRMaj a, DMatrixRMaj b) {
        double s = 0;
        for (int k = 0; k < a.getNumElements(); k++) s += a.data[k] * b.data[k];
        return s;
    }

    private static List<DMatrixRMaj> gaussians(int n, int rows, int cols, double scale, Random r) {
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int t = 0; t < n; t++) out.add(Matrices.gaussian(rows, cols, scale, r));
        return out;
    }

    private static LstmCell lstm(Random r) {
        return new LstmCell(Matrices.gaussian(NX, 4 * NA, 0.5, r), Matrices.gaussian(NA, 4 * NA, 0.5, r),
                Matrices.gaussian(1, 4 * NA, 0.5, r));
    }

    private static GruCell gru(Random r) {
        return new GruCell(Matrices.gaussian(NX, 3 * NA, 0.5, r), Matrices.gaussian(NA, 3 * NA, 0.5, r),
                Matrices.gaussian(2, 3 * NA, 0.5, r));
    }

    private static void check(String name, DoubleSupplier loss, DMatrixRMaj param, DMatrixRMaj analytic) {
        GradCheck.Comparison c = GradCheck.compare(name, loss, param, analytic);
        assertTrue(c.relativeError() < 1e-7, c.toString());
        assertTrue(Matrices.norm(analytic) > 0, name + " gradient is all zeros: the check would prove nothing");
    }

    @Test
    void parameterCountsFollowKeras() {
        // Keras: LSTM(64) on 32 features 24,832; GRU(64) 18,816 (reset_after); SimpleRNN 6,208.
        assertEquals(24_832, Parameters.lstmLayer(32, 64));
        assertEquals(18_816, Parameters.gruLayer(32, 64));
        assertEquals(4 * Parameters.rnnLayer(32, 64), Parameters.lstmLayer(32, 64));
        // IMDB sizes: Embedding 128 → LSTM(64) 49,408, GRU(64) 37,248.
        assertEquals(49_408, Parameters.lstmLayer(128, 64));
        assertEquals(37_248, Parameters.gruLayer(128, 64));
        assertEquals(4L * (NA * (NX + NA) + NA), LstmCell.random(NX, NA, 0.1, 1).parameterCount());
        assertEquals(3L * (NA * (NX + NA) + 2 * NA), GruCell.random(NX, NA, 0.1, 1).parameterCount());
    }

    @Test
    void lstmStepMatchesTheFormulasByHand() {
        // n_x = 1, n_a = 1: every gate is one number.
        DMatrixRMaj W = Matrices.row(0.5, -0.3, 0.8, 0.1);
        DMatrixRMaj U = Matrices.row(0.2, 0.4, -0.6, 0.7);
        DMatrixRMaj b = Matrices.row(0.1, 1.0, 0.0, -0.2);
        LstmCell cell = new LstmCell(W, U, b);
        double x = 2, h = 0.3, c = -0.5;
        LstmCell.Step s = cell.step(Matrices.row(x), Matrices.row(h), Matrices.row(c));
        double i = sig(0.5 * x + 0.2 * h + 0.1), f = sig(-0.3 * x + 0.4 * h + 1.0);
        double g = Math.tanh(0.8 * x - 0.6 * h), o = sig(0.1 * x + 0.7 * h - 0.2);
        double cNew = f * c + i * g;
        assertEquals(cNew, s.C().get(0, 0), 1e-15);
        assertEquals(o * Math.tanh(cNew), s.H().get(0, 0), 1e-15);
        assertEquals(f, s.f().get(0, 0), 1e-15);
    }

    @Test
    void gruStepMatchesKerasResetAfterByHand() {
        DMatrixRMaj W = Matrices.row(0.5, -0.3, 0.8);
        DMatrixRMaj U = Matrices.row(0.2, 0.4, -0.6);
        DMatrixRMaj b = Matrices.fromRows(new double[][] {{0.1, 0.2, 0.3}, {-0.1, 0.05, 0.4}});
        GruCell cell = new GruCell(W, U, b);
        double x = 2, h = 0.3;
        GruCell.Step s = cell.step(Matrices.row(x), Matrices.row(h));
        double z = sig(0.5 * x + 0.1 + 0.2 * h - 0.1);
        double r = sig(-0.3 * x + 0.2 + 0.4 * h + 0.05);
        double hh = Math.tanh(0.8 * x + 0.3 + r * (-0.6 * h + 0.4));  // reset after the product, with b_h
        assertEquals(z * h + (1 - z) * hh, s.H().get(0, 0), 1e-15);
    }

    private static double sig(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void lstmBackwardStepPassesTheNumericalCheck() {
        Random r = new Random(11);
        LstmCell cell = lstm(r);
        DMatrixRMaj X = Matrices.gaussian(M, NX, 1, r), H = Matrices.gaussian(M, NA, 0.5, r), C = Matrices.gaussian(M, NA, 0.5, r);
        DMatrixRMaj gH = Matrices.gaussian(M, NA, 1, r), gC = Matrices.gaussian(M, NA, 1, r);
        DoubleSupplier loss = () -> {
            LstmCell.Step s = cell.step(X, H, C);
            return dot(gH, s.H()) + dot(gC, s.C());
        };
        LstmCell.Gradients g = cell.backward(cell.step(X, H, C), gH, gC);
        check("W", loss, cell.W, g.dW());
        check("U", loss, cell.U, g.dU());
        check("b", loss, cell.b, g.db());
        check("X_t", loss, X, g.dX());
        check("H_prev", loss, H, g.dHprev());
        check("C_prev", loss, C, g.dCprev());
    }

    @Test
    void lstmThroughTimePassesTheNumericalCheck() {
        Random r = new Random(12);
        LstmCell cell = lstm(r);
        List<DMatrixRMaj> xs = gaussians(T, M, NX, 1, r);
        DMatrixRMaj H0 = Matrices.gaussian(M, NA, 0.5, r), C0 = Matrices.gaussian(M, NA, 0.5, r);
        List<DMatrixRMaj> gHs = gaussians(T, M, NA, 1, r);
        gHs.set(1, null);                     // a step the loss does not read
        DMatrixRMaj gC = Matrices.gaussian(M, NA, 1, r);
        DoubleSupplier loss = () -> {
            LstmCell.Cache cache = cell.forward(xs, H0, C0);
            double s = dot(gC, cache.lastC());
            for (int t = 1; t <= T; t++) if (gHs.get(t - 1) != null) s += dot(gHs.get(t - 1), cache.step(t).H());
            return s;
        };
        LstmCell.SequenceGradients g = cell.backward(cell.forward(xs, H0, C0), gHs, gC);
        check("W", loss, cell.W, g.dW());
        check("U", loss, cell.U, g.dU());
        check("b", loss, cell.b, g.db());
        for (int t = 1; t <= T; t++) check("X_" + t, loss, xs.get(t - 1), g.dX(t));
        check("H_0", loss, H0, g.dH0());
        check("C_0", loss, C0, g.dC0());
    }

    @Test
    void gruBackwardStepPassesTheNumericalCheck() {
        Random r = new Random(13);
        GruCell cell = gru(r);
        DMatrixRMaj X = Matrices.gaussian(M, NX, 1, r), H = Matrices.gaussian(M, NA, 0.5, r);
        DMatrixRMaj gH = Matrices.gaussian(M, NA, 1, r);
        DoubleSupplier loss = () -> dot(gH, cell.step(X, H).H());
        GruCell.Gradients g = cell.backward(cell.step(X, H), gH);
        check("W", loss, cell.W, g.dW());
        check("U", loss, cell.U, g.dU());
        check("b", loss, cell.b, g.db());
        check("X_t", loss, X, g.dX());
        check("H_prev", loss, H, g.dHprev());
    }

    @Test
    void gruThroughTimePassesTheNumericalCheck() {
        Random r = new Random(14);
        GruCell cell = gru(r);
        List<DMatrixRMaj> xs = gaussians(T, M, NX, 1, r);
        DMatrixRMaj H0 = Matrices.gaussian(M, NA, 0.5, r);
        List<DMatrixRMaj> gHs = gaussians(T, M, NA, 1, r);
        gHs.set(2, null);
        DoubleSupplier loss = () -> {
            GruCell.Cache cache = cell.forward(xs, H0);
            double s = 0;
            for (int t = 1; t <= T; t++) if (gHs.get(t - 1) != null) s += dot(gHs.get(t - 1), cache.step(t).H());
            return s;
        };
        GruCell.SequenceGradients g = cell.backward(cell.forward(xs, H0), gHs);
        check("W", loss, cell.W, g.dW());
        check("U", loss, cell.U, g.dU());
        check("b", loss, cell.b, g.db());
        for (int t = 1; t <= T; t++) check("X_" + t, loss, xs.get(t - 1), g.dX(t));
        check("H_0", loss, H0, g.dH0());
    }

    @Test
    void manyToOneBackwardReadsOnlyTheLastState() {
        Random r = new Random(15);
        LstmCell lstm = lstm(r);
        GruCell gru = gru(r);
        List<DMatrixRMaj> xs = gaussians(T, M, NX, 1, r);
        DMatrixRMaj gH = Matrices.gaussian(M, NA, 1, r);
        LstmCell.SequenceGradients gl = lstm.backwardLast(lstm.forward(xs), gH);
        check("LSTM W", () -> dot(gH, lstm.forward(xs).lastH()), lstm.W, gl.dW());
        check("LSTM X_1", () -> dot(gH, lstm.forward(xs).lastH()), xs.get(0), gl.dX(1));
        GruCell.SequenceGradients gg = gru.backwardLast(gru.forward(xs), gH);
        check("GRU U", () -> dot(gH, gru.forward(xs).lastH()), gru.U, gg.dU());
        check("GRU X_1", () -> dot(gH, gru.forward(xs).lastH()), xs.get(0), gg.dX(1));
    }

    @Test
    void randomLstmStartsWithKerasUnitForgetBias() {
        LstmCell cell = LstmCell.random(2, 3, 0.1, 7);
        for (int j = 0; j < 12; j++) assertEquals(j >= 3 && j < 6 ? 1.0 : 0.0, cell.b.get(0, j));
    }

    @Test
    void wrongShapesNameTheArgument() {
        LstmCell lstm = LstmCell.random(NX, NA, 0.1, 1);
        GruCell gru = GruCell.random(NX, NA, 0.1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lstm.step(new DMatrixRMaj(1, 2), new DMatrixRMaj(1, NA), new DMatrixRMaj(1, NA)));
        assertTrue(e.getMessage().startsWith("X_t has shape (1×2) but the LSTM cell expects (1×3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> lstm.step(new DMatrixRMaj(1, NX), new DMatrixRMaj(1, NA), new DMatrixRMaj(2, NA)));
        assertTrue(e.getMessage().startsWith("C_prev has shape (2×4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LstmCell(new DMatrixRMaj(3, 6), new DMatrixRMaj(1, 6), new DMatrixRMaj(1, 6)));
        assertTrue(e.getMessage().contains("four gate blocks"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GruCell(new DMatrixRMaj(3, 6), new DMatrixRMaj(2, 6), new DMatrixRMaj(1, 6)));
        assertTrue(e.getMessage().startsWith("b has shape (1×6) but the GRU cell expects (2×6)"), e.getMessage());
        List<DMatrixRMaj> xs = List.of(new DMatrixRMaj(1, NX), new DMatrixRMaj(1, 5));
        e = assertThrows(IllegalArgumentException.class, () -> gru.forward(xs));
        assertTrue(e.getMessage().startsWith("at t = 2: X_t has shape (1×5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gru.backward(gru.forward(List.of(new DMatrixRMaj(1, NX))), List.of()));
        assertTrue(e.getMessage().contains("T = 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lstm.forward(List.of()));
    }

    @Test
    void printsShapesNotAddresses() {
        LstmCell lstm = LstmCell.random(NX, NA, 0.1, 1);
        assertEquals("LstmCell(n_x = 3, n_a = 4; W (3×16), U (4×16), b (1×16); 128 parameters)", lstm.toString());
        LstmCell.Cache c = lstm.forward(List.of(new DMatrixRMaj(2, NX)));
        assertEquals("LstmCell.Cache(T = 1, H_t (2×4))", c.toString());
        assertTrue(GruCell.random(NX, NA, 0.1, 1).toString().contains("108 parameters"));
    }

    @Test
    void gatedCellShapeErrorsInBothLanguages() {
        LstmCell lstm = LstmCell.random(NX, NA, 0.1, 1);
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> lstm.step(new DMatrixRMaj(1, 2), new DMatrixRMaj(1, NA), new DMatrixRMaj(1, NA)),
                "X_t has shape (1×2) but the LSTM cell expects (1×3): n_x = 3 columns, one row per example",
                "X_t có hình dạng (1×2) nhưng ô LSTM (LSTM cell) cần (1×3): n_x = 3 cột, mỗi ví dụ một hàng");
        BilingualErrors.assertVietnameseContains(IllegalArgumentException.class,
                () -> lstm.step(new DMatrixRMaj(1, NX), new DMatrixRMaj(1, NA), new DMatrixRMaj(2, NA)),
                "C_prev có hình dạng (2×4)", "m = 1 ví dụ trong X_t, n_a = 4");
        BilingualErrors.assertVietnameseContains(IllegalArgumentException.class,
                () -> new GruCell(new DMatrixRMaj(3, 6), new DMatrixRMaj(2, 6), new DMatrixRMaj(1, 6)),
                "b có hình dạng (1×6) nhưng ô GRU (GRU cell) cần (2×6)", "hàng 0", "reset_after");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> lstm.forward(List.of()),
                "xs is empty: give the inputs X_1 … X_T, one matrix per time step",
                "xs rỗng: hãy truyền vào các đầu vào X_1 … X_T, mỗi bước thời gian một ma trận");
    }
}
