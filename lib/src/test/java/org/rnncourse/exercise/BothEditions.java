package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.rnncourse.Course;

/**
 * Runs a check cell in the English and in the Vietnamese edition, for the tests of lessons 07–12:
 * the same wrong answer must be named in the learner's language. Every method sets the language
 * back to English when it is done, also when the check does not fail as expected; the test classes
 * reset it in {@code @AfterEach} as well.
 */
final class BothEditions {
    private BothEditions() {}

    /** The failure message {@code check} gives in {@code language} ("en" or "vi"). */
    static String failureIn(String language, Runnable check) {
        Course.setLanguage(language);
        try {
            return assertThrows(AssertionError.class, check::run).getMessage();
        } finally {
            Course.setLanguage("en");
        }
    }

    /** What {@code check} prints in {@code language} (its ✔ line). */
    static String outputIn(String language, Runnable check) {
        Course.setLanguage(language);
        try {
            return Output.of(check);
        } finally {
            Course.setLanguage("en");
        }
    }

    /**
     * Asserts that {@code check} fails with a message holding {@code english} in the English edition
     * and {@code vietnamese} in the Vietnamese one; returns the English message.
     */
    static String assertNamed(Runnable check, String english, String vietnamese) {
        String en = failureIn("en", check);
        assertTrue(en.contains(english), "English: " + en);
        String vi = failureIn("vi", check);
        assertTrue(vi.contains(vietnamese), "Vietnamese: " + vi);
        return en;
    }
}
