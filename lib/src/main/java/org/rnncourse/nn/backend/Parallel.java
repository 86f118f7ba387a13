package org.rnncourse.nn.backend;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The few threads the fast path runs on: one per core, at most two. Work is cut into {@code parts}
 * independent pieces; part 0 runs on the calling thread (no hand-over for it), the others on daemon
 * threads, so a notebook kernel or a program never waits for them to exit.
 */
public final class Parallel {
    /** 2 on a machine with 2 or more cores; the property {@code rnncourse.threads} overrides (benchmarks). */
    public static final int THREADS = threads();
    /**
     * How many parts training cuts a batch into: 2, or more when more threads were asked for. Fixed
     * rather than one per core, because the parts' gradients are added at the end, and in another
     * order the float sums differ in the last bits, which over epochs becomes another training run:
     * on one core the parts run one after the other, and a seed gives the same run as on two.
     */
    public static final int PARTS = Math.max(2, THREADS);
    private static volatile ExecutorService pool;

    private Parallel() {}

    public interface Part {
        void run(int part);
    }

    private static int threads() {
        int t = Math.min(2, Runtime.getRuntime().availableProcessors());
        String p = System.getProperty("rnncourse.threads");
        if (p != null) {
            try {
                t = Math.max(1, Integer.parseInt(p.trim()));
            } catch (NumberFormatException ignored) {
                // keep the default: a benchmark option, not something a learner sets
            }
        }
        return t;
    }

    /** Runs task(0) … task(parts − 1), part 0 on this thread, and waits for all; rethrows the first failure. */
    public static void run(int parts, Part task) {
        if (parts <= 1 || THREADS == 1) {
            for (int p = 0; p < Math.max(1, parts); p++) task.run(p);
            return;
        }
        ExecutorService exec = pool();
        Future<?>[] futures = new Future<?>[parts];
        for (int p = 1; p < parts; p++) {
            int part = p;
            futures[p] = exec.submit(() -> task.run(part));
        }
        RuntimeException failure = null;
        try {
            task.run(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int p = 1; p < parts; p++) {
            try {
                futures[p].get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            }
        }
        if (failure != null) throw failure;
    }

    /** [from, to) of part {@code part} when n items are cut into {@code parts} nearly equal ranges. */
    public static int bound(long n, int part, int parts) {
        return (int) (n * part / parts);
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
                        Thread t = new Thread(r, "rnn-course-fast");
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }
}
