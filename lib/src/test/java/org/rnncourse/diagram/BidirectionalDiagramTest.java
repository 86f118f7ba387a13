package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.SimpleRNN;

class BidirectionalDiagramTest {
    @Test
    void aLongSequenceShowsItsEndsAndTheTwoFinalStates() {
        Bidirectional bi = new Bidirectional(new SimpleRNN(64));
        new Sequential(1, new Input(200), new Embedding(10000, 128), bi, new Dense(1, "sigmoid"));
        Diagram d = BidirectionalDiagram.of(bi);
        SvgXml.check(d);
        // Five steps shown (1, 2, 3, 199, 200), three boxes each, and the one output.
        assertEquals(5 * 3 + 1, d.boxes());
        for (String s : new String[] {"x₂₀₀", "→h₁₉₉", "←h₁", "[→h₂₀₀ ; ←h₁]", "128 numbers", "12,352 weights each",
                "forward_simple_rnn", "backward_simple_rnn", "…"}) {
            assertTrue(d.svg().contains(s), "missing " + s);
        }
    }

    @Test
    void withReturnSequencesEveryStepHasAnOutputAndMoreStepsMoreBoxes() {
        Bidirectional three = new Bidirectional(LSTM.builder(8).returnSequences(true).build());
        new Sequential(1, new Input(3, 4), three);
        Bidirectional five = new Bidirectional(LSTM.builder(8).returnSequences(true).build());
        new Sequential(1, new Input(5, 4), five);
        Diagram a = BidirectionalDiagram.of(three);
        Diagram b = BidirectionalDiagram.of(five);
        SvgXml.check(b);
        assertEquals(3 * 4, a.boxes());
        assertEquals(5 * 4, b.boxes());
        assertTrue(b.width() > a.width());
        assertTrue(b.svg().contains("output (5, 16) per example") && b.description().contains("LSTM(8)"));
    }

    @Test
    void anUnbuiltLayerNeedsItsSteps() {
        Bidirectional bi = new Bidirectional(new SimpleRNN(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BidirectionalDiagram.of(bi));
        assertTrue(e.getMessage().contains("not built"), e.getMessage());
        assertEquals(4 * 3 + 1, BidirectionalDiagram.of(bi, 4).boxes());
        assertThrows(IllegalArgumentException.class, () -> BidirectionalDiagram.of(bi, 0));
    }
}
