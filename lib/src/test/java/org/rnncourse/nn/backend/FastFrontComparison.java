package org.rnncourse.nn.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Activation;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.GradientCheckTest;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.layers.SimpleRNN;

/**
 * The float path ({@link FastFront}) against the double reference path (the layers' own forward and
 * backward) on one model: outputs, the gradient sent back to the input, and every parameter gradient.
 * Used in-process by {@link FastFrontTest} (Vector API) and by {@link FastFrontProbe} in a JVM without
 * the module (plain Java kernels).
 */
final class FastFrontComparison {
    private FastFrontComparison() {}

    /** The layer kinds that have a float step. */
    static final String[] KINDS = {"SimpleRNN", "LSTM", "GRU"};

    /** The shapes compared: (layer kind, embedding?, batch, steps, features or vocabulary, units, returnSequences). */
    static List<Object[]> cases() {
        List<Object[]> cs = new ArrayList<>();
        int[][] shapes = {{1, 1, 1, 1}, {1, 1, 3, 1}, {5, 4, 3, 7}, {19, 9, 5, 17}, {40, 6, 16, 33}, {33, 3, 20, 64},
            {16, 2, 1, 2}};
        for (String kind : KINDS)
            for (boolean emb : new boolean[] {false, true})
                for (boolean seq : new boolean[] {false, true})
                    for (int[] s : shapes) cs.add(new Object[] {kind, emb, s[0], s[1], s[2], s[3], seq});
        return cs;
    }

    static String describe(String kind, boolean emb, int batch, int steps, int in, int units, boolean seq) {
        return (emb ? "Embedding(" + (in + 3) + ", " + in + ") + " : "") + kind + "(" + units
                + (seq ? ", returnSequences" : "") + ") on batch " + batch + ", " + steps + " steps, " + in + " features";
    }

    static RecurrentLayer layer(String kind, int units, boolean seq) {
        return switch (kind) {
            case "SimpleRNN" -> new SimpleRNN(units, Activation.TANH, seq, false);
            case "LSTM" -> new LSTM(units, seq, false);
            case "GRU" -> new GRU(units, seq, false);
            default -> throw new IllegalArgumentException("no layer kind " + kind);
        };
    }

    /** The case of cases() at index c, compared. */
    static double maxDifference(Object[] c) {
        return maxDifference((String) c[0], (Boolean) c[1], (Integer) c[2], (Integer) c[3], (Integer) c[4],
                (Integer) c[5], (Boolean) c[6]);
    }

    /** The largest relative difference between the paths, over outputs and all gradients. */
    static double maxDifference(String kind, boolean emb, int batch, int steps, int in, int units, boolean seq) {
        Random rng = new Random(batch * 131 + steps * 17 + in * 7 + units);
        List<Layer> layers = new ArrayList<>();
        int vocab = in + 3;
        Tensor[] xs = new Tensor[2];
        for (int k = 0; k < 2; k++) {
            if (emb) {
                // The second batch uses other tokens: rows of the first batch's gradient must be cleared.
                double[] ids = new double[batch * steps];
                for (int i = 0; i < ids.length; i++) ids[i] = k == 0 ? rng.nextInt(vocab) : (i + 1) % vocab;
                xs[k] = new Tensor(ids, batch, steps);
            } else {
                xs[k] = GradientCheckTest.random(rng, batch, steps, in);
            }
        }
        if (emb) layers.add(new Embedding(vocab, in));
        layers.add(layer(kind, units, seq));
        Sequential model = new Sequential(5, layers.toArray(new Layer[0]));
        model.build(emb ? new int[] {steps} : new int[] {steps, in});
        for (Parameter p : model.parameters()) {
            if (p.name().equals("bias")) for (int i = 0; i < p.size(); i++) p.value()[i] = 0.1 * rng.nextGaussian();
        }
        Tensor[] refOut = new Tensor[2], refDx = new Tensor[2], r = new Tensor[2];
        List<List<double[]>> refGrads = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            refOut[k] = model.forward(xs[k], true);
            r[k] = GradientCheckTest.random(rng, refOut[k].shape());
            refDx[k] = model.backward(r[k]);
            List<double[]> gs = new ArrayList<>();
            for (Parameter p : model.parameters()) gs.add(p.grad().clone());
            refGrads.add(gs);
        }
        for (Parameter p : model.parameters()) java.util.Arrays.fill(p.grad(), 42.0); // must all be overwritten

        FastFront fast = FastFront.of(model.layers());
        if (fast == null) throw new AssertionError("no fast path for " + describe(kind, emb, batch, steps, in, units, seq));
        double worst = 0;
        for (int round = 0; round < 3; round++) { // batches x0, x1, x0: later runs reuse every buffer
            int k = round % 2;
            Tensor out = fast.forward(xs[k], true);
            if (!java.util.Arrays.equals(refOut[k].shape(), out.shape())) throw new AssertionError("output shapes differ");
            worst = Math.max(worst, diff(refOut[k].data(), out.data()));
            Tensor dx = fast.backward(r[k]);
            if (emb != (dx == null)) throw new AssertionError("input gradient expected only without an Embedding");
            if (dx != null) worst = Math.max(worst, diff(refDx[k].data(), dx.data()));
            List<Parameter> ps = model.parameters();
            for (int i = 0; i < ps.size(); i++) worst = Math.max(worst, diff(refGrads.get(k).get(i), ps.get(i).grad()));
        }
        return worst;
    }

    /** max |a − b| / (1 + max |a|): a relative error for arrays of any scale. */
    static double diff(double[] a, double[] b) {
        double scale = 1, d = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d / scale;
    }
}
