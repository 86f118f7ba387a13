package org.rnncourse.nn.utils;

import java.util.Random;

/**
 * The course's global seed, as Keras's {@code keras.utils.set_random_seed(42)}: after
 * {@link #set}, every new model draws its own seed from one seeded sequence, so running a notebook
 * top to bottom gives the same weights, dropout masks and shuffles every time.
 */
public final class RandomSeed {
    private static Random seeds; // null: no global seed, every model is random

    private RandomSeed() {}

    /** Makes everything that follows reproducible: {@code RandomSeed.set(42)}. */
    public static synchronized void set(long seed) {
        seeds = new Random(seed);
    }

    /** Forgets the global seed: new models are random again. */
    public static synchronized void clear() {
        seeds = null;
    }

    /** The seed for the next model or layer: from the global sequence if one was set, otherwise random. */
    public static synchronized long next() {
        return seeds != null ? seeds.nextLong() : new Random().nextLong();
    }
}
