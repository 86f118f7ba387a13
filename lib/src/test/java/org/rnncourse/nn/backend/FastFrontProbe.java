package org.rnncourse.nn.backend;

import org.rnncourse.fast.Fast;

/** Run in a JVM of its own by {@link FastFrontTest}: the comparison on whichever kernels this JVM has. */
public final class FastFrontProbe {
    private FastFrontProbe() {}

    public static void main(String[] args) {
        double worst = 0;
        for (Object[] c : FastFrontComparison.cases()) {
            worst = Math.max(worst, FastFrontComparison.maxDifference(c));
        }
        System.out.println("path: " + Fast.description());
        System.out.println("worst difference: " + worst);
    }
}
