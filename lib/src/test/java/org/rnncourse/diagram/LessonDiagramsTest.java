package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.Activation;
import org.rnncourse.lessons.Architectures;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.Embedding;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.TwoLayerRnn;
import org.rnncourse.lessons.WordOrderDemo;
import org.rnncourse.lessons.WorkedExample;
import org.w3c.dom.Document;

/** The diagrams of lessons 02–06, each drawn from the lesson's own objects and from bigger ones. */
class LessonDiagramsTest {

    @Test
    void lesson02FeedForwardOutputsLookAlikeAndRnnOutputsDiffer() {
        WordOrderDemo demo = WordOrderDemo.create();
        Diagram d = NetworkPictures.feedForwardBesideRnn(demo, WordOrderDemo.SENTENCE_1, WordOrderDemo.SENTENCE_2);
        SvgXml.check(d);
        List<String> ffColours = colours(d.svg(), "y\\[\\d\\]");
        List<String> rnnColours = colours(d.svg(), "y_T\\[\\d\\]");
        assertEquals(4, ffColours.size());
        assertEquals(ffColours.subList(0, 2), ffColours.subList(2, 4), "same average, same output colours");
        assertNotEquals(rnnColours.subList(0, 2), rnnColours.subList(2, 4), "the RNN sees the order");
        Diagram longer = NetworkPictures.feedForwardBesideRnn(demo, "tôi yêu việt nam việt nam", "nam việt yêu tôi");
        SvgXml.check(longer);
        assertTrue(longer.boxes() > d.boxes() && longer.width() > d.width());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NetworkPictures.feedForwardBesideRnn(demo, "", WordOrderDemo.SENTENCE_2)).getMessage().contains("sentence1"));
    }

    @Test
    void lesson03CellDrawsEveryWeightAtItsShape() {
        WorkedExample ex = WorkedExample.create();
        Diagram d = UnrolledRnn.cell(ex.cell(), ex.output());
        SvgXml.check(d);
        // One cell per weight: W_xh 4×3, W_hh 4×4, W_hy 2×4, each with its value as a tooltip.
        assertEquals(12, count(d.svg(), "W_xh\\["));
        assertEquals(16, count(d.svg(), "W_hh\\["));
        assertEquals(8, count(d.svg(), "W_hy\\["));
        assertTrue(d.svg().contains("W_xh[1,2] = " + Diagram.format(ex.cell().Wxh().get(0, 1))));
        assertTrue(d.description().contains("W_xh (4×3)") && d.description().contains("W_hh (4×4)"));
        Rnn bigger = Rnn.random(5, 6, 3, Activation.TANH, Activation.SOFTMAX, 0.1, 1);
        Diagram big = UnrolledRnn.cell(bigger.cell, bigger.output);
        SvgXml.check(big);
        assertTrue(big.boxes() > d.boxes() && big.height() > d.height());
        OutputLayer wrong = OutputLayer.random(5, 2, Activation.SOFTMAX, 0.1, new Random(1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnrolledRnn.cell(ex.cell(), wrong))
                .getMessage().contains("hidden units"));
    }

    @Test
    void lesson03UnrolledShowsEachHtValueAndGrowsWithTheSteps() {
        WorkedExample ex = WorkedExample.create();
        Diagram d = UnrolledRnn.of(ex.rnn, ex.inputRows());
        Document doc = SvgXml.check(d);
        List<DMatrixRMaj> hs = ex.rnn.forward(ex.inputRows()).hiddenStates();
        for (int t = 1; t <= 3; t++) {
            for (int j = 0; j < 4; j++) {
                double v = hs.get(t - 1).get(0, j);
                String cell = "h_" + t + "[" + (j + 1) + "] = " + Diagram.format(v);
                assertTrue(d.svg().contains(cell), cell);
                assertTrue(d.svg().contains("fill=\"" + Palette.diverging(v, UnrolledRnn.valueScale(ex.rnn.forward(ex.inputRows()))) + "\""));
            }
        }
        // The shared weights are marked on every copy: three of each tag for three steps.
        assertEquals(3, count(d.svg(), ">W_hh<"));
        assertEquals(3, count(d.svg(), ">W_xh<"));
        assertTrue(SvgXml.count(doc, "rect", "hidden") >= 3);
        List<DMatrixRMaj> five = new ArrayList<>(ex.inputRows());
        five.add(Matrices.row(1, 0, 0));
        five.add(Matrices.row(0, 0, 1));
        Diagram longer = UnrolledRnn.of(ex.rnn, five);
        SvgXml.check(longer);
        assertTrue(longer.boxes() > d.boxes() && longer.width() > d.width());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UnrolledRnn.of(ex.rnn, List.of()))
                .getMessage().contains("xs is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> UnrolledRnn.of(ex.rnn, List.of(Matrices.zeros(2, 3)))).getMessage().contains("one row"));
    }

    @Test
    void lesson04BatchStepDrawsOneCellPerNumberAndTheProductShapes() {
        Embedding embedding = Embedding.random(8, 4, 0.5, 4);
        List<DMatrixRMaj> batch = embedding.batch(new int[][] {{1, 2, 3, 4}, {3, 4, 2, 1}});
        RnnCell cell = RnnCell.random(4, 3, Activation.TANH, 0.5, 1);
        OutputLayer out = OutputLayer.random(3, 1, Activation.SIGMOID, 0.5, new Random(2));
        Diagram d = BatchStep.of(cell, out, batch.get(0), Matrices.zeros(2, 3));
        SvgXml.check(d);
        // X 2×4, W_ax 4×3, A_prev 2×3, W_aa 3×3, b_a 1×3, A_t 2×3 twice, W_ay 3×1, b_y 1×1, Y 2×1.
        assertEquals(8 + 12 + 6 + 9 + 3 + 6 + 6 + 3 + 1 + 2, d.boxes());
        assertTrue(d.svg().contains("(2×4)·(4×3) → (2×3)"));
        assertTrue(d.svg().contains("(2×3)·(3×3) → (2×3)"));
        assertTrue(d.svg().contains("(2×3)·(3×1) → (2×1)"));
        List<DMatrixRMaj> bigger = embedding.batch(new int[][] {{1, 2}, {3, 4}, {5, 6}, {7, 1}, {2, 2}});
        Diagram big = BatchStep.of(cell, out, bigger.get(0), Matrices.zeros(5, 3));
        SvgXml.check(big);
        assertTrue(big.boxes() > d.boxes() && big.height() > d.height());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchStep.of(cell, out, Matrices.zeros(2, 5), Matrices.zeros(2, 3)));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void lesson04StackSendsEveryHtUpAndGrowsWithTheSteps() {
        TwoLayerRnn stack = TwoLayerRnn.random(4, 3, 2, 1, Activation.SIGMOID, 4);
        List<DMatrixRMaj> batch = Embedding.random(8, 4, 0.5, 4).batch(new int[][] {{1, 2, 3, 4}, {3, 4, 2, 1}});
        Diagram d = StackDiagram.of(stack, batch);
        Document doc = SvgXml.check(d);
        assertEquals(3 * 4 + 1, d.boxes(), "X_t, H_t, K_t per step and one output");
        // Layer 1 returns sequences: one upward arrow from every H_t into layer 2.
        assertEquals(4, SvgXml.count(doc, "polygon", "head-forward"));
        assertTrue(d.svg().contains("(2×3)") && d.svg().contains("(2×2)") && d.svg().contains("(2×4)"));
        List<DMatrixRMaj> six = Embedding.random(8, 4, 0.5, 4).batch(new int[][] {{1, 2, 3, 4, 5, 6}, {3, 4, 2, 1, 1, 1}});
        Diagram longer = StackDiagram.of(stack, six);
        assertTrue(longer.boxes() > d.boxes() && longer.width() > d.width());
    }

    @Test
    void lesson05DrawsEachRunsTimeline() {
        Architectures arch = Architectures.create();
        Diagram d = ArchitectureBoxes.of(arch.all());
        Document doc = SvgXml.check(d);
        // Inputs read: 1 + 1 + 5 + 5 + 5; outputs written: 1 + 3 + 1 + 5 + 3; hidden: 1 + 3 + 5 + 5 + 8.
        assertEquals(17, SvgXml.count(doc, "rect", "input"));
        assertEquals(13, SvgXml.count(doc, "rect", "output"));
        assertEquals(22, SvgXml.count(doc, "rect", "hidden"));
        assertTrue(d.svg().contains("context"));
        Diagram longer = ArchitectureBoxes.of(List.of(arch.encoderDecoder(Architectures.sequence(7), 5)));
        Diagram shorter = ArchitectureBoxes.of(List.of(arch.encoderDecoder(Architectures.sequence(5), 3)));
        SvgXml.check(longer);
        assertTrue(longer.boxes() > shorter.boxes() && longer.width() > shorter.width());
        assertThrows(IllegalArgumentException.class, () -> ArchitectureBoxes.of(List.of()));
    }

    @Test
    void lesson06ArrowWidthsFollowTheMeasuredGradientNorms() {
        Rnn rnn = Rnn.random(3, 4, 2, Activation.TANH, Activation.SOFTMAX, 0.5, 6);
        Random random = new Random(7);
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            xs.add(Matrices.gaussian(1, 3, 1.0, random));
        }
        DMatrixRMaj target = Matrices.oneHotRow(1, 2);
        BpttGraph.Norms norms = BpttGraph.manyToOneNorms(rnn, xs, target, Loss.CROSS_ENTROPY);
        // What reaches A_0 must be the library's own BPTT result, computed independently.
        DMatrixRMaj dA0 = Bptt.manyToOne(rnn, rnn.forward(xs), target, Loss.CROSS_ENTROPY).dA0();
        assertEquals(Matrices.norm(dA0), norms.dA(0), 1e-12);
        assertEquals(0, norms.dWaa(1), 1e-15, "step 1 reads A_0 = 0: no share of dW_aa");
        Diagram d = BpttGraph.manyToOne(rnn, xs, target, Loss.CROSS_ENTROPY);
        Document doc = SvgXml.check(d);
        assertEquals(5, SvgXml.count(doc, "polygon", "head-back"), "loss → A_4, then A_4 → A_3 … A_1 → A_0");
        List<Double> widths = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"back\" [^>]*stroke-width=\"([0-9.]+)\"").matcher(d.svg());
        while (m.find()) {
            widths.add(Double.parseDouble(m.group(1)));
        }
        double max = 0;
        for (double v : norms.dA()) {
            max = Math.max(max, v);
        }
        // In drawing order: dA_4 (from the loss), then dA_3, dA_2, dA_1, dA_0.
        for (int i = 0; i < 5; i++) {
            assertEquals(BpttGraph.width(norms.dA(4 - i), max), widths.get(i), 0.01, "arrow " + i);
        }
        assertEquals(BpttGraph.MAX_WIDTH, widths.stream().mapToDouble(Double::doubleValue).max().getAsDouble(), 0.01);
        assertTrue(d.svg().contains(Diagram.format(norms.dA(3))));
        assertTrue(d.description().contains("‖dA_0‖ = " + Diagram.format(norms.dA(0))), d.description());
        List<DMatrixRMaj> six = new ArrayList<>(xs);
        six.add(Matrices.gaussian(1, 3, 1.0, random));
        six.add(Matrices.gaussian(1, 3, 1.0, random));
        Diagram longer = BpttGraph.manyToOne(rnn, six, target, Loss.CROSS_ENTROPY);
        assertTrue(longer.boxes() > d.boxes() && longer.width() > d.width());
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The fill colours of the value cells whose tooltip starts with {@code name}, in drawing order. */
    private static List<String> colours(String svg, String name) {
        Matcher m = Pattern.compile("<title>" + name + " = [^<]*</title><rect [^>]*fill=\"(#[0-9a-f]{6})\"").matcher(svg);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
