package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnncourse.data.ImdbData;
import org.rnncourse.data.Sequences;
import org.rnncourse.data.TinyImdb;
import org.rnncourse.nn.Sequential;
import org.rnncourse.scratch.CharRnn;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;

class TextHeatTest {
    static final String TEXT = "the cat sat on the mat.\nthe dog sat on the log.\n";

    @TempDir
    static Path dir;
    static ImdbData data;
    static Sequential model;

    @BeforeAll
    static void tinyData() throws Exception {
        data = TinyImdb.load(dir);
        model = new Sequential(3, new Input(10), new Embedding(100, 4), new SimpleRNN(3), new Dense(1, "sigmoid"));
    }

    @Test
    void hiddenActivationsAreTheCellsOwnStates() {
        CharRnn gen = CharRnn.create(TEXT, 6, 1);
        HiddenActivations acts = HiddenActivations.of(gen, "the cat");
        assertEquals(6, acts.units());
        // Recomputed step by step from h_0 = 0 with the model's cell.
        DMatrixRMaj a = new DMatrixRMaj(1, 6);
        int[] ids = gen.encode("the cat");
        double[] unit2 = new double[ids.length];
        for (int t = 0; t < ids.length; t++) {
            a = gen.rnn.cell.step(Matrices.oneHotRow(ids[t], gen.vocabularySize()), a);
            unit2[t] = a.get(0, 2);
        }
        assertArrayEquals(unit2, acts.unit(2), 1e-12);
        int[] top = acts.mostVarying(6);
        assertEquals(6, java.util.Arrays.stream(top).distinct().count(), "every unit once");
        assertThrows(IllegalArgumentException.class, () -> acts.unit(6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HiddenActivations.of(gen, "the cat!"));
        assertTrue(e.getMessage().contains("'!'"), e.getMessage());
    }

    @Test
    void hiddenUnitsColourEveryCharacterOncePerUnit() {
        CharRnn gen = CharRnn.create(TEXT, 6, 1);
        Diagram one = TextHeat.hiddenUnits(gen, TEXT, 0);
        Diagram two = TextHeat.hiddenUnits(gen, TEXT, 0, 3);
        SvgXml.check(two);
        assertEquals(TEXT.length(), one.boxes());
        assertEquals(2 * TEXT.length(), two.boxes());
        assertTrue(two.height() > one.height());
        assertTrue(TextHeat.hiddenUnits(gen, TEXT + TEXT, 0).boxes() > one.boxes());
        double first = HiddenActivations.of(gen, TEXT).unit(3)[0];
        assertTrue(two.svg().contains(Palette.diverging(first, 1)));
        assertTrue(two.svg().contains("⏎"), "a newline shows as a cell");
        assertThrows(IllegalArgumentException.class, () -> TextHeat.hiddenUnits(gen, TEXT));
    }

    @Test
    void occlusionIsTheChangeInProbabilityWhenAWordIsHidden() {
        String review = "the film was great";
        Occlusion o = Occlusion.measure(model, data, review, 10);
        List<Occlusion.Word> words = o.words();
        assertEquals(List.of("the", "film", "was", "great"), words.stream().map(Occlusion.Word::text).toList());
        int[] ids = data.encode(review);    // [1, the, film, was, great]
        double p = model.predict(Sequences.padSequences(new int[][] {ids}, 10)).toArray()[0];
        assertEquals(p, o.probability(), 1e-12);
        for (int j = 1; j < ids.length; j++) {
            int[] hidden = ids.clone();
            hidden[j] = 2;
            double pj = model.predict(Sequences.padSequences(new int[][] {hidden}, 10)).toArray()[0];
            assertEquals(p - pj, words.get(j - 1).influence(), 1e-12, "word " + words.get(j - 1).text());
        }
        assertEquals(0, o.cutWords());
        double strongest = Math.abs(o.strongest(1).get(0).influence());
        for (Occlusion.Word w : words) assertTrue(Math.abs(w.influence()) <= strongest);
    }

    @Test
    void aLongReviewIsMeasuredOnTheWordsTheModelReads() {
        String review = "the film was great the film was bad the film was great";   // 12 words, the model reads 10 ids
        Occlusion o = Occlusion.measure(model, data, review, 10);
        assertEquals(10, o.words().size());
        assertEquals(2, o.cutWords());   // the start marker and the first two words are cut
        assertEquals("was", o.words().get(0).text());
    }

    @Test
    void wordInfluenceDrawsOneCellPerWord() {
        Diagram d = TextHeat.wordInfluence(model, data, "the film was great", 10);
        SvgXml.check(d);
        assertEquals(4, d.boxes());
        assertTrue(d.svg().contains(">great<") && d.title().contains("P(positive)"));
        Diagram longer = TextHeat.wordInfluence(model, data, "the film was great , the acting was bad", 10);
        assertTrue(longer.boxes() > d.boxes());
    }

    @Test
    void occlusionNamesBadInput() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Occlusion.measure(null, data, "great", 10))
                .getMessage().contains("model is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Occlusion.measure(model, data, " ", 10))
                .getMessage().contains("empty"));
        Sequential two = new Sequential(1, new Input(10), new Embedding(100, 4), new SimpleRNN(3), new Dense(2, "softmax"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Occlusion.measure(two, data, "great", 10))
                .getMessage().contains("Dense(1, \"sigmoid\")"));
    }
}
