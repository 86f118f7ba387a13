package org.rnncourse.nn.backend;

import org.rnncourse.fast.Fast;

/**
 * Which precision the recurrent layers compute in, as Keras's {@code keras.config.set_floatx}:
 * "float32" (the default, as in Keras) runs every SimpleRNN, LSTM and GRU (in any position of a
 * stack, inside a Bidirectional, with any activation Keras allows) on its fused float kernels (the
 * JDK Vector API, or plain Java when the JVM lacks its module); "float64" runs every layer on the
 * double-precision reference code, the one the gradient checks validate. The weights are kept in
 * double either way, so a model can switch between the two at any time. The other layers (Dense,
 * Dropout) compute in double whatever the setting: they cost next to nothing.
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

    /**
     * Runs {@code work} with the precision set to {@code floatx} and puts the previous setting back,
     * also when it fails: {@code Backend.withFloatx("float64", () -> layer.forward(x, false))}.
     */
    public static <T> T withFloatx(String floatx, java.util.function.Supplier<T> work) {
        String before = floatx();
        setFloatx(floatx);
        try {
            return work.get();
        } finally {
            setFloatx(before);
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
