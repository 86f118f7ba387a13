package org.rnncourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/**
 * Runs one failing call in English and again in Vietnamese and checks the message of each: the
 * errors a learner meets come from the bundle, so a test that asserts the English text asserts the
 * Vietnamese one beside it. The language is set back to English afterwards even when an assertion
 * fails, so a failing test never leaks Vietnamese into the next one; tests that use this helper
 * should still reset it in an {@code @AfterEach} ({@link #english()}).
 */
public final class BilingualErrors {
    private BilingualErrors() {}

    /** The message {@code action} throws (of {@code type}) with the library speaking {@code language}. */
    public static String message(String language, Class<? extends Throwable> type, Executable action) {
        Course.setLanguage(language);
        try {
            return assertThrows(type, action, "in " + language).getMessage();
        } finally {
            Course.setLanguage(Course.ENGLISH);
        }
    }

    /** The call fails with exactly {@code english} in English and exactly {@code vietnamese} in Vietnamese. */
    public static void assertMessages(Class<? extends Throwable> type, Executable action, String english, String vietnamese) {
        assertEquals(english, message(Course.ENGLISH, type, action));
        assertEquals(vietnamese, message(Course.VIETNAMESE, type, action));
    }

    /** The Vietnamese message holds every one of {@code parts} (names, numbers and key phrases). */
    public static String assertVietnameseContains(Class<? extends Throwable> type, Executable action, String... parts) {
        String m = message(Course.VIETNAMESE, type, action);
        for (String p : parts) assertTrue(m.contains(p), "'" + p + "' missing in the Vietnamese message: " + m);
        return m;
    }

    /** Back to English: call from {@code @AfterEach}. */
    public static void english() {
        Course.setLanguage(Course.ENGLISH);
    }
}
