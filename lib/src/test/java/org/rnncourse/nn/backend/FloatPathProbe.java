package org.rnncourse.nn.backend;

import org.rnncourse.fast.Fast;

/** Run in a JVM of its own by {@link FloatPathTest}: the comparison on whichever kernels this JVM has. */
public final class FloatPathProbe {
    private FloatPathProbe() {}

    public static void main(String[] args) {
        double worst = 0;
        for (Object[] c : FloatPathComparison.cases()) {
            worst = Math.max(worst, FloatPathComparison.maxDifference(c));
        }
        System.out.println("path: " + Fast.description());
        System.out.println("worst difference: " + worst);
    }
}
