package org.rnncourse.nn.backend;

import java.util.Arrays;
import org.rnncourse.Args;
import org.rnncourse.Messages;

/**
 * A block of numbers with a shape, stored flat in row-major order (the last index moves fastest),
 * like a NumPy array. The first axis is always the batch: (batch, time, features) for sequences,
 * (batch, time) for token ids, (batch, features) for a Dense output.
 *
 * <p>Token ids made by {@link #of(int[][])} are kept as ints ({@link #ids()}), half the memory of
 * doubles for a data set of reviews, and batches taken from them stay ints; an Embedding reads
 * them directly. Any other reader gets them as doubles on its first {@link #data()} (every int is
 * exact in a double), so one container type still serves every layer.
 */
public final class Tensor {
    private double[] data; // null while the tensor is kept as token rows or int ids (made on first data())
    private final int[] ids; // token ids, (batch, time), or null
    private final int[] shape;
    private final TokenRows tokenRows; // an Embedding's output or gradient kept per token, or null

    /** Wraps {@code data} (not copied) with the given shape; the sizes must agree. */
    public Tensor(double[] data, int... shape) {
        if (sizeOf(shape) != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " numbers but shape "
                    + Arrays.toString(shape) + " needs " + sizeOf(shape));
        }
        this.data = data;
        this.shape = shape.clone();
        this.tokenRows = null;
        this.ids = null;
    }

    /** Token ids (not copied) with shape (batch, time). */
    private Tensor(int[] ids, int[] shape) {
        this.data = null;
        this.shape = shape.clone();
        this.tokenRows = null;
        this.ids = ids;
    }

    /**
     * An Embedding's (batch, time, dim) output or its gradient, kept as rows per token
     * ({@link TokenRows}): a recurrent layer on the float path reads it without the full array
     * being made; any other reader gets the numbers on its first {@link #data()}.
     */
    Tensor(TokenRows rows, int... shape) {
        this.data = null;
        this.shape = shape.clone();
        this.tokenRows = rows;
        this.ids = null;
    }

    /** The token ids, row-major, not a copy, when this tensor was made from ints; else null. */
    public int[] ids() {
        return ids;
    }

    /** The token rows this tensor was made from, or null for an ordinary tensor. */
    public TokenRows tokenRows() {
        return tokenRows;
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new double[sizeOf(shape)], shape);
    }

    // ---- from Java arrays: the shapes a learner already has ------------------------------------

    /** Sequences of feature vectors, shape (batch, time, features). */
    public static Tensor of(double[][][] x) {
        Args.notNull("x", x);
        int n = x.length, t = n == 0 ? 0 : x[0].length, f = t == 0 ? 0 : x[0][0].length;
        double[] d = new double[n * t * f];
        for (int i = 0; i < n; i++) {
            requireLength("x[" + i + "]", x[i].length, t);
            for (int j = 0; j < t; j++) {
                requireLength("x[" + i + "][" + j + "]", x[i][j].length, f);
                System.arraycopy(x[i][j], 0, d, (i * t + j) * f, f);
            }
        }
        return new Tensor(d, n, t, f);
    }

    /** Sequences of feature vectors in float, shape (batch, time, features). */
    public static Tensor of(float[][][] x) {
        Args.notNull("x", x);
        int n = x.length, t = n == 0 ? 0 : x[0].length, f = t == 0 ? 0 : x[0][0].length;
        double[] d = new double[n * t * f];
        for (int i = 0; i < n; i++) {
            requireLength("x[" + i + "]", x[i].length, t);
            for (int j = 0; j < t; j++) {
                requireLength("x[" + i + "][" + j + "]", x[i][j].length, f);
                for (int k = 0; k < f; k++) d[(i * t + j) * f + k] = x[i][j][k];
            }
        }
        return new Tensor(d, n, t, f);
    }

    /** Rows of numbers, shape (batch, features) — e.g. one-hot labels. */
    public static Tensor of(double[][] x) {
        Args.notNull("x", x);
        int n = x.length, f = n == 0 ? 0 : x[0].length;
        double[] d = new double[n * f];
        for (int i = 0; i < n; i++) {
            requireLength("row " + i, x[i].length, f);
            System.arraycopy(x[i], 0, d, i * f, f);
        }
        return new Tensor(d, n, f);
    }

    /** Token ids, shape (batch, time): the input of an Embedding. */
    public static Tensor of(int[][] ids) {
        Args.notNull("ids", ids);
        int n = ids.length, t = n == 0 ? 0 : ids[0].length;
        int[] d = new int[n * t];
        for (int i = 0; i < n; i++) {
            requireLength("sequence " + i, ids[i].length, t);
            System.arraycopy(ids[i], 0, d, i * t, t);
        }
        return new Tensor(d, new int[] {n, t});
    }

    /** One number per example, shape (batch,): regression targets or 0/1 labels. */
    public static Tensor of(double[] y) {
        Args.notNull("y", y);
        return new Tensor(y.clone(), y.length);
    }

    /** One number per example in float, shape (batch,). */
    public static Tensor of(float[] y) {
        Args.notNull("y", y);
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) d[i] = y[i];
        return new Tensor(d, y.length);
    }

    /** One integer label per example, shape (batch,): class ids or 0/1. */
    public static Tensor of(int[] y) {
        Args.notNull("y", y);
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) d[i] = y[i];
        return new Tensor(d, y.length);
    }

    private static void requireLength(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(Messages.get("nn.tensor.ragged", what, actual, expected));
        }
    }

    // ---- reading --------------------------------------------------------------------------------

    /** The numbers themselves, row-major, not a copy: layers read and write them directly. */
    public double[] data() {
        if (data == null && ids != null) {
            double[] d = new double[ids.length];
            for (int i = 0; i < d.length; i++) d[i] = ids[i];
            data = d;
        }
        if (data == null) data = tokenRows.values(shape);
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return sizeOf(shape);
    }

    /** The number of examples (the first axis). */
    public int batchSize() {
        return shape.length == 0 ? 0 : shape[0];
    }

    /** One number, by its indices: {@code t.get(i, j)}. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(Messages.get("nn.tensor.indices", shapeString(shape), shape.length, index.length));
        }
        int flat = 0;
        for (int a = 0; a < shape.length; a++) flat = flat * shape[a] + index[a];
        return data()[flat];
    }

    /** The values as a flat array: handy for (batch,) and (batch, 1) outputs such as predictions. */
    public double[] toArray() {
        return data().clone();
    }

    /** Rank 2 as {@code double[batch][features]} (rank 1 becomes one column). */
    public double[][] toArray2D() {
        int rows = shape[0], cols = shape.length == 1 ? 1 : size() / Math.max(rows, 1);
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(data(), i * cols, out[i], 0, cols);
        return out;
    }

    /** Rank 3 as {@code double[batch][time][features]}. */
    public double[][][] toArray3D() {
        if (shape.length != 3) throw new IllegalStateException("tensor has shape " + shapeString(shape));
        int n = shape[0], t = shape[1], f = shape[2];
        double[][][] out = new double[n][t][f];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < t; j++) System.arraycopy(data(), (i * t + j) * f, out[i][j], 0, f);
        return out;
    }

    /** The examples {@code index[from..to)} as a new tensor: one mini-batch. */
    public Tensor take(int[] index, int from, int to) {
        Args.notNull("index", index);
        requireRange(from, to, index.length, "nn.tensor.range.index");
        for (int i = from; i < to; i++) {
            if (index[i] < 0 || index[i] >= shape[0]) {
                throw new IllegalArgumentException(Messages.get("nn.tensor.notARow", "index[" + i + "]", index[i], shape[0] - 1));
            }
        }
        int per = shape[0] == 0 ? 0 : sizeOf(shape) / shape[0];
        int[] s = shape.clone();
        s[0] = to - from;
        if (ids != null) { // a batch of token ids stays ints
            int[] d = new int[(to - from) * per];
            for (int i = from; i < to; i++) System.arraycopy(ids, index[i] * per, d, (i - from) * per, per);
            return new Tensor(d, s);
        }
        double[] d = new double[(to - from) * per];
        for (int i = from; i < to; i++) System.arraycopy(data(), index[i] * per, d, (i - from) * per, per);
        return new Tensor(d, s);
    }

    /** The examples {@code [from, to)}, in order. */
    public Tensor rows(int from, int to) {
        requireRange(from, to, shape[0], "nn.tensor.range.rows");
        int per = shape[0] == 0 ? 0 : sizeOf(shape) / shape[0];
        int[] s = shape.clone();
        s[0] = to - from;
        if (ids != null) return new Tensor(Arrays.copyOfRange(ids, from * per, to * per), s);
        return new Tensor(Arrays.copyOfRange(data(), from * per, to * per), s);
    }

    /** 0 ≤ from ≤ to ≤ n, with a message that names from and to; {@code ofKey} says what n counts. */
    private static void requireRange(int from, int to, int n, String ofKey) {
        if (from < 0 || from > to || to > n) {
            throw new IllegalArgumentException(Messages.get("nn.tensor.range", from, to, n, Messages.get(ofKey)));
        }
    }

    public Tensor copy() {
        if (ids != null) return new Tensor(ids.clone(), shape);
        return new Tensor(data().clone(), shape);
    }

    public static int sizeOf(int[] shape) {
        Args.notNull("shape", shape);
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException(Messages.get("nn.tensor.negative", Arrays.toString(shape)));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
        return (int) n;
    }

    /** Python's way of writing a shape: {@code (2, 10, 32)}, {@code (5,)}. */
    public static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        if (shape.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    /** A shape with {@code None} for the batch, as Keras prints it: {@code (None, 10, 64)}. */
    public static String batchShapeString(int[] shapeWithoutBatch) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : shapeWithoutBatch) sb.append(", ").append(d);
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return "Tensor" + shapeString(shape);
    }
}
