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
        if (answer == null || answer.isBlank()) {
            throw new AssertionError("The answer is empty. Hint: filter the table on the column \"term\" "
                    + "and read the column \"vietnamese\" of that row.");
        }
        if (!answer.trim().equalsIgnoreCase(expected)) {
            throw new AssertionError("Expected \"" + expected + "\", got \"" + answer + "\". Hint: is it the row "
                    + "whose term starts with \"Hidden state\", and the column \"vietnamese\"?");
        }
        System.out.println("✔ Right: hidden state = " + expected + ".");
    }

    /** Exercise 2: how many glossary explanations mention the word "gradient" (any case). */
    public static void checkGradientTermCount(int answer) {
        Table glossary = Glossary.load();
        int expected = countMentions(glossary, "gradient");
        if (answer != expected) {
            throw new AssertionError("Expected " + expected + " explanations that mention \"gradient\", got " + answer
                    + ". Hint: lower-case each explanation before looking for \"gradient\", and count rows, not words.");
        }
        System.out.println("✔ Right: " + expected + " terms talk about gradients: training an RNN is mostly about them.");
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
