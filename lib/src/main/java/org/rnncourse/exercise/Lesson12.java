package org.rnncourse.exercise;

import org.rnncourse.Messages;

/**
 * Checks for lesson 12 (review): the four interview questions of the course notes and a final quiz
 * with one question per earlier lesson (00–11). Every answer is checkable: a choice, a number, a
 * shape, or a short function ({@link Lesson12Cell} checks quiz 03's).
 *
 * <p>Nothing here holds an answer a student could read: the answers (and the known wrong answers
 * the checks recognise) are salted SHA-256 hashes ({@link HashedAnswer}); {@code tools/answer_hash.py}
 * computes them for an author. A failed check says what to look at, never the answer.
 */
public final class Lesson12 {
    private Lesson12() {}

    // ---- the interview questions: one statement of four is the worked answer -------------------

    private static final HashedAnswer I1 = new HashedAnswer("rnn-course/12/interview1/", "90aee277c828e2a5e65987ee0b270ce65edf88b4ef6ca873de2da2882465a4e2");
    private static final HashedAnswer I2 = new HashedAnswer("rnn-course/12/interview2/", "6a9b4b1873a01b53215a7204930eff697e6f8995521c21b50971288573cc2c2d");
    private static final HashedAnswer I3 = new HashedAnswer("rnn-course/12/interview3/", "c8e28d26672907be20c4ccf2b42120e89f39ccc779fc92e254188a5a3fcd1845");
    private static final HashedAnswer I4 = new HashedAnswer("rnn-course/12/interview4/", "ff2ad24934b464a5beaa8def31913c3224c3817246bed076bfc081bfceb7e968");

    /** Interview 1: how an RNN works. */
    public static void checkHowAnRnnWorks(char choice) {
        Check.choice(Messages.get("lesson12.interview1"), I1, choice, Messages.get("lesson12.interview1.hint"));
    }

    /** Interview 2: vanishing and exploding gradients. */
    public static void checkVanishingVsExploding(char choice) {
        Check.choice(Messages.get("lesson12.interview2"), I2, choice, Messages.get("lesson12.interview2.hint"));
    }

    /** Interview 3: when an LSTM or a GRU instead of a simple RNN. */
    public static void checkWhenLstmOrGru(char choice) {
        Check.choice(Messages.get("lesson12.interview3"), I3, choice, Messages.get("lesson12.interview3.hint"));
    }

    /** Interview 4: BPTT and ordinary backpropagation. */
    public static void checkBpttVsBackprop(char choice) {
        Check.choice(Messages.get("lesson12.interview4"), I4, choice, Messages.get("lesson12.interview4.hint"));
    }

    // ---- the final quiz -----------------------------------------------------------------------
    // The answers, and the wrong answers worth naming, as salted hashes (see HashedAnswer).

    private static final HashedAnswer Q00 = new HashedAnswer("rnn-course/12/q00/", "ba7b98cfa374718272dd5f08f95c98b7164dc66de391b24b0519da0eef9f6a5f");
    private static final HashedAnswer Q01 = new HashedAnswer("rnn-course/12/q01/", "4e903041f8015c3175ad221e7a39beed0b5e5b4a5b44d1b1f5e5a1e0cba067e0");
    private static final HashedAnswer Q05 = new HashedAnswer("rnn-course/12/q05/", "e9ad5f5c3ca5c70d4e8f1a9c59101053a6b05efe438962cacb3070ef7cfe58e0");
    private static final HashedAnswer Q06 = new HashedAnswer("rnn-course/12/q06/", "2c2f4cbb8264156e23044a037c2414e2f7013a5a36352f03e64d5aafea6f4b38");
    private static final HashedAnswer Q06_ONE_MORE = new HashedAnswer("rnn-course/12/q06-one-more/", "e1f353b532ee7ac4e165d6d301119c3ce552f95a9b549410b680164abfee8fbd");
    private static final HashedAnswer Q06_ONE_LESS = new HashedAnswer("rnn-course/12/q06-one-less/", "5530d85dd451d32da05ea64d68e8b159ccd4048f4b47a136b8506171f358185c");
    private static final HashedAnswer Q08 = new HashedAnswer("rnn-course/12/q08/", "5165f51d85dca5c3edd1405fd23219d782786eac30c12d9110f06e00fdbc4941");
    private static final HashedAnswer Q08_START = new HashedAnswer("rnn-course/12/q08-start/", "87df07e88d27cddfa6e24723676e55a965063ccbf9fc0997bf1970fbba8183db");
    private static final HashedAnswer Q09 = new HashedAnswer("rnn-course/12/q09/", "dd3bd381589ef57a202116bbf0fc74560c5ffc9485d665ad799776f0b76d357c");
    private static final HashedAnswer Q09_BY_VALUE = new HashedAnswer("rnn-course/12/q09-by-value/", "1504f5024a113200408e714acea553d1bd47a948ab53195a17ac67693a6d64b6");
    private static final HashedAnswer Q11 = new HashedAnswer("rnn-course/12/q11/", "6760929289761c5e3e7bae8c488889beacd06ca4ed7e30088b937e1aa7d7c420");
    private static final HashedAnswer Q11_PRECISION = new HashedAnswer("rnn-course/12/q11-precision/", "572ea6f99e3a19f678c7ea123b148043df9ec0aa829e44ab8a1ae2583df2eff4");
    private static final HashedAnswer Q11_RECALL = new HashedAnswer("rnn-course/12/q11-recall/", "07fc69d3381f35ff24b4e748f53fdffc4d7a6aff6a628b79a80f489b6b197e0a");
    private static final HashedAnswer Q02 = new HashedAnswer("rnn-course/12/q02/", "b06bdb48106c982c48dabb0ad06564b2bf96bcd0e067254f7340f45bb3bfb75f");
    private static final HashedAnswer Q04 = new HashedAnswer("rnn-course/12/q04/", "ba0b65e9329e097659995b34042fb0142d97e288c7a088b250c5991d4dfae7b6");
    private static final HashedAnswer Q04_LAST_ONLY = new HashedAnswer("rnn-course/12/q04-last-only/", "4c171b5f6ce67d27bc4b7eb61362fc4ae471aba26c7e6837294c429c107b0ac8");
    private static final HashedAnswer Q04_NO_BATCH = new HashedAnswer("rnn-course/12/q04-no-batch/", "70a45379f87c9c43c125e59185ebe96007775ef09afeef2eb85bb2805c7f070e");
    private static final HashedAnswer Q04_FEATURES = new HashedAnswer("rnn-course/12/q04-features/", "89930c44e1193f2920ca692396cb443efd8d81a5f8ee2ce98f653fdfcefbc6ed");
    private static final HashedAnswer Q07 = new HashedAnswer("rnn-course/12/q07/", "4953615cc8fb82b98aad02e3d7477d54da9654ca5c2441790f4c6d62e5b939b3");
    private static final HashedAnswer Q10 = new HashedAnswer("rnn-course/12/q10/", "d0f21b6440ce1f7ae3c618f3aca9d0926e7618d8980b772bbc82bb104793aa09");

    private static void whole(String what, HashedAnswer answer, long actual, String hint) {
        if (!answer.matches(actual)) {
            throw Check.fail(what, Messages.get("check.notTheAnswer", actual) + Check.unassigned(actual == 0), hint);
        }
        Check.pass(what);
    }

    private static void real(String what, HashedAnswer answer, double actual, int decimals, String hint) {
        if (!Double.isFinite(actual)) {
            throw Check.fail(what, Messages.get("check.notANumber", actual), hint);
        }
        if (!answer.matches(actual, decimals)) {
            throw Check.fail(what, Messages.get("lesson12.rounded", HashedAnswer.real(actual, decimals), decimals)
                    + Check.unassigned(actual == 0), hint);
        }
        Check.pass(what);
    }

    /** Lesson 00: what the first code cell of every lesson does. */
    public static void checkQuiz00(char choice) {
        Check.choice(Messages.get("lesson12.q00"), Q00, choice, Messages.get("lesson12.q00.hint"));
    }

    /** Lesson 01: the hidden state. */
    public static void checkQuiz01(char choice) {
        Check.choice(Messages.get("lesson12.q01"), Q01, choice, Messages.get("lesson12.q01.hint"));
    }

    /** Lesson 02: which model can tell two orders of the same words apart. */
    public static void checkQuiz02(char choice) {
        Check.choice(Messages.get("lesson12.q02"), Q02, choice, Messages.get("lesson12.q02.hint"));
    }

    /** Lesson 03: note 002's one-matrix step, a function checked on random weights ({@link Lesson12Cell}). */
    public static void checkQuiz03(Lesson12Cell.ConcatStep step) {
        Lesson12Cell.check(Messages.get("lesson12.q03"), step);
    }

    /** Lesson 04: the output shape of SimpleRNN(16, returnSequences) on a batch (32, 20, 8). */
    public static void checkQuiz04(long[] shape) {
        String what = Messages.get("lesson12.q04");
        String hint = Messages.get("lesson12.q04.hint");
        if (shape == null || shape.length == 0) throw Check.missing(what, Messages.get("lesson12.q04.missing"));
        if (Q04_LAST_ONLY.matches(shape)) throw Check.fail(what, Messages.get("lesson12.q04.lastOnly"), hint);
        if (Q04_NO_BATCH.matches(shape)) throw Check.fail(what, Messages.get("lesson12.q04.noBatch"), hint);
        if (Q04_FEATURES.matches(shape)) throw Check.fail(what, Messages.get("lesson12.q04.features"), hint);
        if (!Q04.matches(shape)) throw Check.fail(what, Messages.get("lesson12.q04.notTheShape", shape.length), hint);
        Check.pass(what);
    }

    /** Lesson 05: the architecture of part-of-speech tagging. */
    public static void checkQuiz05(char choice) {
        Check.choice(Messages.get("lesson12.q05"), Q05, choice, Messages.get("lesson12.q05.hint"));
    }

    /**
     * Lesson 06: in the scalar linear RNN a_t = w·a_{t−1} + u·x_t with w = 0.8, what is ∂L/∂a_1
     * when ∂L/∂a_5 = 1 and the loss looks at a_5 only? To 4 decimals.
     */
    public static void checkQuiz06(double dLda1) {
        String what = Messages.get("lesson12.q06");
        if (Q06_ONE_MORE.matches(dLda1, 4) || Q06_ONE_LESS.matches(dLda1, 4)) {
            throw Check.fail(what, Messages.get("lesson12.q06.oneOff"), Messages.get("lesson12.q06.oneOff.hint"));
        }
        real(what, Q06, dLda1, 4, Messages.get("lesson12.q06.hint"));
    }

    /** Lesson 07: where Keras keeps W_hy in Sequential(Input(10, 1), SimpleRNN(50), Dense(1)). */
    public static void checkQuiz07(char choice) {
        Check.choice(Messages.get("lesson12.q07"), Q07, choice, Messages.get("lesson12.q07.hint"));
    }

    /** Lesson 08: the id of the most frequent word with start 1, OOV 2, index_from 3. */
    public static void checkQuiz08(int id) {
        String what = Messages.get("lesson12.q08");
        String hint = Messages.get("lesson12.q08.hint");
        if (Q08_START.matches(id)) throw Check.fail(what, Messages.get("lesson12.q08.start"), hint);
        whole(what, Q08, id, hint);
    }

    /** The gradient of quiz 09. */
    public static double[] quizGradient() {
        return new double[] {3, 4, 12};
    }

    /** Lesson 09: {@link #quizGradient()} clipped by norm to 6.5, to 6 decimals. */
    public static void checkQuiz09(double[] clipped) {
        String what = Messages.get("lesson12.q09");
        String hint = Messages.get("lesson12.q09.hint");
        if (clipped == null) throw Check.missing(what, hint);
        if (clipped.length != 3) throw Check.fail(what, Messages.get("lesson12.q09.count", clipped.length), hint);
        if (Q09_BY_VALUE.matches(clipped, 6)) {
            throw Check.fail(what, Messages.get("lesson12.q09.byValue"), hint);
        }
        if (!Q09.matches(clipped, 6)) {
            throw Check.fail(what, Messages.get("lesson12.q09.notClipped"), hint);
        }
        Check.pass(what);
    }

    /** Lesson 10: the path along which an LSTM's gradient crosses many steps. */
    public static void checkQuiz10(char choice) {
        Check.choice(Messages.get("lesson12.q10"), Q10, choice, Messages.get("lesson12.q10.hint"));
    }

    /** Lesson 11: F1 of a classifier with TP = 30, FP = 10, FN = 20, to 6 decimals. */
    public static void checkQuiz11(double f1) {
        String what = Messages.get("lesson12.q11");
        if (Q11_PRECISION.matches(f1, 6) || Q11_RECALL.matches(f1, 6)) {
            throw Check.fail(what, Messages.get("lesson12.q11.precisionRecall"), Messages.get("lesson12.q11.precisionRecall.hint"));
        }
        real(what, Q11, f1, 6, Messages.get("lesson12.q11.hint"));
    }
}
