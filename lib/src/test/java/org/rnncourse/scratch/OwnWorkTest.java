package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;

class OwnWorkTest {
    private final LstmCell lstm = LstmCell.random(3, 2, 0.5, 1);
    private final DMatrixRMaj x = Matrices.row(1.0, -0.5, 0.3), h = Matrices.row(0.1, -0.2), c = Matrices.row(0.8, -0.5);

    @AfterEach
    void english() {
        Course.setLanguage("en");
    }

    @Test
    void outsideAWindowEveryEntryRuns() {
        assertFalse(OwnWork.isOff(OwnWork.Topic.LSTM));
        assertDoesNotThrow(() -> lstm.step(x, h, c));
        assertDoesNotThrow(() -> Clipping.clipByValue(new double[] {3, -4}, 1));
    }

    @Test
    void insideTheWindowTheExercisesOwnTopicIsRefusedWithTheLearnersMessage() {
        Course.setLanguage("en");
        OwnWork.Refused r = assertThrows(OwnWork.Refused.class,
                () -> OwnWork.check("lstmStep", () -> lstm.step(x, h, c), OwnWork.Topic.LSTM));
        assertEquals("lstmStep: this exercise asks you to write lstmStep yourself, so LstmCell.step is off while its check runs "
                + "(it would compute the answer for you).", r.getMessage().lines().findFirst().orElseThrow());
        assertTrue(r.getMessage().contains("\nHint: "), r.getMessage());
        assertEquals(0, r.getStackTrace().length, "the learner sees the message, not the library's frames");
        // The window closed: the same call runs again.
        assertFalse(OwnWork.isOff(OwnWork.Topic.LSTM));
        assertDoesNotThrow(() -> lstm.step(x, h, c));
    }

    @Test
    void theMessageSpeaksVietnameseInTheVietnameseEdition() {
        Course.setLanguage("vi");
        OwnWork.Refused r = assertThrows(OwnWork.Refused.class,
                () -> OwnWork.check("gruStep", () -> GruCell.random(3, 2, 0.5, 1).step(x, h), OwnWork.Topic.GRU));
        assertTrue(r.getMessage().startsWith("gruStep: bài tập này yêu cầu bạn tự viết gruStep, nên GruCell.step bị tắt"), r.getMessage());
        assertTrue(r.getMessage().contains("\nGợi ý: "), r.getMessage());
    }

    @Test
    void otherTopicsStayOnAndTheResultComesBack() {
        DMatrixRMaj got = OwnWork.check("gruStep", () -> lstm.step(x, h, c).H(), OwnWork.Topic.GRU);
        assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(lstm.step(x, h, c).H(), got, 0));
    }

    @Test
    void aRefusalTheFunctionCaughtStillFailsTheCall() {
        assertThrows(OwnWork.Refused.class, () -> OwnWork.check("clipByValue", () -> {
            try {
                Clipping.clipByValue(new double[] {3}, 1);
            } catch (Throwable swallowed) {
                // a learner who hides the refusal and returns something else
            }
            return new double[] {1};
        }, OwnWork.Topic.CLIPPING));
    }

    @Test
    void workHandedToAnotherThreadIsRefusedToo() {
        assertThrows(OwnWork.Refused.class, () -> OwnWork.check("lstmStep",
                () -> CompletableFuture.supplyAsync(() -> lstm.step(x, h, c)).join(), OwnWork.Topic.LSTM));
    }

    @Test
    void aWindowOpenedInsideCannotSwitchTheOuterOneOff() {
        assertThrows(OwnWork.Refused.class, () -> OwnWork.check("lstmStep",
                () -> OwnWork.check("other", () -> lstm.step(x, h, c), OwnWork.Topic.CLIPPING), OwnWork.Topic.LSTM));
        assertFalse(OwnWork.isOff(OwnWork.Topic.LSTM));
        assertFalse(OwnWork.isOff(OwnWork.Topic.CLIPPING));
    }

    @Test
    void aWindowRemovedByReflectionFailsTheCall() throws ReflectiveOperationException {
        Field open = OwnWork.class.getDeclaredField("OPEN");
        open.setAccessible(true);
        @SuppressWarnings("unchecked")
        AtomicReference<Object> ref = (AtomicReference<Object>) open.get(null);
        OwnWork.Refused r = assertThrows(OwnWork.Refused.class, () -> OwnWork.check("lstmStep", () -> {
            ref.set(null);
            return lstm.step(x, h, c);
        }, OwnWork.Topic.LSTM));
        assertTrue(r.getMessage().contains("guard was changed"), r.getMessage());
        assertFalse(OwnWork.isOff(OwnWork.Topic.LSTM));
    }

    @Test
    void theLibrarysGuardedEntriesAnswerTheirTopic() {
        // One entry per topic: each refuses inside its own window (so no guard line was forgotten).
        RnnCell cell = RnnCell.random(3, 4, Activation.TANH, 0.5, 2);
        OutputLayer out = OutputLayer.random(4, 2, Activation.SOFTMAX, 0.5, new java.util.Random(3));
        Rnn rnn = new Rnn(cell, out);
        java.util.List<DMatrixRMaj> xs = java.util.List.of(Matrices.row(1, 0, 1), Matrices.row(0, 1, 0));
        RnnCache cache = rnn.forward(xs);
        refused(OwnWork.Topic.RNN_STEP, () -> cell.step(xs.get(0), new DMatrixRMaj(1, 4)));
        refused(OwnWork.Topic.RNN_STEP, () -> cell.stepColumn(Matrices.column(1, 0, 1), new DMatrixRMaj(4, 1)));
        refused(OwnWork.Topic.RNN_SEQUENCE, () -> rnn.forward(xs));
        refused(OwnWork.Topic.RNN_SEQUENCE, () -> cell.forward(xs));
        refused(OwnWork.Topic.RNN_SEQUENCE, () -> TwoLayerRnn.random(3, 4, 2, 1, Activation.LINEAR, 5).forward(xs));
        refused(OwnWork.Topic.OUTPUT_LAYER, () -> out.forward(new DMatrixRMaj(1, 4)));
        refused(OwnWork.Topic.BPTT, () -> Bptt.manyToOne(rnn, cache, Matrices.oneHotRow(1, 2), Loss.CROSS_ENTROPY));
        refused(OwnWork.Topic.BPTT, () -> Bptt.cellBackward(cell, cache, 1, new DMatrixRMaj(1, 4)));
        refused(OwnWork.Topic.NUMERICAL_GRADIENT, () -> GradCheck.numericalGradient(() -> 0, cell.Waa));
        refused(OwnWork.Topic.CLIPPING, () -> Clipping.norm(new double[] {3, 4}));
        refused(OwnWork.Topic.LSTM, () -> lstm.forward(java.util.List.of(x)));
        refused(OwnWork.Topic.GRU, () -> GruCell.random(3, 2, 0.5, 1).forward(java.util.List.of(x)));
        refused(OwnWork.Topic.SOFTMAX, () -> Activation.SOFTMAX.apply(Matrices.row(1, 2)));
        // The step stays on where only the loop over the steps is asked for (lessons 02, 04, 05, 08).
        assertDoesNotThrow(() -> OwnWork.check("finalState", () -> cell.step(xs.get(0), new DMatrixRMaj(1, 4)), OwnWork.Topic.RNN_SEQUENCE));
    }

    private static void refused(OwnWork.Topic topic, java.util.function.Supplier<?> call) {
        assertDoesNotThrow(call::get, "outside the window " + topic + " runs");
        assertThrows(OwnWork.Refused.class, () -> OwnWork.check("exercise", call, topic), topic.name());
    }
}
