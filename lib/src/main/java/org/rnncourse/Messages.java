package org.rnncourse;

import java.text.Format;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What the library says to a learner, in the learner's language ({@link Course#language()}).
 *
 * <p>The texts live in one resource bundle, {@code org/rnncourse/messages.properties} (English)
 * and {@code messages_vi.properties} (Vietnamese), read as UTF-8. A text is a
 * {@link MessageFormat} pattern: {@code {0}} is the first argument, an apostrophe is written
 * {@code ''} and a literal brace {@code '{'}.
 *
 * <p>Figures look the same in both editions: a plain {@code {0}} shows a number the way Java's
 * {@code String.valueOf} does (no grouping, a dot for decimals), and {@code {0,number,...}} formats
 * with {@link Locale#ROOT}, never with Vietnamese separators. Callers usually pass numbers already
 * formatted (e.g. {@code "%.6g"}), as the English texts did before.
 */
public final class Messages {
    private Messages() {}

    /** The bundle's base name (English is the base file; Vietnamese is {@code _vi}). */
    static final String BUNDLE = "org.rnncourse.messages";

    /**
     * Properties files only, and no fallback to the JVM's default locale: English asked on a
     * Vietnamese machine gives English. A key missing from the Vietnamese file falls back to the
     * English base file through the bundle's parent chain rather than failing.
     */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The text for {@code key} in the current language, with {@code args} put in its place holders. */
    public static String get(String key, Object... args) {
        String pattern = pattern(key, Course.language());
        MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length && i < formats.length; i++) {
            // A plain {i} with a number: show it as Java prints it ("1234", "0.5"), as the
            // English texts did before they moved here, not as NumberFormat would ("1,234").
            if (formats[i] == null && shown[i] instanceof Number) {
                shown[i] = String.valueOf(shown[i]);
            }
        }
        return format.format(shown);
    }

    /** The raw pattern for {@code key} in {@code language} ("en" or "vi"). */
    static String pattern(String key, String language) {
        try {
            return bundle(language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text for message key \"" + key + "\" in " + BUNDLE
                    + ".properties: the library's messages are incomplete", e);
        }
    }

    /** The bundle for "en" (the base file) or "vi" (the Vietnamese file, English behind it). */
    static ResourceBundle bundle(String language) {
        return bundle(BUNDLE, language);
    }

    /** {@link #bundle(String)} for any base name (tests check the fallback with a bundle of their own). */
    static ResourceBundle bundle(String baseName, String language) {
        Locale locale = language.equals(Course.VIETNAMESE) ? Locale.forLanguageTag("vi") : Locale.ROOT;
        return ResourceBundle.getBundle(baseName, locale, Messages.class.getClassLoader(), CONTROL);
    }

    /** The languages that have a file in the bundle, English first. */
    static List<String> languages() {
        return List.of(Course.ENGLISH, Course.VIETNAMESE);
    }
}
