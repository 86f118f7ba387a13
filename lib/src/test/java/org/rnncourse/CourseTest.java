package org.rnncourse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CourseTest {
    @Test
    void theVersionComesFromTheMavenBuild() {
        assertTrue(Course.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), Course.version());
        assertTrue(Course.banner().startsWith("RNN course library " + Course.version() + " loaded"));
    }

    @Test
    void savedModelsLiveInOneFolderOutsideTheRepository() {
        String p = Course.savedModel("imdb-simple-rnn.keras");
        org.junit.jupiter.api.Assertions.assertTrue(p.endsWith(java.io.File.separator + "imdb-simple-rnn.keras"), p);
        org.junit.jupiter.api.Assertions.assertEquals(Course.modelsFolder().resolve("imdb-simple-rnn.keras").toString(), p);
        if (System.getenv(Course.MODELS_VARIABLE) == null) {
            org.junit.jupiter.api.Assertions.assertTrue(p.contains("rnn-course" + java.io.File.separator + "models"), p);
        }
        for (String bad : new String[] {null, "", "a/b.keras"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Course.savedModel(bad));
        }
    }
}
