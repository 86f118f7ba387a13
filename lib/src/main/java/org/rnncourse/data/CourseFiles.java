package org.rnncourse.data;

import org.rnncourse.Args;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The small files the course ships in {@code data/}. A lesson reads them from the repository
 * ({@code ../data} seen from {@code notebooks/}, or {@code data} from the root), where a learner can
 * open and edit them; anywhere else (a lesson copied into an nbgrader folder) it reads the copy
 * that the build put into the library jar.
 */
public final class CourseFiles {
    static final String IN_JAR = "/org/rnncourse/data/files/";

    private CourseFiles() {}

    /** The file in the repository's {@code data/} folder, if this process can see it. */
    public static Optional<Path> onDisk(String name) {
        Args.notNull("name", name);
        for (Path dir : List.of(Path.of("..", "data"), Path.of("data"))) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Opens a course data file: from {@code data/} when visible, else from the library jar. */
    public static InputStream open(String name) {
        if (name == null || name.isBlank() || name.contains("..")) {
            throw new IllegalArgumentException("name must be a file name in data/, got \"" + name + "\"");
        }
        try {
            Optional<Path> disk = onDisk(name);
            if (disk.isPresent()) {
                return Files.newInputStream(disk.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read data/" + name + ": " + e.getMessage(), e);
        }
        InputStream in = CourseFiles.class.getResourceAsStream(IN_JAR + name);
        if (in == null) {
            throw new IllegalStateException("The course file data/" + name + " is neither in "
                    + Path.of("").toAbsolutePath() + "/../data nor in the library jar: rebuild the library with ./course build.");
        }
        return in;
    }
}
