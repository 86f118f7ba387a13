package org.rnncourse.nn;

import org.rnncourse.fast.Fast;

/** Run in a JVM of its own by {@link FastFrontTest}: the comparison on whichever kernels this JVM has. */
public final class FastFrontProbe {
    private FastFrontProbe() {}

    public static void main(String[] args) {
        double worst = 0;
        for (Object[] c : FastFrontComparison.cases()) {
            worst = Math.max(worst, FastFrontComparison.maxDifference((Boolean) c[0], (Integer) c[1], (Integer) c[2],
                    (Integer) c[3], (Integer) c[4], (Boolean) c[5]));
        }
        System.out.println("path: " + Fast.description());
        System.out.println("worst difference: " + worst);
    }
}
