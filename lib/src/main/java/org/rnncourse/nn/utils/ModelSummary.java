package org.rnncourse.nn.utils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.layers.Layer;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Keras 3's {@code model.summary()}, character for character as it prints in a notebook (the
 * 76-column table that Keras draws with box characters when the console width is unknown):
 * <pre>
 * Model: "sequential"
 * ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
 * ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
 * ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
 * │ simple_rnn (SimpleRNN)          │ (None, 10, 64)         │         6,208 │
 * ├─────────────────────────────────┼────────────────────────┼───────────────┤
 * …
 * └─────────────────────────────────┴────────────────────────┴───────────────┘
 *  Total params: 9,642 (37.66 KB)
 *  Trainable params: 9,642 (37.66 KB)
 *  Non-trainable params: 0 (0.00 B)
 * </pre>
 * Sizes count 4 bytes per parameter, as Keras's float32 weights.
 */
public final class ModelSummary {
    /** Text widths of the three columns (the cells add one space on each side). */
    private static final int[] WIDTHS = {31, 22, 13};
    private static final int BYTES_PER_PARAM = 4;

    /** One row of the table. */
    record Row(String layer, String outputShape, String params, long count) {}

    private ModelSummary() {}

    static List<Row> rows(Sequential model) {
        List<Row> rows = new ArrayList<>();
        List<int[]> shapes = model.outputShapes();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String name = l.name() + " (" + l.typeName() + ")";
            int[] shape = shapes == null ? null : shapes.get(i);
            String shapeText = shape == null ? "?" : Tensor.batchShapeString(shape);
            String params = l.isBuilt() ? thousands(l.countParams()) : "0 (unbuilt)";
            rows.add(new Row(name, shapeText, params, l.countParams()));
        }
        return rows;
    }

    public static String text(Sequential model) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append(border('┏', '━', '┳', '┓'));
        cells(sb, '┃', "Layer (type)", "Output Shape", "Param #");
        sb.append(border('┡', '━', '╇', '┩'));
        List<Row> rows = rows(model);
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) sb.append(border('├', '─', '┼', '┤'));
            cells(sb, '│', rows.get(i).layer(), rows.get(i).outputShape(), rows.get(i).params());
        }
        sb.append(border('└', '─', '┴', '┘'));
        long total = model.countParams();
        sb.append(" Total params: ").append(countAndSize(total)).append('\n');
        sb.append(" Trainable params: ").append(countAndSize(total)).append('\n');
        sb.append(" Non-trainable params: ").append(countAndSize(0)).append('\n');
        return sb.toString();
    }

    public static Table table(Sequential model) {
        List<Row> rows = rows(model);
        StringColumn layer = StringColumn.create("Layer (type)");
        StringColumn shape = StringColumn.create("Output Shape");
        LongColumn params = LongColumn.create("Param #");
        for (Row r : rows) {
            layer.append(r.layer());
            shape.append(r.outputShape());
            params.append(r.count());
        }
        java.text.DecimalFormat grouped =
                new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        params.setPrintFormatter(grouped, "");
        return Table.create("Model: \"" + model.name() + "\" — total params: " + countAndSize(model.countParams()),
                layer, shape, params);
    }

    private static String border(char left, char line, char cross, char right) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int c = 0; c < WIDTHS.length; c++) {
            if (c > 0) sb.append(cross);
            sb.append(String.valueOf(line).repeat(WIDTHS[c] + 2));
        }
        return sb.append(right).append('\n').toString();
    }

    /** One row of cells; text longer than its column wraps onto extra lines, as rich does. */
    private static void cells(StringBuilder sb, char bar, String... texts) {
        int lines = 1;
        for (int c = 0; c < texts.length; c++) lines = Math.max(lines, (texts[c].length() + WIDTHS[c] - 1) / WIDTHS[c]);
        for (int line = 0; line < lines; line++) {
            sb.append(bar);
            for (int c = 0; c < texts.length; c++) {
                int from = Math.min(texts[c].length(), line * WIDTHS[c]);
                String part = texts[c].substring(from, Math.min(texts[c].length(), from + WIDTHS[c]));
                boolean right = c == 2; // Param # is right-aligned
                sb.append(' ').append(right ? pad(part, WIDTHS[c], true) : pad(part, WIDTHS[c], false)).append(' ').append(bar);
            }
            sb.append('\n');
        }
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "9,642 (37.66 KB)". */
    static String countAndSize(long params) {
        return thousands(params) + " (" + readableSize(params * BYTES_PER_PARAM) + ")";
    }

    /** Keras's readable_memory_size: divide by 1024 while the value is at least 1024. */
    static String readableSize(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        for (String unit : units) {
            if (bytes / 1024 < 1) return String.format(Locale.ROOT, "%.2f %s", bytes, unit);
            bytes /= 1024;
        }
        return String.format(Locale.ROOT, "%.2f %s", bytes, units[units.length - 1]);
    }
}
