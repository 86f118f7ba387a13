package org.rnncourse.exercise;

import org.rnncourse.Messages;
import org.rnncourse.data.Glossary;
import tech.tablesaw.api.Table;

/** Checks for the exercises of lesson 01 (terminology): reading the glossary table and its Vietnamese terms. */
public final class Lesson01 {
    private Lesson01() {}

    /** Exercise 1: the Vietnamese term for "hidden state", looked up in the glossary table. */
    public static void checkHiddenStateInVietnamese(String answer) {
        Table glossary = Glossary.load();
        String expected = glossary.stringColumn("vietnamese").get(Glossary.find(glossary, "hidden state"));
        String what = Messages.get("lesson01.hiddenState.what");
        if (answer == null || answer.isBlank()) {
            throw Check.missing(what, Messages.get("lesson01.hiddenState.missing"));
        }
        if (!answer.trim().equalsIgnoreCase(expected)) {
            throw Check.fail(what, Messages.get("lesson01.hiddenState.wrong", answer), Messages.get("lesson01.hiddenState.wrong.hint"));
        }
        Check.pass(what + " (" + expected + ")");
    }

    /** Exercise 2's answer, stored only as a salted hash (see {@link HashedAnswer}). */
    private static final HashedAnswer TERMS = new HashedAnswer("rnn-course/01/terms/",
            "f459caa856ce515b05160644d858d471247db6e1f0bd28e1db8169c82fffb871");

    /** Exercise 2: which sentence about the Vietnamese terms (hồi quy / hồi tiếp, bộ nhớ dài-ngắn hạn) is true. */
    public static void checkVietnameseTerms(char letter) {
        Check.choice(Messages.get("lesson01.terms.what"), TERMS, letter, Messages.get("lesson01.terms.hint"));
    }
}
