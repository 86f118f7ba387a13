package org.rnncourse.nn.optimizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One weight's memory inside an optimizer, each array under the name its update rule uses: Adam's
 * {@code m} (the running mean of gradients) and {@code v} (of squared gradients), RMSprop's {@code v},
 * SGD's {@code velocity} when it has momentum. Every array has the weight's size and starts at zero.
 */
public final class Slots {
    private final List<String> names;
    private final List<double[]> arrays = new ArrayList<>();

    /** Zeros of {@code size} under each name, e.g. {@code new Slots(size, "m", "v")}; no names: no memory. */
    public Slots(int size, String... names) {
        if (size < 0) throw new IllegalArgumentException("Slots: size must be >= 0, got " + size);
        this.names = List.of(names);
        for (int i = 0; i < names.length; i++) arrays.add(new double[size]);
    }

    /** The array named {@code name}, not a copy: the update rule changes it in place. */
    public double[] get(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no optimizer slot named '" + name + "'; the slots are " + names);
        return arrays.get(i);
    }

    public List<String> names() {
        return names;
    }

    /** Every array, in the order of the names: the order a saved model stores them in (Keras's). */
    public List<double[]> arrays() {
        return Collections.unmodifiableList(arrays);
    }

    @Override
    public String toString() {
        return "Slots" + names;
    }
}
