package org.rnncourse.scratch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.data.CourseFiles;
import org.rnncourse.nn.optimizers.GradientClipping;

/**
 * A character-level text generator in the style of Karpathy's min-char-rnn: an {@link Rnn} whose
 * input at each step is a one-hot character and whose softmax output is the probability of the
 * next character (many-to-many, aligned).
 *
 * <p><b>Teacher forcing.</b> A training window of the text, e.g. "the cat", is turned into
 * <pre>
 *   input:   t h e ␣ c a        (the TRUE characters 1 … T)
 *   target:  h e ␣ c a t        (the TRUE characters 2 … T + 1)
 * </pre>
 * so at every step the network reads the real previous character, never its own guess. The loss is
 * the cross-entropy at every step; its gradients come from {@link Bptt#manyToMany}. Training draws
 * {@code batchSize} windows at random (seeded) positions of the first 90% of the text; the last 10%
 * is kept aside to measure perplexity on text the model never trained on. Updates use Adam after
 * clipping the global gradient norm.
 *
 * <p><b>Sampling.</b> To write, the model reads a prime (e.g. "the "), then draws the next character
 * from softmax(z / temperature), feeds it back in, and repeats: free running, no teacher.
 */
public final class CharRnn {
    /** The characters the model knows, sorted; character i is one-hot position i. */
    private final String vocabulary;
    private final int[] train;
    private final int[] validation;
    /** The model: W_ax (V, n_a), W_aa, b_a, W_ay (n_a, V), b_y. */
    public final Rnn rnn;
    private final Random random;

    private int sequenceLength = 32;
    private int batchSize = 16;
    private double learningRate = 0.01;
    private double clipNorm = 5.0;

    private int iteration;
    private double smoothLoss = Double.NaN;
    private final List<double[]> adamM = new ArrayList<>();
    private final List<double[]> adamV = new ArrayList<>();

    /** The inputs and targets of one teacher-forced window, as text. */
    public record TeacherForcing(String input, String target) {
        @Override
        public String toString() {
            return "input:  " + show(input) + "\ntarget: " + show(target);
        }
    }

    private CharRnn(String text, int hiddenSize, long seed) {
        if (text == null || text.length() < 20) {
            throw new IllegalArgumentException("text must hold at least 20 characters to train on, got "
                    + (text == null ? "null" : text.length()));
        }
        Shapes.requirePositive("hiddenSize", hiddenSize);
        TreeSet<Character> chars = new TreeSet<>();
        for (char c : text.toCharArray()) chars.add(c);
        StringBuilder v = new StringBuilder();
        for (char c : chars) v.append(c);
        this.vocabulary = v.toString();
        int cut = (int) (text.length() * 0.9);
        this.train = encode(text.substring(0, cut));
        this.validation = encode(text.substring(cut));
        this.random = new Random(seed);
        int V = vocabulary.length();
        // Small weights (0.01 as in min-char-rnn): the first predictions are close to uniform, perplexity ≈ V.
        this.rnn = new Rnn(RnnCell.random(V, hiddenSize, Activation.TANH, 0.01, random),
                OutputLayer.random(hiddenSize, V, Activation.SOFTMAX, 0.01, random));
        for (DMatrixRMaj p : parameters()) {
            adamM.add(new double[p.data.length]);
            adamV.add(new double[p.data.length]);
        }
    }

    /** A generator for {@code text} with {@code hiddenSize} units; weights and batches drawn from {@code seed}. */
    public static CharRnn create(String text, int hiddenSize, long seed) {
        return new CharRnn(text, hiddenSize, seed);
    }

    /** Reads a course text file, e.g. {@code readCourseText("generator-text.txt")}, as UTF-8. */
    public static String readCourseText(String name) {
        try (InputStream in = CourseFiles.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read data/" + name + ": " + e.getMessage(), e);
        }
    }

    // ---- hyperparameters (fluent, before training) --------------------------------------------

    /** T, the number of characters per training window (how far back BPTT goes). Default 32. */
    public CharRnn sequenceLength(int T) {
        Shapes.requirePositive("sequenceLength", T);
        if (T + 1 > train.length) {
            throw new IllegalArgumentException("sequenceLength = " + T + " is longer than the training text ("
                    + train.length + " characters)");
        }
        this.sequenceLength = T;
        return this;
    }

    /** Windows per update. Default 16. */
    public CharRnn batchSize(int m) {
        Shapes.requirePositive("batchSize", m);
        this.batchSize = m;
        return this;
    }

    /** Adam's step size. Default 0.01. */
    public CharRnn learningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("learningRate must be > 0, got " + lr);
        this.learningRate = lr;
        return this;
    }

    /** The largest global gradient norm an update may use (clipping). Default 5. */
    public CharRnn clipNorm(double c) {
        if (!(c > 0) || !Double.isFinite(c)) throw new IllegalArgumentException("clipNorm must be > 0, got " + c);
        this.clipNorm = c;
        return this;
    }

    public int sequenceLength() { return sequenceLength; }
    public int batchSize() { return batchSize; }
    public double learningRate() { return learningRate; }
    public double clipNorm() { return clipNorm; }
    public int iteration() { return iteration; }

    /** The characters the model knows, in one-hot order. */
    public String vocabulary() {
        return vocabulary;
    }

    /** V, the size of the one-hot input and of the softmax output. */
    public int vocabularySize() {
        return vocabulary.length();
    }

    /** Characters in the training part (90%) and the validation part (10%) of the text. */
    public int trainingLength() { return train.length; }
    public int validationLength() { return validation.length; }

    /** The character ids of {@code s}. */
    public int[] encode(String s) {
        int[] ids = new int[s.length()];
        for (int i = 0; i < ids.length; i++) {
            int id = vocabulary.indexOf(s.charAt(i));
            if (id < 0) {
                throw new IllegalArgumentException("character '" + s.charAt(i) + "' at position " + i
                        + " is not in the vocabulary " + show(vocabulary));
            }
            ids[i] = id;
        }
        return ids;
    }

    /** The text of character ids. */
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) sb.append(vocabulary.charAt(id));
        return sb.toString();
    }

    /** The teacher-forced input and target of the training window starting at {@code start}. */
    public TeacherForcing teacherForcing(int start, int length) {
        requireWindow(start, length);
        return new TeacherForcing(decode(java.util.Arrays.copyOfRange(train, start, start + length)),
                decode(java.util.Arrays.copyOfRange(train, start + 1, start + length + 1)));
    }

    // ---- loss and gradients -------------------------------------------------------------------

    /** Inputs X_t (m, V): row i is the one-hot of train[starts[i] + t − 1]. */
    private List<DMatrixRMaj> inputs(int[] text, int[] starts, int T) {
        List<DMatrixRMaj> xs = new ArrayList<>(T);
        for (int t = 0; t < T; t++) {
            DMatrixRMaj x = new DMatrixRMaj(starts.length, vocabularySize());
            for (int i = 0; i < starts.length; i++) x.set(i, text[starts[i] + t], 1.0);
            xs.add(x);
        }
        return xs;
    }

    /** Targets at step t: the TRUE next character, one step after the input (teacher forcing). */
    private List<DMatrixRMaj> targets(int[] text, int[] starts, int T) {
        List<DMatrixRMaj> ys = new ArrayList<>(T);
        for (int t = 0; t < T; t++) {
            DMatrixRMaj y = new DMatrixRMaj(starts.length, vocabularySize());
            for (int i = 0; i < starts.length; i++) y.set(i, text[starts[i] + t + 1], 1.0);
            ys.add(y);
        }
        return ys;
    }

    /** The mean cross-entropy per character (nats) of the training windows at {@code starts}, length T. */
    public double loss(int[] starts, int T) {
        requireStarts(starts, T);
        return Loss.CROSS_ENTROPY.manyToMany(rnn, inputs(train, starts, T), targets(train, starts, T)) / T;
    }

    /**
     * The gradients of {@link #loss(int[], int)}: BPTT's many-to-many gradients (a sum over the T
     * steps) divided by T, so they match a loss per character.
     */
    public RnnGradients gradients(int[] starts, int T) {
        requireStarts(starts, T);
        List<DMatrixRMaj> xs = inputs(train, starts, T);
        RnnGradients g = Bptt.manyToMany(rnn, rnn.forward(xs), targets(train, starts, T), Loss.CROSS_ENTROPY);
        for (DMatrixRMaj d : List.of(g.dWax(), g.dWaa(), g.dba(), g.dWay(), g.dby())) {
            CommonOps_DDRM.scale(1.0 / T, d);
        }
        return g;
    }

    /** The weight matrices in the order W_ax, W_aa, b_a, W_ay, b_y (live: updates change the model). */
    public List<DMatrixRMaj> parameters() {
        return List.of(rnn.cell.Wax, rnn.cell.Waa, rnn.cell.ba, rnn.output.Way, rnn.output.by);
    }

    /**
     * One update: {@code batchSize} windows at random places of the training text, teacher-forced
     * loss and BPTT gradients, global-norm clipping, Adam. Returns the batch's loss per character.
     */
    public double trainStep() {
        int[] starts = new int[batchSize];
        for (int i = 0; i < batchSize; i++) starts[i] = random.nextInt(train.length - sequenceLength);
        List<DMatrixRMaj> xs = inputs(train, starts, sequenceLength);
        List<DMatrixRMaj> ys = targets(train, starts, sequenceLength);
        RnnCache cache = rnn.forward(xs);
        double loss = 0;
        for (int t = 1; t <= sequenceLength; t++) loss += Loss.CROSS_ENTROPY.value(cache.y(t), ys.get(t - 1));
        loss /= sequenceLength;
        RnnGradients g = Bptt.manyToMany(rnn, cache, ys, Loss.CROSS_ENTROPY);
        List<double[]> grads = new ArrayList<>();
        for (DMatrixRMaj d : List.of(g.dWax(), g.dWaa(), g.dba(), g.dWay(), g.dby())) {
            CommonOps_DDRM.scale(1.0 / sequenceLength, d);
            grads.add(d.data);
        }
        GradientClipping.clipByGlobalNorm(grads, clipNorm);
        adam(grads);
        iteration++;
        smoothLoss = Double.isNaN(smoothLoss) ? loss : 0.9 * smoothLoss + 0.1 * loss;
        return loss;
    }

    private void adam(List<double[]> grads) {
        double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        int t = iteration + 1;
        double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
        List<DMatrixRMaj> ps = parameters();
        for (int k = 0; k < ps.size(); k++) {
            double[] p = ps.get(k).data, g = grads.get(k), m = adamM.get(k), v = adamV.get(k);
            for (int i = 0; i < g.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                p[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
            }
        }
    }

    /** The training loss per character, smoothed over the last updates (NaN before the first). */
    public double smoothLoss() {
        return smoothLoss;
    }

    /**
     * The mean cross-entropy per character on the validation text (the last 10%, never trained on):
     * the model reads it from start to end, teacher-forced, and is scored on every next character.
     */
    public double validationLoss() {
        int T = validation.length - 1;
        List<DMatrixRMaj> xs = inputs(validation, new int[] {0}, T);
        return Loss.CROSS_ENTROPY.manyToMany(rnn, xs, targets(validation, new int[] {0}, T)) / T;
    }

    /** exp(validation loss): about V for a model that guesses uniformly, 1 for a perfect one. */
    public double validationPerplexity() {
        return Math.exp(validationLoss());
    }

    // ---- sampling -----------------------------------------------------------------------------

    /**
     * Writes {@code length} characters after reading {@code prime}: each is drawn from
     * softmax(z / temperature) and fed back in as the next input.
     *
     * @param temperature below 1 is safer and more repetitive, above 1 bolder and stranger; must be > 0
     */
    public String sample(String prime, int length, double temperature, Random random) {
        if (prime == null || prime.isEmpty()) {
            throw new IllegalArgumentException("prime must hold at least one character, e.g. \"the \"");
        }
        if (length < 0) throw new IllegalArgumentException("length must be ≥ 0, got " + length);
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        Shapes.requireNonNull("random", random, "pass new java.util.Random(seed) for samples you can reproduce");
        int V = vocabularySize();
        DMatrixRMaj a = new DMatrixRMaj(1, rnn.cell.nA);
        int[] ids = encode(prime);
        for (int i = 0; i < ids.length - 1; i++) a = rnn.cell.step(Matrices.oneHotRow(ids[i], V), a);
        int current = ids[ids.length - 1];
        StringBuilder out = new StringBuilder();
        double[] p = new double[V];
        for (int n = 0; n < length; n++) {
            a = rnn.cell.step(Matrices.oneHotRow(current, V), a);
            DMatrixRMaj z = rnn.output.preActivation(a);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < V; j++) max = Math.max(max, z.get(0, j) / temperature);
            double sum = 0;
            for (int j = 0; j < V; j++) {
                p[j] = Math.exp(z.get(0, j) / temperature - max);
                sum += p[j];
            }
            double u = random.nextDouble() * sum;
            int next = V - 1;
            for (int j = 0; j < V; j++) {
                u -= p[j];
                if (u < 0) {
                    next = j;
                    break;
                }
            }
            out.append(vocabulary.charAt(next));
            current = next;
        }
        return out.toString();
    }

    /**
     * One progress line as the lesson prints it: iteration, smoothed training loss, validation
     * perplexity and a sample of {@code sampleLength} characters after "the " at temperature 0.7
     * (seed 1, so the samples differ only because the weights do).
     */
    public String report(int sampleLength) {
        String s = sample("the ", sampleLength, 0.7, new Random(1)).replace('\n', ' ');
        String loss = Double.isNaN(smoothLoss) ? "  —  " : String.format(Locale.ROOT, "%.3f", smoothLoss);
        return String.format(Locale.ROOT, "iteration %4d | loss %s | val perplexity %5.2f | the %s",
                iteration, loss, validationPerplexity(), s);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CharRnn(V = %d characters, n_a = %d, T = %d, batch %d, Adam lr %s, clipnorm %s; "
                        + "%d parameters; %d training / %d validation characters)",
                vocabularySize(), rnn.cell.nA, sequenceLength, batchSize, learningRate, clipNorm,
                rnn.parameterCount(), train.length, validation.length);
    }

    private void requireWindow(int start, int length) {
        if (length < 1 || start < 0 || start + length + 1 > train.length) {
            throw new IllegalArgumentException("a window of length " + length + " at start " + start
                    + " does not fit in the training text (" + train.length + " characters; the target needs one more)");
        }
    }

    private void requireStarts(int[] starts, int T) {
        if (starts == null || starts.length == 0) {
            throw new IllegalArgumentException("starts is " + (starts == null ? "null" : "empty") + ": give one start per window");
        }
        for (int s : starts) requireWindow(s, T);
    }

    private static String show(String s) {
        return "\"" + s.replace("\n", "⏎") + "\"";
    }
}
