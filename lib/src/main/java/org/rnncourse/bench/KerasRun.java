package org.rnncourse.bench;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Keras side of {@link ImdbBenchmark}: writes the token ids as NumPy files, runs the same model in
 * Keras on JAX in a Python process and reads its epoch times, so both sides are timed in one run.
 */
final class KerasRun {
    private KerasRun() {}

    /**
     * Trains the same model in Keras on JAX ({@code tools/keras_benchmark.py}) on the same token ids,
     * batches of 32 and 128, and returns a summary row per batch size; prints why when it cannot.
     */
    static List<String[]> times(String python, String kind, int[][] x, int[] y, int epochs, String what)
            throws IOException, InterruptedException {
        List<String[]> rows = new ArrayList<>();
        String py = python != null ? python : System.getenv().getOrDefault("KERAS_PYTHON", "python3");
        Path script = Path.of(System.getProperty("rnncourse.root", "."), "tools", "keras_benchmark.py");
        if (!Files.exists(script)) {
            System.out.println("\nKeras: skipped, " + script + " not found (run from the course folder)");
            return rows;
        }
        ProcessBuilder checkBuilder = new ProcessBuilder(py, "-c", "import keras, jax").redirectErrorStream(true);
        checkBuilder.environment().put("KERAS_BACKEND", "jax"); // Keras's default backend is TensorFlow
        Process check = checkBuilder.start();
        check.getInputStream().readAllBytes();
        if (check.waitFor() != 0) {
            System.out.println("\nKeras: skipped, 'KERAS_BACKEND=jax " + py + " -c \"import keras, jax\"' fails; install them with "
                    + py + " -m pip install keras==3.15.1 jax");
            return rows;
        }
        Path dir = Files.createTempDirectory("imdb-bench");
        try {
            writeNpy(dir.resolve("x.npy"), x);
            writeNpy(dir.resolve("y.npy"), new int[][] {y});
            System.out.println("\nKeras on JAX, the same model (" + ImdbBenchmark.layerName(kind) + ") and the same " + what + " token ids:");
            for (int b : new int[] {32, 128}) {
                List<String> cmd = List.of(py, script.toString(), "--x", dir.resolve("x.npy").toString(),
                        "--y", dir.resolve("y.npy").toString(), "--epochs", String.valueOf(epochs),
                        "--batch", String.valueOf(b), "--layer", kind);
                ProcessBuilder pb = new ProcessBuilder(cmd);
                pb.environment().put("KERAS_BACKEND", "jax");
                pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
                pb.redirectErrorStream(true);
                Process p = pb.start();
                double best = Double.NaN;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("EPOCH ")) {
                            String[] f = line.split(" ");
                            double s = Double.parseDouble(f[2]);
                            best = Double.isNaN(best) ? s : Math.min(best, s);
                            System.out.printf(Locale.ROOT, "  keras batch %d epoch %s: %.2f s  %s%n", b, f[1], s,
                                    String.join(" ", java.util.Arrays.copyOfRange(f, 3, f.length)));
                        } else if (line.startsWith("PEAK ")) {
                            System.out.println("  keras batch " + b + " peak memory (the Python process): " + line.substring(5));
                        } else if (line.startsWith("INFO ")) {
                            System.out.println("  " + line.substring(5));
                        }
                    }
                }
                if (p.waitFor() != 0 || Double.isNaN(best)) {
                    System.out.println("  keras batch " + b + ": failed (exit " + p.exitValue() + ")");
                    continue;
                }
                int trainRows = (int) Math.floor(x.length * 0.8);
                rows.add(new String[] {"keras/jax, " + ImdbBenchmark.layerName(kind) + ", " + what + ", batch " + b, ImdbBenchmark.fmt(best),
                    String.format(Locale.ROOT, "%.0f", trainRows / best),
                    String.format(Locale.ROOT, "%.1f", ImdbBenchmark.flops(ImdbBenchmark.gates(kind), trainRows, x.length - trainRows) / best / 1e9)});
            }
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        return rows;
    }

    /** A .npy file of int32 (NumPy's own format: a short header, then the numbers, little-endian). */
    static void writeNpy(Path file, int[][] rows) throws IOException {
        boolean vector = rows.length == 1;
        int n = vector ? rows[0].length : rows.length, t = vector ? 0 : rows[0].length;
        String shape = vector ? "(" + n + ",)" : "(" + n + ", " + t + ")";
        StringBuilder header = new StringBuilder("{'descr': '<i4', 'fortran_order': False, 'shape': " + shape + ", }");
        while ((10 + header.length() + 1) % 64 != 0) header.append(' ');
        header.append('\n');
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xff);
            out.write(header.length() >> 8);
            out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            ByteBuffer buf = ByteBuffer.allocate(4 * Math.max(1, vector ? n : t)).order(ByteOrder.LITTLE_ENDIAN);
            for (int[] row : rows) {
                buf.clear();
                for (int v : row) buf.putInt(v);
                out.write(buf.array(), 0, buf.position());
            }
        }
    }
}
