package org.rnncourse.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

class CurvesTest {

    @Test
    void historyCurvesHaveOneTracePerPresentSeriesWithEpochsFromOne() {
        Map<String, List<Double>> h = Map.of("loss", List.of(0.9, 0.5, 0.3), "val_loss", List.of(1.0, 0.7, 0.6));
        Figure f = Curves.of("t", h, "loss", "val_loss", "accuracy");
        assertEquals(2, f.getTraces().length, "accuracy is missing, so it is left out");
        String js = f.asJavascript("d");
        assertTrue(js.contains("\"loss\"") || js.contains("'loss'"), js);
        assertTrue(js.contains("x: [\"1.0\",\"2.0\",\"3.0\"]"), "epochs counted from 1: " + js);
    }

    @Test
    void namingNoSeriesThatExistsIsAnErrorThatListsWhatThereIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Curves.of("t", Map.of("loss", List.of(1.0)), "mae"));
        assertTrue(e.getMessage().contains("[loss]"), e.getMessage());
    }

    @Test
    void seriesAgainstTheIndexKeepTheMapOrder() {
        var s = new LinkedHashMap<String, double[]>();
        s.put("truth", new double[] {1, 2});
        s.put("forecast", new double[] {1.1, 1.9});
        Figure f = Curves.series("t", "x", "y", s);
        assertEquals(2, f.getTraces().length);
        assertThrows(IllegalArgumentException.class, () -> Curves.series("t", "x", "y", new LinkedHashMap<>()));
    }

    @Test
    void outsideANotebookALiveDisplayPrintsOnlyItsLastTextOnceFinished() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LiveDisplay d = LiveDisplay.startText("Epoch 1/2");
            d.update("Epoch 1/2\n 1/3 [==>");
            d.update("Epoch 1/2\n 3/3 done");
            assertEquals("", out.toString(StandardCharsets.UTF_8), "no redraws in a terminal");
            d.finish();
        } finally {
            System.setOut(saved);
        }
        assertEquals("Epoch 1/2\n 3/3 done" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }
}
