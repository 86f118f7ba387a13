package org.rnncourse.fast;

/**
 * The fast float operations that training runs on, with a plain-Java fallback.
 *
 * <p>The Vector API is an incubator module in Java 17: it exists only when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}. The course's kernelspec and Maven's test runs
 * pass that flag; a kernel started some other way (IJava installed by hand, say) does not, and then
 * this class uses {@link PlainKernels}, which gives the same results more slowly, and says once,
 * quietly, how to get the fast path.
 */
public final class Fast {
    /** The JVM option that turns the fast path on. */
    public static final String JVM_FLAG = "--add-modules jdk.incubator.vector";

    private static final String UNAVAILABLE_REASON;
    private static final Kernels KERNELS;
    private static volatile boolean told;

    static {
        String reason = null;
        Kernels chosen;
        if ("plain".equals(System.getProperty("rnncourse.kernels"))) {
            chosen = new PlainKernels();
            reason = "the system property rnncourse.kernels=plain asks for the plain path";
        } else {
            try {
                chosen = vector();
            } catch (Throwable unavailable) {
                // NoClassDefFoundError when the module is absent: the library still works, slower.
                chosen = new PlainKernels();
                reason = "the JVM was started without " + JVM_FLAG;
            }
        }
        KERNELS = chosen;
        UNAVAILABLE_REASON = reason;
    }

    private Fast() {}

    static Kernels vector() throws ReflectiveOperationException {
        Kernels k = (Kernels) Class.forName("org.rnncourse.fast.VectorKernels").getDeclaredConstructor().newInstance();
        k.tanh(new float[] {0.5f}, 0, 1); // fails here, not mid-training, if the module is missing
        return k;
    }

    static Kernels plain() {
        return new PlainKernels();
    }

    static Kernels kernels() {
        return KERNELS;
    }

    /** True when the Vector API path runs. */
    public static boolean isVectorized() {
        return UNAVAILABLE_REASON == null;
    }

    /** Which path runs, in words, e.g. "JDK Vector API, 16 floats per vector". */
    public static String description() {
        return isVectorized() ? KERNELS.name() : KERNELS.name() + " (" + UNAVAILABLE_REASON + ")";
    }

    /**
     * Once per JVM, when the plain path runs: one line on how to get the fast one. Training calls
     * it before its first epoch.
     */
    public static void adviseOnce() {
        if (!isVectorized() && !told) {
            told = true;
            System.out.println("Note: training uses the plain Java path because " + UNAVAILABLE_REASON
                    + ". For a path many times faster, start the kernel's JVM with " + JVM_FLAG
                    + " (the course's ./course set-up does this for you).");
        }
    }

    /** C (m×n) = A (m×k) · B (k×n), or C += A·B when {@code accumulate}. */
    public static void matmul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        matmul(a, 0, b, 0, c, 0, m, k, n, accumulate);
    }

    /**
     * {@link #matmul(float[], float[], float[], int, int, int, boolean)} on matrices that start at an
     * offset: one time step's block inside a (time, batch, units) array is used in place, without a copy.
     */
    public static void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int m, int k, int n, boolean accumulate) {
        check("a", a, aOff, m, k);
        check("b", b, bOff, k, n);
        check("c", c, cOff, m, n);
        KERNELS.matmul(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
    }

    /** C (k×n) = Aᵀ·B for A (m×k), B (m×n), or C += Aᵀ·B when {@code accumulate}. */
    public static void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        matmulTransA(a, 0, b, 0, c, 0, m, k, n, accumulate);
    }

    /** {@link #matmulTransA(float[], float[], float[], int, int, int, boolean)} with offsets. */
    public static void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                    int m, int k, int n, boolean accumulate) {
        check("a", a, aOff, m, k);
        check("b", b, bOff, m, n);
        check("c", c, cOff, k, n);
        KERNELS.matmulTransA(a, aOff, b, bOff, c, cOff, m, k, n, accumulate);
    }

    /** C (m×k) = A·Bᵀ for A (m×n), B (k×n), or C += A·Bᵀ when {@code accumulate}. */
    public static void matmulTransB(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        matmulTransB(a, 0, b, 0, c, 0, m, n, k, accumulate);
    }

    /** {@link #matmulTransB(float[], float[], float[], int, int, int, boolean)} with offsets. */
    public static void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                    int m, int n, int k, boolean accumulate) {
        check("a", a, aOff, m, n);
        check("b", b, bOff, k, n);
        check("c", c, cOff, m, k);
        KERNELS.matmulTransB(a, aOff, b, bOff, c, cOff, m, n, k, accumulate);
    }

    /**
     * tanh of one float, the same bits as the array kernels give on either path: for the gates of
     * LSTM and GRU, written element by element.
     */
    public static float tanh(float x) {
        return PlainKernels.tanh(x);
    }

    /** x[from, to) = tanh(x[from, to)). */
    public static void tanh(float[] x, int from, int to) {
        checkRange("x", x, from, to);
        KERNELS.tanh(x, from, to);
    }

    /**
     * One recurrent step's activation, fused: z = tanh(z + b) for {@code rows} rows of n numbers
     * starting at z[off]. Adding the bias in the same pass as tanh reads and writes the block once
     * instead of twice.
     */
    public static void biasTanh(float[] z, int off, float[] bias, int rows, int n) {
        check("z", z, off, rows, n);
        check("bias", bias, 0, 1, n);
        KERNELS.biasTanh(z, off, bias, rows, n);
    }

    /**
     * The backward pass through tanh, fused with the gradient arriving from the next step:
     * d = (d + carry) ⊙ (1 − h²), where h = tanh(z) was kept from the forward pass, so the
     * derivative costs one multiply and no tanh.
     */
    public static void tanhBackward(float[] d, int dOff, float[] carry, int carryOff, float[] h, int hOff, int len) {
        check("d", d, dOff, 1, len);
        check("carry", carry, carryOff, 1, len);
        check("h", h, hOff, 1, len);
        KERNELS.tanhBackward(d, dOff, carry, carryOff, h, hOff, len);
    }

    /** dst[dstOff …] += src[srcOff …] over len numbers: summing a bias's or a token's gradient row by row. */
    public static void addTo(float[] src, int srcOff, float[] dst, int dstOff, int len) {
        check("src", src, srcOff, 1, len);
        check("dst", dst, dstOff, 1, len);
        KERNELS.addTo(src, srcOff, dst, dstOff, len);
    }

    /**
     * One LSTM step for {@code rows} rows of u units, fused (Keras's gates i, f, c, o; σ for the gates,
     * tanh for the candidate and the cell's output): z, the rows of 4u pre-activations x_t·W + h_{t−1}·U
     * at zOff, gets the bias added and is replaced by the activated gates (the backward pass reads them);
     * c_t = f ⊙ c_{t−1} + i ⊙ c̃ goes to c at cOut (c_{t−1} is read at cPrev), tanh(c_t) to tc and
     * h_t = o ⊙ tanh(c_t) to h. One pass over the step's numbers instead of one per operation: the
     * step is bound by how often its block crosses the cache, not by the arithmetic.
     */
    public static void lstmForward(float[] z, int zOff, float[] bias, float[] c, int cPrev, int cOut,
                                   float[] tc, int tcOff, float[] h, int hOff, int rows, int u) {
        check("z", z, zOff, rows, 4 * u);
        check("bias", bias, 0, 1, 4 * u);
        check("c (previous)", c, cPrev, rows, u);
        check("c", c, cOut, rows, u);
        check("tc", tc, tcOff, rows, u);
        check("h", h, hOff, rows, u);
        KERNELS.lstmForward(z, zOff, bias, c, cPrev, cOut, tc, tcOff, h, hOff, rows, u);
    }

    /**
     * The backward pass of {@link #lstmForward} for one step, fused: from the kept gates a (rows of 4u),
     * c_{t−1}, tanh(c_t), the gradient arriving from the output (gh) plus the carry dh from step t + 1,
     * and the cell's carry dc, the pre-activation gradients into dz (rows of 4u) and the new cell carry
     * f ⊙ dL/dc_t into dc. The carries dh and dc are rows × u numbers from index 0.
     */
    public static void lstmBackward(float[] a, int aOff, float[] c, int cPrev, float[] tc, int tcOff,
                                    float[] gh, int ghOff, float[] dh, float[] dc, float[] dz, int dzOff, int rows, int u) {
        check("a", a, aOff, rows, 4 * u);
        check("c (previous)", c, cPrev, rows, u);
        check("tc", tc, tcOff, rows, u);
        check("gh", gh, ghOff, rows, u);
        check("dh", dh, 0, rows, u);
        check("dc", dc, 0, rows, u);
        check("dz", dz, dzOff, rows, 4 * u);
        KERNELS.lstmBackward(a, aOff, c, cPrev, tc, tcOff, gh, ghOff, dh, dc, dz, dzOff, rows, u);
    }

    /**
     * One GRU step with reset_after (Keras 3's default; gates z, r, h; σ and tanh), fused: rh holds
     * h_{t−1}·U (rows of 3u) and gets b_rec added (kept for the backward pass); a holds x_t·W and is
     * replaced by z = σ(a + b_in + rh), r likewise and the candidate tanh(a + b_in + r ⊙ rh);
     * h_t = z ⊙ h_{t−1} + (1 − z) ⊙ candidate goes to h at hOff (h_{t−1} read at hPrev).
     */
    public static void gruForward(float[] a, int aOff, float[] rh, int rhOff, float[] bIn, float[] bRec,
                                  float[] h, int hPrev, int hOff, int rows, int u) {
        check("a", a, aOff, rows, 3 * u);
        check("rh", rh, rhOff, rows, 3 * u);
        check("bIn", bIn, 0, 1, 3 * u);
        check("bRec", bRec, 0, 1, 3 * u);
        check("h (previous)", h, hPrev, rows, u);
        check("h", h, hOff, rows, u);
        KERNELS.gruForward(a, aOff, rh, rhOff, bIn, bRec, h, hPrev, hOff, rows, u);
    }

    /**
     * The backward pass of {@link #gruForward} for one step, fused: the gradient reaching the gates'
     * pre-activations into dz, the one reaching h_{t−1}·U + b_rec into dR (the reset gate sits between
     * them in the candidate's slot), and the carry dh (rows × u from index 0, read as part of dL/dh_t)
     * replaced by the part that skips every weight, dL/dh_t ⊙ z.
     */
    public static void gruBackward(float[] a, int aOff, float[] rh, int rhOff, float[] h, int hPrev,
                                   float[] gh, int ghOff, float[] dh, float[] dz, int dzOff, float[] dR, int dROff,
                                   int rows, int u) {
        check("a", a, aOff, rows, 3 * u);
        check("rh", rh, rhOff, rows, 3 * u);
        check("h (previous)", h, hPrev, rows, u);
        check("gh", gh, ghOff, rows, u);
        check("dh", dh, 0, rows, u);
        check("dz", dz, dzOff, rows, 3 * u);
        check("dR", dR, dROff, rows, 3 * u);
        KERNELS.gruBackward(a, aOff, rh, rhOff, h, hPrev, gh, ghOff, dh, dz, dzOff, dR, dROff, rows, u);
    }

    private static void checkRange(String name, float[] x, int from, int to) {
        if (x == null || from < 0 || to > x.length || from > to) {
            throw new IllegalArgumentException(name + " range [" + from + ", " + to + ") does not fit an array of length "
                    + (x == null ? "null" : x.length));
        }
    }

    private static void check(String name, float[] array, int off, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(name + " has a negative shape (" + rows + "×" + cols + ")");
        }
        if (off < 0) {
            throw new IllegalArgumentException(name + " has a negative offset " + off);
        }
        if (array == null) {
            throw new IllegalArgumentException(name + " is null, expected " + rows + "×" + cols + " floats");
        }
        if (array.length < off + (long) rows * cols) {
            throw new IllegalArgumentException(name + " holds " + array.length + " floats, too few for its shape ("
                    + rows + "×" + cols + " = " + (long) rows * cols + ")" + (off == 0 ? "" : " from offset " + off));
        }
    }
}
