package org.rnncourse.diagram;

import java.util.List;
import org.rnncourse.Messages;
import org.rnncourse.lessons.Architectures;
import org.rnncourse.scratch.Shapes;

/**
 * Lesson 05's five shapes side by side, in the style of Karpathy's "The Unreasonable Effectiveness
 * of Recurrent Neural Networks": one column per time step, a green input box where the run read a
 * new input, a blue box for the hidden state, an orange output box where it wrote an output. Drawn
 * from the runs the lesson executed ({@link Architectures.Run}: its "reads" and "writes"
 * timelines), so a longer run draws more steps.
 */
public final class ArchitectureBoxes {
    private static final double BOX = 30, STEP = 44, PAD = 26;

    private ArchitectureBoxes() {}

    /** The runs side by side, in the order given (the lesson passes {@code arch.all()}). */
    public static Diagram of(List<Architectures.Run> runs) {
        Shapes.requireNonNull("runs", runs, "a list of Architectures.Run (arch.all())");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs is empty: pass the runs to draw, e.g. arch.all()");
        }
        double[] widths = new double[runs.size()];
        double width = PAD;
        for (int i = 0; i < runs.size(); i++) {
            int steps = steps(runs.get(i));
            widths[i] = Math.max(120, steps * STEP + 20);
            width += widths[i] + PAD;
        }
        double yOut = 64, yHid = 134, yIn = 204;
        double height = yIn + BOX + 96;
        StringBuilder desc = new StringBuilder(Messages.get("out.architectures.desc"));
        for (Architectures.Run r : runs) {
            desc.append(' ').append(Messages.get("out.architectures.run", r.architecture(), r.inputs().size(), r.outputs().size()));
        }
        Svg s = new Svg(width, height, Messages.get("out.architectures.title"), desc.toString());
        double x = PAD;
        for (int i = 0; i < runs.size(); i++) {
            draw(s, runs.get(i), x, widths[i], yOut, yHid, yIn);
            x += widths[i] + PAD;
        }
        s.text(16, height - 14, Messages.get("out.architectures.key"), "note");
        return s.build();
    }

    private static int steps(Architectures.Run r) {
        return r.reads().trim().split("\\s+").length;
    }

    private static void draw(Svg s, Architectures.Run r, double x0, double w, double yOut, double yHid, double yIn) {
        String[] reads = r.reads().trim().split("\\s+");
        String[] writes = r.writes().trim().split("\\s+");
        if (reads.length != writes.length) {
            throw new IllegalArgumentException(r.architecture() + ": its reads and writes timelines differ in length ("
                    + reads.length + " and " + writes.length + " steps)");
        }
        int T = reads.length;
        double first = x0 + (w - ((T - 1) * STEP + BOX)) / 2;
        s.textMiddle(x0 + w / 2, 30, r.architecture(), "heading");
        String app = r.application().split(":")[0];
        s.textMiddle(x0 + w / 2, 46, app, "note");
        boolean encoderDecoder = r.architecture().contains("encoder");
        int lastRead = -1;
        for (int t = 0; t < T; t++) {
            if (reads[t].equals("x")) {
                lastRead = t;
            }
        }
        int in = 0, out = 0;
        for (int t = 0; t < T; t++) {
            double bx = first + t * STEP;
            double mid = bx + BOX / 2;
            s.roundRect(bx, yHid, BOX, BOX, 5, "hidden");
            if (t > 0) {
                s.arrow(bx - STEP + BOX + 1, yHid + BOX / 2, bx - 1, yHid + BOX / 2, "recurrent", 1.6);
            }
            if (reads[t].equals("x")) {
                s.roundRect(bx, yIn, BOX, BOX, 5, "input");
                s.textMiddle(mid, yIn + 19, "x" + (++in), "small");
                s.arrow(mid, yIn - 1, mid, yHid + BOX + 1, "arrow");
            }
            if (writes[t].equals("y")) {
                s.roundRect(bx, yOut, BOX, BOX, 5, "output");
                s.textMiddle(mid, yOut + 19, "y" + (++out), "small");
                s.arrow(mid, yHid - 1, mid, yOut + BOX + 1, "arrow");
                // A generator (and a decoder) reads its own output at the next step.
                boolean fedBack = t + 1 < T && !reads[t + 1].equals("x");
                if (fedBack) {
                    double nx = mid + STEP;
                    s.path("M " + Palette.num(mid + BOX / 2 - 2) + " " + Palette.num(yOut + BOX / 2)
                            + " C " + Palette.num(mid + STEP / 2 + 6) + " " + Palette.num(yOut + BOX / 2) + ", "
                            + Palette.num(nx - 8) + " " + Palette.num(yOut + BOX + 10) + ", " + Palette.num(nx - 6)
                            + " " + Palette.num(yHid - 8), "dashed");
                    s.arrow(nx - 6, yHid - 9, nx - 5, yHid - 1, "arrow", 1.2);
                }
            }
        }
        if (encoderDecoder && lastRead >= 0 && lastRead + 1 < T) {
            double split = first + lastRead * STEP + BOX + (STEP - BOX) / 2;
            s.line(split, yHid - 18, split, yIn + BOX + 8, "dashed");
            s.textMiddle((first + split) / 2, yIn + BOX + 22, Messages.get("out.architectures.encoder"), "note");
            s.textMiddle((split + first + (T - 1) * STEP + BOX) / 2, yIn + BOX + 22, Messages.get("out.architectures.decoder"), "note");
            s.textEnd(split - 4, yHid - 24, Messages.get("out.architectures.context"), "shape");
        }
        s.textMiddle(x0 + w / 2, yIn + BOX + 42, r.inputShape() + " → " + r.outputShape(), "shape");
    }
}
