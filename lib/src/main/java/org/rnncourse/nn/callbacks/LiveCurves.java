package org.rnncourse.nn.callbacks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnncourse.show.Curves;
import org.rnncourse.show.LiveDisplay;

/**
 * Draws the training curves while {@code fit} runs, redrawn after every epoch: loss and
 * val_loss, plus the first metric and its validation twin when there is one.
 */
public final class LiveCurves implements ProgressListener {
    private final Map<String, List<Double>> seen = new LinkedHashMap<>();
    private LiveDisplay display;

    @Override
    public void onEpochBegin(int epoch, int epochs) {}

    @Override
    public void onEpochEnd(int epoch, int epochs, int steps, Map<String, Double> logs, double seconds) {
        logs.forEach((k, v) -> seen.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        var figure = Curves.of("Training curves (epoch " + epoch + " of " + epochs + ")", seen,
                seen.keySet().toArray(new String[0]));
        if (display == null) {
            display = LiveDisplay.startFigure(figure);
        } else {
            display.update(figure);
        }
    }
}
