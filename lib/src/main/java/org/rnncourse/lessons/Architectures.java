package org.rnncourse.lessons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.rnncourse.Messages;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.Matrices;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.Rnn;
import org.rnncourse.scratch.RnnCache;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.scratch.Shapes;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The shapes of input and output of lesson 05, each run on tiny seeded RNNs, one example (m = 1),
 * in the row form (X_t is (1×n_x), A_t is (1×n_h), Y_t is (1×n_y)).
 * <ul>
 *   <li><b>one-to-one</b>: one input, one output (one step of {@link #rnn} from A_0 = 0);</li>
 *   <li><b>one-to-many</b>: one input, then {@link #generator} feeds each output back as its next input;</li>
 *   <li><b>many-to-one</b>: {@link #rnn} reads every step and outputs once, after the last;</li>
 *   <li><b>many-to-many, aligned</b>: {@link #rnn} outputs at every step, one output per input;</li>
 *   <li><b>encoder–decoder</b>: {@link #encoder} reads the whole input; its final state A_T is the
 *       decoder's A_0 (the "context"); {@link #decoder} then writes any number of outputs, each fed
 *       back as its next input, starting from a zero "start" input.</li>
 * </ul>
 * Weights: Gaussian × 0.5, zero biases, from {@code new Random(SEED)} in the order rnn, generator,
 * encoder, decoder.
 *
 * <p>Applications, column names and titles come from the bundle ({@code tables.architectures.*}), in the
 * learner's language; an architecture's name ("many-to-one") stays as written, because
 * {@code ArchitectureBoxes} and the lessons' tests read it.
 */
public final class Architectures {
    /** The fixed seed of the weights; the inputs come from SEED + 1. */
    public static final long SEED = 5;
    /** Sizes: input n_x, hidden n_h, output n_y. */
    public static final int N_X = 3, N_H = 4, N_Y = 2;
    /** The example lengths of the lesson: 5 input steps, 3 generated steps. */
    public static final int INPUT_STEPS = 5, OUTPUT_STEPS = 3;
    private static final double SCALE = 0.5;

    /** The RNN of one-to-one, many-to-one and aligned many-to-many: 3 → 4 → 2, tanh, linear output. */
    public final Rnn rnn;
    /** The one-to-many RNN: 3 → 4 → 3, so that an output can be its next input. */
    public final Rnn generator;
    /** The encoder: a cell 3 → 4, no output of its own. */
    public final RnnCell encoder;
    /** The decoder: 2 → 4 → 2, reading its own previous output. */
    public final Rnn decoder;

    private Architectures(Rnn rnn, Rnn generator, RnnCell encoder, Rnn decoder) {
        this.rnn = rnn;
        this.generator = generator;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** The lesson's models: the same numbers every time. */
    public static Architectures create() {
        Random r = new Random(SEED);
        Rnn rnn = new Rnn(RnnCell.random(N_X, N_H, Activation.TANH, SCALE, r),
                OutputLayer.random(N_H, N_Y, Activation.LINEAR, SCALE, r));
        Rnn generator = new Rnn(RnnCell.random(N_X, N_H, Activation.TANH, SCALE, r),
                OutputLayer.random(N_H, N_X, Activation.LINEAR, SCALE, r));
        RnnCell encoder = RnnCell.random(N_X, N_H, Activation.TANH, SCALE, r);
        Rnn decoder = new Rnn(RnnCell.random(N_Y, N_H, Activation.TANH, SCALE, r),
                OutputLayer.random(N_H, N_Y, Activation.LINEAR, SCALE, r));
        return new Architectures(rnn, generator, encoder, decoder);
    }

    /** The lesson's input sequence of T steps, each (1×3), the same numbers every time. */
    public static List<DMatrixRMaj> sequence(int T) {
        Shapes.requirePositive("T", T);
        Random r = new Random(SEED + 1);
        List<DMatrixRMaj> xs = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            xs.add(Matrices.gaussian(1, N_X, 1.0, r));
        }
        return xs;
    }

    /** The lesson's single input, (1×3): the first step of {@link #sequence}. */
    public static DMatrixRMaj input() {
        return sequence(1).get(0);
    }

    /**
     * What one architecture did: its inputs and outputs, and a timeline of which steps read an input
     * ("x") and which wrote an output ("y"); "·" is a step that does neither.
     */
    public record Run(String architecture, String application, List<DMatrixRMaj> inputs, List<DMatrixRMaj> outputs,
                      String reads, String writes) {
        public Run {
            inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
            outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        }

        /** The last output. */
        public DMatrixRMaj lastOutput() {
            return outputs.get(outputs.size() - 1);
        }

        /** "5 × (1×3)": how many steps, and the shape of each. */
        public String inputShape() {
            return inputs.size() + " × " + Shapes.of(inputs.get(0));
        }

        /** "1 × (1×2)": how many outputs, and the shape of each. */
        public String outputShape() {
            return outputs.size() + " × " + Shapes.of(outputs.get(0));
        }

        @Override
        public String toString() {
            return Messages.get("tables.architectures.run", architecture, inputShape(), outputShape());
        }
    }

    /** One-to-one: one step from A_0 = 0, Y = g(f(X·W_ax + b_a)·W_ay + b_y), like a feed-forward layer. */
    public Run oneToOne(DMatrixRMaj x) {
        DMatrixRMaj y = rnn.forward(List.of(x)).y(1);
        return new Run("one-to-one", Messages.get("tables.architectures.oneToOne"), List.of(x), List.of(y), "x", "y");
    }

    /** One-to-many: reads x once, then writes {@code steps} outputs, each fed back as the next input. */
    public Run oneToMany(DMatrixRMaj x, int steps) {
        Shapes.requirePositive("steps", steps);
        List<DMatrixRMaj> ys = generate(generator, x, new DMatrixRMaj(1, N_H), steps);
        return new Run("one-to-many", Messages.get("tables.architectures.oneToMany"), List.of(x), ys,
                timeline(0, 1, steps, "x"), timeline(0, steps, steps, "y"));
    }

    /** Many-to-one: reads every X_t, writes one output after the last. */
    public Run manyToOne(List<DMatrixRMaj> xs) {
        RnnCache cache = rnn.forward(xs);
        int T = cache.timeSteps();
        return new Run("many-to-one", Messages.get("tables.architectures.manyToOne"), xs, List.of(cache.y(T)),
                timeline(0, T, T, "x"), timeline(T - 1, T, T, "y"));
    }

    /** Many-to-many, aligned: one output per input, at every step. */
    public Run manyToManyAligned(List<DMatrixRMaj> xs) {
        RnnCache cache = rnn.forward(xs);
        int T = cache.timeSteps();
        return new Run("many-to-many (aligned)", Messages.get("tables.architectures.aligned"), xs, cache.outputs(),
                timeline(0, T, T, "x"), timeline(0, T, T, "y"));
    }

    /** The encoder's final hidden state A_T, (1×4): the context the decoder starts from. */
    public DMatrixRMaj context(List<DMatrixRMaj> xs) {
        RnnCache cache = encoder.forward(xs);
        return cache.a(cache.timeSteps());
    }

    /**
     * Encoder–decoder: the encoder reads all of xs; the decoder starts from A_0 = the context and a
     * zero start input, and writes {@code outSteps} outputs, each fed back as its next input.
     */
    public Run encoderDecoder(List<DMatrixRMaj> xs, int outSteps) {
        Shapes.requirePositive("outSteps", outSteps);
        DMatrixRMaj context = context(xs);
        List<DMatrixRMaj> ys = generate(decoder, new DMatrixRMaj(1, N_Y), context, outSteps);
        int T = xs.size(), all = T + outSteps;
        return new Run("many-to-many (encoder–decoder)", Messages.get("tables.architectures.encoderDecoder"), xs, ys,
                timeline(0, T, all, "x"), timeline(T, all, all, "y"));
    }

    /** The five architectures on the lesson's inputs: 1 input, 3 generated, 5 read, 5 read → 3 written. */
    public List<Run> all() {
        List<DMatrixRMaj> xs = sequence(INPUT_STEPS);
        return List.of(oneToOne(input()), oneToMany(input(), OUTPUT_STEPS), manyToOne(xs), manyToManyAligned(xs),
                encoderDecoder(xs, OUTPUT_STEPS));
    }

    /** One row per run: the architecture, an application, the input and output shapes and timelines. */
    public static Table shapes(List<Run> runs) {
        StringColumn name = StringColumn.create(Messages.get("tables.architectures.architecture"));
        StringColumn app = StringColumn.create(Messages.get("tables.architectures.application"));
        StringColumn in = StringColumn.create(Messages.get("tables.architectures.input"));
        StringColumn out = StringColumn.create(Messages.get("tables.architectures.output"));
        StringColumn reads = StringColumn.create(Messages.get("tables.architectures.reads"));
        StringColumn writes = StringColumn.create(Messages.get("tables.architectures.writes"));
        for (Run run : runs) {
            name.append(run.architecture());
            app.append(run.application());
            in.append(run.inputShape());
            out.append(run.outputShape());
            reads.append(run.reads());
            writes.append(run.writes());
        }
        return Table.create(Messages.get("tables.architectures.title"), name, app, in, out, reads, writes);
    }

    /** The outputs of one run, one row per output: the step that wrote it (as in "writes y at step") and its values. */
    public static Table outputs(Run run) {
        StringColumn step = StringColumn.create(Messages.get("tables.architectures.step"));
        StringColumn values = StringColumn.create(Messages.get("tables.architectures.y"));
        String[] marks = run.writes().split(" ");
        int i = 0;
        for (int t = 0; t < marks.length; t++) {
            if (marks[t].equals("y")) {
                step.append(String.valueOf(t + 1));
                values.append(WordOrderDemo.format(run.outputs().get(i++)));
            }
        }
        return Table.create(run.architecture(), step, values);
    }

    /** Runs {@code model} from A_0 for {@code steps} steps, each output becoming the next input. */
    private static List<DMatrixRMaj> generate(Rnn model, DMatrixRMaj first, DMatrixRMaj A0, int steps) {
        List<DMatrixRMaj> ys = new ArrayList<>();
        DMatrixRMaj input = first;
        DMatrixRMaj a = A0;
        for (int t = 0; t < steps; t++) {
            a = model.cell.step(input, a);
            DMatrixRMaj y = model.output.forward(a);
            ys.add(y);
            input = y;
        }
        return ys;
    }

    /** "· · x x x": {@code mark} at steps from (inclusive) … to (exclusive) of {@code length}. */
    private static String timeline(int from, int to, int length, String mark) {
        List<String> cells = new ArrayList<>();
        for (int t = 0; t < length; t++) {
            cells.add(t >= from && t < to ? mark : "·");
        }
        return String.join(" ", cells);
    }
}
