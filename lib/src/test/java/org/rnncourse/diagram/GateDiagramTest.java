package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.GruCell;
import org.rnncourse.scratch.LstmCell;
import org.rnncourse.scratch.Matrices;

class GateDiagramTest {
    static final DMatrixRMaj X = Matrices.row(1.0, -0.5, 0.3);

    @Test
    void theLstmCellNamesEveryGateAndItsShapes() {
        Diagram d = GateDiagram.lstm(LstmCell.random(3, 2, 0.5, 1));
        SvgXml.check(d);
        for (String s : new String[] {"forget fₜ", "input iₜ", "candidate c̃ₜ", "output oₜ", "cell state",
                "W (3, 8), U (2, 8), b (1, 8): 48 weights", "cₜ₋₁", "hₜ"}) {
            assertTrue(d.svg().contains(s), "missing " + s);
        }
    }

    @Test
    void withAnInputEachGateShowsItsValues() {
        LstmCell cell = LstmCell.random(3, 2, 0.5, 1);
        LstmCell.Step s = cell.step(X, Matrices.row(0.1, -0.2), Matrices.row(0.8, -0.5));
        Diagram plain = GateDiagram.lstm(cell);
        Diagram valued = GateDiagram.lstm(cell, X, Matrices.row(0.1, -0.2), Matrices.row(0.8, -0.5));
        SvgXml.check(valued);
        // 4 gates × 2 units + c_{t−1}, c_t, h_{t−1}, h_t × 2 units + x_t × 3 inputs.
        assertEquals(plain.boxes() + 4 * 2 + 4 * 2 + 3, valued.boxes());
        for (DMatrixRMaj m : new DMatrixRMaj[] {s.f(), s.i(), s.cTilde(), s.o(), s.C(), s.H()}) {
            assertTrue(valued.svg().contains(">" + Diagram.format(m.get(0, 0)) + "<"), "value " + m.get(0, 0) + " not drawn");
        }
        assertTrue(valued.svg().contains(Palette.sequential(s.f().get(0, 0))), "the forget gate's colour is its value");
        assertEquals(withoutIds(valued.svg()), withoutIds(GateDiagram.lstm(cell, s).svg()), "a step given or computed draws the same");
    }

    @Test
    void moreUnitsMakeAWiderDrawingWithMoreCells() {
        LstmCell two = LstmCell.random(3, 2, 0.5, 1);
        LstmCell six = LstmCell.random(3, 6, 0.5, 1);
        Diagram a = GateDiagram.lstm(two, X, new DMatrixRMaj(1, 2), new DMatrixRMaj(1, 2));
        Diagram b = GateDiagram.lstm(six, X, new DMatrixRMaj(1, 6), new DMatrixRMaj(1, 6));
        assertTrue(b.boxes() > a.boxes() && b.width() > a.width());
        // Beyond MAX_UNITS the cells stop growing and say how many are left out.
        LstmCell many = LstmCell.random(3, 20, 0.5, 1);
        Diagram c = GateDiagram.lstm(many, X, new DMatrixRMaj(1, 20), new DMatrixRMaj(1, 20));
        assertTrue(c.svg().contains("+12") && c.svg().contains("first 8 of 20"));
    }

    @Test
    void theGruCellWithAndWithoutValues() {
        GruCell cell = GruCell.random(3, 2, 0.5, 1);
        Diagram plain = GateDiagram.gru(cell);
        SvgXml.check(plain);
        for (String s : new String[] {"update zₜ", "reset rₜ", "candidate h̃ₜ", "1−", "b (2, 6)", "hₜ₋₁"}) {
            assertTrue(plain.svg().contains(s), "missing " + s);
        }
        GruCell.Step s = cell.step(X, Matrices.row(0.1, -0.2));
        Diagram valued = GateDiagram.gru(cell, X, Matrices.row(0.1, -0.2));
        SvgXml.check(valued);
        assertEquals(plain.boxes() + 3 * 2 + 2 * 2 + 3, valued.boxes());
        assertTrue(valued.svg().contains(">" + Diagram.format(s.z().get(0, 0)) + "<"));
        assertTrue(valued.description().contains("z = " + Diagram.format(s.z().get(0, 0))));
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GateDiagram.lstm(null)).getMessage().contains("cell is null"));
        LstmCell cell = LstmCell.random(3, 2, 0.5, 1);
        // A wrong input shape is caught by the cell, with its own message naming X_t.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GateDiagram.lstm(cell, Matrices.row(1, 2), new DMatrixRMaj(1, 2), new DMatrixRMaj(1, 2)));
        assertTrue(e.getMessage().contains("X"), e.getMessage());
        LstmCell.Step other = LstmCell.random(3, 4, 0.5, 1).step(X, new DMatrixRMaj(1, 4), new DMatrixRMaj(1, 4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GateDiagram.lstm(cell, other)).getMessage().contains("4 units"));
    }

    static String withoutIds(String svg) {
        return svg.replaceAll("rnnd-[0-9a-f]{8}", "id");
    }
}
