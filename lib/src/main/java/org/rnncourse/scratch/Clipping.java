package org.rnncourse.scratch;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;

/**
 * Keras's three ways to tame exploding gradients, written once for the whole course: lesson 09's
 * from-scratch tables ({@link GradientFlow}) and the Keras-style optimizers' options (through
 * {@code nn.GradientClipping}, which calls this class) run the same lines, on plain arrays or on EJML
 * matrices.
 * <ul>
 *   <li>{@link #clipByNorm}: one gradient array g is scaled by c / max(‖g‖, c), so its norm is
 *       at most c and its direction is kept (optimizer option {@code clipnorm}, applied to each
 *       weight's gradient on its own);</li>
 *   <li>{@link #clipByGlobalNorm}: all gradients together are scaled by c / max(‖all‖, c), so
 *       their relative sizes are kept too ({@code globalClipnorm}, Keras's {@code global_clipnorm});</li>
 *   <li>{@link #clipByValue}: each number is clipped to [−c, c], which can change the direction
 *       ({@code clipvalue}).</li>
 * </ul>
 * A gradient whose norm is already at most c is left exactly as it is. As in Keras, a NaN norm
 * (and for the global norm also an infinite one) makes every clipped number NaN, so a broken
 * gradient is never silently turned into a small, plausible-looking one.
 */
public final class Clipping {
    private Clipping() {}

    /** The L2 norm √(Σ g_i²). */
    public static double norm(double[] g) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.norm");
        requireArray("g", g);
        return norm(g, g.length);
    }

    /** The joint L2 norm of several arrays, √(Σ over all of them of g_i²): what globalClipnorm compares. */
    public static double globalNorm(List<double[]> gs) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.globalNorm");
        requireList(gs);
        double s = 0;
        for (double[] g : gs) for (double v : g) s += v * v;
        return Math.sqrt(s);
    }

    /** Scales g in place so that its L2 norm is at most c (Keras's {@code clipnorm}). */
    public static void clipByNorm(double[] g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.clipByNorm");
        requireArray("g", g);
        clipByNorm(g, g.length, c);
    }

    /** Scales all arrays in place by one factor so their joint L2 norm is at most c ({@code global_clipnorm}). */
    public static void clipByGlobalNorm(List<double[]> gs, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.clipByGlobalNorm");
        requireClip(c);
        double n = globalNorm(gs);
        if (!Double.isFinite(n)) {
            // Keras: scale = c·min(1/n, 1/c) + (n − n), which is NaN for an infinite or NaN norm.
            for (double[] g : gs) java.util.Arrays.fill(g, Double.NaN);
        } else if (n > c) {
            double scale = c / n;
            for (double[] g : gs) for (int i = 0; i < g.length; i++) g[i] *= scale;
        }
    }

    /** Clips each number of g in place to [−c, c] (Keras's {@code clipvalue}). */
    public static void clipByValue(double[] g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.clipByValue");
        requireArray("g", g);
        clipByValue(g, g.length, c);
    }

    /** The Frobenius (L2) norm of a matrix's entries. */
    public static double norm(DMatrixRMaj g) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.norm");
        requireMatrix("g", g);
        return norm(g.data, g.getNumElements());
    }

    /** {@link #clipByNorm(double[], double)} on a matrix's entries, in place. */
    public static void clipByNorm(DMatrixRMaj g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.clipByNorm");
        requireMatrix("g", g);
        clipByNorm(g.data, g.getNumElements(), c);
    }

    /** {@link #clipByValue(double[], double)} on a matrix's entries, in place. */
    public static void clipByValue(DMatrixRMaj g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.clipByValue");
        requireMatrix("g", g);
        clipByValue(g.data, g.getNumElements(), c);
    }

    /** {@link #clipByGlobalNorm(List, double)} on matrices (e.g. dW_ax, dW_aa, db_a together), in place. */
    public static void clipByGlobalNormMatrices(List<DMatrixRMaj> gs, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Clipping.clipByGlobalNormMatrices");
        if (gs == null) throw new IllegalArgumentException(Messages.get("scratch.clipping.noList"));
        List<double[]> arrays = new ArrayList<>();
        for (DMatrixRMaj g : gs) {
            requireMatrix("gs entry", g);
            // An EJML matrix may own a longer array than its entries: clip a copy of exactly its entries.
            arrays.add(java.util.Arrays.copyOf(g.data, g.getNumElements()));
        }
        clipByGlobalNorm(arrays, c);
        for (int k = 0; k < gs.size(); k++) {
            System.arraycopy(arrays.get(k), 0, gs.get(k).data, 0, arrays.get(k).length);
        }
    }

    private static double norm(double[] g, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += g[i] * g[i];
        return Math.sqrt(s);
    }

    private static void clipByNorm(double[] g, int length, double c) {
        requireClip(c);
        double n = norm(g, length);
        if (Double.isNaN(n)) {
            // Keras divides by max(‖g‖, c), which is NaN here: every number becomes NaN.
            java.util.Arrays.fill(g, 0, length, Double.NaN);
        } else if (n > c) {
            double scale = c / n;
            for (int i = 0; i < length; i++) g[i] *= scale;
        }
    }

    private static void clipByValue(double[] g, int length, double c) {
        requireClip(c);
        for (int i = 0; i < length; i++) g[i] = Math.max(-c, Math.min(c, g[i]));
    }

    private static void requireClip(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException(Messages.get("scratch.clipping.threshold", c));
        }
    }

    private static void requireArray(String name, double[] g) {
        if (g == null) throw new IllegalArgumentException(Messages.get("scratch.clipping.noArray", name));
    }

    private static void requireMatrix(String name, DMatrixRMaj g) {
        if (g == null) throw new IllegalArgumentException(Messages.get("scratch.clipping.noMatrix", name));
    }

    private static void requireList(List<double[]> gs) {
        if (gs == null) throw new IllegalArgumentException(Messages.get("scratch.clipping.noList"));
        for (int k = 0; k < gs.size(); k++) {
            if (gs.get(k) == null) throw new IllegalArgumentException(Messages.get("scratch.clipping.nullEntry", k));
        }
    }
}
