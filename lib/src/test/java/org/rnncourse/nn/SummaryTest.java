package org.rnncourse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.SimpleRNN;
import tech.tablesaw.api.Table;

/** The summaries of lessons 07 and 08, line for line as Keras 3 prints them. */
class SummaryTest {

    static Sequential lesson07() {
        return new Sequential(1L,
                new Input(10, 32),
                SimpleRNN.builder(64).returnSequences(true).build(),
                new SimpleRNN(32),
                new Dense(10, "softmax"));
    }

    static Sequential lesson08() {
        return new Sequential(1L,
                new Input(200),
                new Embedding(10000, 128),
                new SimpleRNN(64),
                new Dropout(0.5),
                new Dense(1, "sigmoid"));
    }

    @Test
    void stackedSimpleRnnSummaryMatchesKeras() {
        List<String> expected = List.of(
                "Model: \"sequential\"",
                "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
                "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
                "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
                "│ simple_rnn (SimpleRNN)          │ (None, 10, 64)         │         6,208 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ simple_rnn_1 (SimpleRNN)        │ (None, 32)             │         3,104 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dense (Dense)                   │ (None, 10)             │           330 │",
                "└─────────────────────────────────┴────────────────────────┴───────────────┘",
                " Total params: 9,642 (37.66 KB)",
                " Trainable params: 9,642 (37.66 KB)",
                " Non-trainable params: 0 (0.00 B)");
        assertLinesMatch(expected, lesson07().summaryText().lines().toList());
    }

    @Test
    void imdbSummaryMatchesKeras() {
        List<String> expected = List.of(
                "Model: \"sequential\"",
                "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
                "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
                "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
                "│ embedding (Embedding)           │ (None, 200, 128)       │     1,280,000 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ simple_rnn (SimpleRNN)          │ (None, 64)             │        12,352 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dropout (Dropout)               │ (None, 64)             │             0 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dense (Dense)                   │ (None, 1)              │            65 │",
                "└─────────────────────────────────┴────────────────────────┴───────────────┘",
                " Total params: 1,292,417 (4.93 MB)",
                " Trainable params: 1,292,417 (4.93 MB)",
                " Non-trainable params: 0 (0.00 B)");
        assertLinesMatch(expected, lesson08().summaryText().lines().toList());
    }

    @Test
    void inputShapeOnTheFirstLayerWorksLikeInput() {
        Sequential m = new Sequential(1L,
                SimpleRNN.builder(64).returnSequences(true).inputShape(10, 32).build(),
                new SimpleRNN(32),
                new Dense(10, "softmax"));
        assertEquals(lesson07().summaryText(), m.summaryText());
    }

    @Test
    void namesCountPerTypeWithinTheModel() {
        Sequential m = new Sequential(1L, new Input(5, 3), SimpleRNN.builder(4).returnSequences(true).build(),
                new SimpleRNN(4, "tanh", true, false), new SimpleRNN(4), new Dense(3), new Dense(1));
        assertEquals(List.of("simple_rnn", "simple_rnn_1", "simple_rnn_2", "dense", "dense_1"),
                m.layers().stream().map(Layer::name).toList());
    }

    @Test
    void unbuiltModelShowsQuestionMarksAsKeras() {
        Sequential m = new Sequential(1L, new SimpleRNN(8), new Dense(1));
        String text = m.summaryText();
        assertEquals("│ simple_rnn (SimpleRNN)          │ ?                      │   0 (unbuilt) │",
                text.lines().toList().get(4));
    }

    @Test
    void summaryTableHasTheSameRows() {
        Table t = lesson07().summaryTable();
        assertEquals(3, t.rowCount());
        assertEquals("simple_rnn_1 (SimpleRNN)", t.stringColumn("Layer (type)").get(1));
        assertEquals("(None, 10, 64)", t.stringColumn("Output Shape").get(0));
        assertEquals(330L, t.longColumn("Param #").get(2));
    }

    @Test
    void parameterCountsFollowTheFormulas() {
        // D_x·D_h + D_h·D_h + D_h with D_x = 4, D_h = 3 (lesson 04): 24.
        Sequential m = new Sequential(1L, new Input(7, 4), new SimpleRNN(3));
        assertEquals(24, m.countParams());
    }
}
