package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;

class Lesson07Test {

    @Test
    void parameterCountAcceptsTheFormulaAndRejectsAForgottenBias() {
        assertDoesNotThrow(() -> Lesson07.checkSimpleRnnParams(32 * 64 + 32 * 32 + 32));
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson07.checkSimpleRnnParams(32 * 64 + 32 * 32));
        assertTrue(e.getMessage().contains("got 3072, which is not the answer") && !e.getMessage().contains("3104"), e.getMessage());
    }

    @Test
    void stackAcceptsTheSolution() {
        assertDoesNotThrow(() -> Lesson07.checkStack(new Sequential(new Input(5, 3),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(8), new Dense(1))));
    }

    @Test
    void stackWithoutReturnSequencesIsRejectedWithTheReason() {
        // A wrong model that still builds: the first layer returns only h_T, so the second reads (16) — Keras would refuse it too.
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson07.checkStack(new Sequential(new Input(5, 3),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(4), new Dense(1))));
        assertTrue(e.getMessage().contains("output shape of layer 2"), e.getMessage());
        AssertionError wrongInput = assertThrows(AssertionError.class, () -> Lesson07.checkStack(new Sequential(new Input(3, 5),
                SimpleRNN.builder(16).returnSequences(true).build(), new SimpleRNN(8), new Dense(1))));
        assertTrue(wrongInput.getMessage().contains("time steps first"), wrongInput.getMessage());
        assertThrows(AssertionError.class, () -> Lesson07.checkStack(null));
    }

    @Test
    void maeAcceptsTheMeanOfAbsoluteErrorsAndRecognisesTheRmse() {
        double[] forecast = {1, 2, 3, 4};
        double[] truth = {1.5, 2, 2, 4};
        assertDoesNotThrow(() -> Lesson07.checkMae((0.5 + 0 + 1 + 0) / 4, forecast, truth));
        double rmse = Math.sqrt((0.25 + 0 + 1 + 0) / 4);
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson07.checkMae(rmse, forecast, truth));
        assertTrue(e.getMessage().contains("which is the RMSE"), e.getMessage());
    }
}
