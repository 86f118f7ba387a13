package org.rnncourse.fast;

/** Run in a JVM of its own by {@link FallbackTest}: which path would training use here? */
public final class FastProbe {
    private FastProbe() {}

    public static void main(String[] args) {
        float[] c = new float[4];
        Fast.matmul(new float[] {1, 2, 3, 4}, new float[] {1, 0, 0, 1}, c, 2, 2, 2, false);
        float[] t = {0f, 1f};
        Fast.tanh(t, 0, 2);
        System.out.println("path: " + Fast.description());
        System.out.println("product: " + c[0] + " " + c[1] + " " + c[2] + " " + c[3] + " tanh(1) = " + t[1]);
        Fast.adviseOnce();
        Fast.adviseOnce();
    }
}
