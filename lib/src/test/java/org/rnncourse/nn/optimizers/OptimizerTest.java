package org.rnncourse.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;
import org.rnncourse.nn.layers.Parameter;

/** Optimizer steps against numbers worked out by hand, and the three clipping options. */
class OptimizerTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void optimizerMistakesAreToldInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new Adam().clipnorm(1.0).globalClipnorm(0.5),
                "Only one of clipnorm and globalClipnorm can be set (as in Keras); globalClipnorm was given after the other one",
                "Chỉ được đặt một trong hai clipnorm và globalClipnorm (như trong Keras); globalClipnorm được đưa vào sau cái còn lại");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new SGD(0.1, 1.5, false),
                "SGD momentum must be in [0, 1], got 1.5", "momentum của SGD phải nằm trong [0, 1], nhận được 1.5");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Optimizer.of("adamw"),
                "optimizer: unknown name 'adamw'; expected adam, rmsprop or sgd",
                "optimizer: không có tên 'adamw'; cần adam, rmsprop hoặc sgd");
    }

    static Parameter param(double[] value, double[] grad) {
        Parameter p = new Parameter("w", value.length);
        System.arraycopy(value, 0, p.value(), 0, value.length);
        System.arraycopy(grad, 0, p.grad(), 0, grad.length);
        return p;
    }

    @Test
    void adamDefaultsAreKeras() {
        Adam a = new Adam();
        assertEquals(0.001, a.learningRate());
        assertEquals("adam", a.name());
        assertEquals(0.001, new RMSprop().learningRate());
        assertEquals(0.01, new SGD().learningRate());
    }

    @Test
    void oneAdamStepByHand() {
        Parameter p = param(new double[] {1.0, -2.0}, new double[] {0.5, -0.1});
        new Adam().apply(List.of(p));
        // Step 1: m = 0.1·g, v = 0.001·g², α = 0.001·√(1 − 0.999) / (1 − 0.9) = 0.001·√0.001 / 0.1.
        // For g = 0.5: m = 0.05, √v = √0.00025 = 0.015811388…, step = α·0.05 / (0.015811388 + 1e-7).
        double alpha = 0.001 * Math.sqrt(0.001) / 0.1;
        double w0 = 1.0 - alpha * 0.05 / (Math.sqrt(0.00025) + 1e-7);
        double w1 = -2.0 - alpha * -0.01 / (Math.sqrt(0.00001) + 1e-7);
        assertEquals(w0, p.value()[0], 1e-15);
        assertEquals(w1, p.value()[1], 1e-15);
        // The well-known shape of Adam's first step: about lr · sign(g), whatever the gradient's size.
        assertEquals(1.0 - 0.001, p.value()[0], 1e-8);
        assertEquals(-2.0 + 0.001, p.value()[1], 1e-7);
    }

    /** The optimizer's memory is named as the update rule names it: after one Adam step m = 0.1·g and v = 0.001·g². */
    @Test
    void theStateOfEachWeightIsNamed() {
        Parameter p = param(new double[] {1.0, -2.0}, new double[] {0.5, -0.1});
        Adam adam = new Adam();
        adam.apply(List.of(p));
        Slots s = adam.state(p);
        assertEquals(List.of("m", "v"), s.names());
        assertArrayEquals(new double[] {0.05, -0.01}, s.get("m"), 1e-15);
        assertArrayEquals(new double[] {0.00025, 0.00001}, s.get("v"), 1e-15);
        assertEquals(List.of(s.get("m"), s.get("v")), s.arrays(), "saving reads them in this order");
        assertEquals(List.of("v"), new RMSprop().state(p).names());
        assertEquals(List.of(), new SGD().state(p).names(), "plain SGD keeps no memory");
        assertEquals(List.of("velocity"), new SGD(0.01, 0.9, false).state(p).names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get("momentum"));
        assertEquals("no optimizer slot named 'momentum'; the slots are [m, v]", e.getMessage());
    }

    @Test
    void twoAdamStepsByHand() {
        Parameter p = param(new double[] {0.0}, new double[] {1.0});
        Adam adam = new Adam(0.1);
        adam.apply(List.of(p));
        p.grad()[0] = -2.0;
        adam.apply(List.of(p));
        // Step 1: m = 0.1, v = 0.001, α1 = 0.1·√0.001/0.1.
        double w = 0 - (0.1 * Math.sqrt(1 - 0.999) / 0.1) * 0.1 / (Math.sqrt(0.001) + 1e-7);
        // Step 2: m = 0.1 + (−2 − 0.1)·0.1 = −0.11, v = 0.001 + (4 − 0.001)·0.001 = 0.004999,
        // α2 = 0.1·√(1 − 0.999²) / (1 − 0.9²).
        double m = -0.11, v = 0.004999;
        w -= 0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81) * m / (Math.sqrt(v) + 1e-7);
        assertEquals(w, p.value()[0], 1e-14);
        assertEquals(2, adam.iterations());
    }

    @Test
    void rmspropAndSgdStepsByHand() {
        Parameter p = param(new double[] {1.0}, new double[] {2.0});
        new RMSprop().apply(List.of(p));
        // v = 0.1·4 = 0.4; w = 1 − 0.001·2/√(0.4 + 1e-7)
        assertEquals(1.0 - 0.001 * 2 / Math.sqrt(0.4 + 1e-7), p.value()[0], 1e-15);

        Parameter q = param(new double[] {1.0}, new double[] {2.0});
        SGD sgd = new SGD(0.1, 0.9, false);
        sgd.apply(List.of(q));   // v = −0.2, w = 0.8
        sgd.apply(List.of(q));   // v = 0.9·(−0.2) − 0.2 = −0.38, w = 0.42
        assertEquals(0.42, q.value()[0], 1e-12);
    }

    /** Two gradients: a = (3, 4) with norm 5, b = (0, 12) with norm 12; together norm 13. */
    static List<Parameter> crafted() {
        return List.of(param(new double[2], new double[] {3, 4}), param(new double[2], new double[] {0, 12}));
    }

    @Test
    void clipnormScalesEachGradientOnItsOwn() {
        List<Parameter> ps = crafted();
        new SGD(1.0).clipnorm(1.0).clipGradients(ps);
        assertArrayEquals(new double[] {0.6, 0.8}, ps.get(0).grad(), 1e-12);
        assertArrayEquals(new double[] {0, 1}, ps.get(1).grad(), 1e-12);
        // A gradient already inside the norm is left alone.
        List<Parameter> small = crafted();
        new SGD(1.0).clipnorm(20).clipGradients(small);
        assertArrayEquals(new double[] {3, 4}, small.get(0).grad(), 0);
    }

    @Test
    void globalClipnormScalesAllGradientsTogether() {
        List<Parameter> ps = crafted();
        new SGD(1.0).globalClipnorm(6.5).clipGradients(ps); // 13 → 6.5: everything halves
        assertArrayEquals(new double[] {1.5, 2}, ps.get(0).grad(), 1e-12);
        assertArrayEquals(new double[] {0, 6}, ps.get(1).grad(), 1e-12);
    }

    @Test
    void clipvalueClipsEachNumber() {
        List<Parameter> ps = crafted();
        new SGD(1.0).clipvalue(3.5).clipGradients(ps);
        assertArrayEquals(new double[] {3, 3.5}, ps.get(0).grad(), 0);
        assertArrayEquals(new double[] {0, 3.5}, ps.get(1).grad(), 0);
    }

    @Test
    void clippingHappensBeforeTheUpdate() {
        List<Parameter> ps = crafted();
        new SGD(1.0).clipnorm(1.0).apply(ps); // w = 0 − 1·clipped g
        assertArrayEquals(new double[] {-0.6, -0.8}, ps.get(0).value(), 1e-12);
    }

    @Test
    void clippingOptionsCombineAsInKeras3() {
        // Keras 3 rejects clipnorm with global_clipnorm, in either order ...
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam().clipnorm(1.0).globalClipnorm(0.5));
        assertTrue(e.getMessage().contains("Only one of clipnorm and globalClipnorm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam().globalClipnorm(1.0).clipnorm(0.5));
        assertThrows(IllegalArgumentException.class, () -> new Adam().clipnorm(-1));
        // ... accepts clipvalue with either, and then applies only the norm option (its _clip_gradients).
        List<Parameter> withValue = crafted(), normOnly = crafted();
        new SGD(1.0).clipnorm(1.0).clipvalue(0.01).clipGradients(withValue);
        new SGD(1.0).clipnorm(1.0).clipGradients(normOnly);
        for (int k = 0; k < withValue.size(); k++) assertArrayEquals(normOnly.get(k).grad(), withValue.get(k).grad(), 0);
        List<Parameter> globalWithValue = crafted(), globalOnly = crafted();
        new SGD(1.0).clipvalue(0.01).globalClipnorm(6.5).clipGradients(globalWithValue);
        new SGD(1.0).globalClipnorm(6.5).clipGradients(globalOnly);
        for (int k = 0; k < globalOnly.size(); k++) assertArrayEquals(globalOnly.get(k).grad(), globalWithValue.get(k).grad(), 0);
        // Setting the same option twice keeps the last value, as assigning a Keras attribute does.
        List<Parameter> twice = crafted();
        new SGD(1.0).clipvalue(1.0).clipvalue(3.5).clipGradients(twice);
        assertArrayEquals(new double[] {3, 3.5}, twice.get(0).grad(), 0);
    }
}
