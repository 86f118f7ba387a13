package org.rnncourse.nn.layers;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rnncourse.nn.backend.Backend;

/**
 * For test classes that check the double reference code (the numerical gradient checks): they ask
 * for it explicitly, as a Keras user would with {@code keras.config.set_floatx("float64")}, and put
 * the default back afterwards.
 */
final class OnTheFloat64Reference implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        Backend.setFloatx("float64");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Backend.setFloatx("float32");
    }
}
