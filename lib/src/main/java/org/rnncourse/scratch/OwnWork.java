package org.rnncourse.scratch;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.rnncourse.Messages;

/**
 * Keeps graded work the learner's own: while a check runs the learner's function, the library's
 * classes that compute that very exercise refuse to run.
 *
 * <p>Why: a check calls the learner's function on inputs it draws at check time, so no value the
 * library prints or returns is the answer. But a function can still <em>compose</em> the library:
 * lesson 10's {@code lstmStep} could return {@code new LstmCell(W, U, b).step(x, h, c)} and pass
 * without a line of the LSTM written. So a check runs the function inside a <b>window</b>
 * ({@link #check}) that names the {@link Topic}s the exercise asks for; the library's entry points
 * of those topics call {@link #entry} first, which throws {@link Refused} while such a window is
 * open. The check computes its own expected value before it opens the window, so it still works.
 *
 * <p>The window is open for the whole kernel, not only for the check's thread: a function that hands
 * the work to another thread ({@code CompletableFuture.supplyAsync(...)}) is refused as well. A kernel
 * runs one cell at a time, so while a check runs, nothing else of the learner's computes. A refusal
 * is remembered by the window: a function that catches {@link Refused} and returns something else
 * still fails its check. Outside checks {@link #entry} costs one volatile read.
 *
 * <p>What it does not stop: a learner who rewrites this class's private state with reflection. That
 * takes deliberate work against the course's own code, not a library call, and an instructor who
 * reads the submission sees it.
 */
public final class OwnWork {
    private OwnWork() {}

    /** What an exercise asks the learner to write, and what the library's guarded entry points compute. */
    public enum Topic {
        /** One step of a simple RNN cell (lessons 03, 07): {@link RnnCell#step}, {@link RnnCell#stepColumn}. */
        RNN_STEP,
        /**
         * A simple RNN run over a whole sequence (lessons 02, 03, 04, 05, 07, 08): {@link RnnCell#forward},
         * {@link Rnn}, {@link TwoLayerRnn}, the nn SimpleRNN. Apart from the step, because some exercises
         * ask for the loop over the steps and let the learner call the step.
         */
        RNN_SEQUENCE,
        /** The output layer y = g(W_ya·a + b_y) (lesson 03): {@link OutputLayer}. */
        OUTPUT_LAYER,
        /** Gradients by backpropagation through time (lesson 06): {@link Bptt}, the nn recurrent layers' backward. */
        BPTT,
        /** Gradients by finite differences (lesson 06): {@link GradCheck}. */
        NUMERICAL_GRADIENT,
        /** Gradient clipping (lesson 09): {@link Clipping} and the nn GradientClipping built on it. */
        CLIPPING,
        /** The LSTM cell (lesson 10): {@link LstmCell}, the nn LSTM. */
        LSTM,
        /** The GRU cell (lesson 10): {@link GruCell}, the nn GRU. */
        GRU,
        /** The softmax (lesson 11's temperature): {@link Activation#SOFTMAX}. */
        SOFTMAX,
        /** Writing text from a model (lesson 11): the lessons' CharRnn.sample. */
        SAMPLING,
        /**
         * Scoring predictions against the truth (lesson 07's MAE, lesson 08's accuracy): the metrics of
         * {@code org.rnncourse.metrics.Metrics} and the nn metrics ({@code BinaryAccuracy}, {@code MeanAbsoluteError}, …) built on them.
         */
        METRICS,
        /** Words to the vocabulary's indices (lesson 08's out-of-vocabulary count): {@code ImdbData.encode}. */
        VOCABULARY
    }

    /** Thrown by a guarded entry point inside a window, and by {@link #check} afterwards. */
    public static final class Refused extends AssertionError {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
            // The learner reads the message and the hint; the library's frames say nothing to them.
            setStackTrace(new StackTraceElement[0]);
        }
    }

    /** An open window: the exercise it guards, what is off, and the window it was opened inside. */
    private static final class Window {
        final String exercise;
        final Set<Topic> off;
        final Window outer;
        volatile Refused refusal;

        Window(String exercise, Set<Topic> off, Window outer) {
            this.exercise = exercise;
            this.off = off;
            this.outer = outer;
        }
    }

    /** The innermost open window, or null outside checks. */
    private static final AtomicReference<Window> OPEN = new AtomicReference<>();

    /**
     * Runs the learner's function with the library's entry points of {@code off} refused, and returns
     * what it returned. Throws {@link Refused} if any of them was called during the call, even if the
     * function caught the refusal.
     *
     * @param exercise the name the learner knows the exercise by, e.g. {@code "lstmStep"}
     */
    public static <T> T check(String exercise, Supplier<T> learnerCall, Topic first, Topic... more) {
        if (exercise == null || exercise.isBlank()) {
            throw new IllegalArgumentException("exercise is " + (exercise == null ? "null" : "blank") + ": name the exercise, e.g. \"lstmStep\"");
        }
        if (learnerCall == null || first == null) {
            throw new IllegalArgumentException((learnerCall == null ? "learnerCall" : "first") + " is null");
        }
        Window w = new Window(exercise, Set.copyOf(EnumSet.of(first, more)), OPEN.get());
        OPEN.set(w);
        T result;
        try {
            result = learnerCall.get();
        } catch (Throwable e) {
            // Also whatever a function throws sneakily: the window must close whatever happens.
            close(w);
            if (w.refusal != null) throw w.refusal;
            throw e;
        }
        close(w);
        if (w.refusal != null) throw w.refusal;
        return result;
    }

    /** Whether a window that turns {@code topic} off is open (for tests and for the checks' own messages). */
    public static boolean isOff(Topic topic) {
        for (Window w = OPEN.get(); w != null; w = w.outer) {
            if (w.off.contains(topic)) return true;
        }
        return false;
    }

    /**
     * Called first by every guarded entry point of the library: refuses when a window that turns
     * {@code topic} off is open. Every open window counts, so a window the learner opens inside the
     * check's own cannot switch the check's off.
     *
     * @param entry the entry's name as the learner would type it, e.g. {@code "LstmCell.step"}
     */
    public static void entry(Topic topic, String entry) {
        Window innermost = OPEN.get();
        if (innermost == null) return; // outside checks: nothing more to do
        Refused refused = null;
        for (Window w = innermost; w != null; w = w.outer) {
            if (w.off.contains(topic)) {
                if (refused == null) refused = refusal(w.exercise, entry, topic);
                if (w.refusal == null) w.refusal = refused;
            }
        }
        if (refused != null) throw refused;
    }

    private static void close(Window w) {
        if (!OPEN.compareAndSet(w, w.outer)) {
            // Someone changed the window while the learner's function ran: the guard cannot vouch for the answer.
            OPEN.set(w.outer);
            if (w.refusal == null) w.refusal = new Refused(Messages.get("guard.tampered", w.exercise) + hint());
        }
    }

    private static Refused refusal(String exercise, String entry, Topic topic) {
        return new Refused(Messages.get("guard.refused", exercise, entry) + hint(topic));
    }

    private static String hint() {
        return hint(null);
    }

    /** The metrics and the vocabulary are computed with loops, not matrices: their own hint says so. */
    private static String hint(Topic topic) {
        String key = topic == Topic.METRICS ? "guard.hint.metrics" : topic == Topic.VOCABULARY ? "guard.hint.vocabulary" : "guard.hint";
        return "\n" + Messages.get("check.hint", Messages.get(key));
    }
}
