package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.Matrices;

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
                "An RNN is a neural network that reads text. It gives an output for every word of the sentence that it reads in order."));
        assertTrue(e.getMessage().contains("does not yet say what the network keeps from one step to the next"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Lesson12.checkBpttVsBackprop("It is the same."));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Lesson12.checkVanishingVsExploding(null));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Lesson12.checkVanishingVsExploding(VANISH.replace("Clipping fixes exploding; LSTM and GRU help vanishing.", "")));
        assertTrue(e.getMessage().contains("how either problem is fought"), e.getMessage());
    }

    @Test
    void aFailedInterviewCheckNamesNoKeyword() {
        AssertionError e = assertThrows(AssertionError.class, () -> Lesson12.checkHowAnRnnWorks(
                "It is a kind of network that reads the words of a text in order and gives an output for each of them, one by one, until the end."));
        for (String keyword : new String[] {"hidden", "state", "memory", "previous", "shared", "same weights"}) {
            assertTrue(!e.getMessage().toLowerCase().contains(keyword), keyword + " in: " + e.getMessage());
        }
    }

    @Test
    void noFailureMessageHoldsAKeyTermOfItsOwnQuestion() {
        // Prose that says none of the ideas: every check fails and lists every idea it misses.
        String empty = "It is a thing that people ask about in the interview. I would say that it is a good question to ask, and that it is an important part of the course.";
        java.util.Map<Runnable, List<java.util.Set<String>>> checks = new java.util.LinkedHashMap<>();
        checks.put(() -> Lesson12.checkHowAnRnnWorks(empty), List.of(Lesson12.HOW_MEMORY, Lesson12.HOW_PREVIOUS, Lesson12.HOW_SHARED));
        checks.put(() -> Lesson12.checkVanishingVsExploding(empty), List.of(Lesson12.VANISH_PRODUCT, Lesson12.VANISH_SHRINK,
                Lesson12.VANISH_GROW, Lesson12.VANISH_REMEDY));
        checks.put(() -> Lesson12.checkWhenLstmOrGru(empty), List.of(Lesson12.WHEN_LONG, Lesson12.WHEN_GATES, Lesson12.WHEN_TRADEOFF));
        checks.put(() -> Lesson12.checkBpttVsBackprop(empty), List.of(Lesson12.BPTT_UNROLLED, Lesson12.BPTT_SUMMED, Lesson12.BPTT_BACK));
        checks.forEach((check, ideas) -> {
            String m = assertThrows(AssertionError.class, check::run).getMessage();
            assertTrue(m.contains("does not yet say"), m);
            java.util.Set<String> said = Lesson12.termHashes(Lesson12.words(m));
            for (java.util.Set<String> idea : ideas) {
                for (String t : said) assertTrue(!idea.contains(t), "a key term of the question is in its failure message: " + m);
            }
        });
    }

    @Test
    void aStringOfKeywordsDoesNotPass() {
        String keywords = "hidden state memory previous h_{t-1} same weights shared sharing reuse unroll sum gradient "
                + "multiply shrink grow clip lstm gru gate long fewer faster through time hidden state t-1";
        for (Runnable check : new Runnable[] {() -> Lesson12.checkHowAnRnnWorks(keywords),
                () -> Lesson12.checkVanishingVsExploding(keywords), () -> Lesson12.checkWhenLstmOrGru(keywords),
                () -> Lesson12.checkBpttVsBackprop(keywords)}) {
            AssertionError e = assertThrows(AssertionError.class, check::run);
            assertTrue(e.getMessage().contains("does not read as sentences"), e.getMessage());
        }
    }

    @Test
    void stemmingMatchesTheAuthorsTool() {
        assertEquals("shar", Lesson12.stem("sharing"));
        assertEquals("multipl", Lesson12.stem("multiplies"));
        assertEquals("gat", Lesson12.stem("gates"));
        assertEquals("sum", Lesson12.stem("sum"));
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
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz02(4000)).getMessage().contains("once per word"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz03(Matrices.zeros(1, 3))).getMessage().contains("shape"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz04(400)).getMessage().contains("layer 1 alone"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz04(452)).getMessage().contains("layer 2"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz06(Math.pow(0.8, 5))).getMessage().contains("one factor"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz07(2600)).getMessage().contains("SimpleRNN alone"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz08(1)).getMessage().contains("start marker"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz09(new double[] {3, 4, 6.5})).getMessage().contains("VALUE"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz10(1568)).getMessage().contains("SimpleRNN(32)"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz11(0.75)).getMessage().contains("F1"));
        assertTrue(assertThrows(AssertionError.class, () -> Lesson12.checkQuiz03(
                Matrices.column(-0.25091957042380775, 0.03131023742168393, 0.08342211177394729))).getMessage().contains("before the activation"));
    }

    @Test
    void rounding_toTheStatedDecimalsAccepts_andNothingElse() {
        Output.of(() -> Lesson12.checkQuiz11(0.6666667));
        Output.of(() -> Lesson12.checkQuiz06(0.40961));
        assertThrows(AssertionError.class, () -> Lesson12.checkQuiz11(0.6667));
        assertThrows(AssertionError.class, () -> Lesson12.checkQuiz06(0.4097));
        assertThrows(AssertionError.class, () -> Lesson12.checkQuiz06(Double.NaN));
    }

    @Test
    void aWrongQuizAnswerNeverPrintsTheAnswer() {
        String[] answers = {"40", "484", "0.4096", "2651", "6272", "0.666667", "0.6667", "1.5", "6.0"};
        List<Runnable> wrong = List.of(() -> Lesson12.checkQuiz02(0), () -> Lesson12.checkQuiz04(0),
                () -> Lesson12.checkQuiz06(0), () -> Lesson12.checkQuiz07(0), () -> Lesson12.checkQuiz10(0),
                () -> Lesson12.checkQuiz11(0), () -> Lesson12.checkQuiz09(new double[3]), () -> Lesson12.checkQuiz00('a'),
                () -> Lesson12.checkQuiz03(Matrices.zeros(3, 1)), () -> Lesson12.checkQuiz08(0));
        for (Runnable r : wrong) {
            String m = assertThrows(AssertionError.class, r::run).getMessage();
            for (String a : answers) assertTrue(!m.contains(a), a + " in: " + m);
        }
    }
}
