package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * How a gradient changes as BPTT carries it back through the time steps (lesson 09).
 *
 * <p>Going back one step multiplies ∂L/∂h_t by the step's Jacobian
 * <pre>   ∂h_t/∂h_{t−1} = diag(tanh′(z_t)) · W_hh        (column form; W_hh = W_aaᵀ)</pre>
 * so after k steps the gradient has been multiplied by k such matrices. If each shrinks vectors
 * (norm below 1, e.g. small W_hh, or tanh′ &lt; 1 from saturated units) the product vanishes
 * geometrically; if each stretches them, it explodes. {@link #simulate} shows the bare arithmetic
 * with one number per step; {@link #measure} runs BPTT of a real RNN and records ‖∂L/∂h_t‖ at every
 * step together with the norm of each step's Jacobian.
 */
public final class GradientFlow {
    private GradientFlow() {}

    // ---- the simulation: one factor per step ----------------------------------------------------

    /** g_0 = 1, g_k = g_{k−1} · factor for k = 1 … steps: a gradient scaled by the same factor at each step. */
    public static double[] simulate(int steps, double factor) {
        Shapes.requirePositive("steps", steps);
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a positive number, got " + factor);
        }
        double[] g = new double[steps + 1];
        g[0] = 1.0;
        for (int k = 1; k <= steps; k++) {
            g[k] = g[k - 1] * factor;
        }
        return g;
    }

    /**
     * The first step k at which factor^k drops below {@code threshold} (e.g. 0.9 and 1e-2 → 44).
     *
     * <p>Package-private: it is exactly the answer of lesson 09's exercise 2, and every student's kernel
     * loads this library.
     *
     * @throws IllegalArgumentException if the factor is not below 1 (the gradient never shrinks)
     */
    static int firstStepBelow(double factor, double threshold) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor = " + factor + " must be in (0, 1): otherwise the gradient never shrinks");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold = " + threshold + " must be in (0, 1)");
        }
        double g = 1.0;
        int k = 0;
        while (g >= threshold) {
            g *= factor;
            k++;
        }
        return k;
    }

    // ---- the measurement: BPTT of a real RNN ----------------------------------------------------

    /**
     * What BPTT of one many-to-one loss did at each step: ‖∂L/∂h_t‖ for t = 1 … T and, for t = 2 … T,
     * the largest stretch ‖∂h_t/∂h_{t−1}‖₂ of the step's Jacobian (the factor of the simulation).
     */
    public record Measurement(String label, double recurrentScale, double[] gradientNorms, double[] jacobianNorms) {
        /** T, the number of time steps. */
        public int timeSteps() {
            return gradientNorms.length;
        }

        /** ‖∂L/∂h_t‖ for t = 1 … T. */
        public double gradientNorm(int t) {
            if (t < 1 || t > gradientNorms.length) {
                throw new IllegalArgumentException("t = " + t + " is outside 1 … " + gradientNorms.length);
            }
            return gradientNorms[t - 1];
        }

        /** ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖: how much of the gradient at the last step reaches the first. */
        public double firstToLastRatio() {
            return gradientNorms[0] / gradientNorms[gradientNorms.length - 1];
        }

        /**
         * The factor the gradient was actually multiplied by per step, on average (geometric mean):
         * (‖∂L/∂h_1‖ / ‖∂L/∂h_T‖)^(1/(T−1)). Below 1 it vanishes, above 1 it explodes.
         */
        public double meanStepFactor() {
            int T = gradientNorms.length;
            return T < 2 ? Double.NaN : Math.pow(firstToLastRatio(), 1.0 / (T - 1));
        }

        /**
         * The geometric mean of the per-step Jacobian 2-norms: the most a step could stretch the
         * gradient, an upper bound on {@link #meanStepFactor()}.
         */
        public double meanJacobianNorm() {
            double s = 0;
            int n = 0;
            for (int t = 1; t < jacobianNorms.length; t++) {  // entry 0 (t = 1) has no previous state
                s += Math.log(jacobianNorms[t]);
                n++;
            }
            return n == 0 ? Double.NaN : Math.exp(s / n);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: T = %d, ‖∂L/∂h_T‖ = %.2e, ‖∂L/∂h_1‖ = %.2e, ratio %.2e, "
                    + "average factor per step %.3f (at most %.3f: the mean ‖∂h_t/∂h_t−1‖₂)", label, timeSteps(),
                    gradientNorms[gradientNorms.length - 1], gradientNorms[0], firstToLastRatio(), meanStepFactor(),
                    meanJacobianNorm());
        }
    }

    /**
     * Runs BPTT of a many-to-one loss back from step T and records ‖∂L/∂A_t‖ at every step (of the first
     * example when the batch has several) and the 2-norm of each step's Jacobian, using
     * {@link Bptt#cellBackward}, the same backward step as training.
     */
    public static Measurement measure(String label, Rnn rnn, List<DMatrixRMaj> xs, DMatrixRMaj target, Loss loss) {
        Shapes.requireNonNull("rnn", rnn, "give the Rnn");
        Shapes.requireNonNull("loss", loss, "choose a Loss, e.g. Loss.HALF_SQUARED_ERROR");
        loss.requireActivation(rnn.output.g);
        RnnCache cache = rnn.forward(xs);
        int T = cache.timeSteps();
        Shapes.require("target", target, cache.batchSize(), rnn.output.nY, "the loss", "the shape of Y_T");
        // From the loss to A_T through the output layer, as Bptt.manyToOne does.
        DMatrixRMaj dZy = loss.gradient(rnn.output.g, cache.zy(T), cache.y(T), target);
        DMatrixRMaj dA = CommonOps_DDRM.multTransB(dZy, rnn.output.Way, null);
        double[] norms = new double[T];
        double[] jac = new double[T];
        for (int t = T; t >= 1; t--) {
            norms[t - 1] = Matrices.norm(CommonOps_DDRM.extractRow(dA, 0, null));
            jac[t - 1] = jacobianNorm(rnn.cell, cache.z(t));
            dA = Bptt.cellBackward(rnn.cell, cache, t, dA).dAprev;
        }
        jac[0] = Double.NaN;   // h_0 is not computed from anything: no Jacobian before step 1
        return new Measurement(label, Double.NaN, norms, jac);
    }

    /**
     * ‖diag(f′(z_t)) · W_hh‖₂ for the first example of the batch: the largest factor by which one step
     * back can stretch a gradient (column form: ∂h_t/∂h_{t−1} = diag(f′(z_t)) · W_aaᵀ).
     */
    public static double jacobianNorm(RnnCell cell, DMatrixRMaj Zt) {
        Shapes.requireNonNull("cell", cell, "give the RnnCell");
        Shapes.requireFinite("Z_t", Zt, "the Jacobian");
        if (Zt.numCols != cell.nA) {
            throw new IllegalArgumentException("Z_t has shape " + Shapes.of(Zt) + " but the Jacobian expects (m×"
                    + cell.nA + "): n_a = " + cell.nA);
        }
        DMatrixRMaj d = cell.f.derivative(CommonOps_DDRM.extractRow(Zt, 0, null));
        DMatrixRMaj J = cell.Whh();                    // W_hh = W_aaᵀ, (n_a, n_a)
        for (int i = 0; i < J.numRows; i++) {          // diag(f′) · W_hh scales row i by f′_i
            for (int j = 0; j < J.numCols; j++) {
                J.set(i, j, J.get(i, j) * d.get(0, i));
            }
        }
        return NormOps_DDRM.normP2(J);
    }

    /**
     * The lesson's network: an RNN with n_x = 4 inputs, n_a = 32 tanh units and one linear output,
     * W_aa Gaussian with standard deviation {@code recurrentScale}/√n_a (so its largest eigenvalues
     * are about {@code recurrentScale}), W_ax small (0.5/√n_x), W_ay 1/√n_a, zero biases; and one input
     * sequence of T Gaussian steps with target 1 and the loss ½(y − 1)² ({@link Loss#HALF_SQUARED_ERROR}). All from {@code seed}.
     */
    public static Measurement measure(double recurrentScale, int T, long seed) {
        if (!(recurrentScale > 0) || Double.isInfinite(recurrentScale)) {
            throw new IllegalArgumentException("recurrentScale must be a positive number, got " + recurrentScale);
        }
        Shapes.requirePositive("T", T);
        int nX = 4, nA = 32;
        Random r = new Random(seed);
        RnnCell cell = new RnnCell(Matrices.gaussian(nX, nA, 0.5 / Math.sqrt(nX), r),
                Matrices.gaussian(nA, nA, recurrentScale / Math.sqrt(nA), r), new DMatrixRMaj(1, nA), Activation.TANH);
        OutputLayer out = new OutputLayer(Matrices.gaussian(nA, 1, 1 / Math.sqrt(nA), r), new DMatrixRMaj(1, 1), Activation.LINEAR);
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int t = 0; t < T; t++) xs.add(Matrices.gaussian(1, nX, 1.0, r));
        Measurement m = measure("W_aa scale " + fmt(recurrentScale), new Rnn(cell, out), xs, Matrices.row(1.0), Loss.HALF_SQUARED_ERROR);
        return new Measurement(m.label(), recurrentScale, m.gradientNorms(), m.jacobianNorms());
    }

    // ---- clipping on one gradient ---------------------------------------------------------------

    /** The gradients after Keras's clipnorm (each weight's gradient on its own), as new arrays. */
    public static List<double[]> clipByNorm(List<double[]> gradients, double c) {
        List<double[]> g = copy(gradients);
        for (double[] a : g) Clipping.clipByNorm(a, c);
        return g;
    }

    /** The gradients after Keras's global_clipnorm, as new arrays. */
    public static List<double[]> clipByGlobalNorm(List<double[]> gradients, double c) {
        List<double[]> g = copy(gradients);
        Clipping.clipByGlobalNorm(g, c);
        return g;
    }

    /** The gradients after Keras's clipvalue, as new arrays. */
    public static List<double[]> clipByValue(List<double[]> gradients, double c) {
        List<double[]> g = copy(gradients);
        for (double[] a : g) Clipping.clipByValue(a, c);
        return g;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<double[]> copy(List<double[]> gradients) {
        if (gradients == null) {
            throw new IllegalArgumentException("gradients is null: give each weight's gradient as a double[]");
        }
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < gradients.size(); k++) {
            if (gradients.get(k) == null) {
                throw new IllegalArgumentException("gradients.get(" + k + ") is null: every gradient must be an array");
            }
            out.add(gradients.get(k).clone());
        }
        return out;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%s", v);
    }
}
