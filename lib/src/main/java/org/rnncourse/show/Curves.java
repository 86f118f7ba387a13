package org.rnncourse.show;

import java.util.List;
import java.util.Map;
import org.rnncourse.Messages;
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
            throw new IllegalArgumentException(Messages.get("show.curves.noHistory"));
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
            throw new IllegalArgumentException(Messages.get("show.curves.noneFound", java.util.Arrays.toString(names), history.keySet()));
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
            throw new IllegalArgumentException(Messages.get("show.curves.noSeries"));
        }
        java.util.List<ScatterTrace> traces = new java.util.ArrayList<>();
        series.forEach((name, values) -> {
            if (values == null) {
                throw new IllegalArgumentException(Messages.get("show.curves.nullSeries", name));
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
