package org.rnncourse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Facts about the companion library itself: its version, and where the course's data lives. */
public final class Course {
    private Course() {}

    /** The library's version, as built by Maven (e.g. {@code 0.1.0}). */
    public static String version() {
        try (InputStream in = Course.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown (built without Maven resources)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The environment variable that asks long lessons for a short run (any value but 0 or empty). */
    public static final String QUICK_VARIABLE = "RNN_COURSE_QUICK";

    /**
     * True when {@value #QUICK_VARIABLE} is set: lessons that train for minutes then train on less
     * data for fewer epochs, for a quick look. The README's test command always runs them in full.
     */
    public static boolean quick() {
        String v = System.getenv(QUICK_VARIABLE);
        return v != null && !v.isBlank() && !v.trim().equals("0");
    }

    /** The environment variable that names the folder for saved models (tests point it elsewhere). */
    public static final String MODELS_VARIABLE = "RNN_COURSE_MODELS";

    /**
     * Where lessons keep the models they save, so a later lesson (or a new session) can load them:
     * the folder named by {@value #MODELS_VARIABLE}, else {@code $XDG_CACHE_HOME/rnn-course/models},
     * else {@code ~/.cache/rnn-course/models} (beside the IMDB archive, outside the repository).
     */
    public static Path modelsFolder() {
        String v = System.getenv(MODELS_VARIABLE);
        if (v != null && !v.isBlank()) return Path.of(v.trim()).toAbsolutePath();
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("rnn-course").resolve("models");
    }

    /** The path of a saved model in {@link #modelsFolder()}, e.g. {@code savedModel("imdb-simple-rnn.keras")}. */
    public static String savedModel(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException(Messages.get("course.savedModel.badName",
                    fileName == null ? "null" : "\"" + fileName + "\""));
        }
        return modelsFolder().resolve(fileName).toString();
    }

    /** The English edition's language code (the default). */
    public static final String ENGLISH = "en";
    /** The Vietnamese edition's language code. */
    public static final String VIETNAMESE = "vi";
    private static final List<String> LANGUAGES = List.of(ENGLISH, VIETNAMESE);

    /** The language a lesson's first cell chose, or null when none did (then the JVM's locale decides). */
    private static volatile String language;

    /**
     * Chooses the language the library speaks in: check messages and hints, progress lines, table
     * titles and the errors a learner meets. Each edition's first cell calls it:
     * {@code Course.setLanguage("en")} or {@code Course.setLanguage("vi")}.
     *
     * @throws IllegalArgumentException for anything but "en" or "vi", naming the value given
     */
    public static void setLanguage(String code) {
        if (code == null || !LANGUAGES.contains(code)) {
            throw new IllegalArgumentException(Messages.get("course.language.unknown",
                    code == null ? "null" : "\"" + code + "\"", String.join(", ", LANGUAGES)));
        }
        language = code;
    }

    /**
     * The language the library speaks in: the one {@link #setLanguage} chose, else "vi" when the
     * JVM's default locale is Vietnamese, else "en".
     */
    public static String language() {
        String chosen = language;
        if (chosen != null) return chosen;
        return Locale.getDefault().getLanguage().equals(VIETNAMESE) ? VIETNAMESE : ENGLISH;
    }

    /** Forgets the chosen language, so the JVM's locale decides again (for tests). */
    static void clearLanguage() {
        language = null;
    }

    /** One line for the first cell of a lesson: the library is loaded and which version it is. */
    public static String banner() {
        return Messages.get("course.banner", version(), Runtime.version().feature());
    }
}
