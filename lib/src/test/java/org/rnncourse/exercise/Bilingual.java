package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.rnncourse.Course;

/**
 * Runs a check cell in both editions' languages, so a test asserts the English text and the
 * Vietnamese one of the same case. Each run sets the language first and sets English back after,
 * even when the check throws; a test class that uses it also sets English back in its
 * {@code @AfterEach}, so that a failing assertion cannot leave Vietnamese for the next test.
 */
final class Bilingual {
    private Bilingual() {}

    /** What a check said, once in English and once in Vietnamese. */
    record Said(String en, String vi) {}

    /** The failure messages of a check that must fail in both languages. */
    static Said fails(Runnable check) {
        return new Said(failureIn(Course.ENGLISH, check), failureIn(Course.VIETNAMESE, check));
    }

    /** What a check that passes prints, in both languages. */
    static Said prints(Runnable check) {
        return new Said(printedIn(Course.ENGLISH, check), printedIn(Course.VIETNAMESE, check));
    }

    /** The failure message of {@code check} run in {@code language}. */
    static String failureIn(String language, Runnable check) {
        Course.setLanguage(language);
        try {
            return assertThrows(AssertionError.class, check::run, "the check passed in " + language).getMessage();
        } finally {
            Course.setLanguage(Course.ENGLISH);
        }
    }

    /** What {@code check} prints when run in {@code language}. */
    static String printedIn(String language, Runnable check) {
        Course.setLanguage(language);
        try {
            return Output.of(check);
        } finally {
            Course.setLanguage(Course.ENGLISH);
        }
    }
}
