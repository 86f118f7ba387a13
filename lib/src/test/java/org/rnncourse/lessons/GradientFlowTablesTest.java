package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.GradientFlow;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/** Lesson 09's tables and plots of GradientFlow's numbers. */
class GradientFlowTablesTest {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    @Test
    void simulationTables() {
        Table t = GradientFlowTables.simulationTable(50, 0.9, 1.0, 1.1);
        assertEquals(51, t.rowCount());
        assertEquals(List.of("step", "factor 0.9", "factor 1.0", "factor 1.1"), t.columnNames());
        assertEquals(GradientFlow.simulate(50, 1.1)[50], t.doubleColumn("factor 1.1").get(50));
        Table s = GradientFlowTables.simulationSummary(50, 10, 0.9, 1.0, 1.1);
        assertEquals("5.15e-03", s.stringColumn("factor 0.9").get(5));
        assertEquals("1.17e+02", s.stringColumn("factor 1.1").get(5));
    }

    @Test
    void plotsHaveALogAxis() {
        Figure f = GradientFlowTables.simulationPlot(50, 0.9, 1.0, 1.1);
        assertEquals(3, f.getTraces().length);
        String js = f.asJavascript("x");
        assertTrue(js.contains("type: 'log'") || js.contains("\"log\"") || js.contains("'log'"), js.substring(0, 400));
        assertTrue(js.contains("vanishing (0.9)"));
    }

    @Test
    void measuredTableAndPlot() {
        GradientFlow.Measurement small = GradientFlow.measure(0.5, 100, 1);
        GradientFlow.Measurement large = GradientFlow.measure(3.0, 100, 1);
        Table table = GradientFlowTables.measuredTable(10, small, large);
        assertEquals(11, table.rowCount());          // t = 100, 90, …, 10 and 1
        assertEquals(1, table.intColumn("t").get(10));
        assertEquals(String.format(java.util.Locale.ROOT, "%.2e", small.gradientNorm(1)),
                table.stringColumn("‖∂L/∂h_t‖, " + small.label()).get(10));
        assertEquals(2, GradientFlowTables.measuredPlot(small, large).getTraces().length);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GradientFlowTables.measuredTable(10))
                .getMessage().contains("at least one Measurement"));
    }

    @Test
    void clippingTableShowsWhatEachOptionDoes() {
        Table t = GradientFlowTables.clippingTable(List.of(new double[] {3, -4}, new double[] {12}), 1.0, 0.5, 1.0);
        assertEquals(4, t.rowCount());
        assertEquals(13.0, t.doubleColumn("joint norm").get(0));
        assertEquals(Math.round(Math.sqrt(2) * 1e4) / 1e4, t.doubleColumn("joint norm").get(1));  // clipnorm: each to 1
        assertEquals(1.0, t.doubleColumn("joint norm").get(2));                                   // global: all to 1
        assertEquals(0.866, t.doubleColumn("joint norm").get(3));                                 // clipvalue
        assertEquals(List.of("yes", "no", "yes", "no"), t.stringColumn("direction kept?").asList());
        assertEquals("(0.2308, -0.3077 | 0.9231)", t.stringColumn("gradient").get(2));
        assertEquals(List.of("none (original)", "clipnorm=1.0", "globalClipnorm=1.0", "clipvalue=0.5"),
                t.stringColumn("option").asList());
    }

    @Test
    void inVietnameseTitlesColumnsAndLabelsAreVietnameseAndKerasOptionsStay() {
        Course.setLanguage("vi");
        Table t = GradientFlowTables.simulationTable(5, 0.9, 1.1);
        assertEquals("Gradient nhân với một thừa số ở mỗi bước", t.name());
        assertEquals(List.of("bước", "thừa số 0.9", "thừa số 1.1"), t.columnNames());
        Table s = GradientFlowTables.simulationSummary(50, 10, 0.9);
        assertEquals("Gradient sau k bước: thừa số^k", s.name());
        assertEquals("5.15e-03", s.stringColumn("thừa số 0.9").get(5));
        String js = GradientFlowTables.simulationPlot(50, 0.9, 1.0, 1.1).asJavascript("x");
        for (String label : new String[] {"biến mất (0.9)", "ổn định (1.0)", "bùng nổ (1.1)",
                "Dòng gradient: một thừa số cho mỗi bước thời gian", "số bước thời gian lùi lại", "độ lớn của gradient (thang log)"}) {
            assertTrue(js.contains(label), label);
        }
        GradientFlow.Measurement small = GradientFlow.measure(0.5, 20, 1);
        Table m = GradientFlowTables.measuredTable(10, small);
        assertEquals("Chuẩn gradient đo được ở mỗi bước thời gian (hàm mất mát nhiều-một tại t = 20)", m.name());
        assertEquals(List.of("t", "số bước lùi lại"), m.columnNames().subList(0, 2));
        assertTrue(GradientFlowTables.measuredPlot(small).asJavascript("x").contains("‖∂L/∂h_t‖ trong một RNN thật"));
        assertEquals("hãy đưa vào ít nhất một Measurement từ GradientFlow.measure",
                assertThrows(IllegalArgumentException.class, () -> GradientFlowTables.measuredTable(10)).getMessage());
        assertEquals("các phép đo có T khác nhau (20 và 30): hãy đo chúng trên các chuỗi cùng độ dài",
                assertThrows(IllegalArgumentException.class,
                        () -> GradientFlowTables.measuredPlot(small, GradientFlow.measure(0.5, 30, 1))).getMessage());

        Table c = GradientFlowTables.clippingTable(List.of(new double[] {3, -4}, new double[] {12}), 1.0, 0.5, 1.0);
        assertEquals("Một gradient, ba cách cắt", c.name());
        assertEquals(List.of("tùy chọn", "gradient", "chuẩn gradient của từng trọng số", "chuẩn chung", "cosin với bản gốc",
                "giữ hướng?"), c.columnNames());
        assertEquals(List.of("có", "không", "có", "không"), c.stringColumn("giữ hướng?").asList());
        assertEquals(List.of("không cắt (bản gốc)", "clipnorm=1.0", "globalClipnorm=1.0", "clipvalue=0.5"),
                c.stringColumn("tùy chọn").asList());
    }
}
