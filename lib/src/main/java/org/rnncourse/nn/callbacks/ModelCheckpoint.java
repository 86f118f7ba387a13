package org.rnncourse.nn.callbacks;

import org.rnncourse.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.metrics.Metric;

/**
 * Saves the model at the end of every epoch, or only when it improved: Keras's
 * {@code keras.callbacks.ModelCheckpoint}.
 * <pre>
 * new ModelCheckpoint("models/imdb.keras").monitor("val_loss").saveBestOnly(true)
 * </pre>
 * As in Keras: the monitored value's direction comes from its name (a loss goes down, an accuracy
 * up) unless {@link #mode} says "min" or "max"; with {@code saveBestOnly} the file is written only
 * when the value beats the best so far, so it always holds the best epoch's model; with
 * {@code saveWeightsOnly} only the weights are written (the path then ends in {@code .weights.h5}).
 * The path may contain {@code {epoch}}, {@code {epoch:02d}} or a log value such as
 * {@code {val_loss:.2f}}, filled in at each save. Each write is atomic, so a crash during a save
 * leaves the previous checkpoint intact.
 */
public class ModelCheckpoint implements Callback {
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private final String filepath;
    private String monitor = "val_loss", mode = "auto";
    private boolean saveBestOnly, saveWeightsOnly;
    private int verbose;

    private Sequential model;
    private Boolean lowerIsBetter;
    private double best;
    private String lastSaved;

    /** Saves to {@code filepath} (a {@code .keras} file, or {@code .weights.h5} with saveWeightsOnly). */
    public ModelCheckpoint(String filepath) {
        if (filepath == null || filepath.isBlank()) {
            throw new IllegalArgumentException(Messages.get(filepath == null ? "nn.checkpoint.filepathNull" : "nn.checkpoint.filepathEmpty"));
        }
        this.filepath = filepath;
    }

    /** The log value to compare epochs by ({@code val_loss} by default, or e.g. {@code val_accuracy}). */
    public ModelCheckpoint monitor(String monitor) {
        if (monitor == null || monitor.isBlank()) throw new IllegalArgumentException(Messages.get("nn.checkpoint.monitor"));
        this.monitor = monitor;
        return this;
    }

    /** Writes only when the monitored value improved (Keras's {@code save_best_only}). */
    public ModelCheckpoint saveBestOnly(boolean b) {
        this.saveBestOnly = b;
        return this;
    }

    /** Writes only the weights ({@code save_weights_only}); the path must then end in .weights.h5. */
    public ModelCheckpoint saveWeightsOnly(boolean b) {
        this.saveWeightsOnly = b;
        return this;
    }

    /** "auto" (from the monitor's name), "min" or "max". */
    public ModelCheckpoint mode(String mode) {
        if (!List.of("auto", "min", "max").contains(mode)) {
            throw new IllegalArgumentException(Messages.get("nn.callbacks.mode", "ModelCheckpoint", mode));
        }
        this.mode = mode;
        return this;
    }

    /** 1 prints a line at each epoch: "Epoch 3: val_loss improved from 0.41 to 0.38, saving model to …". */
    public ModelCheckpoint verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /** The path of the last file written, or null if none was. */
    public String lastSaved() {
        return lastSaved;
    }

    /** The best monitored value so far (infinite before the first epoch). */
    public double best() {
        return best;
    }

    @Override
    public void setModel(Sequential model) {
        this.model = model;
    }

    @Override
    public void onTrainBegin() {
        String suffix = saveWeightsOnly ? ".weights.h5" : ".keras";
        if (!filepath.endsWith(suffix)) {
            throw new IllegalArgumentException(Messages.get("nn.checkpoint.suffix", saveWeightsOnly, suffix, filepath));
        }
        if (lowerIsBetter == null) {
            lowerIsBetter = switch (mode) {
                case "min" -> true;
                case "max" -> false;
                default -> autoDirection();
            };
            best = lowerIsBetter ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }

    private boolean autoDirection() {
        String metric = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        if (metric.equals("loss")) return true;
        for (Metric m : model.trainer().compiledMetrics()) if (m.name().equals(metric)) return !m.higherIsBetter();
        throw new IllegalArgumentException(Messages.get("nn.callbacks.direction", "ModelCheckpoint", monitor));
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        String path = fill(epoch, logs);
        if (!saveBestOnly) {
            write(path, epoch);
            return;
        }
        Double current = logs.get(monitor);
        if (current == null) {
            // Keras warns and skips too; the learner sees which names there were.
            model.trainer().log(Messages.get("checkpoint.noMonitor", monitor, logs.keySet()));
            return;
        }
        boolean improved = lowerIsBetter ? current < best : current > best;
        if (improved) {
            if (verbose > 0) {
                model.trainer().log(Messages.get("checkpoint.improved", epoch + 1, monitor, number(best),
                        String.format(Locale.ROOT, "%.5f", current), path));
            }
            best = current;
            write(path, epoch);
        } else if (verbose > 0) {
            model.trainer().log(Messages.get("checkpoint.notImproved", epoch + 1, monitor, String.format(Locale.ROOT, "%.5f", best)));
        }
    }

    private void write(String path, int epoch) {
        if (!saveBestOnly && verbose > 0) model.trainer().log(Messages.get("checkpoint.saving", epoch + 1, path));
        if (saveWeightsOnly) model.saveWeights(path);
        else model.save(path);
        lastSaved = path;
    }

    private static String number(double x) {
        return Double.isInfinite(x) ? (x > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%.5f", x);
    }

    /** Fills {epoch}, {epoch:02d} (counted from 1, as Keras) and {name} / {name:.2f} from the logs. */
    private String fill(int epoch, Map<String, Double> logs) {
        Matcher m = FIELD.matcher(filepath);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1), spec = m.group(2);
            String text;
            try {
            if (key.equals("epoch")) {
                text = spec == null ? Integer.toString(epoch + 1) : String.format(Locale.ROOT, "%" + spec, epoch + 1);
            } else if (logs.containsKey(key)) {
                text = spec == null ? Double.toString(logs.get(key)) : String.format(Locale.ROOT, "%" + spec, logs.get(key));
            } else {
                throw new IllegalArgumentException(Messages.get("nn.checkpoint.unknownField", filepath, key, logs.keySet()));
            }
            } catch (java.util.IllegalFormatException e) {
                throw new IllegalArgumentException(Messages.get("nn.checkpoint.badFormat", m.group().substring(1), filepath, e.getMessage()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
