package org.rnncourse.nn.backend;

import org.rnncourse.fast.Fast;

/**
 * Which precision training computes in, as Keras's {@code keras.config.set_floatx}: "float32" (the
 * default, as in Keras) runs the recurrent layers of fit, evaluate and predict on their fused float
 * kernels (the JDK Vector API, or plain Java when the JVM lacks its module); "float64" runs every
 * layer on the double-precision reference code, the one the gradient checks validate. The weights
 * are kept in double either way, so a model can switch between the two at any time.
 *
 * <p>A recurrent layer has a float path when it offers a fused step ({@code floatCell}): SimpleRNN
 * with tanh, LSTM and GRU with tanh and sigmoid, at the front of a model, after an optional
 * Embedding. Other layers and configurations run the reference code whatever the setting.
 */
public final class Backend {
    private static volatile boolean float32 = true;

    private Backend() {}

    /** "float32" (fast float kernels) or "float64" (the double reference everywhere). */
    public static void setFloatx(String floatx) {
        if ("float32".equals(floatx)) {
            float32 = true;
        } else if ("float64".equals(floatx)) {
            float32 = false;
        } else {
            throw new IllegalArgumentException("setFloatx: expected \"float32\" or \"float64\", got "
                    + (floatx == null ? "null" : "\"" + floatx + "\""));
        }
    }

    /** The precision set, "float32" or "float64". */
    public static String floatx() {
        return float32 ? "float32" : "float64";
    }

    public static boolean isFloat32() {
        return float32;
    }

    /** Which float kernels run, in words (e.g. "JDK Vector API, 16 floats per vector"). */
    public static String kernels() {
        return Fast.description();
    }
}
