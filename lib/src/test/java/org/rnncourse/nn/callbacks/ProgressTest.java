package org.rnncourse.nn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.trainers.FitOptions;

/** The progress lines look like Keras 3's, and verbose(0) prints nothing. */
class ProgressTest {

    @Test
    void epochLineLooksLikeKeras() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", 0.69314);
        logs.put("accuracy", 0.50123);
        logs.put("val_loss", 0.6920);
        logs.put("val_accuracy", 0.0000421);
        assertEquals("Epoch 1/5", ProgressFormat.epochHeader(1, 5));
        // Keras's line, except that what passes 100 columns continues on a line of its own.
        assertEquals("157/157 ━━━━━━━━━━━━━━━━━━━━ 12s 76ms/step - accuracy: 0.5012 - loss: 0.6931\n"
                        + "        - val_accuracy: 4.2100e-05 - val_loss: 0.6920",
                ProgressFormat.progressLine(157, 157, logs, 12.0));
        assertEquals("157/157 - 12s - 76ms/step - accuracy: 0.5012 - loss: 0.6931\n"
                        + "        - val_accuracy: 4.2100e-05 - val_loss: 0.6920",
                ProgressFormat.compactLine(157, logs, 12.0));
        assertEquals(" 10/157 ━" + " ".repeat(19) + " 1s 100ms/step - loss: 0.6931",
                ProgressFormat.progressLine(10, 157, Map.of("loss", 0.69314), 1.0));
    }

    /** Lesson 08's finished epoch line (four values, validation included) fits in 100 columns, however long the run. */
    @Test
    void finishedEpochLinesDoNotPassOneHundredColumns() {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", 0.123456);
        logs.put("accuracy", 0.987654);
        logs.put("val_loss", 0.0000123);
        logs.put("val_accuracy", 0.876543);
        logs.put("val_precision", 0.5);
        for (int steps : new int[] {1, 157, 12_345}) {
            for (double seconds : new double[] {0.4, 12, 12_345}) {
                for (String text : new String[] {ProgressFormat.progressLine(steps, steps, logs, seconds),
                        ProgressFormat.compactLine(steps, logs, seconds)}) {
                    for (String line : text.split("\n")) {
                        assertTrue(line.length() <= ProgressFormat.WIDTH, line.length() + " characters: " + line);
                    }
                    for (String key : logs.keySet()) assertTrue(text.contains(" " + key + ": "), text);
                }
            }
        }
    }

    static Sequential tiny() {
        Sequential m = new Sequential(1L, new Input(2, 1), new SimpleRNN(2), new Dense(1));
        m.compile("sgd", "mse", "mae");
        return m;
    }

    @Test
    void fitPrintsOneHeaderAndOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        tiny().fit(new double[6][2][1], new double[6], new FitOptions().epochs(2).batchSize(4)
                .callbacks(new ConsoleProgress(out, 1)).validationSplit(0.5));
        // A line too long for 100 columns goes on indented ("    - val_mae: …"): joined here, one per epoch.
        List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).replace("\n    - ", " - ").split("\n"));
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("Epoch 1/2", lines.get(0));
        assertTrue(lines.get(1).matches("1/1 ━{20} \\d+s \\d+[mu]?s/step - loss: \\S+ - mae: \\S+ - val_loss: \\S+ - val_mae: \\S+"),
                lines.get(1));
    }

    @Test
    void verboseZeroIsSilentAndCallbacksSeeEveryBatch() {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> events = new ArrayList<>();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            tiny().fit(new double[6][2][1], new double[6], new FitOptions().epochs(2).batchSize(4).verbose(0));
            tiny().fit(new double[6][2][1], new double[6], new FitOptions().epochs(1).batchSize(4).verbose(0)
                    .callbacks(new Callback() {
                        @Override
                        public void onEpochBegin(int epoch) {
                            events.add("begin " + epoch);
                        }

                        @Override
                        public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
                            events.add("batch " + batch + " " + logs.keySet());
                        }

                        @Override
                        public void onEpochEnd(int epoch, Map<String, Double> logs) {
                            events.add("end " + epoch);
                        }
                    }));
        } finally {
            System.setOut(old);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("begin 0", "batch 0 [loss, mae]", "batch 1 [loss, mae]", "end 0"), events);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "vi"})
    void earlyStoppingMessagesGoThroughTheProgressDisplay(String language) {
        org.rnncourse.Course.setLanguage(language);
        try {
            earlyStoppingMessages(language);
        } finally {
            org.rnncourse.Course.setLanguage("en");
        }
    }

    private void earlyStoppingMessages(String language) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        EarlyStoppingTest.Script s = new EarlyStoppingTest.Script("val_loss", 1.0, 0.5, 0.9, 0.9, 0.9);
        tiny().fit(new double[8][2][1], new double[8], new FitOptions().epochs(5).batchSize(4).validationSplit(0.25)
                .callbacks(new ConsoleProgress(out, 2))
                .callbacks(s, new EarlyStopping("val_loss", 2, 0, true).verbose(1)));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        boolean vi = language.equals("vi");
        assertEquals(vi ? "Epoch 4: dừng sớm (early stopping)" : "Epoch 4: early stopping", lines.get(lines.size() - 2));
        assertEquals(vi ? "Khôi phục trọng số của mô hình về cuối epoch tốt nhất: 2."
                : "Restoring model weights from the end of the best epoch: 2.", lines.get(lines.size() - 1));
        assertEquals("Epoch 1/5", lines.get(0), "the epoch header is Keras's in both editions");
    }
}
