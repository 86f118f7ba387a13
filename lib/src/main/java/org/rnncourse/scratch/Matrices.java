package org.rnncourse.scratch;

import org.rnncourse.Args;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;

/**
 * Small helpers that keep the lessons short: printing a matrix with its name and shape, seeded
 * random matrices, one-hot vectors, building vectors from numbers.
 */
public final class Matrices {
    private Matrices() {}

    /**
     * A matrix as the lessons print it: its name and shape on the first line, then one line per row
     * with the same decimals (at most 4, see {@link org.rnncourse.show.Numbers}), e.g.
     * <pre>
     * h_1 (4×1)
     *   0.1234
     *  -0.0567
     * ...
     * </pre>
     */
    public static String toString(String name, DMatrixRMaj m) {
        Shapes.requireNonNull("m", m, "scratch.hint.matrixToPrint");
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(' ').append(Shapes.of(m));
        // The course's one number rule (Numbers): the same decimals for every entry, in columns.
        String[] cells = org.rnncourse.show.Numbers.formatAll(m.getData().length == m.getNumElements()
                ? m.getData() : java.util.Arrays.copyOf(m.getData(), m.getNumElements()));
        int width = 0;
        for (String c : cells) width = Math.max(width, c.length());
        for (int i = 0; i < m.numRows; i++) {
            sb.append('\n');
            for (int j = 0; j < m.numCols; j++) {
                String c = cells[i * m.numCols + j];
                sb.append(" ".repeat(width + 2 - c.length())).append(c);
            }
        }
        return sb.toString();
    }

    /** Prints {@link #toString(String, DMatrixRMaj)} to System.out (handy as a notebook cell's last line). */
    public static void print(String name, DMatrixRMaj m) {
        System.out.println(toString(name, m));
    }

    /** A rows × cols matrix of zeros, e.g. the first hidden state h_0. */
    public static DMatrixRMaj zeros(int rows, int cols) {
        Shapes.requirePositive("rows", rows);
        Shapes.requirePositive("cols", cols);
        return new DMatrixRMaj(rows, cols);
    }

    /**
     * A rows × cols matrix of Gaussian numbers times {@code scale}. Small weights (scale 0.01 … 0.1)
     * keep tanh away from its flat ends at the start of training.
     */
    public static DMatrixRMaj gaussian(int rows, int cols, double scale, Random random) {
        DMatrixRMaj m = zeros(rows, cols);
        Shapes.requireNonNull("random", random, "scratch.hint.random");
        Args.nonNegativeFinite("scale", scale);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = random.nextGaussian() * scale;
        }
        return m;
    }

    /** Same as {@link #gaussian(int, int, double, Random)} with {@code new Random(seed)}. */
    public static DMatrixRMaj gaussian(int rows, int cols, double scale, long seed) {
        return gaussian(rows, cols, scale, new Random(seed));
    }

    /** A rows × cols matrix of numbers drawn uniformly from [low, high). */
    public static DMatrixRMaj uniform(int rows, int cols, double low, double high, Random random) {
        DMatrixRMaj m = zeros(rows, cols);
        Shapes.requireNonNull("random", random, "scratch.hint.random");
        Args.finite("low", low);
        Args.finite("high", high);
        if (!(low < high)) {
            throw new IllegalArgumentException(Messages.get("scratch.matrices.lowHigh", low, high));
        }
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = low + (high - low) * random.nextDouble();
        }
        return m;
    }

    /** A column vector (n×1) holding the given numbers: the column form's x_t. */
    public static DMatrixRMaj column(double... values) {
        requireValues(values);
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    /** A row vector (1×n) holding the given numbers: the row form's X_t for one example. */
    public static DMatrixRMaj row(double... values) {
        requireValues(values);
        return new DMatrixRMaj(1, values.length, true, values);
    }

    /** A matrix from its rows, e.g. {@code fromRows(new double[][] {{1, 0, 1}, {0, 1, 0}})}. */
    public static DMatrixRMaj fromRows(double[][] rows) {
        Shapes.requireNonNull("rows", rows, "scratch.hint.rows");
        if (rows.length == 0 || rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException(Messages.get("scratch.matrices.noRows"));
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != rows[0].length) {
                throw new IllegalArgumentException(rows[i] == null
                        ? Messages.get("scratch.matrices.rowNone", i, rows[0].length)
                        : Messages.get("scratch.matrices.rowLength", i, rows[i].length, rows[0].length));
            }
        }
        return new DMatrixRMaj(rows);
    }

    /** A one-hot row vector (1×size): 1 at {@code index}, 0 elsewhere (e.g. a word or a class). */
    public static DMatrixRMaj oneHotRow(int index, int size) {
        return oneHotRows(new int[] {index}, size);
    }

    /** A one-hot column vector (size×1), the column form of {@link #oneHotRow(int, int)}. */
    public static DMatrixRMaj oneHotColumn(int index, int size) {
        DMatrixRMaj r = oneHotRow(index, size);
        r.reshape(size, 1);
        return r;
    }

    /** One one-hot row per index: an (m×size) matrix of targets for a batch of m examples. */
    public static DMatrixRMaj oneHotRows(int[] indices, int size) {
        Shapes.requireNonNull("indices", indices, "scratch.hint.indices");
        Shapes.requirePositive("size", size);
        if (indices.length == 0) {
            throw new IllegalArgumentException(Messages.get("scratch.matrices.noIndices"));
        }
        DMatrixRMaj m = new DMatrixRMaj(indices.length, size);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= size) {
                throw new IllegalArgumentException(Messages.get("scratch.matrices.index", i, indices[i], size - 1, size));
            }
            m.set(i, indices[i], 1.0);
        }
        return m;
    }

    /** The Frobenius norm ‖M‖ = √(Σ m_ij²). */
    public static double norm(DMatrixRMaj m) {
        Shapes.requireNonNull("m", m, "scratch.hint.matrix");
        double s = 0;
        for (int k = 0; k < m.getNumElements(); k++) {
            s += m.data[k] * m.data[k];
        }
        return Math.sqrt(s);
    }

    private static void requireValues(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(Messages.get("scratch.matrices.noNumbers"));
        }
    }
}
