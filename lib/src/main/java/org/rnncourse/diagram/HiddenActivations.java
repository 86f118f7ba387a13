package org.rnncourse.diagram;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.lessons.CharRnn;
import org.rnncourse.scratch.Matrices;

/**
 * The hidden state of a character model, unit by unit, while it reads a text: the numbers that
 * Karpathy's "Unreasonable effectiveness of RNNs" colours over the characters. Each h_t is taken
 * right after the model read character t, from h_0 = 0, with the model's own cell (no sampling).
 */
public final class HiddenActivations {
    private final String text;
    /** values[t][k]: unit k of h_t after reading character t. */
    private final double[][] values;

    private HiddenActivations(String text, double[][] values) {
        this.text = text;
        this.values = values;
    }

    /** Runs {@code model}'s cell over {@code text}; every character must be in the model's vocabulary. */
    public static HiddenActivations of(CharRnn model, String text) {
        if (model == null) throw new IllegalArgumentException("model is null: pass the CharRnn you trained");
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("text is empty: give the characters the model should read");
        int[] ids = model.encode(text);   // names the first character outside the vocabulary
        int V = model.vocabularySize();
        int nA = model.rnn.cell.nA;
        DMatrixRMaj a = new DMatrixRMaj(1, nA);
        double[][] values = new double[ids.length][];
        for (int t = 0; t < ids.length; t++) {
            a = model.rnn.cell.step(Matrices.oneHotRow(ids[t], V), a);
            values[t] = a.data.clone();
        }
        return new HiddenActivations(text, values);
    }

    public String text() {
        return text;
    }

    /** The number of hidden units n_a. */
    public int units() {
        return values[0].length;
    }

    /** Unit {@code unit} of h_t for every character t. */
    public double[] unit(int unit) {
        if (unit < 0 || unit >= units()) {
            throw new IllegalArgumentException("unit " + unit + " does not exist: the model has units 0 … " + (units() - 1));
        }
        double[] out = new double[values.length];
        for (int t = 0; t < values.length; t++) out[t] = values[t][unit];
        return out;
    }

    /**
     * The {@code k} units whose activation changes most over the text (largest variance), most
     * first: a quick way to find units worth looking at, as Karpathy did by hand.
     */
    public int[] mostVarying(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        double[] variance = new double[units()];
        for (int u = 0; u < units(); u++) {
            double[] v = unit(u);
            double mean = Arrays.stream(v).average().orElse(0);
            variance[u] = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
        }
        return IntStream.range(0, units()).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> variance[u]).reversed())
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return Messages.get("out.hiddenActivations.summary", values.length, units());
    }
}
