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

    @Test
    void runLinesAndTheSummarySpeakTheLearnersLanguageAndKeepTheNumbers() {
        ClippingDemo.Run plain = new ClippingDemo.Run("SGD(0.5)", List.of(2.0, 3e4), 3, "diverged");
        ClippingDemo.Run clipped = new ClippingDemo.Run("SGD(0.5), clipnorm=1.0", List.of(2.0, 1.0, 0.5), 0, "");
        assertEquals("SGD(0.5): 2 epochs, first loss 2.000, last finite loss 3.000e+04, diverged at epoch 3 "
                + "(the loss became infinite or NaN)", plain.toString());
        assertEquals("SGD(0.5), clipnorm=1.0: 3 epochs, first loss 2.000, last finite loss 0.5000, final loss 0.5000", clipped.toString());
        assertEquals("SGD(0.5): first loss 2.0e+00, then ×1.5e+04 to ×1.5e+04 per epoch, diverged at epoch 3. "
                + "Lowest final loss of the clipped runs: SGD(0.5), clipnorm=1.0 (0.5000).", ClippingDemo.summary(plain, clipped));
        Course.setLanguage("vi");
        assertEquals("SGD(0.5): 2 epoch, mất mát đầu tiên 2.000, mất mát hữu hạn cuối cùng 3.000e+04, phân kỳ ở epoch 3 "
                + "(mất mát thành vô cực hoặc NaN)", plain.toString());
        assertEquals("SGD(0.5), clipnorm=1.0: 3 epoch, mất mát đầu tiên 2.000, mất mát hữu hạn cuối cùng 0.5000, mất mát cuối cùng 0.5000",
                clipped.toString());
        assertEquals("SGD(0.5): mất mát đầu tiên 2.0e+00, rồi tăng ×1.5e+04 đến ×1.5e+04 mỗi epoch, phân kỳ ở epoch 3. "
                + "Mất mát cuối cùng thấp nhất trong các lần chạy có cắt gradient: SGD(0.5), clipnorm=1.0 (0.5000).",
                ClippingDemo.summary(plain, clipped));
        assertEquals("SGD(0.5): mất mát đầu tiên 2.0e+00, rồi tăng ×1.5e+04 đến ×1.5e+04 mỗi epoch, phân kỳ ở epoch 3. "
                + "Mọi lần chạy có cắt gradient cũng đều phân kỳ.", ClippingDemo.summary(plain, plain));
        assertEquals("recurrentScale phải là một số dương, nhận được -1.0", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ClippingDemo.model(new SGD(0.5), -1)).getMessage());
    }
}
