package org.rnncourse.diagram;

import java.util.Locale;
import org.rnncourse.Messages;
import org.rnncourse.scratch.GradientFlow;

/**
 * ‖∂L/∂h_t‖ at every step of BPTT as a heat strip under the unrolled chain h_1 … h_T, one strip per
 * measurement (lesson 09: small and large recurrent weights), drawn from the norms the lesson just
 * measured.
 *
 * <p>The colour is log₁₀(‖∂L/∂h_t‖ / ‖∂L/∂h_T‖): how many orders of magnitude the gradient lost
 * (blue, vanishing) or gained (red, exploding) on its way back from the loss at step T. Both strips
 * share one scale, so the same colour means the same factor in both.
 */
public final class GradientStrip {
    private static final double LEFT = 200;
    private static final double STRIP = 26;

    private GradientStrip() {}

    /** One strip per measurement, under one unrolled chain of their T steps (all must have the same T). */
    public static Diagram of(GradientFlow.Measurement... measurements) {
        if (measurements == null || measurements.length == 0) {
            throw new IllegalArgumentException("give at least one measurement, e.g. GradientFlow.measure(0.5, 100, 1)");
        }
        int T = -1;
        for (GradientFlow.Measurement m : measurements) {
            if (m == null) throw new IllegalArgumentException("a measurement is null: pass what GradientFlow.measure returned");
            if (T >= 0 && m.timeSteps() != T) {
                throw new IllegalArgumentException("the measurements have different numbers of steps (" + T + " and "
                        + m.timeSteps() + "): the strips sit under one chain, so measure them over the same T");
            }
            T = m.timeSteps();
        }
        double[][] logRatio = new double[measurements.length][T];
        double maxAbs = 1;
        for (int k = 0; k < measurements.length; k++) {
            double[] g = measurements[k].gradientNorms();
            double last = g[T - 1];
            for (int t = 0; t < T; t++) {
                logRatio[k][t] = Math.log10(g[t] / last);   // 0 at t = T by construction
                if (Double.isFinite(logRatio[k][t])) maxAbs = Math.max(maxAbs, Math.abs(logRatio[k][t]));
            }
        }
        maxAbs = Math.ceil(maxAbs);
        double cell = Math.max(3, Math.min(28, 720.0 / T));
        double chainW = T * cell;
        double lossX = LEFT + chainW + 26;
        double width = lossX + 70;
        double chainY = 62;
        double stripsY = chainY + 58;
        double height = stripsY + measurements.length * (STRIP + 18) + 78;
        String title = Messages.get("out.strip.title", T);
        Svg svg = new Svg(width, height, title, describe(measurements, T));
        svg.text(16, 24, Messages.get("out.strip.heading", T), "heading");
        // The chain: one small box per step, and the loss at the end.
        svg.text(16, chainY + 13, Messages.get("out.strip.chain"), "note");
        for (int t = 0; t < T; t++) {
            svg.rect(LEFT + t * cell + 0.5, chainY, Math.max(1, cell - 1), 18, "hidden");
        }
        if (cell >= 20) {
            for (int t = 0; t < T; t++) svg.textMiddle(LEFT + (t + 0.5) * cell, chainY + 13, "h" + (t + 1), "small");
        }
        svg.arrow(LEFT + chainW, chainY + 9, lossX - 2, chainY + 9, "forward");
        svg.rect(lossX, chainY - 4, 40, 26, "loss");
        svg.textMiddle(lossX + 20, chainY + 14, "L", "label");
        svg.arrow(LEFT + chainW, chainY - 12, LEFT, chainY - 12, "back");
        svg.textEnd(LEFT + chainW, chainY - 17, Messages.get("out.strip.back"), "back-label");
        svg.textMiddle(LEFT + chainW / 2, chainY + 40, Messages.get("out.strip.colour", T), "note");
        // One heat strip per measurement.
        for (int k = 0; k < measurements.length; k++) {
            GradientFlow.Measurement m = measurements[k];
            double y = stripsY + k * (STRIP + 18);
            svg.text(16, y + 11, m.label(), "small");
            svg.text(16, y + 24, Messages.get("out.strip.factor", String.format(Locale.ROOT, "%.2f", m.meanStepFactor())), "note");
            for (int t = 0; t < T; t++) {
                double norm = m.gradientNorms()[t];
                String tip = Messages.get("out.strip.tip", t + 1, String.format(Locale.ROOT, "%.2e", norm),
                        String.format(Locale.ROOT, "%.1f", logRatio[k][t]), T);
                svg.fill(LEFT + t * cell, y, cell, STRIP, Palette.diverging(logRatio[k][t], maxAbs), null, tip);
            }
            svg.textEnd(LEFT - 6, y + 17, String.format(Locale.ROOT, "%.1e", m.gradientNorms()[0]), "note");
            svg.text(LEFT + chainW + 6, y + 17, String.format(Locale.ROOT, "%.1e", m.gradientNorms()[T - 1]), "note");
        }
        double axisY = stripsY + measurements.length * (STRIP + 18) + 2;
        int every = T <= 12 ? 1 : T <= 60 ? 10 : T <= 200 ? 20 : 50;
        for (int t = 1; t <= T; t++) {
            if (t == 1 || t == T || t % every == 0) {
                svg.textMiddle(LEFT + (t - 0.5) * cell, axisY, "t=" + t, "note");
            }
        }
        svg.divergingLegend(LEFT, axisY + 26, Math.min(320, chainW), maxAbs,
                Messages.get("out.strip.legend", Diagram.format(maxAbs)));
        return svg.build();
    }

    private static String describe(GradientFlow.Measurement[] ms, int T) {
        StringBuilder d = new StringBuilder(Messages.get("out.strip.desc", T));
        for (GradientFlow.Measurement m : ms) {
            d.append(' ').append(Messages.get("out.strip.desc.network", m.label(), String.format(Locale.ROOT, "%.1e", m.gradientNorms()[T - 1]), T,
                    String.format(Locale.ROOT, "%.1e", m.gradientNorms()[0]), String.format(Locale.ROOT, "%.2f", m.meanStepFactor())));
        }
        return d.toString();
    }
}
