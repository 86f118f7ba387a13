package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

class SineWindowsTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void badArgumentsAreToldInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> SineWindows.generate(10, 10, 0.1, 1),
                "points must be > window (10) to give at least one window, got 10",
                "points phải > window (10) để có ít nhất một cửa sổ, nhận được 10");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> SineWindows.generate(100, 10, -1, 1),
                "noise must be a finite number >= 0, got -1.0", "noise phải là một số hữu hạn >= 0, nhận được -1.0");
    }
    @Test
    void shapesAndTargetsAreTheNextValue() {
        SineWindows s = SineWindows.generate(1000, 20, 0.1, 42);
        assertEquals(980, s.size());
        assertEquals(20, s.window());
        assertEquals(980, s.x().length);
        assertEquals(20, s.x()[0].length);
        assertEquals(1, s.x()[0][0].length);
        assertEquals(980, s.y().length);
        double[] series = s.series();
        assertEquals(1000, series.length);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(series[i + 20], s.y()[i]);
            assertEquals(series[i], s.x()[i][0][0]);
            if (i + 1 < s.size()) {
                assertEquals(s.y()[i], s.x()[i + 1][19][0], "the target is the next window's last value");
            }
        }
    }

    @Test
    void deterministicForASeed() {
        SineWindows a = SineWindows.generate(300, 10, 0.2, 7);
        SineWindows b = SineWindows.generate(300, 10, 0.2, 7);
        SineWindows c = SineWindows.generate(300, 10, 0.2, 8);
        assertTrue(Arrays.deepEquals(a.x(), b.x()));
        assertArrayEquals(a.y(), b.y());
        assertFalse(Arrays.equals(a.y(), c.y()));
    }

    @Test
    void noNoiseIsTheSineWave() {
        SineWindows s = SineWindows.generate(100, 5, 0.0, 0.25, 1);
        for (int t = 0; t < 100; t++) {
            assertEquals(Math.sin(t * 0.25), s.series()[t], 1e-15);
        }
        SineWindows noisy = SineWindows.generate(2000, 5, 0.1, 3);
        double sq = 0;
        for (int t = 0; t < 2000; t++) {
            double d = noisy.series()[t] - Math.sin(t * SineWindows.DEFAULT_STEP);
            sq += d * d;
        }
        assertEquals(0.1, Math.sqrt(sq / 2000), 0.01, "noise has the requested standard deviation");
    }

    @Test
    void chronologicalSplit() {
        SineWindows s = SineWindows.generate(120, 20, 0.1, 42);
        SineWindows.Split sp = s.split(0.8);
        assertEquals(80, sp.xTrain().length);
        assertEquals(80, sp.yTrain().length);
        assertEquals(20, sp.xTest().length);
        assertEquals(20, sp.yTest().length);
        assertArrayEquals(s.x()[80][0], sp.xTest()[0][0]);
        assertEquals(s.y()[79], sp.yTrain()[79]);
        assertThrows(IllegalArgumentException.class, () -> s.split(1.0));
        assertThrows(IllegalArgumentException.class, () -> s.split(0.001));
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SineWindows.generate(10, 0, 0.1, 1))
                .getMessage().startsWith("window"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SineWindows.generate(10, 10, 0.1, 1))
                .getMessage().startsWith("points"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SineWindows.generate(100, 10, -1, 1))
                .getMessage().startsWith("noise"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SineWindows.generate(100, 10, 0.1, 0.0, 1))
                .getMessage().startsWith("step"));
    }
}
