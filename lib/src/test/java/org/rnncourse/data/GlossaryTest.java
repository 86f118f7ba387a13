package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class GlossaryTest {
    /** Surefire runs in lib/; the course's data folder is one level up. */
    private static final Path SHIPPED = Path.of("..", "data", "glossary.csv");

    @Test
    void theShippedGlossaryHasEveryTermTheCourseMapNames() {
        Table g = Glossary.read(SHIPPED);
        assertEquals(Glossary.COLUMNS, g.columnNames());
        for (String term : List.of("RNN", "sequence", "time step", "hidden state", "recurrence", "BPTT",
                "vanishing gradient", "exploding gradient", "LSTM", "GRU", "embedding", "many-to-one")) {
            int row = Glossary.find(g, term);
            assertTrue(row >= 0, "missing term: " + term);
            assertTrue(!g.stringColumn("vietnamese").get(row).isBlank(), "no Vietnamese term for " + term);
            assertTrue(g.stringColumn("explanation").get(row).length() > 20, "no explanation for " + term);
        }
    }

    @Test
    void vietnameseLettersSurviveTheRoundTrip() {
        Table g = Glossary.read(SHIPPED);
        assertEquals("Trạng thái ẩn", g.stringColumn("vietnamese").get(Glossary.find(g, "hidden state")));
    }

    @Test
    void aFileWithOtherColumnsIsRefusedByName(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("g.csv");
        Files.writeString(bad, "word,meaning,note\na,b,c\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Glossary.read(bad));
        assertTrue(e.getMessage().contains("has columns [word, meaning, note]"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Glossary.read(dir.resolve("none.csv")));
        assertTrue(e.getMessage().contains("none.csv"), e.getMessage());
    }

    @Test
    void findIsCaseInsensitiveAndSaysMinusOneForUnknownTerms() {
        Table g = Glossary.read(SHIPPED);
        assertEquals(Glossary.find(g, "Hidden State"), Glossary.find(g, "hidden state"));
        assertEquals(-1, Glossary.find(g, "transformer"));
        assertThrows(IllegalArgumentException.class, () -> Glossary.find(g, " "));
    }

    @Test
    void theJarCarriesTheSameGlossaryForLessonsRunOutsideTheRepository() throws Exception {
        try (var in = CourseFiles.class.getResourceAsStream(CourseFiles.IN_JAR + "glossary.csv")) {
            org.junit.jupiter.api.Assertions.assertNotNull(in, "glossary.csv missing from the jar's resources");
            assertEquals(Files.readString(SHIPPED), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void courseFilesRefusesPathsOutsideData() {
        assertThrows(IllegalArgumentException.class, () -> CourseFiles.open("../pom.xml"));
    }
}
