package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.nn.optimizers.SGD;
import tech.tablesaw.api.Table;

/** Lesson 09's training run with and without clipping. */
class ClippingDemoTest {
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    @Test
    void clippingDemoDivergesWithoutClippingAndTrainsWithIt() {
        ClippingDemo.Run plain = ClippingDemo.train("SGD(0.5)", new SGD(0.5), 2.0, 30);
        ClippingDemo.Run clipped = ClippingDemo.train("SGD(0.5, clipnorm=1.0)", new SGD(0.5).clipnorm(1.0), 2.0, 30);
        assertTrue(plain.diverged(), plain.toString());
        assertTrue(plain.message().contains("diverged"));
        assertFalse(clipped.diverged(), clipped.toString());
        assertEquals(30, clipped.losses().size());
        assertTrue(Double.isFinite(clipped.lastLoss()) && clipped.lastLoss() < clipped.firstLoss(), clipped.toString());
        Table t = ClippingDemo.table(plain, clipped);
        assertEquals(30, t.rowCount());
        assertEquals("diverged (inf/NaN)", t.stringColumn(1).get(plain.divergedAtEpoch() - 1));
    }

    @Test
    void tablesAndPlotSpeakTheLearnersLanguageAndKeepTheRunsLabels() {
        ClippingDemo.Run plain = new ClippingDemo.Run("SGD(0.5)", List.of(2.0, 3e4), 3, "diverged");
        ClippingDemo.Run clipped = new ClippingDemo.Run("SGD(0.5), clipnorm=1.0", List.of(2.0, 1.0, 0.5), 0, "");
        Table en = ClippingDemo.table(plain, clipped);
        assertEquals("Training loss per epoch", en.name());
        assertEquals(List.of("epoch", "loss, SGD(0.5)", "loss, SGD(0.5), clipnorm=1.0"), en.columnNames());
        Course.setLanguage("vi");
        Table vi = ClippingDemo.table(plain, clipped);
        assertEquals("Giá trị mất mát huấn luyện theo từng epoch", vi.name());
        assertEquals(List.of("epoch", "mất mát, SGD(0.5)", "mất mát, SGD(0.5), clipnorm=1.0"), vi.columnNames());
        assertEquals("phân kỳ (inf/NaN)", vi.stringColumn(1).get(2));
        String js = ClippingDemo.plot(plain, clipped).asJavascript("x");
        assertTrue(js.contains("Giá trị mất mát huấn luyện khi có và không có cắt gradient") && js.contains("mất mát MSE (thang log)"), js);
        Table norms = ClippingDemo.normsTable("Bảng", List.of("dense/kernel"), Map.of("tính ra", List.of(new double[] {3, 4})));
        assertEquals(List.of("trọng số", "chuẩn, tính ra"), norms.columnNames());
        assertEquals(List.of("dense/kernel", "tất cả gộp lại (chuẩn chung)"), norms.stringColumn("trọng số").asList());
        assertEquals(5.0, norms.doubleColumn(1).get(1), 1e-12);
    }
}
