package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.RnnCell;

/**
 * Checks for lesson 12 (review): the four interview questions of the course notes, answered in
 * words, and a final quiz with one question per earlier lesson (00–11).
 *
 * <p>Nothing here holds an answer a student could read: the quiz's answers (and the known wrong
 * answers the checks recognise) are salted SHA-256 hashes ({@link HashedAnswer}), and the
 * interview's key terms are hashes too ({@code tools/interview_terms.py} lists the terms). A failed
 * check says what to look at, never the answer, and a written answer must be prose: a list of key
 * words does not pass.
 */
public final class Lesson12 {
    private Lesson12() {}

    // ---- interview questions: key ideas in a written answer -----------------------------------

    static final Set<String> HOW_MEMORY = Set.of(
            "3e1454fa9ae07953", "40f426617424b007", "9d25407335ffb121", "dd329b6b484386ba");
    static final Set<String> HOW_PREVIOUS = Set.of(
            "18164ebcdaa028b0", "1cced822f8618409", "548605fcb09ae437", "65469d0ab8a84e2f", "83c2ae7b12ac69c4", "a90006eb80ae3374", "cf2952b10ebfb06a");
    static final Set<String> HOW_SHARED = Set.of(
            "014e3bd6b2ddc73f", "3fa10c2a57b9213a", "6d4e32f31eb66c01", "7074d85def06c4f3", "8c404936eeb0cd22", "990a5daa72a4cba7", "d72393f2011ab989", "fbf5fc67d88e3031");
    static final Set<String> VANISH_PRODUCT = Set.of(
            "096c812e0e0a2c51", "0d67ec7c0472fa90", "2f7869f4cad0af97", "45007fe26b27845a", "7cda833add08db62", "9ad4d2a917b11b91", "9d6ef1c22d7ee136", "dbb51fb1f7bdc432", "e409cc12d1bd013b");
    static final Set<String> VANISH_SHRINK = Set.of(
            "07ec1e7b8edb6f6d", "18ea7df870e32655", "2bffa20195e62f7e", "32ef7a5a98ebd516", "58fd247adf606b1c", "8b67fa03c0f1e9d5", "ad282849b4ea8723", "b275b2b51cef5ad3", "cafdfe7f189b9a19");
    static final Set<String> VANISH_GROW = Set.of(
            "09dcfeeedd1fb6c4", "3de972f517d2aefe", "40a6f251bc959383", "544e5d7ea60e99d0", "622112c3273a030f", "7746a4661e99a695", "841a9ba743ccb744", "bdf093eb40595be9", "c1c27988dad85f28", "fc66798990fb237e");
    static final Set<String> VANISH_REMEDY = Set.of(
            "2aa99d8a4ea260f7", "5d328f1d71e45e20", "6851b661fdcc1e79", "9cac5c79cbb951a4", "ae6ad2e6b7e469e9", "af8f147a85179330", "b74b7be763f648eb", "b77fc05c9ac29e54");
    static final Set<String> WHEN_LONG = Set.of(
            "a5ec455376051c7a", "a62a5d56ef41ac5e", "b4d651849c4a5eac", "d58628d633a99af6");
    static final Set<String> WHEN_GATES = Set.of(
            "8e3beec0fe3e0d10", "f7a4cf3bd0521e39");
    static final Set<String> WHEN_TRADEOFF = Set.of(
            "0f07397fbce95f7f", "18ea7df870e32655", "351394be56e65772", "4f8f085e3843c60a", "bf3f5096444ed471", "c5a2e74a5d0e12b3");
    static final Set<String> BPTT_UNROLLED = Set.of(
            "0c4dc40cbc11628d", "142d6eaef58b68c6", "3bbd538f0ecfa4f2", "5a376839c5e8f674", "cdb0085dda2ab7c4");
    static final Set<String> BPTT_SUMMED = Set.of(
            "0d2a8cdbfb461f9f", "2f354646e627de7b", "79adfb1e1263e674", "901bd4845c035ea8", "cba70ddbc46a7acf", "e54aebc6e5eafd79");
    static final Set<String> BPTT_BACK = Set.of(
            "1133d3b9db16bd09", "65469d0ab8a84e2f", "85dcffa6955b3d22", "9d1834fd20a10793", "bb502e9e03b7cf31");

    private static final String TERM_SALT = "rnn-course/12/interview/";
    private static final String[] ENDINGS = {"ations", "ation", "ing", "ies", "ied", "ed", "es", "s", "ly"};
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    /** The small words of English prose: a list of key terms has almost none of them. */
    static final Set<String> SMALL_WORDS = Set.of("the", "a", "an", "is", "are", "was", "be", "of", "to",
            "and", "or", "in", "on", "at", "by", "for", "from", "with", "as", "it", "its", "that", "this", "which",
            "so", "each", "every", "one", "can", "when", "if", "than", "then", "their", "they", "what", "how",
            "but", "not", "no", "into", "through", "back", "has", "have", "does", "do", "all", "more", "much",
            "many", "also", "because", "while", "where", "like", "same", "there", "them", "those", "these");
    /** Below this share of small words an answer reads as a list of terms, not as sentences. */
    static final double MIN_SMALL_WORD_SHARE = 0.25;

    /** One key idea: what the answer should say (a question, not the words) and the hashes of its terms. */
    private record Idea(String says, Set<String> terms) {
        boolean in(Set<String> answerTerms) {
            for (String t : answerTerms) if (terms.contains(t)) return true;
            return false;
        }
    }

    /** The same stemming as tools/interview_terms.py: drop one common ending when three letters stay. */
    static String stem(String word) {
        for (String e : ENDINGS) {
            if (word.endsWith(e) && word.length() - e.length() >= 3) return word.substring(0, word.length() - e.length());
        }
        return word;
    }

    /** The words of the answer, in lower case. */
    static List<String> words(String answer) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(answer.toLowerCase(Locale.ROOT));
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The hashes of every run of one to three stemmed words of the answer. */
    static Set<String> termHashes(List<String> words) {
        List<String> stems = new ArrayList<>();
        for (String w : words) stems.add(stem(w));
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < stems.size(); i++) {
            String t = stems.get(i);
            out.add(HashedAnswer.hash(TERM_SALT, t).substring(0, 16));
            for (int n = 1; n < 3 && i + n < stems.size(); n++) {
                t += " " + stems.get(i + n);
                out.add(HashedAnswer.hash(TERM_SALT, t).substring(0, 16));
            }
        }
        return out;
    }

    private static void checkIdeas(String what, String answer, int minWords, Idea... ideas) {
        if (answer == null || answer.isBlank()) {
            throw Check.missing(what, "write your answer as a sentence or two in the String, in English.");
        }
        List<String> words = words(answer);
        if (words.size() < minWords) {
            throw Check.fail(what, "the answer has " + words.size() + " words: too short to explain it.",
                    "answer as you would in an interview, in " + minWords + " words or more.");
        }
        long small = words.stream().filter(SMALL_WORDS::contains).count();
        int sentences = answer.trim().split("[.!?;:]+(\\s+|$)").length;
        if (small < MIN_SMALL_WORD_SHARE * words.size()) {
            throw Check.fail(what, "this does not read as sentences: an interviewer wants an explanation, not a list of terms.",
                    "write two to four full sentences, as you would say them aloud.");
        }
        if (sentences < 2) {
            throw Check.fail(what, "the answer is one sentence.", "explain it in two to four sentences, as you would aloud.");
        }
        Set<String> terms = termHashes(words);
        List<String> missing = new ArrayList<>();
        for (Idea idea : ideas) if (!idea.in(terms)) missing.add(idea.says());
        if (!missing.isEmpty()) {
            throw Check.fail(what, "the answer does not yet say " + String.join("; nor ", missing) + ".",
                    "reread the lesson behind this question, then explain it in your own words.");
        }
        // A written answer is not "right" like a number: it covers the ideas; the model answer says the rest.
        System.out.println("✔ " + what + " covers the key ideas: compare it with the model answer.");
    }

    /** Interview 1: how does an RNN work? */
    public static void checkHowAnRnnWorks(String answer) {
        checkIdeas("Your answer to 'how does an RNN work?'", answer, 20,
                new Idea("what the network keeps from one step to the next", HOW_MEMORY),
                new Idea("what each step combines the current input with", HOW_PREVIOUS),
                new Idea("how the weights of one time step relate to those of the other steps", HOW_SHARED));
    }

    /** Interview 2: what are vanishing and exploding gradients? */
    public static void checkVanishingVsExploding(String answer) {
        checkIdeas("Your answer to 'vanishing vs exploding gradients'", answer, 25,
                new Idea("what BPTT does to the gradient at every step it goes back", VANISH_PRODUCT),
                new Idea("what happens to the gradient when those factors are below 1", VANISH_SHRINK),
                new Idea("what happens to it when they are above 1", VANISH_GROW),
                new Idea("how either problem is fought (lesson 09 and 10)", VANISH_REMEDY));
    }

    /** Interview 3: when use an LSTM or a GRU instead of a simple RNN? */
    public static void checkWhenLstmOrGru(String answer) {
        checkIdeas("Your answer to 'when LSTM or GRU?'", answer, 20,
                new Idea("which kind of sequence or dependency calls for them", WHEN_LONG),
                new Idea("what mechanism inside them lets the gradient through", WHEN_GATES),
                new Idea("how the two compare with each other (size, speed)", WHEN_TRADEOFF));
    }

    /** Interview 4: how does BPTT differ from ordinary backpropagation? */
    public static void checkBpttVsBackprop(String answer) {
        checkIdeas("Your answer to 'BPTT vs backpropagation'", answer, 20,
                new Idea("what network BPTT runs backpropagation on", BPTT_UNROLLED),
                new Idea("what happens to the gradients of the weights that every step shares", BPTT_SUMMED),
                new Idea("where the gradient at step t goes on to", BPTT_BACK));
    }

    // ---- the final quiz -----------------------------------------------------------------------
    // The answers, and the wrong answers worth naming, as salted hashes (see HashedAnswer).

    private static final HashedAnswer Q00 = new HashedAnswer("rnn-course/12/q00/", "ba7b98cfa374718272dd5f08f95c98b7164dc66de391b24b0519da0eef9f6a5f");
    private static final HashedAnswer Q01 = new HashedAnswer("rnn-course/12/q01/", "4e903041f8015c3175ad221e7a39beed0b5e5b4a5b44d1b1f5e5a1e0cba067e0");
    private static final HashedAnswer Q02 = new HashedAnswer("rnn-course/12/q02/", "a65e4ccddfc0bcbbb428850280ca099251f2a89976e32e79a1942cd092fef1aa");
    private static final HashedAnswer Q02_TIMES_WORDS = new HashedAnswer("rnn-course/12/q02-times-words/", "516a18d8aa682ed80c9f3f3fc12f3c218c85eebb6efa65d0a8357c6f5ddb71f7");
    private static final HashedAnswer Q03 = new HashedAnswer("rnn-course/12/q03/", "e4cd015cd3da26d7ddba07b2860d5d15a92a2b70acf72f205a1e4a9b7c892e3c");
    private static final HashedAnswer Q03_NO_TANH = new HashedAnswer("rnn-course/12/q03-no-tanh/", "1dd217f60fb202ebf6acbbd332341c2b26d25436a074badb2470c77e887fddbd");
    private static final HashedAnswer Q04 = new HashedAnswer("rnn-course/12/q04/", "c1de6f6af0a4e9ca3da901df04058794b3c5f347118975ecfe2822f4eafc0926");
    private static final HashedAnswer Q04_LAYER2_READS_X = new HashedAnswer("rnn-course/12/q04-layer2-reads-x/", "0135f85c18efd76e08ac5782d383c9a989eb3a506f25445d5d92402a0c77017e");
    private static final HashedAnswer Q04_ONE_LAYER = new HashedAnswer("rnn-course/12/q04-one-layer/", "7904584c4fe60c463a953e6f56b59df9670530ea161d143096c676db7d7b9319");
    private static final HashedAnswer Q05 = new HashedAnswer("rnn-course/12/q05/", "e9ad5f5c3ca5c70d4e8f1a9c59101053a6b05efe438962cacb3070ef7cfe58e0");
    private static final HashedAnswer Q06 = new HashedAnswer("rnn-course/12/q06/", "2c2f4cbb8264156e23044a037c2414e2f7013a5a36352f03e64d5aafea6f4b38");
    private static final HashedAnswer Q06_ONE_MORE = new HashedAnswer("rnn-course/12/q06-one-more/", "e1f353b532ee7ac4e165d6d301119c3ce552f95a9b549410b680164abfee8fbd");
    private static final HashedAnswer Q06_ONE_LESS = new HashedAnswer("rnn-course/12/q06-one-less/", "5530d85dd451d32da05ea64d68e8b159ccd4048f4b47a136b8506171f358185c");
    private static final HashedAnswer Q07 = new HashedAnswer("rnn-course/12/q07/", "5141eba7a66ea5d7e2134fd3648ce05375ce5becfec7ee7696fb32ebb891f584");
    private static final HashedAnswer Q07_NO_DENSE = new HashedAnswer("rnn-course/12/q07-no-dense/", "a09ffcdae4716955e9d943180c129ed54ca9372db3fc4b0b67af2ee7572a5b0e");
    private static final HashedAnswer Q08 = new HashedAnswer("rnn-course/12/q08/", "5165f51d85dca5c3edd1405fd23219d782786eac30c12d9110f06e00fdbc4941");
    private static final HashedAnswer Q08_START = new HashedAnswer("rnn-course/12/q08-start/", "87df07e88d27cddfa6e24723676e55a965063ccbf9fc0997bf1970fbba8183db");
    private static final HashedAnswer Q09 = new HashedAnswer("rnn-course/12/q09/", "dd3bd381589ef57a202116bbf0fc74560c5ffc9485d665ad799776f0b76d357c");
    private static final HashedAnswer Q09_BY_VALUE = new HashedAnswer("rnn-course/12/q09-by-value/", "1504f5024a113200408e714acea553d1bd47a948ab53195a17ac67693a6d64b6");
    private static final HashedAnswer Q10 = new HashedAnswer("rnn-course/12/q10/", "53b3b8efdf0de518d81a32d8f42cf176986cfb9c6a9984ac65fd9973bcd121b2");
    private static final HashedAnswer Q10_SIMPLE = new HashedAnswer("rnn-course/12/q10-simple/", "939b0272c2899ec3a48e0d099642d37915c864f4cb1e46e5f8bc7522c2a48036");
    private static final HashedAnswer Q11 = new HashedAnswer("rnn-course/12/q11/", "6760929289761c5e3e7bae8c488889beacd06ca4ed7e30088b937e1aa7d7c420");
    private static final HashedAnswer Q11_PRECISION = new HashedAnswer("rnn-course/12/q11-precision/", "572ea6f99e3a19f678c7ea123b148043df9ec0aa829e44ab8a1ae2583df2eff4");
    private static final HashedAnswer Q11_RECALL = new HashedAnswer("rnn-course/12/q11-recall/", "07fc69d3381f35ff24b4e748f53fdffc4d7a6aff6a628b79a80f489b6b197e0a");

    private static void choice(String what, HashedAnswer answer, char actual, String hint) {
        char a = Character.toLowerCase(actual);
        if (a == 0 || a == ' ') {
            throw Check.missing(what, "assign one letter, e.g. 'a'.");
        }
        if (a < 'a' || a > 'd') {
            throw Check.fail(what, "'" + actual + "' is not one of a, b, c, d.", hint);
        }
        if (!answer.matches(a)) {
            throw Check.fail(what, "'" + a + "' is not the answer.", hint);
        }
        Check.pass(what);
    }

    private static void whole(String what, HashedAnswer answer, long actual, String hint) {
        if (!answer.matches(actual)) {
            throw Check.fail(what, "got " + actual + ", which is not the answer." + Check.unassigned(actual == 0), hint);
        }
        Check.pass(what);
    }

    private static void real(String what, HashedAnswer answer, double actual, int decimals, String hint) {
        if (!Double.isFinite(actual)) {
            throw Check.fail(what, "got " + actual + ", not a number: something divided by zero or overflowed.", hint);
        }
        if (!answer.matches(actual, decimals)) {
            throw Check.fail(what, "got " + HashedAnswer.real(actual, decimals) + " (rounded to " + decimals
                    + " decimals), which is not the answer." + Check.unassigned(actual == 0), hint);
        }
        Check.pass(what);
    }

    /** Lesson 00: what the first code cell of every lesson does. */
    public static void checkQuiz00(char choice) {
        choice("Quiz 00 (set-up)", Q00, choice, "look at the first code cell of any lesson, and at lesson 00.");
    }

    /** Lesson 01: the hidden state. */
    public static void checkQuiz01(char choice) {
        choice("Quiz 01 (terminology)", Q01, choice, "the glossary of lesson 01: the RNN's memory at a time step.");
    }

    /** Lesson 02: weights a cell (input 5, hidden 4) uses for a 100-word sentence. */
    public static void checkQuiz02(long weights) {
        String what = "Quiz 02 (weight sharing)";
        if (Q02_TIMES_WORDS.matches(weights)) {
            throw Check.fail(what, "this counts the weights once per word.",
                    "the same W_xh, W_hh and b_h serve every word, so the length of the sentence does not matter (lesson 02).");
        }
        whole(what, Q02, weights, "count W_xh (n_h × n_x), W_hh (n_h × n_h) and b_h (n_h) once (lesson 02, exercise 3).");
    }

    /** The cell of quiz 03: n_x = 2, n_h = 3, tanh, seed 12. */
    public static RnnCell quizCell() {
        return RnnCell.random(2, 3, Activation.TANH, 0.5, 12);
    }

    /** The first input of quiz 03, a column (2×1). */
    public static DMatrixRMaj quizInput() {
        return Matrices.column(1.0, -2.0);
    }

    /** Lesson 03: h_1 = tanh(W_xh x_1 + W_hh h_0 + b_h) with h_0 = 0, a column (3×1), to 6 decimals. */
    public static void checkQuiz03(DMatrixRMaj h1) {
        String what = "Quiz 03 (h_1)";
        String hint = "h_1 = tanh(W_xh · x_1 + W_hh · h_0 + b_h) with h_0 = 0: a column (3×1) (lesson 03).";
        Check.requireShape(what, 3, 1, h1, hint);
        double[] got = {h1.get(0, 0), h1.get(1, 0), h1.get(2, 0)};
        if (Q03_NO_TANH.matches(got, 6)) {
            throw Check.fail(what, "these are the numbers before the activation.", "apply tanh to every entry.");
        }
        if (!Q03.matches(got, 6)) {
            throw Check.fail(what, "at 6 decimals this is not h_1." + Check.unassigned(got[0] == 0 && got[1] == 0 && got[2] == 0), hint);
        }
        Check.pass(what);
    }

    /** Lesson 04: parameters of SimpleRNN(16) on 8 features stacked under SimpleRNN(4). */
    public static void checkQuiz04(long parameters) {
        String what = "Quiz 04 (a 2-layer stack)";
        if (Q04_LAYER2_READS_X.matches(parameters)) {
            throw Check.fail(what, "layer 2 is counted as if it read the 8 features.",
                    "layer 2 reads layer 1's h_t, so its D_x is layer 1's units (lesson 04).");
        }
        if (Q04_ONE_LAYER.matches(parameters)) {
            throw Check.fail(what, "this is layer 1 alone.", "add layer 2's W, U and b.");
        }
        whole(what, Q04, parameters, "each layer has D_x·D_h + D_h·D_h + D_h; layer 2's D_x is layer 1's D_h (lesson 04).");
    }

    /** Lesson 05: the architecture of part-of-speech tagging. */
    public static void checkQuiz05(char choice) {
        choice("Quiz 05 (architectures)", Q05, choice, "one tag per word, produced as each word is read (lesson 05).");
    }

    /**
     * Lesson 06: in the scalar linear RNN a_t = w·a_{t−1} + u·x_t with w = 0.8, what is ∂L/∂a_1
     * when ∂L/∂a_5 = 1 and the loss looks at a_5 only? To 4 decimals.
     */
    public static void checkQuiz06(double dLda1) {
        String what = "Quiz 06 (BPTT)";
        if (Q06_ONE_MORE.matches(dLda1, 4) || Q06_ONE_LESS.matches(dLda1, 4)) {
            throw Check.fail(what, "one factor too many or too few.",
                    "count the steps back from a_5 to a_1: one factor w per step.");
        }
        real(what, Q06, dLda1, 4, "each step back multiplies by ∂a_t/∂a_{t−1} = w (lesson 06).");
    }

    /** Lesson 07: total parameters of Sequential(Input(10, 1), SimpleRNN(50), Dense(1)). */
    public static void checkQuiz07(long total) {
        String what = "Quiz 07 (summary total)";
        if (Q07_NO_DENSE.matches(total)) {
            throw Check.fail(what, "this is the SimpleRNN alone.", "add Dense(1)'s weights and its bias.");
        }
        whole(what, Q07, total, "SimpleRNN(u) on d features: u·d + u·u + u; Dense(1) on u inputs: u + 1. Time steps add nothing (lesson 07).");
    }

    /** Lesson 08: the id of the most frequent word with start 1, OOV 2, index_from 3. */
    public static void checkQuiz08(int id) {
        String what = "Quiz 08 (IMDB ids)";
        String hint = "ids 0, 1, 2 are padding, start and out-of-vocabulary; a word of frequency rank r gets r + index_from (lesson 08).";
        if (Q08_START.matches(id)) throw Check.fail(what, "1 is the start marker of every review.", hint);
        whole(what, Q08, id, hint);
    }

    /** The gradient of quiz 09. */
    public static double[] quizGradient() {
        return new double[] {3, 4, 12};
    }

    /** Lesson 09: {@link #quizGradient()} clipped by norm to 6.5, to 6 decimals. */
    public static void checkQuiz09(double[] clipped) {
        String what = "Quiz 09 (clipping by norm)";
        String hint = "if ‖g‖ is above the threshold c, the whole vector is scaled by c / ‖g‖: the direction stays the same (lesson 09).";
        if (clipped == null) throw Check.missing(what, hint);
        if (clipped.length != 3) throw Check.fail(what, "expected 3 numbers, got " + clipped.length + ".", hint);
        if (Q09_BY_VALUE.matches(clipped, 6)) {
            throw Check.fail(what, "this is clipping by VALUE (each entry cut at 6.5).", hint);
        }
        if (!Q09.matches(clipped, 6)) {
            throw Check.fail(what, "at 6 decimals this is not the clipped vector.", hint);
        }
        Check.pass(what);
    }

    /** Lesson 10: parameters of an LSTM(32) on 16 features, 4× a SimpleRNN's. */
    public static void checkQuiz10(long parameters) {
        String what = "Quiz 10 (LSTM parameters)";
        if (Q10_SIMPLE.matches(parameters)) {
            throw Check.fail(what, "this is a SimpleRNN(32)'s count.",
                    "an LSTM has four such blocks: forget, input and output gates and the candidate.");
        }
        whole(what, Q10, parameters, "4 × (D_x·D_h + D_h·D_h + D_h) (lesson 10).");
    }

    /** Lesson 11: F1 of a classifier with TP = 30, FP = 10, FN = 20, to 6 decimals. */
    public static void checkQuiz11(double f1) {
        String what = "Quiz 11 (F1)";
        if (Q11_PRECISION.matches(f1, 6) || Q11_RECALL.matches(f1, 6)) {
            throw Check.fail(what, "this is the precision or the recall, not their harmonic mean F1.",
                    "F1 = 2·P·R / (P + R) = 2·TP / (2·TP + FP + FN) (lesson 11).");
        }
        real(what, Q11, f1, 6, "precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2·P·R / (P + R) (lesson 11).");
    }
}
