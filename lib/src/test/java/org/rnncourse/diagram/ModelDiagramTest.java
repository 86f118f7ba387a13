package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;
import org.w3c.dom.Document;

class ModelDiagramTest {
    static Sequential stacked() {
        return new Sequential(1, new Input(10, 32), SimpleRNN.builder(64).returnSequences(true).build(),
                new SimpleRNN(32), new Dense(10, "softmax"));
    }

    @Test
    void drawsEveryLayerWithItsNameTypeAndKerasShapes() {
        Diagram d = ModelDiagram.plotModel(stacked(), true);
        Document doc = SvgXml.check(d);
        String svg = d.svg();
        for (String s : new String[] {"input_layer (InputLayer)", "simple_rnn (SimpleRNN)", "simple_rnn_1 (SimpleRNN)",
                "dense (Dense)", "Input shape: (None, 10, 32)", "Output shape: (None, 10, 64)",
                "Input shape: (None, 10, 64)", "Output shape: (None, 32)", "Output shape: (None, 10)",
                "6,208 params", "3,104 params", "330 params", "9,642 params"}) {
            assertTrue(svg.contains(s), "missing " + s);
        }
        // Input + 3 layers: a header box and two shape cells each.
        assertEquals(12, d.boxes());
        assertEquals(3, SvgXml.count(doc, "polygon", null), "one arrow head between each pair of boxes");
        assertEquals("Model diagram of \"sequential\" (plot_model, show_shapes=True): (None, 10, 32) → (None, 10)", d.title());
        assertTrue(d.description().contains("simple_rnn_1 (SimpleRNN), input (None, 10, 64), output (None, 32)"));
        assertEquals("Diagram: " + d.title(), d.toString());
    }

    @Test
    void aDeeperModelIsTallerAndHasMoreBoxes() {
        Diagram small = ModelDiagram.plotModel(new Sequential(1, new Input(10, 1), new SimpleRNN(50), new Dense(1)));
        Diagram big = ModelDiagram.plotModel(stacked());
        assertTrue(big.boxes() > small.boxes());
        assertTrue(big.height() > small.height());
    }

    @Test
    void theImdbModelAndABidirectionalLayer() {
        Sequential imdb = new Sequential(1, new Input(200), new Embedding(10000, 128), new SimpleRNN(64), new Dropout(0.5),
                new Dense(1, "sigmoid"));
        String svg = ModelDiagram.plotModel(imdb).svg();
        assertTrue(svg.contains("embedding (Embedding)") && svg.contains("Output shape: (None, 200, 128)")
                && svg.contains("1,280,000 params") && svg.contains("dropout (Dropout)") && svg.contains("1,292,417 params"));
        Sequential bi = new Sequential(1, new Input(200), new Embedding(10000, 128), new Bidirectional(new SimpleRNN(64)),
                new Dense(1, "sigmoid"));
        Diagram d = ModelDiagram.plotModel(bi);
        SvgXml.check(d);
        assertTrue(d.svg().contains("bidirectional (Bidirectional)") && d.svg().contains("forward_simple_rnn + backward_simple_rnn")
                && d.svg().contains("Output shape: (None, 128)") && d.svg().contains("24,704 params"));
    }

    @Test
    void withoutShapesThereAreOnlyHeaders() {
        Diagram d = ModelDiagram.plotModel(stacked(), false);
        SvgXml.check(d);
        assertEquals(4, d.boxes());
        assertFalse(d.svg().contains("Output shape"));
        // A model with no input shape can still be drawn without shapes, and names what is missing with them.
        Sequential open = new Sequential(1, new SimpleRNN(4), new Dense(1));
        assertEquals(2, ModelDiagram.plotModel(open, false).boxes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelDiagram.plotModel(open, true));
        assertTrue(e.getMessage().contains("no input shape") && e.getMessage().contains("new Input"), e.getMessage());
    }

    @Test
    void badModelsGetClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelDiagram.plotModel(null))
                .getMessage().contains("model is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelDiagram.plotModel(new Sequential(1)))
                .getMessage().contains("no layers"));
    }
}
