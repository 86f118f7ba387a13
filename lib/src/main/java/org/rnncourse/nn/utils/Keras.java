package org.rnncourse.nn.utils;

import java.util.Random;

/**
 * Global settings, like {@code keras.utils.set_random_seed(42)}: after {@link #setRandomSeed},
 * every new model draws its own seed from one seeded sequence, so running a notebook top to
 * bottom gives the same weights, dropout masks and shuffles every time.
 */
public final class Keras {
    private static Random seeds; // null: no global seed, every model is random

    private Keras() {}

    /** Makes everything that follows reproducible. */
    public static synchronized void setRandomSeed(long seed) {
        seeds = new Random(seed);
    }

    /** Forgets the global seed: new models are random again. */
    public static synchronized void clearRandomSeed() {
        seeds = null;
    }

    /** The seed for the next model: from the global sequence if one was set, otherwise random. */
    public static synchronized long nextSeed() {
        return seeds != null ? seeds.nextLong() : new Random().nextLong();
    }
}
