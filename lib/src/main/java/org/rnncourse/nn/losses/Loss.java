package org.rnncourse.nn.losses;

import java.util.Locale;
import org.rnncourse.Args;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;

/**
 * A loss compares predictions with targets and says how to change the predictions. As in Keras,
 * each row (one example, or one time step of one example) gets a loss, and the batch's loss is the
 * mean over rows ("sum over batch size").
 */
public interface Loss {
    /** Keras's name: {@code binary_crossentropy}, {@code mse}… */
    String name();

    /**
     * The mean loss over the batch; writes dL/d(prediction) into {@code grad} (same size as the
     * predictions) when it is not null.
     */
    double compute(Tensor yPred, Tensor yTrue, double[] grad);

    /**
     * Checks that targets fit predictions of shape {@code predShape} (without batch), and returns
     * the targets reshaped the way {@link #compute} reads them, e.g. labels (n,) as (n, 1).
     */
    Tensor prepareTargets(Tensor y, int[] predShape);

    /** Looks a loss up by Keras's name or alias. */
    static Loss of(String name) {
        return switch (Args.notNull("loss", name).toLowerCase(Locale.ROOT)) {
            case "binary_crossentropy", "bce" -> new BinaryCrossentropy();
            case "categorical_crossentropy" -> new CategoricalCrossentropy();
            case "sparse_categorical_crossentropy" -> new SparseCategoricalCrossentropy();
            case "mse", "mean_squared_error" -> new MeanSquaredError();
            default -> throw new IllegalArgumentException(Messages.get("nn.losses.unknown", name));
        };
    }

    /** Targets with exactly the predictions' shape, or (n,) for predictions (n, 1). */
    static Tensor sameShapeTargets(String loss, Tensor y, int[] predShape) {
        int[] ys = y.shape();
        if (predShape.length == 1 && predShape[0] == 1 && ys.length == 1) {
            return new Tensor(y.data(), ys[0], 1);
        }
        boolean ok = ys.length == predShape.length + 1;
        for (int i = 0; ok && i < predShape.length; i++) ok = ys[i + 1] == predShape[i];
        if (!ok) {
            throw new IllegalArgumentException(Messages.get(predShape.length == 1 && predShape[0] > 1 && ys.length == 1
                    ? "nn.losses.useSparse" : "nn.losses.wrongShape", loss, Tensor.shapeString(ys), Tensor.batchShapeString(predShape)));
        }
        return y;
    }
}
