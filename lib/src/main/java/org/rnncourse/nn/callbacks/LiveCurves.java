package org.rnncourse.nn.callbacks;

import org.rnncourse.Messages;
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
public final class LiveCurves implements Callback {
    private final Map<String, List<Double>> seen = new LinkedHashMap<>();
    private LiveDisplay display;
    private int epochs = 1;

    @Override
    public void setParams(int epochs, int steps) {
        this.epochs = epochs;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.forEach((k, v) -> seen.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        var figure = Curves.of(Messages.get("liveCurves.title", epoch + 1, epochs), seen,
                seen.keySet().toArray(new String[0]));
        if (display == null) {
            display = LiveDisplay.startFigure(figure);
        } else {
            display.update(figure);
        }
    }
}
