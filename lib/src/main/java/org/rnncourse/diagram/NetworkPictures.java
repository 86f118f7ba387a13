package org.rnncourse.diagram;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Shapes;
import org.rnncourse.lessons.WordOrderDemo;

/**
 * Lesson 02's picture: a feed-forward network beside a recurrent one, both reading the same words
 * in two orders. The feed-forward network reads one average of the word vectors, so its output
 * cells come out the same colour for both orders; the RNN reads one word per step and its output
 * cells differ. The numbers are those of the learner's {@link WordOrderDemo}.
 */
public final class NetworkPictures {
    private static final double WORD_W = 66, WORD_H = 24, GAP = 14, CELL = 44, CELL_H = 22;

    private NetworkPictures() {}

    /** Both networks of {@code demo}, each reading {@code sentence1} and {@code sentence2}. */
    public static Diagram feedForwardBesideRnn(WordOrderDemo demo, String sentence1, String sentence2) {
        Shapes.requireNonNull("demo", demo, "a WordOrderDemo (WordOrderDemo.create())");
        List<String> w1 = words(sentence1, "sentence1"), w2 = words(sentence2, "sentence2");
        demo.indices(sentence1);   // unknown words: the demo's own clear error, before anything is drawn
        demo.indices(sentence2);
        int T = Math.max(w1.size(), w2.size());
        double labelW = 20;
        double wordsW = T * (WORD_W + GAP);
        double xFirst = labelW + 10;
        // The feed-forward row: words → average → dense layer → y. The RNN row: words → h_1 … h_T → y.
        double xAvg = xFirst + wordsW + 30, xDense = xAvg + 110, xOut = xDense + 150;
        int ny = demo.rnn.output.nY;
        double width = xOut + ny * CELL + 30;
        double ffTop = 50, rnnTop = ffTop + 2 * 62 + 70;
        double height = rnnTop + 2 * 112 + 66;
        List<DMatrixRMaj> outs = new ArrayList<>();
        DMatrixRMaj ff1 = demo.feedForwardOutput(sentence1), ff2 = demo.feedForwardOutput(sentence2);
        DMatrixRMaj r1 = demo.rnnOutput(sentence1), r2 = demo.rnnOutput(sentence2);
        outs.addAll(List.of(ff1, ff2, r1, r2));
        double scale = Cells.maxAbs(outs);
        String desc = Messages.get("out.pictures.desc", sentence1, sentence2, UnrolledRnn.values(ff1), UnrolledRnn.values(ff2),
                UnrolledRnn.values(r1), UnrolledRnn.values(r2));
        Svg s = new Svg(width, height, Messages.get("out.pictures.title"), desc);
        s.text(16, 28, Messages.get("out.pictures.feedForward"), "title");
        ffRow(s, demo, w1, sentence1, ffTop + 12, xFirst, xAvg, xDense, xOut, scale, ff1);
        ffRow(s, demo, w2, sentence2, ffTop + 12 + 62, xFirst, xAvg, xDense, xOut, scale, ff2);
        s.text(16, rnnTop - 12, Messages.get("out.pictures.recurrent"), "title");
        rnnRow(s, demo, w1, sentence1, rnnTop, xFirst, xOut, scale, r1);
        rnnRow(s, demo, w2, sentence2, rnnTop + 112, xFirst, xOut, scale, r2);
        s.textMiddle(xOut + ny * CELL / 2, ffTop + 2, Messages.get("out.pictures.output"), "heading");
        s.textMiddle(xOut + ny * CELL / 2, rnnTop + 6, Messages.get("out.pictures.outputLast"), "heading");
        s.text(16, height - 14, Messages.get("out.pictures.note"), "note");
        s.divergingLegend(width - 190, height - 58, 160, scale, Messages.get("out.pictures.legend"));
        return s.build();
    }

    private static List<String> words(String sentence, String name) {
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException(name + " is empty: pass a sentence such as \"" + WordOrderDemo.SENTENCE_1 + "\"");
        }
        return WordOrderDemo.words(sentence);
    }

    private static void ffRow(Svg s, WordOrderDemo demo, List<String> words, String sentence, double y, double x0,
                              double xAvg, double xDense, double xOut, double scale, DMatrixRMaj out) {
        for (int i = 0; i < words.size(); i++) {
            double x = x0 + i * (WORD_W + GAP);
            word(s, x, y, words.get(i));
            // Every word goes straight into the average: there are no steps, so no order.
            s.line(x + WORD_W / 2, y + WORD_H, x + WORD_W / 2, y + WORD_H + 10, "dashed");
        }
        double lastX = x0 + (words.size() - 1) * (WORD_W + GAP) + WORD_W / 2;
        s.path("M " + Palette.num(x0 + WORD_W / 2) + " " + Palette.num(y + WORD_H + 10) + " L "
                + Palette.num(lastX) + " " + Palette.num(y + WORD_H + 10), "dashed");
        s.arrow(lastX, y + WORD_H + 10, xAvg - 4, y + WORD_H / 2 + 8, "arrow");
        s.roundRect(xAvg, y - 2, 96, WORD_H + 4, 6, "input");
        s.textMiddle(xAvg + 48, y + 16, Messages.get("out.pictures.average", Shapes.of(1, demo.embedding.dimension())), "small");
        s.arrow(xAvg + 98, y + WORD_H / 2, xDense - 4, y + WORD_H / 2, "arrow");
        s.roundRect(xDense, y - 2, 130, WORD_H + 4, 6, "dense");
        s.textMiddle(xDense + 65, y + 16, Messages.get("out.pictures.dense", demo.feedForward.f, Shapes.of(1, demo.feedForward.nHidden)), "small");
        s.arrow(xDense + 132, y + WORD_H / 2, xOut - 4, y + WORD_H / 2, "arrow");
        Cells.grid(s, xOut, y + 1, out, CELL, CELL_H, scale, true, "y");
    }

    private static void rnnRow(Svg s, WordOrderDemo demo, List<String> words, String sentence, double y, double x0,
                               double xOut, double scale, DMatrixRMaj out) {
        double hY = y + 14, wY = y + 70;
        for (int i = 0; i < words.size(); i++) {
            double x = x0 + i * (WORD_W + GAP);
            word(s, x, wY, words.get(i));
            s.arrow(x + WORD_W / 2, wY - 2, x + WORD_W / 2, hY + WORD_H + 4 + 2, "arrow");
            s.roundRect(x, hY, WORD_W, WORD_H + 4, 6, "hidden");
            s.textMiddle(x + WORD_W / 2, hY + 18, "h_" + (i + 1), "small");
            if (i > 0) {
                s.arrow(x - GAP + 1, hY + WORD_H / 2 + 2, x - 1, hY + WORD_H / 2 + 2, "recurrent", 1.8);
            }
        }
        double lastRight = x0 + (words.size() - 1) * (WORD_W + GAP) + WORD_W;
        s.arrow(lastRight + 2, hY + WORD_H / 2 + 2, xOut - 4, hY + WORD_H / 2 + 2, "arrow");
        s.textMiddle((lastRight + xOut) / 2, hY + 4, "W_hy, " + demo.rnn.output.g, "note");
        Cells.grid(s, xOut, hY + 3, out, CELL, CELL_H, scale, true, "y_T");
        s.text(x0, wY + WORD_H + 18, "\"" + sentence + "\"", "note");
    }

    private static void word(Svg s, double x, double y, String word) {
        s.roundRect(x, y, WORD_W, WORD_H, 5, "box");
        s.textMiddle(x + WORD_W / 2, y + 16, word, "small");
    }
}
