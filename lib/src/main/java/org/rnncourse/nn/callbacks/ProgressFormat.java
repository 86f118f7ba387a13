package org.rnncourse.nn.callbacks;

import org.rnncourse.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnncourse.Args;

/** The text of Keras 3's progress output, separate from where it is shown. */
public final class ProgressFormat {
    private static final int BAR_WIDTH = 20;
    /**
     * The widest a line gets. Keras's line with validation values is about 120 characters, which a
     * notebook of ordinary width (and a terminal of 100 columns) wraps in the middle of a value; past
     * this width the values go on to a second line, indented under the first's.
     */
    public static final int WIDTH = 100;

    private ProgressFormat() {}

    /** {@code Epoch 1/5}. */
    public static String epochHeader(int epoch, int epochs) {
        Args.positive("epoch", epoch);
        Args.positive("epochs", epochs);
        return Messages.get("progress.epochHeader", epoch, epochs);
    }

    /**
     * Keras's verbose=1 line: {@code 157/157 ━━━━━━━━━━━━━━━━━━━━ 12s 76ms/step - accuracy: 0.5012 -
     * loss: 0.6931 - val_accuracy: 0.5100 - val_loss: 0.6920}.
     */
    public static String progressLine(int step, int steps, Map<String, Double> logs, double seconds) {
        int digits = String.valueOf(steps).length();
        int filled = steps == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * step / steps);
        String head = String.format(Locale.ROOT, "%" + digits + "d/%d ", step, steps)
                + "━".repeat(filled) + (filled < BAR_WIDTH ? " ".repeat(BAR_WIDTH - filled) : "")
                + " " + Math.round(seconds) + "s" + perStep(seconds, step);
        return fit(head, logs, 2 * digits + 2);
    }

    /** Keras's verbose=2 line: {@code 157/157 - 12s - 76ms/step - accuracy: 0.5012 - loss: 0.6931}. */
    public static String compactLine(int steps, Map<String, Double> logs, double seconds) {
        String head = steps + "/" + steps + " - " + Math.round(seconds) + "s -" + perStep(seconds, steps);
        return fit(head, logs, 2 * String.valueOf(steps).length() + 2);
    }

    /**
     * The head and then " - name: value" for each value, on one line when it fits in {@link #WIDTH}
     * characters; otherwise the validation values (and any value that would still pass the width)
     * continue on lines indented by {@code indent}.
     */
    private static String fit(String head, Map<String, Double> logs, int indent) {
        List<String> items = items(logs);
        String oneLine = head + String.join("", items);
        if (oneLine.length() <= WIDTH) {
            return oneLine;
        }
        // Too long: the validation values start the second line, under the training values.
        StringBuilder out = new StringBuilder(head);
        int lineStart = 0;
        boolean broken = false;
        for (String item : items) {
            boolean firstValidation = !broken && item.startsWith(" - val_");
            if (firstValidation || out.length() - lineStart + item.length() > WIDTH) {
                broken = true;
                out.append('\n');
                lineStart = out.length();
                out.append(" ".repeat(indent)).append(item.substring(1)); // "- name: value", no leading space
            } else {
                out.append(item);
            }
        }
        return out.toString();
    }

    private static String perStep(double seconds, int steps) {
        double t = steps == 0 ? 0 : seconds / steps;
        if (t >= 1 || t == 0) return String.format(Locale.ROOT, " %.0fs/step", t);
        if (t >= 1e-3) return String.format(Locale.ROOT, " %.0fms/step", t * 1e3);
        return String.format(Locale.ROOT, " %.0fus/step", t * 1e6);
    }

    /**
     * " - accuracy: 0.5012 - loss: 0.6931 - val_…": training values by name, then validation values
     * by name, each with 4 decimals (scientific notation below 1e-3, as Keras).
     */
    public static String formatLogs(Map<String, Double> logs) {
        return String.join("", items(logs));
    }

    private static List<String> items(Map<String, Double> logs) {
        List<String> train = new ArrayList<>(), val = new ArrayList<>();
        for (String k : logs.keySet()) (k.startsWith("val_") ? val : train).add(k);
        train.sort(null);
        val.sort(null);
        List<String> items = new ArrayList<>();
        for (List<String> keys : List.of(train, val)) {
            for (String k : keys) items.add(" - " + k + ": " + formatValue(logs.get(k)));
        }
        return items;
    }

    /** {@code 0.6931}, or {@code 4.2000e-05} for small values. */
    public static String formatValue(double v) {
        return Math.abs(v) > 1e-3 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v);
    }
}
