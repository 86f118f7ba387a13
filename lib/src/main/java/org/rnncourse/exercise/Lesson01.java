package org.rnncourse.exercise;

import org.rnncourse.data.Glossary;
import tech.tablesaw.api.Table;

/** Checks for the exercises of lesson 01 (terminology): reading the glossary table. */
public final class Lesson01 {
    private Lesson01() {}

    /** Exercise 1: the Vietnamese term for "hidden state", looked up in the glossary table. */
    public static void checkHiddenStateInVietnamese(String answer) {
        Table glossary = Glossary.load();
        String expected = glossary.stringColumn("vietnamese").get(Glossary.find(glossary, "hidden state"));
        String what = "the Vietnamese term for hidden state";
        if (answer == null || answer.isBlank()) {
            throw Check.missing(what, "filter the table on the column \"term\" and read the column \"vietnamese\" of that row.");
        }
        if (!answer.trim().equalsIgnoreCase(expected)) {
            throw Check.fail(what, "\"" + answer + "\" is not the Vietnamese term of that row.",
                    "is it the row whose term starts with \"Hidden state\", and the column \"vietnamese\"?");
        }
        Check.pass(what + " (" + expected + ")");
    }

    /** Exercise 2: how many glossary explanations mention the word "gradient" (any case). */
    public static void checkGradientTermCount(int answer) {
        Table glossary = Glossary.load();
        int expected = countMentions(glossary, "gradient");
        Check.equal("the number of explanations that mention \"gradient\"", expected, answer,
                "lower-case each explanation before looking for \"gradient\", and count rows, not words.");
    }

    /** Rows whose explanation contains {@code word}, ignoring case. */
    static int countMentions(Table glossary, String word) {
        int count = 0;
        for (String explanation : glossary.stringColumn("explanation")) {
            if (explanation.toLowerCase().contains(word.toLowerCase())) {
                count++;
            }
        }
        return count;
    }
}
