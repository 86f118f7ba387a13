package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnncourse.Course;
import org.rnncourse.OutputInLanguage;
import org.rnncourse.data.TinyImdb;
import org.rnncourse.lessons.Architectures;
import org.rnncourse.lessons.CharRnn;
import org.rnncourse.lessons.WordOrderDemo;
import org.rnncourse.lessons.WorkedExample;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.GradientFlow;
import org.rnncourse.scratch.GruCell;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.LstmCell;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.TwoLayerRnn;

/**
 * The words a diagram carries (title, description, headings, legends, tooltips) follow the
 * course's language: each diagram is drawn in English and in Vietnamese from the same objects,
 * the Vietnamese one is still well-formed with the same boxes, says the lesson's Vietnamese
 * phrases, keeps the symbols and figures, and has none of the English phrases left.
 */
class DiagramsInVietnameseTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    /** Both drawings of {@code make}; asserts the structure is the same and the words are not. */
    private static Diagram[] both(Supplier<Diagram> make) {
        Diagram en = OutputInLanguage.in("en", make);
        Diagram vi = OutputInLanguage.vietnamese(make);
        SvgXml.check(en);
        SvgXml.check(vi);
        assertEquals(en.boxes(), vi.boxes(), "the same boxes in both languages");
        assertNotEquals(en.title(), vi.title(), "the title is translated: " + vi.title());
        assertNotEquals(en.description(), vi.description(), "the description is translated");
        return new Diagram[] {en, vi};
    }

    private static void says(Diagram d, String... phrases) {
        String all = d.title() + "\n" + d.description() + "\n" + d.svg();
        for (String p : phrases) assertTrue(all.contains(p), "missing \"" + p + "\" in " + d.title());
    }

    private static void doesNotSay(Diagram d, String... phrases) {
        String all = d.title() + "\n" + d.description() + "\n" + d.svg();
        for (String p : phrases) assertFalse(all.contains(p), "English left: \"" + p + "\" in " + d.title());
    }

    @Test
    void lesson02FeedForwardBesideRnn() {
        WordOrderDemo demo = WordOrderDemo.create();
        Diagram[] d = both(() -> NetworkPictures.feedForwardBesideRnn(demo, WordOrderDemo.SENTENCE_1, WordOrderDemo.SENTENCE_2));
        says(d[0], "Feed-forward: one input", "output y_T", "output value");
        says(d[1], "Truyền thẳng: một đầu vào", "đầu ra y_T", "giá trị đầu ra", "mạng truyền thẳng (feedforward network)",
                "\"" + WordOrderDemo.SENTENCE_1 + "\"");
        doesNotSay(d[1], "Feed-forward", "output", "average", "Recurrent");
    }

    @Test
    void lesson03CellAndUnrolledRnn() {
        WorkedExample ex = WorkedExample.create();
        Diagram[] cell = both(() -> UnrolledRnn.cell(ex.cell(), ex.output()));
        says(cell[1], "Ô RNN với các ma trận", "W_xh (4×3)", "W_hh (4×4)", "bước sau: h_t trở thành h_t-1", "giá trị trọng số");
        doesNotSay(cell[1], "next step", "weight value", "multiplied");
        Diagram[] unrolled = both(() -> UnrolledRnn.of(ex.rnn, ex.inputRows()));
        says(unrolled[0], "Unrolled over 3 steps: one cell, used 3 times", "Shared by every step");
        says(unrolled[1], "Trải qua 3 bước: một ô, dùng 3 lần", "Mọi bước dùng chung (nhãn tím): W_xh", "giá trị h_t, y_t",
                "Các trạng thái ẩn: h_1 = ");
        doesNotSay(unrolled[1], "Unrolled", "Shared by", "Hidden states", "value");
    }

    @Test
    void lesson04BatchStepAndStack() {
        RnnCell cell = RnnCell.random(4, 3, Activation.TANH, 0.5, 1);
        OutputLayer out = OutputLayer.random(3, 1, Activation.SIGMOID, 0.5, new Random(2));
        DMatrixRMaj x = org.rnncourse.scratch.Embedding.random(8, 4, 0.5, 4).batch(new int[][] {{1, 2, 3, 4}, {3, 4, 2, 1}}).get(0);
        Diagram[] batch = both(() -> BatchStep.of(cell, out, x, Matrices.zeros(2, 3)));
        says(batch[1], "Một bước trên lô: m = 2 mẫu, n_x = 4, n_a = 3, n_y = 1", "(2×4)·(4×3) → (2×3)", "mọi hàng",
                "X_t (2×4) nhân W_ax (4×3) được (2×3)");
        doesNotSay(batch[1], "each row", "One cell per number", "examples", "times W_");
        TwoLayerRnn stack = TwoLayerRnn.random(4, 3, 2, 1, Activation.SIGMOID, 4);
        List<DMatrixRMaj> xs = org.rnncourse.scratch.Embedding.random(8, 4, 0.5, 4).batch(new int[][] {{1, 2, 3, 4}, {3, 4, 2, 1}});
        Diagram[] stacked = both(() -> StackDiagram.of(stack, xs));
        says(stacked[0], "layer 2", "only K_4 → output layer");
        says(stacked[1], "tầng 2", "tầng 1", "đầu vào", "return sequences: cả 4 H_t đi lên", "chỉ K_4 → tầng đầu ra",
                "là đầu vào của tầng 2 ở bước t");
        doesNotSay(stacked[1], "layer 2", "inputs", "only K_", "Blue arrows");
    }

    @Test
    void lesson05ArchitectureBoxes() {
        Architectures arch = Architectures.create();
        Diagram[] d = both(() -> ArchitectureBoxes.of(arch.all()));
        says(d[0], "encoder", "decoder", "context h_T", "green: input read at that step");
        says(d[1], "bộ mã hóa", "bộ giải mã", "ngữ cảnh h_T", "xanh lá: đầu vào đọc ở bước đó", "Một-một, một-nhiều",
                ": đọc 1, ghi 1.");
        doesNotSay(d[1], "context h_T", "green:", "side by side", ": reads ");
    }

    @Test
    void lesson06BpttGraphAndGradientStrips() {
        Rnn rnn = Rnn.random(3, 4, 2, Activation.TANH, Activation.SOFTMAX, 0.5, 6);
        Random random = new Random(7);
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int t = 0; t < 4; t++) xs.add(Matrices.gaussian(1, 3, 1.0, random));
        DMatrixRMaj target = Matrices.oneHotRow(1, 2);
        BpttGraph.Norms norms = BpttGraph.manyToOneNorms(rnn, xs, target, Loss.CROSS_ENTROPY);
        Diagram[] d = both(() -> BpttGraph.manyToOne(rnn, xs, target, Loss.CROSS_ENTROPY));
        says(d[1], "Lan truyền ngược theo thời gian trên RNN đã trải ra", "‖dA_0‖ = " + Diagram.format(norms.dA(0)),
                "Phần đóng góp của mỗi bước vào dW_aa: bước 1 ", "‖dW_aa từ 4‖ = " + Diagram.format(norms.dWaa(4)),
                "giá trị A_t, y_t");
        doesNotSay(d[1], "Backward, in red", "share of", "from step", "Red:");
        GradientFlow.Measurement small = GradientFlow.measure(0.5, 100, 1);
        GradientFlow.Measurement large = GradientFlow.measure(3.0, 100, 1);
        Diagram[] strips = both(() -> GradientStrip.of(small, large));
        says(strips[1], "T = 100", "chuỗi đã trải ra", "hàm mất mát L chỉ đọc h_100", "W_aa scale 0.5: từ ",
                "mỗi bước", "xanh: gradient biến mất (10^−");
        doesNotSay(strips[1], "per step", "unrolled chain", "vanished", "at step");
    }

    @Test
    void lesson08ModelDiagram() {
        Sequential m = new Sequential(1, new Input(10, 32), SimpleRNN.builder(64).returnSequences(true).build(),
                new SimpleRNN(32), new Dense(10, "softmax"));
        Diagram[] d = both(() -> ModelDiagram.plotModel(m, true));
        says(d[1], "Sơ đồ mô hình \"sequential\" (plot_model, show_shapes=True): (None, 10, 32) → (None, 10)",
                "dữ liệu đi từ trên xuống", "simple_rnn_1 (SimpleRNN), đầu vào (None, 10, 64), đầu ra (None, 32)",
                "6,208 tham số", "Tổng cộng ");
        doesNotSay(d[1], "Model diagram", "data flows", " params", "; then ");
        assertEquals("Sơ đồ: " + d[1].title(), OutputInLanguage.vietnamese(d[1]::toString));
    }

    @Test
    void lesson10GateDiagramsAndBidirectional() {
        LstmCell lstm = LstmCell.random(3, 2, 0.5, 1);
        DMatrixRMaj x = Matrices.row(1.0, -0.5, 0.3);
        Diagram[] l = both(() -> GateDiagram.lstm(lstm, x, Matrices.row(0.1, -0.2), Matrices.row(0.8, -0.5)));
        says(l[1], "quên fₜ", "vào iₜ", "ứng viên c̃ₜ", "ra oₜ", "trạng thái ô nhớ: cₜ", "W (3, 8), U (2, 8), b (1, 8): 48 trọng số",
                "Giá trị của bước này, đơn vị đầu tiên: f = ", "giá trị cổng: 0 đóng … 1 mở");
        doesNotSay(l[1], "forget", "candidate", "weights", "gate value", "first unit");
        GruCell gru = GruCell.random(3, 2, 0.5, 1);
        Diagram[] g = both(() -> GateDiagram.gru(gru));
        says(g[1], "cập nhật zₜ", "đặt lại rₜ", "ứng viên h̃ₜ", "b (2, 6)", "σ: một cổng");
        doesNotSay(g[1], "update zₜ", "reset rₜ", "every gate reads both");
        Bidirectional bi = new Bidirectional(new LSTM(8));
        new Sequential(1, new Input(5, 3), bi);
        Diagram[] b = both(() -> BidirectionalDiagram.of(bi));
        says(b[0], "output (16) per example");
        says(b[1], "đầu ra (16) cho mỗi mẫu", "Bidirectional(LSTM(8)) trên 5 bước", "chiều xuôi →", "← chiều ngược",
                "bản chiều ngược", "16 số", "trọng số riêng");
        doesNotSay(b[1], "per example", "forward →", "numbers", "weights each");
    }

    @Test
    void lesson11HiddenUnitsAndWordInfluence() throws Exception {
        CharRnn gen = CharRnn.create("the cat sat on the mat.\nthe dog sat on the log.\n", 6, 1);
        Diagram[] units = both(() -> TextHeat.hiddenUnits(gen, "the cat", 0, 3));
        says(units[1], "Các đơn vị ẩn của mô hình ký tự trên 7 ký tự", "(tổng cộng 6 đơn vị)", "đơn vị 3: từ ",
                "&#39;t&#39; → đơn vị 0 = ", "Các đơn vị được vẽ: 0, 3.");
        doesNotSay(units[1], "Hidden units", "unit 3", "value of the unit");
        assertEquals("HiddenActivations(7 ký tự × 6 đơn vị)",
                OutputInLanguage.vietnamese(() -> HiddenActivations.of(gen, "the cat").toString()));
        var data = TinyImdb.load(dir);
        Sequential model = new Sequential(3, new Input(10), new Embedding(100, 4), new SimpleRNN(3), new Dense(1, "sigmoid"));
        Diagram[] words = both(() -> TextHeat.wordInfluence(model, data, "the film was great the film was bad the film was great", 10));
        says(words[1], "Những từ nào làm dự đoán thay đổi: P(positive) = ", "2 từ đầu bị cắt (mô hình đọc các từ cuối)", "Mạnh nhất: ", ">great<",
                "bỏ từ này thì P = ");
        doesNotSay(words[1], "Which words", "words are cut", "without it", "The strongest");
        Occlusion o = Occlusion.measure(model, data, "the film was great", 10);
        String en = o.toString(), vi = OutputInLanguage.vietnamese(o::toString);
        assertTrue(en.startsWith("Occlusion(P(positive) = ") && en.contains(", 4 words; strongest: "), en);
        assertEquals(en.replace(" words; strongest: ", " từ; mạnh nhất: "), vi);
    }
}
