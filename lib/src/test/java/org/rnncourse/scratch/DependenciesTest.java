package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The from-scratch math depends on EJML alone (issue 12): no Tablesaw, no Keras-style API, no lesson
 * or display code, so it reads and runs without them. The compiled classes are read, not the sources,
 * so a fully qualified name in the middle of a method counts too.
 *
 * <p>Allowed from the course: {@code org.rnncourse.Args} (argument checks) and
 * {@code org.rnncourse.show.Numbers}, the course's one number rule (plain Java) that
 * {@link Matrices#print} formats with, so a printed matrix reads like every other number; and
 * {@code org.rnncourse.Messages} (plain Java, a resource bundle), from which {@link OwnWork} takes
 * the refusal a learner reads, in the edition's language.
 */
class DependenciesTest {
    private static final Set<String> ALLOWED = Set.of("org/rnncourse/Args", "org/rnncourse/show/Numbers", "org/rnncourse/Messages");
    private static final Pattern COURSE = Pattern.compile("org/rnncourse/[A-Za-z0-9_/$]+");

    /** CharRnn is moving to the lessons package (and to the library's Adam) on its own branch. */
    private static final String MOVING = "CharRnn";

    @Test
    void scratchUsesOnlyJavaEjmlAndTheNumberRule() throws IOException {
        Path dir = Paths.get("target", "classes", "org", "rnncourse", "scratch");
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".class")).sorted().forEach(classes::add);
        }
        assertTrue(classes.size() > 15, "found only " + classes.size() + " classes in " + dir);
        Set<String> offending = new TreeSet<>();
        for (Path c : classes) {
            String name = c.getFileName().toString();
            if (name.startsWith(MOVING)) continue;
            String bytes = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            if (bytes.contains("tech/tablesaw")) offending.add(name + " → Tablesaw");
            Matcher m = COURSE.matcher(bytes);
            while (m.find()) {
                String ref = m.group().replaceAll("\\$.*", "");
                if (!ref.startsWith("org/rnncourse/scratch/") && !ALLOWED.contains(ref)) offending.add(name + " → " + ref);
            }
        }
        assertEquals(Set.of(), offending, "the from-scratch package must depend on EJML alone");
    }
}
