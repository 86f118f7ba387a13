package org.rnncourse.data;

import java.util.Arrays;
import java.util.Random;
import org.rnncourse.Messages;

/**
 * A noisy sine wave cut into sliding windows, for sequence regression (lesson 07: a SimpleRNN(50)
 * learns to predict the next value of the series from the previous {@code window} values).
 *
 * <p>The series is {@code s[t] = sin(t * step) + noise * g[t]} for {@code t = 0 .. points-1},
 * where {@code g[t]} are standard normal numbers from {@code new Random(seed)}. Window {@code i}
 * is {@code x[i] = s[i .. i+window-1]} (shape {@code window x 1}, one feature per time step) and
 * its target is the next value {@code y[i] = s[i+window]}; there are {@code points - window}
 * windows. The same arguments always give the same numbers.
 *
 * <pre>{@code
 * SineWindows data = SineWindows.generate(1000, 20, 0.1, 42);
 * SineWindows.Split split = data.split(0.8);          // first 80 % of windows train, rest test
 * double[][][] xTrain = split.xTrain();               // (samples, 20, 1)
 * double[] yTrain = split.yTrain();
 * }</pre>
 */
public final class SineWindows {
    /** Default step between samples in radians: about 63 samples per period. */
    public static final double DEFAULT_STEP = 0.1;

    private final double[] series;
    private final int window;
    private final double[][][] x;
    private final double[] y;

    private SineWindows(double[] series, int window) {
        this.series = series;
        this.window = window;
        int n = series.length - window;
        this.x = new double[n][window][1];
        this.y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < window; j++) {
                x[i][j][0] = series[i + j];
            }
            y[i] = series[i + window];
        }
    }

    /** {@code points} samples of {@code sin(t * 0.1)} plus {@code noise} times Gaussian noise, cut into windows. */
    public static SineWindows generate(int points, int window, double noise, long seed) {
        return generate(points, window, noise, DEFAULT_STEP, seed);
    }

    /**
     * As {@link #generate(int, int, double, long)} with another step (radians between samples).
     *
     * @throws IllegalArgumentException if {@code window < 1}, {@code points <= window},
     *                                  {@code noise < 0} or {@code step} is not positive and finite
     */
    public static SineWindows generate(int points, int window, double noise, double step, long seed) {
        if (window < 1) {
            throw new IllegalArgumentException(Messages.get("data.sine.window", window));
        }
        if (points <= window) {
            throw new IllegalArgumentException(Messages.get("data.sine.points", window, points));
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException(Messages.get("data.sine.noise", noise));
        }
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException(Messages.get("data.sine.step", step));
        }
        Random rng = new Random(seed);
        double[] s = new double[points];
        for (int t = 0; t < points; t++) {
            s[t] = Math.sin(t * step) + noise * rng.nextGaussian();
        }
        return new SineWindows(s, window);
    }

    /** The whole noisy series (a copy). */
    public double[] series() {
        return series.clone();
    }

    /** Values per window. */
    public int window() {
        return window;
    }

    /** Number of windows ({@code points - window}). */
    public int size() {
        return y.length;
    }

    /** The windows, shape {@code (size, window, 1)}; the array itself, not a copy. */
    public double[][][] x() {
        return x;
    }

    /** The targets, {@code y[i]} is the value after window {@code i}; the array itself. */
    public double[] y() {
        return y;
    }

    /**
     * Chronological split: the first {@code round(size * trainFraction)} windows for training,
     * the rest for testing (no shuffling, so the test windows come later in time; the last
     * training windows and the first test windows overlap in the series values they show). The
     * parts share their window rows with {@link #x()}; copy before changing them in place.
     *
     * @throws IllegalArgumentException unless {@code 0 < trainFraction < 1} and both parts get a window
     */
    public Split split(double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException(Messages.get("data.sine.fraction", trainFraction));
        }
        int nTrain = (int) Math.round(size() * trainFraction);
        if (nTrain == 0 || nTrain == size()) {
            throw new IllegalArgumentException(Messages.get("data.sine.emptyPart", trainFraction, size()));
        }
        return new Split(Arrays.copyOfRange(x, 0, nTrain), Arrays.copyOfRange(y, 0, nTrain),
                Arrays.copyOfRange(x, nTrain, size()), Arrays.copyOfRange(y, nTrain, size()));
    }

    /** Training and test windows and targets. */
    public record Split(double[][][] xTrain, double[] yTrain, double[][][] xTest, double[] yTest) {}
}
