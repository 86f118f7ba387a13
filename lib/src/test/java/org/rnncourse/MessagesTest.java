package org.rnncourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Locale defaultLocale = Locale.getDefault();

    @AfterEach
    void backToEnglish() {
        Locale.setDefault(defaultLocale);
        Course.setLanguage("en");
    }

    /** The keys one file itself holds (a bundle would also show the ones it inherits from English). */
    private static Set<String> keys(String language) {
        String file = "/" + Messages.BUNDLE.replace('.', '/') + (language.equals("en") ? "" : "_" + language) + ".properties";
        try (var in = MessagesTest.class.getResourceAsStream(file)) {
            assertTrue(in != null, file + " is not on the class path");
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyKeyIsInBothLanguages() {
        Set<String> en = keys("en");
        Set<String> vi = keys("vi");
        assertTrue(en.size() > 2, "the English file was not read: " + en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(vi);
        Set<String> onlyVi = new TreeSet<>(vi);
        onlyVi.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys with no Vietnamese text");
        assertEquals(Set.of(), onlyVi, "Vietnamese keys with no English text");
    }

    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyTextIsAValidPatternWithTheSamePlaceHolders() {
        for (String key : keys("en")) {
            String en = Messages.pattern(key, "en");
            String vi = Messages.pattern(key, "vi");
            for (String p : new String[] {en, vi}) {
                // A lone apostrophe would start a MessageFormat quote and swallow the place holders
                // after it; only the quoted braces '{' and '}' may use one.
                String unquoted = p.replace("'{'", "").replace("'}'", "");
                assertTrue(!LONE_QUOTE.matcher(unquoted).find(), key + ": write an apostrophe as '' in " + p);
                new MessageFormat(p, Locale.ROOT);
            }
            assertEquals(new MessageFormat(en, Locale.ROOT).getFormatsByArgumentIndex().length,
                    new MessageFormat(vi, Locale.ROOT).getFormatsByArgumentIndex().length,
                    key + ": the two languages use a different number of arguments");
            assertTrue(!vi.equals(en) || !en.matches(".*[a-z]{4,} [a-z]{4,} [a-z]{4,}.*"),
                    key + ": the Vietnamese text is still the English one: " + vi);
        }
    }

    @Test
    void setLanguageChoosesTheLanguageAndRejectsOthersByName() {
        Course.setLanguage("vi");
        assertEquals("vi", Course.language());
        assertTrue(Course.banner().startsWith("Đã nạp thư viện khóa học RNN " + Course.version()), Course.banner());
        Course.setLanguage("en");
        assertEquals("en", Course.language());
        assertTrue(Course.banner().startsWith("RNN course library " + Course.version() + " loaded"), Course.banner());
        for (String bad : new String[] {"fr", "EN", "vi_VN", ""}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Course.setLanguage(bad));
            assertEquals("Course.setLanguage: unknown language \"" + bad + "\"; use one of en, vi", e.getMessage());
        }
        assertEquals("Course.setLanguage: unknown language null; use one of en, vi",
                assertThrows(IllegalArgumentException.class, () -> Course.setLanguage(null)).getMessage());
        assertEquals("en", Course.language(), "a rejected value leaves the language as it was");
        Course.setLanguage("vi");
        assertEquals("Course.setLanguage: không có ngôn ngữ \"fr\"; hãy dùng một trong en, vi",
                assertThrows(IllegalArgumentException.class, () -> Course.setLanguage("fr")).getMessage());
    }

    @Test
    void withNoChoiceTheJvmLocaleDecides() {
        Course.clearLanguage();
        Locale.setDefault(Locale.forLanguageTag("vi-VN"));
        assertEquals("vi", Course.language());
        assertTrue(Course.banner().startsWith("Đã nạp"), Course.banner());
        Locale.setDefault(Locale.GERMANY);
        assertEquals("en", Course.language());
        Locale.setDefault(Locale.US);
        assertEquals("en", Course.language());
        assertTrue(Course.banner().startsWith("RNN course library"), Course.banner());
    }

    @Test
    void englishOnAVietnameseMachineIsEnglish() {
        Locale.setDefault(Locale.forLanguageTag("vi-VN"));
        Course.setLanguage("en");
        assertTrue(Course.banner().startsWith("RNN course library"), Course.banner());
    }

    @Test
    void aKeyMissingInVietnameseFallsBackToEnglish() {
        assertEquals("Cả hai", Messages.bundle("org.rnncourse.fallbacktest", "vi").getString("both"));
        assertEquals("English only", Messages.bundle("org.rnncourse.fallbacktest", "vi").getString("onlyEnglish"));
        assertEquals("English both", Messages.bundle("org.rnncourse.fallbacktest", "en").getString("both"));
        assertEquals("IllegalStateException", assertThrows(IllegalStateException.class,
                () -> Messages.get("no.such.key")).getClass().getSimpleName());
    }

    @Test
    void numbersLookTheSameInBothLanguages() {
        // A plain place holder shows a number as Java prints it; the Vietnamese locale would write
        // 1.234,5 and the English NumberFormat 1,234.5.
        assertEquals("savedModel: give a file name such as \"imdb-simple-rnn.keras\", got 1234.5",
                Messages.get("course.savedModel.badName", 1234.5));
        Course.setLanguage("vi");
        assertTrue(Messages.get("course.savedModel.badName", 1234.5).endsWith("1234.5"));
        assertTrue(Messages.get("course.savedModel.badName", 123456789L).endsWith("123456789"));
    }
}
