package org.rnncourse.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A JVM started without the Vector API module still trains, on the plain path, and says how to speed up. */
class FallbackTest {

    private static String run(String... jvmOptions) throws Exception {
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = Path.of("target", "classes") + java.io.File.pathSeparator + Path.of("target", "test-classes");
        List<String> cmd = new ArrayList<>(List.of(javaExe));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", cp, "org.rnncourse.fast.FastProbe"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void withoutTheModuleThePlainPathGivesTheSameResultsAndAdvisesOnce() throws Exception {
        String out = run();
        assertTrue(out.contains("path: plain Java (the JVM was started without --add-modules jdk.incubator.vector)"), out);
        assertTrue(out.contains("product: 1.0 2.0 3.0 4.0 tanh(1) = 0.7615942"), out);
        assertEquals(1, out.split("start the kernel's JVM with --add-modules jdk.incubator.vector", -1).length - 1, out);
    }

    @Test
    void withTheModuleTheVectorPathRunsAndStaysQuiet() throws Exception {
        String out = run("--add-modules", "jdk.incubator.vector");
        assertTrue(out.contains("path: JDK Vector API"), out);
        assertTrue(out.contains("product: 1.0 2.0 3.0 4.0 tanh(1) = 0.7615942"), out);
        assertTrue(!out.contains("Note:"), out);
    }
}
