package org.rnncourse.lessons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnncourse.Messages;
import org.rnncourse.data.ImdbData;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.optimizers.Optimizer;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Bptt;
import org.rnncourse.scratch.Loss;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.OwnWork;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.RnnGradients;

/**
 * Lesson 11's character-level generator, Karpathy's min-char-rnn on the course's own parts: the
 * from-scratch {@link RnnCell} and {@link OutputLayer} (lesson 03), their gradients from
 * {@link Bptt#manyToMany} (lesson 06), and the Keras-style library's {@link Adam} with
 * {@code global_clipnorm} (lessons 08 and 09) for the updates.
 *
 * <p><b>Teacher forcing.</b> A window of T + 1 characters of the text, e.g. "the cat", gives
 * <pre>
 *   input:   t h e ␣ c a        (the TRUE characters 1 … T)
 *   target:  h e ␣ c a t        (the TRUE characters 2 … T + 1)
 * </pre>
 * and the loss is the mean cross-entropy per character. Training draws {@code batchSize} windows at
 * random (seeded) places of the first 90% of the text; the last 10% measures the perplexity.
 * <b>Sampling</b> reads a prime, draws the next character from softmax(z / temperature), feeds it
 * back in, and repeats: free running, no teacher.
 */
public final class CharRnn {
    /** The characters the model knows, sorted; character i is one-hot position i. */
    private final String vocabulary;
    private final int[] train, validation;
    /** The model: W_ax (V, n_a), W_aa, b_a, W_ay (n_a, V), b_y. */
    public final Rnn rnn;
    private final Random random;
    /** The same five matrices as the optimizer sees them: its updates change {@link #rnn}. */
    private final List<Parameter> parameters = new ArrayList<>();
    private double globalClipnorm = 5.0;
    private final Optimizer adam = new Adam(0.01).globalClipnorm(globalClipnorm);
    private int sequenceLength = 32, batchSize = 16;
    private double smoothLoss = Double.NaN;

    private CharRnn(String text, int hiddenSize, long seed) {
        require(text != null && text.length() >= 20, "lessons.charRnn.text", text == null ? "null" : text.length());
        require(hiddenSize >= 1, "lessons.charRnn.atLeast", "hiddenSize", 1, hiddenSize);
        this.vocabulary = text.chars().distinct().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int cut = (int) (text.length() * 0.9);
        this.train = encode(text.substring(0, cut));
        this.validation = encode(text.substring(cut));
        this.random = new Random(seed);
        int V = vocabulary.length();
        // Small weights (0.01 as in min-char-rnn): the first predictions are close to uniform, perplexity ≈ V.
        this.rnn = new Rnn(RnnCell.random(V, hiddenSize, Activation.TANH, 0.01, random),
                OutputLayer.random(hiddenSize, V, Activation.SOFTMAX, 0.01, random));
        String[] names = {"W_ax", "W_aa", "b_a", "W_ay", "b_y"};
        List<DMatrixRMaj> ms = matrices();
        for (int k = 0; k < ms.size(); k++) {
            parameters.add(Parameter.wrap(names[k], ms.get(k).data, ms.get(k).numRows, ms.get(k).numCols));
        }
    }

    /** A generator for {@code text} with {@code hiddenSize} units; weights and batches drawn from {@code seed}. */
    public static CharRnn create(String text, int hiddenSize, long seed) {
        return new CharRnn(text, hiddenSize, seed);
    }

    /**
     * About {@code characters} characters of real review text: the training reviews of {@code data}
     * in order, as their words (lower case, no punctuation: the tokenizer of lesson 08), one review
     * per line. Words with other characters than a–z and the apostrophe (digits, accents, the OOV
     * mark) are left out, so the vocabulary stays at 28 symbols.
     */
    public static String reviewText(ImdbData data, int characters) {
        require(data != null, "lessons.charRnn.noData");
        require(characters >= 20, "lessons.charRnn.atLeast", "characters", 20, characters);
        StringBuilder out = new StringBuilder(characters + 2000);
        for (int[] review : data.xTrain()) {
            StringBuilder line = new StringBuilder();
            for (String w : data.decode(review).split(" ")) {
                if (w.matches("[a-z']+")) line.append(line.length() == 0 ? "" : " ").append(w);
            }
            out.append(line).append('\n');
            if (out.length() >= characters) break;
        }
        return out.toString();
    }

    // ---- hyperparameters (fluent, before training) --------------------------------------------

    /** T, the number of characters per training window (how far back BPTT goes). Default 32. */
    public CharRnn sequenceLength(int T) {
        require(T >= 1 && T + 1 <= train.length, "lessons.charRnn.sequenceLength", T, train.length);
        this.sequenceLength = T;
        return this;
    }

    /** Windows per update. Default 16. */
    public CharRnn batchSize(int m) {
        require(m >= 1, "lessons.charRnn.atLeast", "batchSize", 1, m);
        this.batchSize = m;
        return this;
    }

    /** Adam's step size. Default 0.01. */
    public CharRnn learningRate(double lr) {
        adam.learningRate(lr);
        return this;
    }

    /** Keras's {@code global_clipnorm}: the largest joint norm of all gradients in one update. Default 5. */
    public CharRnn globalClipnorm(double c) {
        adam.globalClipnorm(c);
        this.globalClipnorm = c;
        return this;
    }

    public int iteration() { return (int) adam.iterations(); }

    /** The characters the model knows, in one-hot order; V = its length. */
    public String vocabulary() { return vocabulary; }

    public int vocabularySize() { return vocabulary.length(); }

    /** The character ids of {@code s}. */
    public int[] encode(String s) {
        int[] ids = new int[s.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.indexOf(s.charAt(i));
            if (ids[i] < 0) {
                throw new IllegalArgumentException(Messages.get("lessons.charRnn.unknownCharacter", String.valueOf(s.charAt(i)), i,
                        show(vocabulary)));
            }
        }
        return ids;
    }

    /** The text of character ids. */
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) sb.append(vocabulary.charAt(id));
        return sb.toString();
    }

    /** Character {@code id} as a one-hot row (1, V): the input x_t of one step. */
    public DMatrixRMaj oneHot(int id) {
        require(id >= 0 && id < vocabularySize(), "lessons.charRnn.id", id, vocabularySize());
        return Matrices.oneHotRow(id, vocabularySize());
    }

    /** The teacher-forced input and target of the training window at {@code start}, as two lines of text. */
    public String teacherForcing(int start, int length) {
        requireWindow(start, length);
        return Messages.get("out.charRnn.teacherForcing", show(decode(Arrays.copyOfRange(train, start, start + length))),
                show(decode(Arrays.copyOfRange(train, start + 1, start + length + 1))));
    }

    // ---- training -----------------------------------------------------------------------------

    /** Inputs X_t (m, V), row i the one-hot of text[starts[i] + t + shift], t = 0 … T − 1. */
    private List<DMatrixRMaj> oneHots(int[] text, int[] starts, int T, int shift) {
        List<DMatrixRMaj> xs = new ArrayList<>(T);
        for (int t = 0; t < T; t++) {
            DMatrixRMaj x = new DMatrixRMaj(starts.length, vocabularySize());
            for (int i = 0; i < starts.length; i++) x.set(i, text[starts[i] + t + shift], 1.0);
            xs.add(x);
        }
        return xs;
    }

    /** The mean cross-entropy per character (nats) of the training windows at {@code starts}, length T. */
    public double loss(int[] starts, int T) {
        requireStarts(starts, T);
        return Loss.CROSS_ENTROPY.manyToMany(rnn, oneHots(train, starts, T, 0), oneHots(train, starts, T, 1)) / T;
    }

    /** The gradients of {@link #loss(int[], int)}: BPTT's sum over the T steps, divided by T. */
    public RnnGradients gradients(int[] starts, int T) {
        requireStarts(starts, T);
        List<DMatrixRMaj> targets = oneHots(train, starts, T, 1);
        RnnGradients g = Bptt.manyToMany(rnn, rnn.forward(oneHots(train, starts, T, 0)), targets, Loss.CROSS_ENTROPY);
        for (DMatrixRMaj d : gradientList(g)) CommonOps_DDRM.scale(1.0 / T, d);
        return g;
    }

    /** The weight matrices in the order W_ax, W_aa, b_a, W_ay, b_y (live: updates change the model). */
    public List<DMatrixRMaj> matrices() {
        return List.of(rnn.cell.Wax, rnn.cell.Waa, rnn.cell.ba, rnn.output.Way, rnn.output.by);
    }

    /**
     * One update from BPTT's gradients of a loss summed over {@code T} steps: divides them by T (the
     * loss is a mean per character), then Adam clips their global norm and changes the weights.
     */
    public void update(RnnGradients g, int T) {
        require(g != null, "lessons.charRnn.noGradients");
        require(T >= 1, "lessons.charRnn.steps", T);
        List<DMatrixRMaj> gs = gradientList(g);
        for (int k = 0; k < gs.size(); k++) {
            double[] from = gs.get(k).data, to = parameters.get(k).grad();
            require(from.length == to.length, "lessons.charRnn.gradientSize", parameters.get(k).name(), from.length, to.length);
            for (int i = 0; i < to.length; i++) to[i] = from[i] / T;
        }
        adam.apply(parameters);
    }

    /** One update on {@code batchSize} random windows of the training text; returns their loss per character. */
    public double trainStep() {
        int[] starts = new int[batchSize];
        for (int i = 0; i < batchSize; i++) starts[i] = random.nextInt(train.length - sequenceLength);
        List<DMatrixRMaj> targets = oneHots(train, starts, sequenceLength, 1);
        RnnCache cache = rnn.forward(oneHots(train, starts, sequenceLength, 0));
        double loss = 0;
        for (int t = 1; t <= sequenceLength; t++) loss += Loss.CROSS_ENTROPY.value(cache.y(t), targets.get(t - 1));
        update(Bptt.manyToMany(rnn, cache, targets, Loss.CROSS_ENTROPY), sequenceLength);
        loss /= sequenceLength;
        smoothLoss = Double.isNaN(smoothLoss) ? loss : 0.9 * smoothLoss + 0.1 * loss;
        return loss;
    }

    /** The training loss per character, smoothed over the last updates (NaN before the first). */
    public double smoothLoss() { return smoothLoss; }

    /** The mean cross-entropy per character on the held-out text, read from start to end, teacher-forced. */
    public double validationLoss() {
        int T = validation.length - 1;
        int[] start = {0};
        return Loss.CROSS_ENTROPY.manyToMany(rnn, oneHots(validation, start, T, 0), oneHots(validation, start, T, 1)) / T;
    }

    /** exp(validation loss): about V for a model that guesses uniformly, 1 for a perfect one. */
    public double validationPerplexity() { return Math.exp(validationLoss()); }

    // ---- sampling -----------------------------------------------------------------------------

    /** Writes {@code length} characters after reading {@code prime}, each drawn from softmax(z / temperature). */
    public String sample(String prime, int length, double temperature, Random random) {
        OwnWork.entry(OwnWork.Topic.SAMPLING, "CharRnn.sample");
        require(prime != null && !prime.isEmpty(), "lessons.charRnn.prime");
        require(length >= 0, "lessons.charRnn.length", length);
        require(temperature > 0 && Double.isFinite(temperature), "lessons.charRnn.temperature", temperature);
        require(random != null, "lessons.charRnn.noRandom");
        DMatrixRMaj a = new DMatrixRMaj(1, rnn.cell.nA);
        int[] ids = encode(prime);
        for (int i = 0; i < ids.length - 1; i++) a = rnn.cell.step(oneHot(ids[i]), a);
        int current = ids[ids.length - 1];
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < length; n++) {
            a = rnn.cell.step(oneHot(current), a);
            DMatrixRMaj z = rnn.output.preActivation(a);
            CommonOps_DDRM.divide(z, temperature);
            double[] p = Activation.SOFTMAX.apply(z).data;
            double u = random.nextDouble(), cumulative = 0;
            current = p.length - 1; // the first j whose cumulative probability is above u
            for (int j = 0; j < p.length; j++) {
                cumulative += p[j];
                if (u < cumulative) {
                    current = j;
                    break;
                }
            }
            out.append(vocabulary.charAt(current));
        }
        return out.toString();
    }

    /**
     * The lesson's progress lines: iteration, smoothed training loss, held-out perplexity, then a
     * sample of {@code sampleLength} characters after "the " at each temperature (seed 1 each time,
     * so the samples change only because the weights do).
     */
    public String report(int sampleLength, double... temperatures) {
        String loss = Double.isNaN(smoothLoss) ? "  —  " : String.format(Locale.ROOT, "%.3f", smoothLoss);
        StringBuilder sb = new StringBuilder(Messages.get("out.charRnn.report", String.format(Locale.ROOT, "%4d", iteration()),
                loss, String.format(Locale.ROOT, "%5.2f", validationPerplexity())));
        for (double tau : temperatures) {
            sb.append(String.format(Locale.ROOT, "%n    τ = %.1f: the ", tau))
                    .append(sample("the ", sampleLength, tau, new Random(1)).replace('\n', '/'));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return Messages.get("out.charRnn.summary", vocabularySize(), rnn.cell.nA, sequenceLength, batchSize, adam.learningRate(),
                globalClipnorm, rnn.parameterCount(), train.length, validation.length);
    }

    private static List<DMatrixRMaj> gradientList(RnnGradients g) {
        return List.of(g.dWax(), g.dWaa(), g.dba(), g.dWay(), g.dby());
    }

    private void requireWindow(int start, int length) {
        require(length >= 1 && start >= 0 && start + length + 1 <= train.length, "lessons.charRnn.window", length, start,
                train.length);
    }

    private void requireStarts(int[] starts, int T) {
        require(starts != null && starts.length > 0, starts == null ? "lessons.charRnn.startsNull" : "lessons.charRnn.startsEmpty");
        for (int s : starts) requireWindow(s, T);
    }

    /** Fails with the bundle's text for {@code key}, formatted only when the check fails. */
    private static void require(boolean ok, String key, Object... args) {
        if (!ok) throw new IllegalArgumentException(Messages.get(key, args));
    }

    private static String show(String s) {
        return "\"" + s.replace("\n", "⏎") + "\"";
    }
}
