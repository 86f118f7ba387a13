package org.rnncourse.diagram;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Matrices drawn as grids of value-coloured cells: the one drawing the RNN diagrams share. A
 * vector of the hidden state becomes a row of coloured cells, a weight matrix a rows × cols grid,
 * so a picture shows the shape and the numbers at once.
 */
final class Cells {
    private Cells() {}

    /** The largest |value| over all the matrices (at least a tiny positive number, so colours stay defined). */
    static double maxAbs(List<DMatrixRMaj> ms) {
        double max = 0;
        for (DMatrixRMaj m : ms) {
            for (int i = 0; i < m.getNumElements(); i++) {
                double v = Math.abs(m.data[i]);
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 ? max : 1e-12;
    }

    /**
     * Draws {@code m} as a grid, top-left at (x, y), each cell {@code w} × {@code h}, coloured on
     * the diverging scale ±maxAbs. With {@code labels} the values are written in the cells. Each
     * cell's tooltip is {@code name[i,j] = value} (1-based, as the lessons count).
     */
    static void grid(Svg svg, double x, double y, DMatrixRMaj m, double w, double h, double maxAbs,
                     boolean labels, String name) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                double v = m.get(i, j);
                String where = m.numRows == 1 ? "[" + (j + 1) + "]" : m.numCols == 1 ? "[" + (i + 1) + "]"
                        : "[" + (i + 1) + "," + (j + 1) + "]";
                svg.fill(x + j * w, y + i * h, w, h, Palette.diverging(v, maxAbs),
                        labels ? Diagram.format(v) : null, name + where + " = " + Diagram.format(v));
            }
        }
    }

    /** Draws {@code m} as a grid of plain cells of drawing class {@code cls}: its shape only. */
    static void shape(Svg svg, double x, double y, int rows, int cols, double w, double h, String cls) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                svg.rect(x + j * w, y + i * h, w, h, cls);
            }
        }
    }

    /** A width for one cell so that {@code n} of them fit in about {@code room} units, between 6 and {@code max}. */
    static double size(int n, double room, double max) {
        return Math.max(6, Math.min(max, room / Math.max(1, n)));
    }

    /** The transpose of {@code m}: the lessons' column form of a row-form matrix. */
    static DMatrixRMaj transpose(DMatrixRMaj m) {
        DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                t.set(j, i, m.get(i, j));
            }
        }
        return t;
    }

    /** Subscripts written as the lessons write them in code: W_hh, h_t-1. */
    static String sub(String base, Object index) {
        return base + "_" + index;
    }
}
