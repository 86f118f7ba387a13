package org.rnncourse.nn.trainers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnncourse.nn.metrics.Metric;
import org.rnncourse.show.Numbers;

/**
 * The loss and metrics by name, in Keras's order, printed by the course's number rule:
 * {@code {loss=0.6362, accuracy=0.6263}}, not Java's 17 digits.
 */
final class Logs extends LinkedHashMap<String, Double> {
    private static final long serialVersionUID = 1L;

    /** The mean loss, and each metric's sum divided by the output rows it was summed over. */
    static Map<String, Double> of(double loss, double[] metricSums, long rows, List<Metric> metrics) {
        Logs logs = new Logs();
        logs.put("loss", loss);
        for (int i = 0; i < metrics.size(); i++) logs.put(metrics.get(i).name(), metricSums[i] / rows);
        return logs;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=')
                .append(v == null ? "null" : Numbers.format(v)));
        return sb.append('}').toString();
    }
}
