package org.rnncourse.lessons;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.Sequential;

/**
 * Lesson 07's bridge between Keras's weights and the course's matrices: a weight of a Keras-style
 * model as the EJML matrix of lessons 03–06 (Keras's {@code kernel} (input_dim, units) is the row
 * form's W_ax, the transpose of the column form's W_xh; a bias (units) becomes the row b_a (1, units)),
 * and a sequence as the list of rows the step-by-step {@code Rnn} reads.
 */
public final class NotationBridge {
    private NotationBridge() {}

    /**
     * The weight {@code path} of {@code model} ({@code "simple_rnn/kernel"}, {@code "dense/bias"}…) as
     * a copy: a 2-D weight keeps its shape, a 1-D bias becomes a row (1, n).
     */
    public static DMatrixRMaj weight(Sequential model, String path) {
        if (model == null) throw new IllegalArgumentException(Messages.get("lessons.bridge.noModel"));
        if (path == null) throw new IllegalArgumentException(Messages.get("lessons.bridge.noPath"));
        List<String> paths = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            if (p.path().equals(path)) {
                int[] s = p.shape();
                if (s.length > 2) {
                    throw new IllegalArgumentException(Messages.get("lessons.bridge.axes", path, s.length));
                }
                int rows = s.length == 2 ? s[0] : 1, cols = s.length == 2 ? s[1] : s[0];
                return new DMatrixRMaj(rows, cols, true, p.value().clone());
            }
            paths.add(p.path());
        }
        throw new IllegalArgumentException(Messages.get(paths.isEmpty() ? "lessons.bridge.noWeightUnbuilt" : "lessons.bridge.noWeight",
                path, paths));
    }

    /** One sequence (time steps, features) as one (1, features) row per step, the input of {@code Rnn.forward}. */
    public static List<DMatrixRMaj> steps(double[][] sequence) {
        if (sequence == null || sequence.length == 0) {
            throw new IllegalArgumentException(Messages.get(sequence == null ? "lessons.bridge.sequenceNull" : "lessons.bridge.sequenceEmpty"));
        }
        List<DMatrixRMaj> rows = new ArrayList<>();
        for (int t = 0; t < sequence.length; t++) {
            if (sequence[t] == null || sequence[t].length != sequence[0].length) {
                throw new IllegalArgumentException(sequence[t] == null
                        ? Messages.get("lessons.bridge.stepNone", t, sequence[0].length)
                        : Messages.get("lessons.bridge.stepSize", t, sequence[t].length, sequence[0].length));
            }
            rows.add(new DMatrixRMaj(1, sequence[t].length, true, sequence[t].clone()));
        }
        return rows;
    }

    /** The same sequence as one (time steps, features) matrix: row t is x_{t+1}. */
    public static DMatrixRMaj matrix(double[][] sequence) {
        steps(sequence); // the same checks
        return new DMatrixRMaj(sequence);
    }
}
