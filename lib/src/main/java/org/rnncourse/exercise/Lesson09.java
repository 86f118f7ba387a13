package org.rnncourse.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.lessons.ClippingDemo;
import org.rnncourse.scratch.OwnWork;

/**
 * Checks for the exercises of lesson 09: the learner writes the three clipping functions of Keras's
 * optimizers. Each check runs the learner's function on the lesson's examples, on random gradients
 * drawn at check time (above and below the threshold), with c = ∞ (no limit), and, for the global
 * norm, on the real gradient of the lesson's exploding run; it compares with references of its own
 * and names the usual mistakes (per weight instead of global, the wrong scale factor, a small
 * gradient scaled up, the L1 norm, the argument changed in place).
 */
public final class Lesson09 {
    static final double TOL = 1e-9;

    private Lesson09() {}

    /** A learner's clipping of one gradient: returns a new array, leaves g as it is. */
    @FunctionalInterface
    public interface Clip {
        double[] apply(double[] g, double c);
    }

    /** A learner's clipping of several gradients together: returns new arrays, leaves gs as they are. */
    @FunctionalInterface
    public interface ClipAll {
        List<double[]> apply(List<double[]> gs, double c);
    }

    // ---- exercise 1: clipByValue --------------------------------------------------------------------

    /** Exercise 1: every number cut to [−c, c]. */
    public static void checkClipByValue(Clip clip) {
        String what = "clipByValue";
        requireFunction(clip, what, "Lesson09.checkClipByValue((g, c) -> clipByValue(g, c))");
        Random r = new Random();
        List<double[]> gs = new ArrayList<>(List.of(new double[] {3, -4, 12}, new double[] {0.1, -0.2}));
        for (int k = 0; k < 3; k++) gs.add(gaussian(r, 2 + r.nextInt(6), 3));
        double[] cs = {0.5, 1.0, 2.5};
        for (int k = 0; k < gs.size(); k++) {
            double[] g = gs.get(k);
            double c = cs[k % cs.length];
            double[] got = call(clip, g, c, what);
            double[] want = byValue(g, c);
            if (same(got, want)) continue;
            String problem = Messages.get("lesson09.onGradient", show(g), c) + ", ";
            double[] upper = g.clone();
            for (int i = 0; i < upper.length; i++) upper[i] = Math.min(c, upper[i]);
            if (same(got, upper)) {
                throw Check.fail(what, problem + Messages.get("lesson09.value.belowNotCut"), Messages.get("lesson09.value.belowNotCut.hint"));
            }
            if (same(got, byNorm(g, c))) {
                throw Check.fail(what, problem + Messages.get("lesson09.value.byNorm"), Messages.get("lesson09.value.byNorm.hint"));
            }
            requireSame(what + ", " + problem.substring(0, problem.length() - 2), want, got, Messages.get("lesson09.value.hint"));
        }
        requireNoLimit(clip, what);
        Check.pass(what);
    }

    // ---- exercise 2: clipByNorm ---------------------------------------------------------------------

    /** Exercise 2: g scaled by c / ‖g‖ when ‖g‖ &gt; c, unchanged otherwise. */
    public static void checkClipByNorm(Clip clip) {
        String what = "clipByNorm";
        requireFunction(clip, what, "Lesson09.checkClipByNorm((g, c) -> clipByNorm(g, c))");
        Random r = new Random();
        List<double[]> gs = new ArrayList<>(List.of(new double[] {3, -4, 12}, new double[] {0.3, -0.4}));
        for (int k = 0; k < 3; k++) gs.add(gaussian(r, 2 + r.nextInt(6), 2 + 3 * k));
        double[] cs = {1.0, 1.0, 0.5, 2.0, 3.0};
        for (int k = 0; k < gs.size(); k++) {
            double[] g = gs.get(k);
            double c = cs[k];
            double[] got = call(clip, g, c, what);
            double[] want = byNorm(g, c);
            if (same(got, want)) continue;
            double n = norm(g);
            String problem = Messages.get("lesson09.onNorm", String.format(Locale.ROOT, "%.4g", n), c) + ", ";
            double[] always = scaled(g, c / n), inverse = scaled(g, n / c), unit = scaled(g, 1 / n);
            if (n <= c && same(got, always)) {
                throw Check.fail(what, problem + Messages.get("lesson09.norm.scaledUp"), Messages.get("lesson09.norm.scaledUp.hint"));
            }
            if (same(got, inverse)) {
                throw Check.fail(what, problem + Messages.get("lesson09.norm.upsideDown"), Messages.get("lesson09.norm.upsideDown.hint"));
            }
            if (same(got, unit)) {
                throw Check.fail(what, problem + Messages.get("lesson09.norm.unit"), Messages.get("lesson09.norm.unit.hint"));
            }
            double l1 = 0, sq = 0;
            for (double v : g) { l1 += Math.abs(v); sq += v * v; }
            if (l1 > c && same(got, scaled(g, c / l1)) || sq > c && same(got, scaled(g, c / sq))) {
                throw Check.fail(what, problem + Messages.get("lesson09.norm.notL2"), Messages.get("lesson09.norm.notL2.hint"));
            }
            if (same(got, byValue(g, c))) {
                throw Check.fail(what, problem + Messages.get("lesson09.norm.byValue"), Messages.get("lesson09.norm.byValue.hint"));
            }
            requireSame(what + ", " + problem.substring(0, problem.length() - 2), want, got,
                    Messages.get("lesson09.norm.hint"));
        }
        requireNoLimit(clip, what);
        Check.pass(what);
    }

    // ---- exercise 3: clipByGlobalNorm ---------------------------------------------------------------

    /** Exercise 3: all gradients scaled by one factor c / ‖all‖ when their joint norm is above c. */
    public static void checkClipByGlobalNorm(ClipAll clip) {
        String what = "clipByGlobalNorm";
        if (clip == null) {
            throw Check.missing(what, Messages.get("lesson09.passYourFunction",
                    "Lesson09.checkClipByGlobalNorm((gs, c) -> clipByGlobalNorm(gs, c))"));
        }
        Random r = new Random();
        List<List<double[]>> cases = new ArrayList<>();
        List<String> names = new ArrayList<>();
        cases.add(List.of(new double[] {3, -4}, new double[] {12}));
        names.add("dW = (3, −4), db = (12)");
        cases.add(ClippingDemo.firstBatchGradients());
        names.add(Messages.get("lesson09.global.lessonGradient"));
        for (int k = 0; k < 2; k++) {
            List<double[]> gs = new ArrayList<>();
            for (int j = 0, parts = 2 + r.nextInt(3); j < parts; j++) gs.add(gaussian(r, 1 + r.nextInt(5), 1 + 2 * j));
            cases.add(gs);
            names.add(Messages.get("lesson09.global.random", gs.size()));
        }
        cases.add(List.of(new double[] {0.3, -0.4}, new double[] {0.1}));
        names.add(Messages.get("lesson09.global.small"));
        for (int k = 0; k < cases.size(); k++) {
            List<double[]> gs = cases.get(k);
            double c = 1.0;
            String problem = Messages.get("lesson09.on", names.get(k)) + ", ";
            List<double[]> got = callAll(clip, gs, c, what);
            List<double[]> want = byGlobalNorm(gs, c);
            if (sameAll(got, want)) continue;
            List<double[]> perWeight = new ArrayList<>();
            for (double[] g : gs) perWeight.add(byNorm(g, c));
            double n = globalNorm(gs), sumOfNorms = 0;
            for (double[] g : gs) sumOfNorms += norm(g);
            if (sameAll(got, perWeight)) {
                throw Check.fail(what, problem + Messages.get("lesson09.global.perWeight"), Messages.get("lesson09.global.perWeight.hint"));
            }
            if (sumOfNorms > c && sameAll(got, scaledAll(gs, c / sumOfNorms))) {
                throw Check.fail(what, problem + Messages.get("lesson09.global.sumOfNorms"), Messages.get("lesson09.global.sumOfNorms.hint"));
            }
            if (sameAll(got, scaledAll(gs, n / c))) {
                throw Check.fail(what, problem + Messages.get("lesson09.global.upsideDown"), Messages.get("lesson09.global.upsideDown.hint"));
            }
            if (n <= c && sameAll(got, scaledAll(gs, c / n))) {
                throw Check.fail(what, problem + Messages.get("lesson09.global.scaledUp"), Messages.get("lesson09.global.scaledUp.hint"));
            }
            if (got.size() == want.size()) {
                for (int j = 0; j < want.size(); j++) {
                    requireSame(what + ", " + problem + Messages.get("lesson09.global.gradient", j), want.get(j), got.get(j),
                            Messages.get("lesson09.global.hint"));
                }
            }
        }
        List<double[]> free = List.of(new double[] {3, -4}, new double[] {12});
        List<double[]> got = callAll(clip, free, Double.POSITIVE_INFINITY, what);
        if (!sameAll(got, free)) {
            throw Check.fail(what, Messages.get("lesson09.global.noLimit"), Messages.get("lesson09.global.noLimit.hint"));
        }
        Check.pass(what);
    }

    // ---- the references ------------------------------------------------------------------------------

    private static double[] byValue(double[] g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Lesson09's own reference"); // reflection must not reach it either
        double[] out = g.clone();
        for (int i = 0; i < out.length; i++) out[i] = Math.max(-c, Math.min(c, out[i]));
        return out;
    }

    private static double[] byNorm(double[] g, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Lesson09's own reference"); // reflection must not reach it either
        double n = norm(g);
        return n > c ? scaled(g, c / n) : g.clone();
    }

    private static List<double[]> byGlobalNorm(List<double[]> gs, double c) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Lesson09's own reference"); // reflection must not reach it either
        double n = globalNorm(gs);
        return n > c ? scaledAll(gs, c / n) : scaledAll(gs, 1);
    }

    private static double norm(double[] g) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Lesson09's own reference"); // reflection must not reach it either
        double s = 0;
        for (double v : g) s += v * v;
        return Math.sqrt(s);
    }

    private static double globalNorm(List<double[]> gs) {
        OwnWork.entry(OwnWork.Topic.CLIPPING, "Lesson09's own reference"); // reflection must not reach it either
        double s = 0;
        for (double[] g : gs) for (double v : g) s += v * v;
        return Math.sqrt(s);
    }

    private static double[] scaled(double[] g, double f) {
        double[] out = g.clone();
        for (int i = 0; i < out.length; i++) out[i] *= f;
        return out;
    }

    private static List<double[]> scaledAll(List<double[]> gs, double f) {
        List<double[]> out = new ArrayList<>();
        for (double[] g : gs) out.add(scaled(g, f));
        return out;
    }

    // ---- calling the learner's functions --------------------------------------------------------------

    private static void requireFunction(Clip clip, String what, String call) {
        if (clip == null) throw Check.missing(what, Messages.get("lesson09.passYourFunction", call));
    }

    /** Calls the learner's function on a copy, and checks that it neither changed g nor returned it. */
    private static double[] call(Clip clip, double[] g, double c, String what) {
        double[] arg = g.clone();
        double[] got;
        try {
            got = OwnWork.check(what, () -> clip.apply(arg, c), OwnWork.Topic.CLIPPING);
        } catch (UnsupportedOperationException e) {
            throw Check.fail(what, Messages.get("lesson09.notWritten", e.getMessage()), Messages.get("lesson09.notWritten.hint"));
        } catch (IllegalArgumentException e) {
            throw libraryOrThrew(what, e, c);
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson09.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson09.threw.hint"));
        }
        if (got == null) throw Check.fail(what, Messages.get("lesson09.returnedNull"), Messages.get("lesson09.returnedNull.hint"));
        if (!Arrays.equals(arg, g)) {
            throw Check.fail(what, Messages.get("lesson09.changedInPlace"), Messages.get("lesson09.changedInPlace.hint"));
        }
        if (got.length != g.length) {
            throw Check.fail(what, Messages.get("lesson09.length", g.length, got.length), Messages.get("lesson09.length.hint"));
        }
        return got;
    }

    private static List<double[]> callAll(ClipAll clip, List<double[]> gs, double c, String what) {
        List<double[]> args = new ArrayList<>();
        for (double[] g : gs) args.add(g.clone());
        List<double[]> got;
        try {
            got = OwnWork.check(what, () -> clip.apply(new ArrayList<>(args), c), OwnWork.Topic.CLIPPING);
        } catch (UnsupportedOperationException e) {
            throw Check.fail(what, Messages.get("lesson09.notWritten", e.getMessage()), Messages.get("lesson09.notWritten.hint"));
        } catch (IllegalArgumentException e) {
            throw libraryOrThrew(what, e, c);
        } catch (RuntimeException e) {
            throw Check.fail(what, Messages.get("lesson09.threw", e.getClass().getSimpleName(), e.getMessage()),
                    Messages.get("lesson09.threw.hintAll"));
        }
        if (got == null) throw Check.fail(what, Messages.get("lesson09.returnedNull"), Messages.get("lesson09.returnedNull.hintAll"));
        for (int j = 0; j < gs.size(); j++) {
            if (!Arrays.equals(args.get(j), gs.get(j))) {
                throw Check.fail(what, Messages.get("lesson09.changedGradientInPlace", j),
                        Messages.get("lesson09.changedGradientInPlace.hint"));
            }
        }
        if (got.size() != gs.size()) {
            throw Check.fail(what, Messages.get("lesson09.listLength", gs.size(), got.size()), Messages.get("lesson09.listLength.hint"));
        }
        for (int j = 0; j < gs.size(); j++) {
            if (got.get(j) == null || got.get(j).length != gs.get(j).length) {
                throw Check.fail(what, Messages.get(got.get(j) == null ? "lesson09.resultNull" : "lesson09.resultOtherLength", j),
                        Messages.get("lesson09.resultLength.hint"));
            }
        }
        return got;
    }

    /** The library's GradientClipping rejects c = ∞; the exercise asks for it (no limit). */
    private static AssertionError libraryOrThrew(String what, IllegalArgumentException e, double c) {
        boolean library = false;
        for (StackTraceElement frame : e.getStackTrace()) {
            library |= frame.getClassName().endsWith(".GradientClipping") || frame.getClassName().endsWith(".Optimizer");
        }
        if (library) {
            return Check.fail(what, Messages.get("lesson09.library"), Messages.get("lesson09.library.hint"));
        }
        return Check.fail(what, Messages.get("lesson09.threwIllegal", c, e.getMessage()), Messages.get("lesson09.threwIllegal.hint"));
    }

    /** c = ∞ means no limit: the gradient comes back unchanged (and the library's own clipping says no). */
    private static void requireNoLimit(Clip clip, String what) {
        double[] g = {3, -4, 12};
        double[] got = call(clip, g, Double.POSITIVE_INFINITY, what);
        if (!same(got, g)) {
            throw Check.fail(what, Messages.get("lesson09.noLimit", show(got)), Messages.get("lesson09.noLimit.hint"));
        }
    }

    private static void requireSame(String what, double[] want, double[] got, String hint) {
        for (int i = 0; i < want.length; i++) {
            if (!Double.isFinite(got[i])) {
                throw Check.fail(what, Messages.get("lesson09.numberNaN", i, got[i]), hint);
            }
            if (!(Math.abs(got[i] - want[i]) <= TOL)) {
                throw Check.fail(what, Messages.get("lesson09.numberWrong", i, String.format(Locale.ROOT, "%.6g", got[i]))
                        + Check.howFar(want[i], got[i]), hint);
            }
        }
    }

    private static boolean same(double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= TOL * Math.max(1, Math.abs(b[i])))) return false;
        }
        return true;
    }

    private static boolean sameAll(List<double[]> a, List<double[]> b) {
        if (a == null || b == null || a.size() != b.size()) return false;
        for (int j = 0; j < a.size(); j++) if (!same(a.get(j), b.get(j))) return false;
        return true;
    }

    private static double[] gaussian(Random r, int n, double scale) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = scale * r.nextGaussian();
        return g;
    }

    private static String show(double[] g) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < g.length; i++) b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", g[i]));
        return b.append(")").toString();
    }
}
