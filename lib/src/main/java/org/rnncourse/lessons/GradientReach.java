package org.rnncourse.lessons;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Backend;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.RecurrentLayer;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How much gradient reaches each input step of a recurrent layer: for L = Σ h_T (the last output),
 * ‖∂L/∂x_t‖ for t = 1 … T. A SimpleRNN multiplies the gradient by U·tanh′ once per step; an LSTM's
 * cell passes it back through f alone, a GRU's state through z alone — lesson 10 shows what an open
 * gate does to the numbers.
 */
public final class GradientReach {
    private GradientReach() {}

    /** A (1, steps, features) input of standard normal numbers from {@code seed}. */
    public static Tensor randomSequence(int steps, int features, long seed) {
        Args.positive("steps", steps);
        Args.positive("features", features);
        Random rng = new Random(seed);
        double[] d = new double[steps * features];
        for (int i = 0; i < d.length; i++) d[i] = rng.nextGaussian();
        return new Tensor(d, 1, steps, features);
    }

    /**
     * ‖∂L/∂x_t‖ for every step t (index 0 is x_1) of one example, L = the sum of the layer's last output.
     * The layer must return only its last output (returnSequences false); it is built with {@code seed}
     * if it is not built yet.
     */
    public static double[] inputGradientNorms(RecurrentLayer layer, Tensor x, long seed) {
        if (layer.returnSequences()) {
            throw new IllegalArgumentException(Messages.get("lessons.reach.sequences", layer.describe()));
        }
        if (x.rank() != 3 || x.dim(0) != 1) {
            throw new IllegalArgumentException(Messages.get("lessons.reach.shape", Tensor.shapeString(x.shape())));
        }
        if (!layer.isBuilt()) layer.build(new int[] {x.dim(1), x.dim(2)}, new Random(seed));
        // In double (the reference code): the reach spans dozens of orders of magnitude, and a float
        // gradient would flush the smallest fractions to zero.
        Tensor dx = Backend.withFloatx("float64", () -> {
            Tensor out = layer.forward(x, false);
            double[] ones = new double[out.size()];
            java.util.Arrays.fill(ones, 1.0);
            return layer.backward(new Tensor(ones, out.shape()));
        });
        int steps = x.dim(1), f = x.dim(2);
        double[] norms = new double[steps];
        for (int t = 0; t < steps; t++) {
            double s = 0;
            for (int k = 0; k < f; k++) s += dx.data()[t * f + k] * dx.data()[t * f + k];
            norms[t] = Math.sqrt(s);
        }
        return norms;
    }

    /** Sets one gate's slice of a gated layer's bias (LSTM: i, f, c, o = 0…3; GRU: z, r, h = 0…2, input side). */
    public static void setGateBias(RecurrentLayer layer, int gate, double value) {
        if (!layer.isBuilt()) throw new IllegalStateException(Messages.get("lessons.reach.notBuilt", layer.describe()));
        int gates = layer instanceof LSTM ? 4 : layer instanceof GRU ? 3 : 0;
        if (gate < 0 || gate >= gates) {
            throw new IllegalArgumentException(Messages.get("lessons.reach.gate", gates, layer.describe(), gate));
        }
        double[] b = layer.parameters().get(2).value();
        java.util.Arrays.fill(b, gate * layer.units(), (gate + 1) * layer.units(), value);
    }

    /**
     * The flows side by side: one row per "steps back" k (the input x_{T−k}), one column per layer,
     * each entry ‖∂L/∂x_{T−k}‖ / ‖∂L/∂x_T‖, the fraction of the last step's gradient that gets there.
     */
    public static Table table(String caption, Map<String, double[]> flows, int... stepsBack) {
        Table t = Table.create(caption, IntColumn.create(Messages.get("out.gradientReach.stepsBack"), stepsBack));
        for (Map.Entry<String, double[]> e : flows.entrySet()) {
            double[] n = e.getValue();
            String[] cells = new String[stepsBack.length];
            for (int i = 0; i < stepsBack.length; i++) {
                if (stepsBack[i] < 0 || stepsBack[i] >= n.length) {
                    throw new IllegalArgumentException(Messages.get("lessons.reach.stepsBack", stepsBack[i], n.length - 1));
                }
                cells[i] = String.format(Locale.ROOT, "%.1e", n[n.length - 1 - stepsBack[i]] / n[n.length - 1]);
            }
            t.addColumns(StringColumn.create(e.getKey(), cells));
        }
        return t;
    }
}
