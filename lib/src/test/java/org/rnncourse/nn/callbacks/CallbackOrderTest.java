package org.rnncourse.nn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.trainers.FitOptions;

/**
 * One observer mechanism, in Keras's order: the given callbacks, then the History, then the progress
 * bar. Each event reaches every callback in that order, and a progress bar sees an epoch only once
 * the History holds it.
 */
class CallbackOrderTest {

    /** Writes every event it sees, with the number of epochs the model's History holds at that moment. */
    static final class Recorder implements Callback {
        final String name;
        final List<String> events;
        Sequential model;

        Recorder(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        @Override
        public void setModel(Sequential model) {
            this.model = model;
            events.add(name + " setModel");
        }

        @Override
        public void setParams(int epochs, int steps) {
            events.add(name + " setParams " + epochs + "x" + steps);
        }

        @Override
        public void onTrainBegin() {
            events.add(name + " trainBegin");
        }

        @Override
        public void onEpochBegin(int epoch) {
            events.add(name + " epochBegin " + epoch);
        }

        @Override
        public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            events.add(name + " batch " + batch + " " + logs.keySet());
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            events.add(name + " epochEnd " + epoch + " history " + model.history().epochs());
        }

        @Override
        public void onTrainEnd() {
            events.add(name + " trainEnd");
        }
    }

    /** A progress bar that records instead of printing, so its place in the order shows. */
    static final class RecordingBar extends ProgressBar {
        final List<String> events;
        Sequential model;

        RecordingBar(List<String> events) {
            super(2);
            this.events = events;
        }

        @Override
        public void setModel(Sequential model) {
            this.model = model;
            events.add("bar setModel");
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            events.add("bar epochEnd " + epoch + " history " + model.history().epochs());
            super.onEpochEnd(epoch, logs);
        }

        @Override
        protected void finishedLine(String line) {
            events.add("bar shows " + line.lines().findFirst().orElse("").replaceAll(" - \\d+m?s.*", ""));
        }
    }

    @Test
    void everyEventReachesTheCallbacksThenTheHistoryThenTheProgressBar() {
        List<String> events = new ArrayList<>();
        Recorder a = new Recorder("a", events), b = new Recorder("b", events);
        RecordingBar bar = new RecordingBar(events);
        // The bar is given first: it still runs after the History, where the standard bar would be.
        ProgressTest.tiny().fit(new double[3][2][1], new double[3], new FitOptions().epochs(2).batchSize(2)
                .shuffle(false).callbacks(bar, a, b));
        assertEquals(List.of(
                "a setModel", "b setModel", "bar setModel",
                "a setParams 2x2", "b setParams 2x2",
                "a trainBegin", "b trainBegin",
                "a epochBegin 0", "b epochBegin 0", "bar shows Epoch 1/2",
                "a batch 0 [loss, mae]", "b batch 0 [loss, mae]",
                "a batch 1 [loss, mae]", "b batch 1 [loss, mae]",
                "a epochEnd 0 history 0", "b epochEnd 0 history 0", "bar epochEnd 0 history 1", "bar shows 2/2",
                "a epochBegin 1", "b epochBegin 1", "bar shows Epoch 2/2",
                "a batch 0 [loss, mae]", "b batch 0 [loss, mae]",
                "a batch 1 [loss, mae]", "b batch 1 [loss, mae]",
                "a epochEnd 1 history 1", "b epochEnd 1 history 1", "bar epochEnd 1 history 2", "bar shows 2/2",
                "a trainEnd", "b trainEnd"), events);
    }

    @Test
    void fitAddsTheHistoryAndTheStandardBarAfterTheGivenCallbacks() {
        Callback mine = new Callback() {};
        History history = new History();
        List<Callback> order = new CallbackList(List.of(mine), history, 1, false).callbacks();
        assertEquals(3, order.size(), order.toString());
        assertSame(mine, order.get(0));
        assertSame(history, order.get(1));
        assertInstanceOf(ConsoleProgress.class, order.get(2), "outside a notebook the bar prints lines");
        // verbose 0: no bar at all; a bar that was given replaces the standard one.
        assertEquals(List.of(mine, history), new CallbackList(List.of(mine), history, 0, false).callbacks());
        ConsoleProgress given = new ConsoleProgress(System.out, 2);
        assertEquals(List.of(mine, history, given), new CallbackList(List.of(given, mine), history, 1, false).callbacks());
    }

    @Test
    void theReturnedHistoryIsTheOneTheCallbacksSawFilled() {
        List<String> events = new ArrayList<>();
        Sequential m = ProgressTest.tiny();
        History h = m.fit(new double[4][2][1], new double[4], new FitOptions().epochs(3).batchSize(4).verbose(0)
                .callbacks(new Recorder("a", events)));
        assertSame(h, m.history());
        assertEquals(3, h.epochs());
        assertEquals(3, h.get("loss").size());
        assertTrue(events.contains("a epochEnd 2 history 2"), events.toString());
    }

    @Test
    void messagesOfCallbacksGoToTheProgressBarAndNowhereWithVerboseZero() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Callback talker = new Callback() {
            Sequential model;

            @Override
            public void setModel(Sequential model) {
                this.model = model;
            }

            @Override
            public void onTrainEnd() {
                model.trainer().log("done talking");
            }
        };
        ProgressTest.tiny().fit(new double[2][2][1], new double[2], new FitOptions().epochs(1).batchSize(2)
                .callbacks(talker, new ConsoleProgress(out, 2)));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("done talking", lines.get(lines.size() - 1), lines.toString());

        PrintStream old = System.out;
        ByteArrayOutputStream silent = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(silent, true, StandardCharsets.UTF_8));
            ProgressTest.tiny().fit(new double[2][2][1], new double[2], new FitOptions().epochs(1).batchSize(2)
                    .verbose(0).callbacks(talker));
        } finally {
            System.setOut(old);
        }
        assertEquals("", silent.toString(StandardCharsets.UTF_8));
    }
}
