package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.nn.Dense;
import org.rnncourse.nn.GradientClipping;
import org.rnncourse.nn.Input;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.SimpleRNN;
import org.rnncourse.step.Activation;
import org.rnncourse.step.Matrices;
import org.rnncourse.step.Parameters;
import org.rnncourse.step.RnnCell;

/**
 * Checks for lesson 12 (review): the four interview questions of the course notes, answered in
 * words and checked for their key ideas, and a final quiz with one question per earlier lesson
 * (00–11), computed with the library wherever the answer is a number.
 */
public final class Lesson12 {
    private Lesson12() {}

    // ---- interview questions: key ideas in a written answer -----------------------------------

    /** One key idea: a name for the hint and the words (lower case) any of which shows it. */
    private record Idea(String name, String... words) {
        boolean in(String answer) {
            for (String w : words) if (answer.contains(w)) return true;
            return false;
        }
    }

    private static void checkIdeas(String what, String answer, int minWords, Idea... ideas) {
        if (answer == null || answer.isBlank()) {
            throw Check.missing(what, "write your answer as a sentence or two in the String, in English.");
        }
        String a = answer.toLowerCase(Locale.ROOT);
        int words = a.trim().split("\\s+").length;
        if (words < minWords) {
            throw Check.fail(what, "the answer has " + words + " words: too short to explain it.",
                    "answer as you would in an interview, in " + minWords + " words or more.");
        }
        List<String> missing = new ArrayList<>();
        for (Idea idea : ideas) if (!idea.in(a)) missing.add(idea.name());
        if (!missing.isEmpty()) {
            throw Check.fail(what, "the answer does not mention " + String.join("; ", missing) + ".",
                    "a full answer covers: " + names(ideas) + ".");
        }
        // A written answer is not "right" like a number: it covers the ideas; the model answer says the rest.
        System.out.println("✔ " + what + " covers the key ideas: compare it with the model answer.");
    }

    private static String names(Idea... ideas) {
        List<String> n = new ArrayList<>();
        for (Idea i : ideas) n.add(i.name());
        return String.join("; ", n);
    }

    /** Interview 1: how does an RNN work? */
    public static void checkHowAnRnnWorks(String answer) {
        checkIdeas("Your answer to 'how does an RNN work?'", answer, 20,
                new Idea("the hidden state (the memory carried from step to step)", "hidden state", "memory", "state"),
                new Idea("that each step combines the current input with the previous hidden state",
                        "previous", "h_{t-1}", "h_{t−1}", "h_t-1", "last state", "step before", "earlier state"),
                new Idea("that the same weights are used at every time step (weight sharing)",
                        "same weights", "shared", "sharing", "share ", "reuse", "the same w"));
    }

    /** Interview 2: what are vanishing and exploding gradients? */
    public static void checkVanishingVsExploding(String answer) {
        checkIdeas("Your answer to 'vanishing vs exploding gradients'", answer, 25,
                new Idea("that BPTT multiplies the gradient by the same factor (W_hh and tanh') once per step",
                        "multipl", "product", "chain rule", "repeated", "again and again", "power"),
                new Idea("that factors below 1 make it shrink towards 0 (vanishing: early steps stop learning)",
                        "shrink", "small", "to zero", "→ 0", "-> 0", "towards 0", "toward 0", "fade", "decay"),
                new Idea("that factors above 1 make it grow without bound (exploding: NaN, unstable training)",
                        "grow", "large", "blow", "huge", "nan", "overflow", "infinit"),
                new Idea("a remedy (clipping for exploding; LSTM/GRU, initialization for vanishing)",
                        "clip", "lstm", "gru", "initiali"));
    }

    /** Interview 3: when use an LSTM or a GRU instead of a simple RNN? */
    public static void checkWhenLstmOrGru(String answer) {
        checkIdeas("Your answer to 'when LSTM or GRU?'", answer, 20,
                new Idea("long-range dependencies (long sequences, information far back)", "long", "far back", "distant"),
                new Idea("gates (and the LSTM's cell state) that let the gradient flow", "gate"),
                new Idea("the trade-off: GRU has fewer parameters / is faster, LSTM has more control",
                        "fewer", "faster", "simpler", "less ", "cheaper", "smaller"));
    }

    /** Interview 4: how does BPTT differ from ordinary backpropagation? */
    public static void checkBpttVsBackprop(String answer) {
        checkIdeas("Your answer to 'BPTT vs backpropagation'", answer, 20,
                new Idea("that BPTT is backpropagation on the network unrolled over the time steps",
                        "unroll", "through time", "over time", "time step", "each step"),
                new Idea("that the shared weights' gradients are summed over the time steps",
                        "sum", "add", "accumulat", "total"),
                new Idea("that the gradient also flows from step t back to step t − 1 through the hidden state",
                        "hidden state", "previous step", "t-1", "t − 1", "t−1", "back in time", "backwards in time", "backward in time"));
    }

    // ---- the final quiz -----------------------------------------------------------------------

    private static void choice(String what, char expected, char actual, String hint) {
        char a = Character.toLowerCase(actual);
        if (a == 0 || a == ' ') {
            throw Check.missing(what, "assign one letter, e.g. 'a'.");
        }
        if (a < 'a' || a > 'd') {
            throw Check.fail(what, "'" + actual + "' is not one of a, b, c, d.", hint);
        }
        if (a != expected) {
            throw Check.fail(what, "'" + a + "' is not the answer.", hint);
        }
        Check.pass(what);
    }

    /** Lesson 00: what the first code cell of every lesson does. */
    public static void checkQuiz00(char choice) {
        choice("Quiz 00 (set-up)", 'b', choice, "look at the first code cell of any lesson: %classpath … rnn-course.jar.");
    }

    /** Lesson 01: the hidden state. */
    public static void checkQuiz01(char choice) {
        choice("Quiz 01 (terminology)", 'c', choice, "the glossary: the RNN's memory at a time step, passed on to the next step.");
    }

    /** Lesson 02: weights a cell (input 5, hidden 4) uses for a 100-word sentence. */
    public static void checkQuiz02(long weights) {
        Check.equal("Quiz 02 (weight sharing)", Parameters.rnnLayer(5, 4), weights,
                "the same W_xh, W_hh and b_h serve every word, so the length of the sentence does not matter: 5·4 + 4·4 + 4.");
    }

    /** The cell of quiz 03: n_x = 2, n_h = 3, tanh, seed 12. */
    public static RnnCell quizCell() {
        return RnnCell.random(2, 3, Activation.TANH, 0.5, 12);
    }

    /** The first input of quiz 03, a column (2×1). */
    public static DMatrixRMaj quizInput() {
        return Matrices.column(1.0, -2.0);
    }

    /** Lesson 03: h_1 = tanh(W_xh x_1 + W_hh h_0 + b_h) with h_0 = 0, a column (3×1). */
    public static void checkQuiz03(DMatrixRMaj h1) {
        RnnCell cell = quizCell();
        DMatrixRMaj expected = cell.stepColumn(quizInput(), Matrices.zeros(3, 1));
        Check.requireClose("Quiz 03 (h_1)", expected, h1, 1e-9,
                "h_1 = tanh(W_xh · x_1 + W_hh · h_0 + b_h) with h_0 = 0: a column (3×1); cell.stepColumn does it, "
                        + "or use cell.Wxh() and cell.bh().");
        Check.pass("Quiz 03 (h_1)");
    }

    /** Lesson 04: parameters of SimpleRNN(16) on 8 features stacked under SimpleRNN(4). */
    public static void checkQuiz04(long parameters) {
        Check.equal("Quiz 04 (a 2-layer stack)", Parameters.stack(8, 16, 4), parameters,
                "layer 1: 8·16 + 16·16 + 16; layer 2 reads layer 1's h_t, so its D_x is 16: 16·4 + 4·4 + 4.");
    }

    /** Lesson 05: the architecture of part-of-speech tagging. */
    public static void checkQuiz05(char choice) {
        choice("Quiz 05 (architectures)", 'c', choice, "one tag per word, produced as each word is read: the input and output have the same length.");
    }

    /**
     * Lesson 06: in the scalar linear RNN a_t = w·a_{t−1} + u·x_t with w = 0.8, what is ∂L/∂a_1
     * when ∂L/∂a_5 = 1 and the loss looks at a_5 only?
     */
    public static void checkQuiz06(double dLda1) {
        double expected = Math.pow(0.8, 4);
        if (Math.abs(dLda1 - Math.pow(0.8, 5)) < 1e-12 || Math.abs(dLda1 - Math.pow(0.8, 3)) < 1e-12) {
            throw Check.fail("Quiz 06 (BPTT)", "got " + Check.fmt(dLda1) + ": one factor too many or too few.",
                    "from a_5 back to a_1 there are 4 steps: a_5 → a_4 → a_3 → a_2 → a_1, one factor w each.");
        }
        Check.close("Quiz 06 (BPTT)", expected, dLda1, 1e-9,
                "each step back multiplies by ∂a_t/∂a_{t−1} = w; from a_5 to a_1 that is 4 steps.");
    }

    /** Lesson 07: total parameters of Sequential(Input(10, 1), SimpleRNN(50), Dense(1)). */
    public static void checkQuiz07(long total) {
        Sequential model = new Sequential(new Input(10, 1), new SimpleRNN(50), new Dense(1));
        Check.equal("Quiz 07 (summary total)", model.countParams(), total,
                "SimpleRNN(50) on 1 feature: 1·50 + 50·50 + 50; Dense(1) on 50: 50·1 + 1. The 10 time steps add nothing.");
    }

    /** Lesson 08: the id of the most frequent word with start 1, OOV 2, index_from 3. */
    public static void checkQuiz08(int id) {
        String hint = "ids 0, 1, 2 are padding, start and out-of-vocabulary; a word of frequency rank r gets r + index_from = r + 3.";
        if (id == 1) throw Check.fail("Quiz 08 (IMDB ids)", "1 is the start marker of every review.", hint);
        Check.equal("Quiz 08 (IMDB ids)", 4, id, hint);
    }

    /** The gradient of quiz 09. */
    public static double[] quizGradient() {
        return new double[] {3, 4, 12};
    }

    /** Lesson 09: {@link #quizGradient()} clipped by norm to 6.5. */
    public static void checkQuiz09(double[] clipped) {
        double[] expected = quizGradient();
        GradientClipping.clipByNorm(expected, 6.5);
        String what = "Quiz 09 (clipping by norm)";
        String hint = "the norm of (3, 4, 12) is 13 > 6.5, so the whole vector is scaled by 6.5 / 13: the direction stays the same.";
        if (clipped == null) throw Check.missing(what, hint);
        if (clipped.length != 3) throw Check.fail(what, "expected 3 numbers, got " + clipped.length + ".", hint);
        if (clipped[0] == 3 && clipped[1] == 4 && clipped[2] == 6.5) {
            throw Check.fail(what, "this is clipping by VALUE (each entry cut at 6.5).", hint);
        }
        for (int i = 0; i < 3; i++) {
            if (!(Math.abs(clipped[i] - expected[i]) <= 1e-9)) {
                throw Check.fail(what, "entry " + i + " should be " + Check.fmt(expected[i]) + ", got " + Check.fmt(clipped[i]) + ".", hint);
            }
        }
        Check.pass(what);
    }

    /** Lesson 10: parameters of an LSTM(32) on 16 features, 4× a SimpleRNN's. */
    public static void checkQuiz10(long parameters) {
        long rnn = Parameters.rnnLayer(16, 32);
        if (parameters == rnn) {
            throw Check.fail("Quiz 10 (LSTM parameters)", "this is a SimpleRNN(32)'s count, " + rnn + ".",
                    "an LSTM has four such blocks: forget, input and output gates and the candidate.");
        }
        Check.equal("Quiz 10 (LSTM parameters)", 4 * rnn, parameters,
                "4 × (D_x·D_h + D_h·D_h + D_h) with D_x = 16, D_h = 32.");
    }

    /** Lesson 11: F1 of a classifier with TP = 30, FP = 10, FN = 20. */
    public static void checkQuiz11(double f1) {
        Check.close("Quiz 11 (F1)", 2.0 * 30 / (2 * 30 + 10 + 20), f1, 1e-9,
                "precision = 30 / 40, recall = 30 / 50, F1 = 2·P·R / (P + R) = 2·TP / (2·TP + FP + FN).");
    }
}
