package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.Shapes;
import tech.tablesaw.api.Table;

/** The five shapes of lesson 05: how many inputs, how many outputs, and of which shape. */
class ArchitecturesTest {
    final Architectures arch = Architectures.create();
    final List<DMatrixRMaj> xs = Architectures.sequence(5);

    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    static void assertClose(DMatrixRMaj a, DMatrixRMaj b) {
        WordOrderDemoTest.assertClose(a, b, 1e-12);
    }

    @Test
    void shapesOfEveryArchitecture() {
        Table t = Architectures.shapes(arch.all());
        assertEquals(5, t.rowCount());
        assertEquals(List.of("1 × (1×3)", "1 × (1×3)", "5 × (1×3)", "5 × (1×3)", "5 × (1×3)"), t.stringColumn("input").asList());
        assertEquals(List.of("1 × (1×2)", "3 × (1×3)", "1 × (1×2)", "5 × (1×2)", "3 × (1×2)"), t.stringColumn("output").asList());
        assertEquals(List.of("x", "x · ·", "x x x x x", "x x x x x", "x x x x x · · ·"), t.stringColumn("reads x at step").asList());
        assertEquals(List.of("y", "y y y", "· · · · y", "y y y y y", "· · · · · y y y"), t.stringColumn("writes y at step").asList());
        for (String app : t.stringColumn("application")) {
            assertFalse(app.isBlank());
        }
    }

    @Test
    void manyToOneIsTheLastOutputOfTheAlignedRun() {
        Architectures.Run aligned = arch.manyToManyAligned(xs);
        Architectures.Run one = arch.manyToOne(xs);
        assertClose(aligned.lastOutput(), one.lastOutput());
        // One-to-one is the first step of the same RNN.
        assertClose(aligned.outputs().get(0), arch.oneToOne(xs.get(0)).lastOutput());
        // Each output depends on the earlier inputs: changing X_1 changes Y_5.
        List<DMatrixRMaj> changed = new java.util.ArrayList<>(xs);
        changed.set(0, Matrices.row(5, -5, 5));
        assertTrue(WordOrderDemo.differ(one.lastOutput(), arch.manyToOne(changed).lastOutput()));
        assertEquals("many-to-one: in 5 × (1×3) → out 1 × (1×2)", one.toString());
        Table outs = Architectures.outputs(one);
        assertEquals(List.of("5"), outs.stringColumn("step").asList());
    }

    @Test
    void oneToManyFeedsEachOutputBack() {
        DMatrixRMaj x = Architectures.input();
        List<DMatrixRMaj> ys = arch.oneToMany(x, 4).outputs();
        assertEquals(4, ys.size());
        DMatrixRMaj a = arch.generator.cell.step(x, Matrices.zeros(1, 4));
        assertClose(arch.generator.output.forward(a), ys.get(0));
        for (int t = 1; t < 4; t++) {
            a = arch.generator.cell.step(ys.get(t - 1), a);
            assertClose(arch.generator.output.forward(a), ys.get(t));
        }
        // The first outputs do not depend on how many follow.
        assertClose(arch.oneToMany(x, 2).lastOutput(), ys.get(1));
    }

    @Test
    void theDecoderStartsFromTheEncodersFinalState() {
        DMatrixRMaj context = arch.context(xs);
        assertEquals("(1×4)", Shapes.of(context));
        assertClose(arch.encoder.forward(xs).a(5), context);
        List<DMatrixRMaj> ys = arch.encoderDecoder(xs, 3).outputs();
        DMatrixRMaj a = arch.decoder.cell.step(Matrices.zeros(1, 2), context);
        assertClose(arch.decoder.output.forward(a), ys.get(0));
        // Any output length, independent of the input length.
        assertEquals(7, arch.encoderDecoder(xs, 7).outputs().size());
        assertEquals(2, arch.encoderDecoder(xs.subList(0, 2), 2).inputs().size());
        // The whole input matters: a different first word changes the translation.
        List<DMatrixRMaj> changed = new java.util.ArrayList<>(xs);
        changed.set(0, Matrices.row(5, -5, 5));
        assertTrue(WordOrderDemo.differ(ys.get(2), arch.encoderDecoder(changed, 3).outputs().get(2)));
    }

    @Test
    void theSameNumbersEveryTime() {
        assertClose(Architectures.create().manyToOne(xs).lastOutput(), arch.manyToOne(Architectures.sequence(5)).lastOutput());
        assertClose(Architectures.sequence(5).get(0), Architectures.input());
    }

    @Test
    void inVietnameseTheTablesAndApplicationsAreVietnameseAndTheNamesStay() {
        Course.setLanguage("vi");
        Table t = Architectures.shapes(arch.all());
        assertEquals("Hình dạng của đầu vào và đầu ra", t.name());
        assertEquals(List.of("kiến trúc", "ứng dụng", "đầu vào", "đầu ra", "đọc x ở bước", "ghi y ở bước"), t.columnNames());
        assertEquals("many-to-one", t.stringColumn("kiến trúc").get(2));
        assertEquals("phân tích cảm xúc: một bài đánh giá → tích cực hay tiêu cực", t.stringColumn("ứng dụng").get(2));
        assertEquals("x x x x x · · ·", t.stringColumn("đọc x ở bước").get(4));
        Architectures.Run one = arch.manyToOne(xs);
        assertEquals("many-to-one: vào 5 × (1×3) → ra 1 × (1×2)", one.toString());
        Table outs = Architectures.outputs(one);
        assertEquals(List.of("bước", "y (đầu ra)"), outs.columnNames());
    }
}
