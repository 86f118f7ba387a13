package org.rnncourse.nn;

import java.util.List;

/**
 * Keras's three ways to tame exploding gradients, each usable on its own for a lesson:
 * <ul>
 *   <li>{@link #clipByNorm}: one gradient array g is scaled by c / max(‖g‖, c), so its norm is
 *       at most c and its direction is kept (optimizer option {@code clipnorm});</li>
 *   <li>{@link #clipByGlobalNorm}: all gradients together are scaled by c / max(‖all‖, c), so
 *       their relative sizes are kept too ({@code globalClipnorm});</li>
 *   <li>{@link #clipByValue}: each number is clipped to [−c, c], which can change the direction
 *       ({@code clipvalue}).</li>
 * </ul>
 */
public final class GradientClipping {
    private GradientClipping() {}

    public static double norm(double[] g) {
        double s = 0;
        for (double v : g) s += v * v;
        return Math.sqrt(s);
    }

    /** Scales g in place so that its L2 norm is at most c. */
    public static void clipByNorm(double[] g, double c) {
        double n = norm(g);
        if (n > c) {
            double scale = c / n;
            for (int i = 0; i < g.length; i++) g[i] *= scale;
        }
    }

    /** Scales all arrays in place by the same factor so their joint L2 norm is at most c. */
    public static void clipByGlobalNorm(List<double[]> gs, double c) {
        double s = 0;
        for (double[] g : gs) for (double v : g) s += v * v;
        double n = Math.sqrt(s);
        if (n > c) {
            double scale = c / n;
            for (double[] g : gs) for (int i = 0; i < g.length; i++) g[i] *= scale;
        }
    }

    /** Clips each number of g in place to [−c, c]. */
    public static void clipByValue(double[] g, double c) {
        for (int i = 0; i < g.length; i++) g[i] = Math.max(-c, Math.min(c, g[i]));
    }
}
