package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.step.Matrices;

class Lesson12Test {
    static final String HOW = "An RNN reads a sequence one step at a time. At each step it combines the current input x_t "
            + "with the previous hidden state h_{t-1}: h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h). The hidden state is its "
            + "memory, and the same weights are used at every time step, so it handles any length.";
    static final String VANISH = "BPTT multiplies the gradient by W_hh and tanh' once per time step. If those factors are "
            + "small the product shrinks towards 0 and early steps stop learning: vanishing. If they are large the gradient "
            + "grows without bound and training blows up with NaN: exploding. Clipping fixes exploding; LSTM and GRU help vanishing.";
    static final String WHEN = "Use an LSTM or GRU when the sequence is long and the answer depends on information far back: "
            + "their gates and the LSTM's cell state let the gradient flow across many steps. A GRU has fewer parameters and "
            + "is faster; an LSTM gives more control.";
    static final String BPTT = "BPTT is ordinary backpropagation applied to the network unrolled over the time steps. Because "
            + "the same weights appear at every step, their gradients are summed over time, and the gradient also flows back "
            + "from step t to step t-1 through the hidden state.";

    @Test
    void interviewAnswersWithTheKeyIdeasPass() {
        assertEquals("✔ Your answer to 'how does an RNN work?' covers the key ideas: compare it with the model answer.\n", Output.of(() -> Lesson12.checkHowAnRnnWorks(HOW)));
        Output.of(() -> Lesson12.checkVanishingVsExploding(VANISH));
        Output.of(() -> Lesson12.checkWhenLstmOrGru(WHEN));
        Output.of(() -> Lesson12.checkBpttVsBackprop(BPTT));
    }

    @Test
    void interviewAnswersMissingAnIdeaFailWithWhatIsMissing() {
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson12.checkHowAnRnnWorks(
                "An RNN is a neural network that reads text and gives an output for every word of the sentence that it reads in order."));
        assertTrue(e.getMessage().contains("does not mention the hidden state"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Lesson12.checkBpttVsBackprop("It is the same."));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Lesson12.checkVanishingVsExploding(null));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Lesson12.checkVanishingVsExploding(VANISH.replace("Clipping fixes exploding; LSTM and GRU help vanishing.", "")));
        assertTrue(e.getMessage().contains("a remedy"), e.getMessage());
    }

    @Test
    void quizAcceptsTheSolutions() {
        DMatrixRMaj h1 = Lesson12.quizCell().stepColumn(Lesson12.quizInput(), Matrices.zeros(3, 1));
        String out = Output.of(() -> {
            Lesson12.checkQuiz00('b');
            Lesson12.checkQuiz01('C');
            Lesson12.checkQuiz02(40);
            Lesson12.checkQuiz03(h1);
            Lesson12.checkQuiz04(8 * 16 + 16 * 16 + 16 + 16 * 4 + 4 * 4 + 4);
            Lesson12.checkQuiz05('c');
            Lesson12.checkQuiz06(0.8 * 0.8 * 0.8 * 0.8);
            Lesson12.checkQuiz07(2651);
            Lesson12.checkQuiz08(4);
            Lesson12.checkQuiz09(new double[] {1.5, 2, 6});
            Lesson12.checkQuiz10(4 * (16 * 32 + 32 * 32 + 32));
            Lesson12.checkQuiz11(2 * 0.75 * 0.6 / (0.75 + 0.6));
        });
        assertEquals(12, out.split("✔", -1).length - 1, out);
    }

    @Test
    void quizRejectsCommonMistakes() {
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz00('a')).getMessage().contains("Hint"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz01('x')).getMessage().contains("not one of"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz02(4000)).getMessage().contains("same W_xh"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz03(Matrices.zeros(1, 3))).getMessage().contains("shape"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz04(400)).getMessage().contains("layer 2"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz06(Math.pow(0.8, 5))).getMessage().contains("one factor"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz07(2600)).getMessage().contains("Dense(1)"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz08(1)).getMessage().contains("start marker"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz09(new double[] {3, 4, 6.5})).getMessage().contains("VALUE"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz10(1568)).getMessage().contains("SimpleRNN(32)"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz11(0.75)).getMessage().contains("F1"));
    }
}
