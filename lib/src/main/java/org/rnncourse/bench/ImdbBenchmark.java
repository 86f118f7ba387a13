package org.rnncourse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.rnncourse.data.Imdb;
import org.rnncourse.data.ImdbData;
import org.rnncourse.data.Sequences;
import org.rnncourse.fast.Fast;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.ProgressBar;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.trainers.FitOptions;

/**
 * Times the training of lesson 08's model (Embedding(10000, 128) on 200 tokens → SimpleRNN(64) →
 * Dropout(0.5) → Dense(1, sigmoid); Adam; binary cross-entropy) on the IMDB reviews and on random
 * data of the same shape, and, when Keras with JAX is importable from the given Python, trains the
 * same model in Keras on the same token ids in the same run, to print the ratio.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp lib/target/rnn-course.jar org.rnncourse.bench.ImdbBenchmark \
 *      [--epochs 3] [--batch 128] [--data imdb|synthetic|both] [--python .venv/bin/python] [--no-keras]
 *      [--no-test-accuracy] [--threads 1] [--layer simple_rnn|lstm|gru|all]
 * </pre>
 * {@code --layer} puts an LSTM(64) or a GRU(64) (Keras's defaults) in the SimpleRNN's place, on both
 * sides; {@code all} times the three, one after another.
 * An epoch is 20,000 training reviews and the validation pass over 5,000 (validationSplit 0.2), timed
 * the same way on both sides, as Keras's own "s/epoch" is. It is a program, not a unit test: it takes
 * minutes and its numbers depend on the machine.
 */
public final class ImdbBenchmark {
    static final int VOCAB = 10_000, EMBED = 128, MAXLEN = 200, UNITS = 64;

    private ImdbBenchmark() {}

    public static void main(String[] args) throws Exception {
        int epochs = 3, batch = 128;
        String data = "both", python = null;
        boolean keras = true, testAccuracy = true;
        List<String> kinds = List.of("simple_rnn");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--data" -> data = args[++i];
                case "--python" -> python = args[++i];
                case "--no-keras" -> keras = false;
                case "--layer" -> {
                    String l = args[++i];
                    if (l.equals("all")) {
                        kinds = List.of("simple_rnn", "lstm", "gru");
                    } else if (List.of("simple_rnn", "lstm", "gru").contains(l)) {
                        kinds = List.of(l);
                    } else {
                        System.out.println("--layer: expected simple_rnn, lstm, gru or all, got " + l);
                        System.exit(2);
                    }
                }
                case "--no-test-accuracy" -> testAccuracy = false;
                // Read once, when the nn package first runs: so set here, before any model exists.
                case "--threads" -> System.setProperty("rnncourse.threads", args[++i]);
                default -> {
                    System.out.println("unknown option " + args[i] + "; options: --epochs N --batch N "
                            + "--data imdb|synthetic|both --python PATH --no-keras --no-test-accuracy --threads N "
                            + "--layer simple_rnn|lstm|gru|all");
                    System.exit(2);
                }
            }
        }
        System.out.println("Lesson 08 model: Embedding(" + VOCAB + ", " + EMBED + ") on " + MAXLEN
                + " tokens -> " + String.join(" | ", kinds.stream().map(ImdbBenchmark::layerName).toList())
                + " -> Dropout(0.5) -> Dense(1, sigmoid); Adam; binary cross-entropy");
        System.out.println("Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, kernels: " + Fast.description() + ", load average " + loadAverage()
                + " (other programs running make every figure slower)");

        List<String[]> summary = new ArrayList<>();
        int[][] imdbX = null;
        int[] imdbY = null;
        ImdbData imdb = null;
        if (!data.equals("synthetic")) {
            try {
                imdb = Imdb.loadData(VOCAB);
            } catch (RuntimeException e) {
                System.out.println("\nIMDB: not available (" + e.getMessage() + "); timing on synthetic data only");
                data = "synthetic";
            }
        }
        int[][] xTest = null;
        if (imdb != null) {
            imdbX = Sequences.padSequences(imdb.xTrain(), MAXLEN);
            imdbY = imdb.yTrain();
            if (testAccuracy) xTest = Sequences.padSequences(imdb.xTest(), MAXLEN);
        }
        int[][] synthX = null;
        int[] synthY = null;
        if (!data.equals("imdb")) {
            Random rng = new Random(7);
            int n = 25_000;
            synthX = new int[n][MAXLEN];
            synthY = new int[n];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < MAXLEN; t++) synthX[i][t] = 1 + rng.nextInt(VOCAB - 1);
                synthY[i] = rng.nextInt(2);
            }
            if (imdbX == null) {
                imdbX = synthX;
                imdbY = synthY;
            }
        }
        String what = imdb != null ? "IMDB" : "synthetic";
        List<double[]> ratios = new ArrayList<>();
        for (String kind : kinds) {
            String name = layerName(kind);
            List<String[]> rows = new ArrayList<>();
            if (imdb != null) {
                System.out.printf(Locale.ROOT, "%nIMDB, %s: %d training reviews padded to %d tokens%n", name, imdbX.length, MAXLEN);
                Run r = train("IMDB", kind, imdbX, imdbY, epochs, batch);
                rows.add(r.row("ours, " + name + ", IMDB, batch " + batch));
                if (xTest != null) {
                    Map<String, Double> m = r.model.evaluate(xTest, imdb.yTest());
                    System.out.printf(Locale.ROOT, "  test accuracy after %d epochs: %.4f (loss %.4f) on %d test reviews%n",
                            epochs, m.get("accuracy"), m.get("loss"), xTest.length);
                }
            }
            if (synthX != null) {
                System.out.printf(Locale.ROOT, "%nSynthetic, %s: %d random sequences of %d token ids, random labels%n",
                        name, synthX.length, MAXLEN);
                rows.add(train("synthetic", kind, synthX, synthY, epochs, batch)
                        .row("ours, " + name + ", synthetic, batch " + batch));
            }
            double oursBest = Double.NaN;
            for (String[] row : rows) if (row[0].startsWith("ours, " + name + ", " + what)) oursBest = Double.parseDouble(row[1]);
            if (keras) rows.addAll(KerasRun.times(python, kind, imdbX, imdbY, epochs, what));
            summary.addAll(rows);
            for (String[] row : rows) {
                if (row[0].startsWith("keras")) ratios.add(new double[] {summary.indexOf(row), oursBest});
            }
        }
        System.out.println();
        System.out.println("Summary (best epoch; an epoch = 20,000 training + 5,000 validation reviews; GFLOP/s counts"
                + " the model's FLOP per epoch, see flops(); ours does fewer, by projecting tokens, not positions):");
        System.out.printf(Locale.ROOT, "  %-44s %10s %12s %10s%n", "run", "s/epoch", "samples/s", "GFLOP/s");
        for (String[] row : summary) {
            System.out.printf(Locale.ROOT, "  %-44s %10s %12s %10s%n", row[0], row[1], row[2], row[3]);
        }
        for (double[] r : ratios) {
            String[] row = summary.get((int) r[0]);
            double k = Double.parseDouble(row[1]);
            System.out.printf(Locale.ROOT, "  ratio ours (batch %d) / %s: %.3f (ours is %.1f× faster)%n",
                    batch, row[0], r[1] / k, k / r[1]);
        }
        System.out.println(memoryLine());
        System.out.println("Load average at the end: " + loadAverage());
    }

    /** "SimpleRNN(64)", "LSTM(64)" or "GRU(64)". */
    static String layerName(String kind) {
        return switch (kind) {
            case "lstm" -> "LSTM(" + UNITS + ")";
            case "gru" -> "GRU(" + UNITS + ")";
            default -> "SimpleRNN(" + UNITS + ")";
        };
    }

    /** The gate blocks of a layer kind: its z has this many times UNITS columns. */
    static int gates(String kind) {
        return switch (kind) {
            case "lstm" -> 4;
            case "gru" -> 3;
            default -> 1;
        };
    }

    static Layer recurrent(String kind) {
        return switch (kind) {
            case "lstm" -> new LSTM(UNITS);
            case "gru" -> new GRU(UNITS);
            default -> new SimpleRNN(UNITS);
        };
    }

    /** The result of training ours once. */
    private record Run(Sequential model, String kind, double best, int trainRows, int valRows) {
        String[] row(String name) {
            return new String[] {name, fmt(best), String.format(Locale.ROOT, "%.0f", trainRows / best),
                String.format(Locale.ROOT, "%.1f", flops(gates(kind), trainRows, valRows) / best / 1e9)};
        }
    }

    /** Shows each epoch as a line with its time, in place of the progress bar (so it runs after the History). */
    private static final class EpochTimer extends ProgressBar {
        final String what;
        final int batch;
        final List<Double> times = new ArrayList<>();
        long cpuAtStart;

        EpochTimer(String what, int batch) {
            super(2);
            this.what = what;
            this.batch = batch;
        }

        @Override
        public void onEpochBegin(int epoch) {
            super.onEpochBegin(epoch);
            cpuAtStart = cpuNanos();
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            double seconds = seconds();
            times.add(seconds);
            System.out.printf(Locale.ROOT, "  ours %s epoch %d/%d: %.2f s (CPU %.2f s; %d steps of %d)  loss %.4f"
                            + "  accuracy %.4f  val_loss %.4f  val_accuracy %.4f%n", what, epoch + 1, epochs(), seconds,
                    (cpuNanos() - cpuAtStart) / 1e9, steps(), batch, logs.get("loss"), logs.get("accuracy"),
                    logs.get("val_loss"), logs.get("val_accuracy"));
        }

        @Override
        protected void finishedLine(String line) {} // only the timed line above, not Keras's
    }

    private static Run train(String what, String kind, int[][] x, int[] y, int epochs, int batch) {
        Sequential model = new Sequential(42, new Input(MAXLEN), new Embedding(VOCAB, EMBED), recurrent(kind),
                new Dropout(0.5), new Dense(1, "sigmoid"));
        model.compile(new Adam(), "binary_crossentropy", "accuracy");
        EpochTimer timer = new EpochTimer(what, batch);
        model.fit(Tensor.of(x), Tensor.of(y), new FitOptions().epochs(epochs).batchSize(batch).validationSplit(0.2)
                .callbacks(timer));
        double best = timer.times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        int trainRows = (int) Math.floor(x.length * 0.8);
        return new Run(model, kind, best, trainRows, x.length - trainRows);
    }

    /**
     * Floating-point operations of one epoch, counted from the shapes (multiply + add = 2):
     * per training review and step, forward x·W (2·E·U) and h·U (2·U²), backward dW (2·E·U), dU (2·U²),
     * dh (2·U²) and dx = dz·Wᵀ for the embedding gradient (2·E·U); per validation review, forward only.
     * For 20,000 + 5,000 reviews: 229 + 25 GFLOP for a SimpleRNN; an LSTM's z has 4·UNITS columns
     * (4× the FLOP), a GRU's 3·UNITS (3×); the gates' element-wise work is not counted.
     */
    static double flops(int gates, long trainRows, long valRows) {
        double fwd = gates * (2.0 * EMBED * UNITS + 2.0 * UNITS * UNITS);
        double bwd = gates * (4.0 * EMBED * UNITS + 4.0 * UNITS * UNITS);
        return MAXLEN * (trainRows * (fwd + bwd) + valRows * fwd);
    }

    /** Peak resident memory of this JVM (VmHWM, Linux) and the peak of its Java heap. */
    static String memoryLine() {
        String hwm = "n/a";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = String.format(Locale.ROOT, "%.0f MB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the heap figure below still says something
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) heap += pool.getPeakUsage().getUsed();
        }
        return String.format(Locale.ROOT, "Peak memory (ours, whole JVM incl. data): resident %s (VmHWM), Java heap %.0f MB",
                hwm, heap / 1048576.0);
    }

    /** CPU time of this JVM, all threads: with 2 threads busy it grows twice as fast as the clock. */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** The machine's load over the last minute (Linux): a busy machine makes every figure slower. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String fmt(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
