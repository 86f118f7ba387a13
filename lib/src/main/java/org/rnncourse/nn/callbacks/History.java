package org.rnncourse.nn.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnncourse.Messages;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What {@code fit} returns: one list of values per name ({@code loss}, {@code accuracy},
 * {@code val_loss}…), one value per epoch — Keras's {@code history.history}. As in Keras it is a
 * callback that fit adds itself, after the given callbacks: each finished epoch's logs land here.
 */
public final class History implements Callback {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int epochs;

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        epochs++;
    }

    /** Keras's {@code history.history}: name → values per epoch. */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        return Collections.unmodifiableMap(copy);
    }

    /** The values of one name, e.g. {@code get("val_loss")}. */
    public List<Double> get(String name) {
        List<Double> v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(Messages.get("nn.history.noSuchName", name, values.keySet()));
        }
        return Collections.unmodifiableList(v);
    }

    /** How many epochs ran (fewer than asked when EarlyStopping stopped the training). */
    public int epochs() {
        return epochs;
    }

    /** One row per epoch (counted from 1), one column per name: ready to print or plot. */
    public Table toTable() {
        Table t = Table.create("history");
        int[] epochNumbers = new int[epochs];
        for (int i = 0; i < epochs; i++) epochNumbers[i] = i + 1;
        t.addColumns(IntColumn.create("epoch", epochNumbers));
        // Four decimals as in the progress line; a fixed locale so 0.6931 never prints as 0,6931.
        java.text.DecimalFormat fourDecimals =
                new java.text.DecimalFormat("0.0000", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        values.forEach((k, v) -> {
            DoubleColumn c = DoubleColumn.create(k, v);
            c.setPrintFormatter(fourDecimals, "");
            t.addColumns(c);
        });
        return t;
    }

    @Override
    public String toString() {
        return "History" + values;
    }
}
