package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Embedding;
import org.rnncourse.scratch.GradCheck;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.TwoLayerRnn;
import tech.tablesaw.api.Table;

/** The tables lessons 03, 04 and 06 print of from-scratch results. */
class ScratchTablesTest {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    @Test
    void activations() {
        Table t = ScratchTables.activations(-1, 0, 2);
        assertEquals(3, t.rowCount());
        assertEquals(List.of("z", "tanh(z)", "relu(z)", "sigmoid(z)"), t.columnNames());
        assertEquals(Math.round(Math.tanh(-1) * 1e4) / 1e4, t.doubleColumn("tanh(z)").get(0), 1e-12);
        assertEquals(2.0, t.doubleColumn("relu(z)").get(2), 1e-12);
        assertEquals(0.5, t.doubleColumn("sigmoid(z)").get(1), 1e-12);
        assertEquals("give at least one value of z",
                assertThrows(IllegalArgumentException.class, ScratchTables::activations).getMessage());
    }

    @Test
    void embedding() {
        Embedding emb = Embedding.random(10, 4, 1.0, 3);
        Table table = ScratchTables.embedding(emb, List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
        assertEquals("Embedding matrix E (10×4)", table.name());
        assertEquals("h", table.stringColumn("word").get(7));
        assertEquals(Math.round(emb.E.get(7, 3) * 1e4) / 1e4, table.doubleColumn("e[4]").get(7), 1e-12);
        assertEquals("words has 1 entries but the embedding has V = 10 rows: give one word per row",
                assertThrows(IllegalArgumentException.class, () -> ScratchTables.embedding(emb, List.of("a"))).getMessage());
    }

    @Test
    void stack() {
        TwoLayerRnn stack = TwoLayerRnn.random(4, 3, 2, 1, Activation.SIGMOID, 5);
        Table shapes = ScratchTables.stackShapes(stack, 5, 3);
        assertEquals(List.of("X_t", "H_t", "K_t", "Y"), shapes.stringColumn("quantity").asList());
        assertEquals("(5×2)", shapes.stringColumn("shape").get(2));
        assertEquals("sigmoid(K_T·W_ky + b_y)", shapes.stringColumn("computed as").get(3));
        Table params = ScratchTables.stackParameters(stack);
        assertEquals(9, params.rowCount());
        assertEquals(39L, params.longColumn("parameters").get(params.rowCount() - 1));
        assertEquals(9L, params.longColumn("parameters").get(1), "W_hh of layer 1 is (3×3)");
    }

    @Test
    void gradCheckTables() {
        DMatrixRMaj right = Matrices.fromRows(new double[][] {{2, -4}, {1, 6}});
        DMatrixRMaj numerical = Matrices.fromRows(new double[][] {{2, -4}, {1, 6.5}});
        Table side = ScratchTables.sideBySide("W", right, numerical);
        assertEquals(4, side.rowCount());
        assertEquals("W[1,1]", side.stringColumn("entry").get(3));
        assertEquals("-5.0e-01", side.stringColumn("difference").get(3));

        Rnn rnn = Rnn.random(3, 4, 2, Activation.TANH, Activation.SOFTMAX, 0.5, 3);
        List<DMatrixRMaj> xs = List.of(Matrices.row(1, 0, 1), Matrices.row(0, 1, 0), Matrices.row(1, 1, 0));
        var cs = GradCheck.manyToOne(rnn, xs, Matrices.oneHotRow(1, 2), Loss.CROSS_ENTROPY);
        Table table = ScratchTables.gradCheck(cs);
        assertEquals(8, table.rowCount());
        assertEquals(8, table.stringColumn("below 1e-7?").countOccurrences("yes"));
        assertEquals(cs.get(1).name(), table.stringColumn("parameter").get(1));
        assertEquals(4, ScratchTables.sideBySide(cs.get(0)).rowCount() / 3, "W_ax is (3×4): 12 rows");
    }

    @Test
    void inVietnameseTheTitlesColumnsAndVerdictsAreVietnameseAndTheNamesOfQuantitiesStay() {
        Course.setLanguage("vi");
        Table act = ScratchTables.activations(-1, 0, 2);
        assertEquals("Hàm kích hoạt", act.name());
        assertEquals(List.of("z", "tanh(z)", "relu(z)", "sigmoid(z)"), act.columnNames());
        Table emb = ScratchTables.embedding(Embedding.random(2, 3, 1.0, 3), List.of("tôi", "yêu"));
        assertEquals("Ma trận nhúng E (2×3)", emb.name());
        assertEquals(List.of("chỉ số", "từ", "e[1]", "e[2]", "e[3]"), emb.columnNames());

        TwoLayerRnn stack = TwoLayerRnn.random(4, 3, 2, 1, Activation.SIGMOID, 5);
        Table shapes = ScratchTables.stackShapes(stack, 5, 3);
        assertEquals("Hình dạng trong chồng hai tầng (m = 5, T = 3)", shapes.name());
        assertEquals(List.of("đại lượng", "cách tính", "hình dạng", "bao nhiêu"), shapes.columnNames());
        assertEquals(List.of("X_t", "H_t", "K_t", "Y"), shapes.stringColumn("đại lượng").asList());
        assertEquals(List.of("đầu vào", "3 (mỗi bước một)", "1 (bước cuối)"),
                List.of(shapes.stringColumn("cách tính").get(0), shapes.stringColumn("bao nhiêu").get(0),
                        shapes.stringColumn("bao nhiêu").get(3)));
        Table params = ScratchTables.stackParameters(stack);
        assertEquals("Tham số của chồng hai tầng", params.name());
        assertEquals(List.of("trọng số", "hình dạng", "số tham số"), params.columnNames());
        assertEquals("W_ax (tầng 1)", params.stringColumn("trọng số").get(0));
        assertEquals("b_y (đầu ra)", params.stringColumn("trọng số").get(7));
        assertEquals("tổng", params.stringColumn("trọng số").get(8));

        DMatrixRMaj right = Matrices.fromRows(new double[][] {{2, -4}, {1, 6}});
        Table side = ScratchTables.sideBySide("W", right, right);
        assertEquals("W: gradient giải tích và gradient xấp xỉ số", side.name());
        assertEquals(List.of("phần tử", "giải tích", "xấp xỉ số", "hiệu"), side.columnNames());
        Rnn rnn = Rnn.random(3, 4, 2, Activation.TANH, Activation.SOFTMAX, 0.5, 3);
        List<DMatrixRMaj> xs = List.of(Matrices.row(1, 0, 1), Matrices.row(0, 1, 0));
        Table check = ScratchTables.gradCheck(GradCheck.manyToOne(rnn, xs, Matrices.oneHotRow(1, 2), Loss.CROSS_ENTROPY));
        assertEquals("Kiểm tra gradient", check.name());
        assertEquals(List.of("tham số", "hình dạng", "‖giải tích‖", "‖xấp xỉ số‖", "sai số tương đối", "dưới 1e-7?"),
                check.columnNames());
        assertEquals(check.rowCount(), check.stringColumn("dưới 1e-7?").countOccurrences("có"));
        assertEquals("hãy đưa vào ít nhất một giá trị của z",
                assertThrows(IllegalArgumentException.class, ScratchTables::activations).getMessage());
        assertEquals("words có 1 phần tử nhưng ma trận nhúng có V = 2 hàng: hãy đưa mỗi hàng một từ",
                assertThrows(IllegalArgumentException.class,
                        () -> ScratchTables.embedding(Embedding.random(2, 3, 1.0, 3), List.of("tôi"))).getMessage());
    }
}
