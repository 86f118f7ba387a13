package org.rnncourse.exercise;

import java.util.Arrays;
import java.util.Locale;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.LSTM;

/** Checks for lesson 10 (LSTM and GRU). Expected counts come from the library's layers. */
public final class Lesson10 {
    private Lesson10() {}

    /** Exercise 1: the parameters of LSTM(u) and GRU(u) (Keras's reset_after) on d input features. */
    public static void checkParameterCounts(long lstm, long gru, int d, int u) {
        if (d <= 0 || u <= 0) throw new IllegalArgumentException("d and u must be positive, got d = " + d + ", u = " + u);
        long wantLstm = new Sequential(1L, new Input(1, d), new LSTM(u)).countParams();
        long wantGru = new Sequential(1L, new Input(1, d), new GRU(u)).countParams();
        long simple = (long) u * (d + u) + u;
        if (lstm != wantLstm) {
            String hint = lstm == simple ? "that is one SimpleRNN's count: an LSTM has four gate blocks, each a SimpleRNN's worth."
                    : lstm == 4L * u * (d + u) ? "the four bias vectors (4·u numbers) are missing."
                    : "4 · (u·(d + u) + u): each of i, f, cTilde, o has its own W (d×u), U (u×u) and b (u).";
            throw Check.fail("the LSTM count", "got " + lstm + ", which is not the answer." + Check.howFarWhole(wantLstm, lstm), hint);
        }
        Check.pass("the LSTM count");
        if (gru != wantGru) {
            String hint = gru == 3 * simple
                    ? "that is the count with one bias per gate (reset_after = false). Keras's default GRU has TWO bias vectors per gate: 3 · (u·(d + u) + 2u)."
                    : gru == simple ? "that is one SimpleRNN's count: a GRU has three blocks z, r, hTilde."
                    : "3 · (u·(d + u) + 2u): three blocks z, r, hTilde, each with W, U and two biases (input side and recurrent side).";
            throw Check.fail("the GRU count", "got " + gru + ", which is not the answer." + Check.howFarWhole(wantGru, gru), hint);
        }
        Check.pass("the GRU count");
    }

    /** Exercise 2: one LSTM cell update, c_t = f ⊙ c_{t−1} + i ⊙ cTilde and h_t = o ⊙ tanh(c_t). */
    public static void checkCellUpdate(double[] c, double[] h, double[] cPrev, double[] f, double[] i,
                                       double[] cTilde, double[] o) {
        int n = cPrev.length;
        double[] wantC = new double[n], wantH = new double[n], keepOnly = new double[n], noForget = new double[n];
        for (int k = 0; k < n; k++) {
            wantC[k] = f[k] * cPrev[k] + i[k] * cTilde[k];
            wantH[k] = o[k] * Math.tanh(wantC[k]);
            keepOnly[k] = f[k] * cPrev[k];
            noForget[k] = cPrev[k] + i[k] * cTilde[k];
        }
        if (c == null) throw Check.missing("c", "c[k] = f[k]·cPrev[k] + i[k]·cTilde[k].");
        requireLength("c", c, n);
        if (!near(c, wantC)) {
            String hint = near(c, keepOnly) ? "you kept the old cell (f ⊙ c_{t−1}) but wrote nothing new: add i ⊙ cTilde."
                    : near(c, noForget) ? "the forget gate multiplies the OLD cell: f ⊙ c_{t−1}, not c_{t−1} alone."
                    : "element by element: c[k] = f[k]·cPrev[k] + i[k]·cTilde[k] (no matrix product, no squashing).";
            throw Check.fail("c", "got " + show(c) + ", which is not c_t.", hint);
        }
        Check.pass("c_t");
        if (h == null) throw Check.missing("h", "h[k] = o[k]·tanh(c[k]).");
        requireLength("h", h, n);
        if (!near(h, wantH)) {
            double[] noTanh = new double[n];
            for (int k = 0; k < n; k++) noTanh[k] = o[k] * wantC[k];
            String hint = near(h, noTanh) ? "squash the cell before the output gate reads it: o ⊙ tanh(c_t)."
                    : "h[k] = o[k]·Math.tanh(c[k]), with the NEW cell c_t.";
            throw Check.fail("h", "got " + show(h) + ", which is not h_t.", hint);
        }
        Check.pass("h_t");
    }

    /** Exercise 3: the GRU's interpolation in Keras's convention, h_t = z ⊙ h_{t−1} + (1 − z) ⊙ hTilde. */
    public static void checkGruUpdate(double[] h, double[] z, double[] hPrev, double[] hTilde) {
        int n = hPrev.length;
        double[] want = new double[n], swapped = new double[n];
        for (int k = 0; k < n; k++) {
            want[k] = z[k] * hPrev[k] + (1 - z[k]) * hTilde[k];
            swapped[k] = (1 - z[k]) * hPrev[k] + z[k] * hTilde[k];
        }
        if (h == null) throw Check.missing("h", "h[k] = z[k]·hPrev[k] + (1 − z[k])·hTilde[k].");
        requireLength("h", h, n);
        if (!near(h, want)) {
            String hint = near(h, swapped)
                    ? "that is the notes' convention, where z weighs the candidate. Keras's z weighs the OLD state: z ⊙ h_{t−1} + (1 − z) ⊙ hTilde."
                    : "a weighted average of the old state and the candidate: z[k]·hPrev[k] + (1 − z[k])·hTilde[k].";
            throw Check.fail("h", "got " + show(h) + ", which is not the GRU's h_t.", hint);
        }
        Check.pass("the GRU update");
    }

    private static void requireLength(String what, double[] a, int n) {
        if (a.length != n) {
            throw Check.fail(what, "expected " + n + " numbers (one per unit), got " + a.length + ".",
                    "the gates and states all have one number per unit.");
        }
    }

    private static boolean near(double[] a, double[] b) {
        if (a.length != b.length) return false;
        for (int k = 0; k < a.length; k++) if (!(Math.abs(a[k] - b[k]) <= 1e-9)) return false;
        return true;
    }

    private static String show(double[] a) {
        String[] s = new String[a.length];
        for (int k = 0; k < a.length; k++) s[k] = String.format(Locale.ROOT, "%.6f", a[k]);
        return Arrays.toString(s).replace("'", "");
    }
}
