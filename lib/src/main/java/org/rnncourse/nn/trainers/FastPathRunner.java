package org.rnncourse.nn.trainers;

import java.util.List;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Backend;
import org.rnncourse.nn.backend.FastFront;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.layers.Layer;

/**
 * Runs a model forward and backward for fit, evaluate and predict: its front (an optional Embedding,
 * then a SimpleRNN, LSTM or GRU that has a fused float step) on the fast float path when
 * {@link Backend#floatx()} is float32 and the model allows it, the other layers as they are.
 * {@link Sequential#forward} and {@link Sequential#backward} always run the double reference path,
 * which the gradient checks validate; the two agree to float rounding.
 */
final class FastPathRunner {
    private final Sequential model;
    private boolean enabled = true;
    private FastFront front; // made on first use, again when layers were added
    private int layersSeen;

    FastPathRunner(Sequential model) {
        this.model = model;
    }

    void enabled(boolean on) {
        this.enabled = on;
    }

    boolean enabled() {
        return enabled;
    }

    /** The float path for the model's front layers, or null when the whole model runs in double. */
    FastFront front() {
        if (!enabled || !Backend.isFloat32()) return null;
        List<Layer> layers = model.layers();
        if (front == null || layersSeen != layers.size() || !layers.get(front.size - 1).isBuilt()) {
            front = FastFront.of(layers);
            layersSeen = layers.size();
        }
        return front;
    }

    /** forward, with the front on the fast path when it applies. */
    Tensor forward(Tensor x, boolean training) {
        FastFront f = front();
        if (f == null) return model.forward(x, training);
        List<Layer> layers = model.layers();
        Tensor out = f.forward(x, training);
        for (int i = f.size; i < layers.size(); i++) out = layers.get(i).forward(out, training);
        return out;
    }

    /** backward, matching {@link #forward}. */
    void backward(Tensor gradOutput) {
        FastFront f = front();
        if (f == null) {
            model.backward(gradOutput);
            return;
        }
        List<Layer> layers = model.layers();
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= f.size; i--) g = layers.get(i).backward(g);
        f.backward(g);
    }
}
