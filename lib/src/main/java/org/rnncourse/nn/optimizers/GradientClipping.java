package org.rnncourse.nn.optimizers;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.scratch.Clipping;
import org.rnncourse.scratch.OwnWork;

/**
 * Keras's three ways to tame exploding gradients, as the optimizers' options use them. The math is
 * written once, in the from-scratch {@link Clipping} (lesson 09 shows it there); this class is the
 * Keras-style API's name for it and only passes the calls on.
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
public final class GradientClipping {
    private GradientClipping() {}

    /** The L2 norm √(Σ g_i²). */
    public static double norm(double[] g) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.norm");
        return Clipping.norm(g);
    }

    /** The joint L2 norm of several arrays, √(Σ over all of them of g_i²): what globalClipnorm compares. */
    public static double globalNorm(List<double[]> gs) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.globalNorm");
        return Clipping.globalNorm(gs);
    }

    /** Scales g in place so that its L2 norm is at most c (Keras's {@code clipnorm}). */
    public static void clipByNorm(double[] g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.clipByNorm");
        Clipping.clipByNorm(g, c);
    }

    /** Scales all arrays in place by one factor so their joint L2 norm is at most c ({@code global_clipnorm}). */
    public static void clipByGlobalNorm(List<double[]> gs, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.clipByGlobalNorm");
        Clipping.clipByGlobalNorm(gs, c);
    }

    /** Clips each number of g in place to [−c, c] (Keras's {@code clipvalue}). */
    public static void clipByValue(double[] g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.clipByValue");
        Clipping.clipByValue(g, c);
    }

    /** The Frobenius (L2) norm of a matrix's entries. */
    public static double norm(DMatrixRMaj g) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.norm");
        return Clipping.norm(g);
    }

    /** {@link #clipByNorm(double[], double)} on a matrix's entries, in place. */
    public static void clipByNorm(DMatrixRMaj g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.clipByNorm");
        Clipping.clipByNorm(g, c);
    }

    /** {@link #clipByValue(double[], double)} on a matrix's entries, in place. */
    public static void clipByValue(DMatrixRMaj g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.clipByValue");
        Clipping.clipByValue(g, c);
    }

    /** {@link #clipByGlobalNorm(List, double)} on matrices (e.g. dW_ax, dW_aa, db_a together), in place. */
    public static void clipByGlobalNormMatrices(List<DMatrixRMaj> gs, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "GradientClipping.clipByGlobalNormMatrices");
        Clipping.clipByGlobalNormMatrices(gs, c);
    }
}
