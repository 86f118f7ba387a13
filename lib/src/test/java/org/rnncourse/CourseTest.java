package org.rnncourse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CourseTest {
    @Test
    void theVersionComesFromTheMavenBuild() {
        assertTrue(Course.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), Course.version());
        assertTrue(Course.banner().startsWith("RNN course library " + Course.version() + " loaded"));
    }
}
