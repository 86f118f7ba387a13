package org.rnncourse;

import java.util.function.Supplier;

/**
 * Makes what the library prints, titles or draws in one language, for tests that assert a text in
 * English and in Vietnamese (tables, progress lines, diagram labels). The language is set back to
 * English afterwards, even when the code throws; a test class that uses it also sets English back
 * in its {@code @AfterEach}, so that a failing assertion cannot leave Vietnamese for the next test.
 */
public final class OutputInLanguage {
    private OutputInLanguage() {}

    /** What {@code make} returns when run with the course set to {@code language} ("en" or "vi"). */
    public static <T> T in(String language, Supplier<T> make) {
        Course.setLanguage(language);
        try {
            return make.get();
        } finally {
            Course.setLanguage(Course.ENGLISH);
        }
    }

    /** {@link #in} with Vietnamese. */
    public static <T> T vietnamese(Supplier<T> make) {
        return in(Course.VIETNAMESE, make);
    }

    /** What {@code run} prints on {@code System.out} when run with the course set to {@code language}. */
    public static String printedIn(String language, Runnable run) {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            in(language, () -> {
                run.run();
                return null;
            });
        } finally {
            System.setOut(out);
        }
        return said.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
