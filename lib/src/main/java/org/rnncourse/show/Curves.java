package org.rnncourse.show;

import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** Training curves: one line per series (loss, val_loss, …) against the epoch number. */
public final class Curves {
    private Curves() {}

    /**
     * A figure of the named series of a training history (e.g. {@code History.history()}),
     * epochs from 1. Series that are missing are left out; naming none that exists is an error.
     */
    public static Figure of(String title, Map<String, List<Double>> history, String... names) {
        if (history == null) {
            throw new IllegalArgumentException("history is null: pass History.history() or a map of series");
        }
        java.util.List<ScatterTrace> traces = new java.util.ArrayList<>();
        for (String name : names) {
            List<Double> values = history.get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            double[] x = new double[values.size()];
            double[] y = new double[values.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = values.get(i);
            }
            traces.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(name).build());
        }
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("none of " + java.util.Arrays.toString(names)
                    + " is in the history; it has " + history.keySet());
        }
        Layout layout = Layout.builder(title)
                .xAxis(Axis.builder().title("epoch").build())
                .yAxis(Axis.builder().title(String.join(", ", names)).build())
                .build();
        return new Figure(layout, traces.toArray(new ScatterTrace[0]));
    }

    /**
     * Several series against their index (step 0, 1, …), e.g. a forecast and the truth. The
     * series are drawn in the order of the map.
     */
    public static Figure series(String title, String xLabel, String yLabel, Map<String, double[]> series) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("series is empty: give at least one name and its values");
        }
        java.util.List<ScatterTrace> traces = new java.util.ArrayList<>();
        series.forEach((name, values) -> {
            if (values == null) {
                throw new IllegalArgumentException("series \"" + name + "\" is null");
            }
            double[] x = new double[values.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            traces.add(ScatterTrace.builder(x, values).mode(ScatterTrace.Mode.LINE).name(name).build());
        });
        Layout layout = Layout.builder(title)
                .xAxis(Axis.builder().title(xLabel).build())
                .yAxis(Axis.builder().title(yLabel).build())
                .build();
        return new Figure(layout, traces.toArray(new ScatterTrace[0]));
    }
}
