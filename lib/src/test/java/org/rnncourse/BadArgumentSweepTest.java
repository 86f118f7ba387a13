package org.rnncourse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Drives every public constructor, static factory and builder setter of the learner-facing packages
 * ({@code nn}, {@code step}, {@code data}, {@code metrics}) with bad values, one argument at a time,
 * the others good: null, zero, negative, NaN and infinite numbers. Each call must either work (the
 * value is allowed there) or throw IllegalArgumentException / NullPointerException whose message
 * names the argument; NaN and infinite numbers and null must always be refused. Nothing else may
 * come out: no ArrayIndexOutOfBoundsException, NegativeArraySizeException or EJML internals.
 *
 * <p>The class files carry their parameter names ({@code -parameters} in lib/pom.xml). An entry whose
 * good-values call already fails (it needs real data: an archive, a model of a given shape) cannot be
 * swept; BadInputTest and each package's tests cover those by hand, and this test lists them.
 */
class BadArgumentSweepTest {
    static final String[] PACKAGES = {"nn", "scratch", "lessons", "data", "metrics"};

    /** Arguments that take any value of their type by design: a seed, a padding value, a flag. */
    static final Set<String> ANY_NUMBER = Set.of("seed", "value", "verbose", "indexFrom", "index_from", "oovChar",
            "startChar", "skipTop", "min", "max", "baseline", "minDelta", "t", "from", "offset", "step");
    /** Counts that may be 0 (none): patience, skipped words, a starting index; IMDB's numWords 0 keeps all words. */
    static final Set<String> ZERO_OK = Set.of("numWords", "patience", "skipTop", "index", "start", "threads", "maxWords", "epoch",
            "positive", "rows", "cols");
    /** Display helpers that format any number, NaN included (a loss that became NaN is shown as such). */
    static final Set<String> FORMATS_ANY_NUMBER = Set.of("ProgressFormat.formatValue(double v)",
            "Shapes.of(DMatrixRMaj m)" /* prints a missing matrix as "null" in messages */);
    /** Real numbers that may be negative: a value, a bound, a baseline. */
    static final Set<String> NEGATIVE_OK = Set.of("v", "lo", "hi", "value", "baseline", "min", "max", "x", "z", "w",
            "threshold", "minDelta", "momentum");
    /** Arguments where null means "none" or "the default", documented on the method. */
    static final Set<String> NULLABLE = Set.of("labels", "name", "path", "archive", "callbacks", "validationData",
            "initialState", "h0", "A0", "c0", "mask", "classWeight", "random");

    record Outcome(String where, String problem) {}

    @Test
    void everyBadArgumentIsRefusedWithItsName() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> swept = new TreeSet<>(), unswept = new TreeSet<>();
        int calls = 0;
        for (Class<?> c : classes()) {
            for (Executable e : entries(c)) {
                int variant = -1;
                for (int v = 0; v < VARIANTS && variant < 0; v++) {
                    Object receiver = receiver(e);
                    Object[] good = goodArguments(e, v);
                    if (good != null && (receiver != null || !isInstance(e)) && works(e, receiver, good)) variant = v;
                }
                if (variant < 0) {
                    unswept.add(describe(e));
                    continue;
                }
                swept.add(describe(e));
                Parameter[] ps = e.getParameters();
                for (int i = 0; i < ps.length; i++) {
                    for (Object bad : badValues(ps[i].getType())) {
                        Object[] args = goodArguments(e, variant); // fresh: a call may keep or change its arguments
                        args[i] = bad;
                        calls++;
                        String p = judge(e, receiver(e), args, ps[i], bad);
                        if (p != null) problems.add(describe(e) + " with " + ps[i].getName() + " = " + show(bad) + ": " + p);
                    }
                }
            }
        }
        System.out.println("BadArgumentSweepTest: " + swept.size() + " entries swept with " + calls + " bad calls; "
                + unswept.size() + " need real data and are tested by hand: " + unswept);
        assertTrue(swept.size() >= 60, "the sweep reached only " + swept.size() + " entries: " + swept);
        if (!problems.isEmpty()) fail(problems.size() + " bad arguments are not refused clearly:\n" + String.join("\n", problems));
    }

    /** null when the outcome is right; otherwise what is wrong with it. */
    static String judge(Executable e, Object receiver, Object[] args, Parameter p, Object bad) {
        Throwable t;
        try {
            invoke(e, receiver, args);
            t = null;
        } catch (InvocationTargetException ex) {
            t = ex.getCause();
        } catch (ReflectiveOperationException ex) {
            return "could not be called: " + ex;
        }
        String n = p.getName();
        if (FORMATS_ANY_NUMBER.contains(describe(e))) return null;
        boolean mustRefuse;
        // A null activation name is Keras's activation=None: linear.
        if (bad == null) mustRefuse = !NULLABLE.contains(n) && !(p.getType() == String.class && n.toLowerCase(Locale.ROOT).contains("activation"));
        else if (bad instanceof Double d) mustRefuse = !Double.isFinite(d) || (d < 0 && !NEGATIVE_OK.contains(n) && !ANY_NUMBER.contains(n));
        else if (bad instanceof Float f) mustRefuse = !Float.isFinite(f) || (f < 0 && !NEGATIVE_OK.contains(n) && !ANY_NUMBER.contains(n));
        else if (bad instanceof Integer || bad instanceof Long) {
            long v = ((Number) bad).longValue();
            mustRefuse = !ANY_NUMBER.contains(n) && (v < 0 || !ZERO_OK.contains(n));
        } else mustRefuse = false;
        if (t == null) {
            return mustRefuse ? "accepted" : null;
        }
        if (!(t instanceof IllegalArgumentException || t instanceof NullPointerException)) {
            return "threw " + t.getClass().getName() + ": " + t.getMessage();
        }
        String m = t.getMessage() == null ? "" : t.getMessage();
        // A one-argument setter such as clipnorm(double c) names its argument by the setter's name.
        boolean setter = e instanceof Method && e.getParameterCount() == 1 && names(m, e.getName());
        if (!names(m, p.getName()) && !setter) {
            return t.getClass().getSimpleName() + " without the argument's name: \"" + m + "\"";
        }
        return null;
    }

    /** Whether the message names the argument (in code form, or as words: maxLen → "max len"). */
    static boolean names(String message, String name) {
        String m = message.toLowerCase(Locale.ROOT);
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return m.contains(name.toLowerCase(Locale.ROOT)) || m.contains(words) || m.contains(words.replace(' ', '_'));
    }

    static List<Object> badValues(Class<?> type) {
        List<Object> v = new ArrayList<>();
        if (type == int.class || type == Integer.class) { v.add(0); v.add(-1); }
        else if (type == long.class || type == Long.class) { v.add(0L); v.add(-1L); }
        else if (type == double.class || type == Double.class) {
            v.add(Double.NaN); v.add(Double.POSITIVE_INFINITY); v.add(Double.NEGATIVE_INFINITY); v.add(-1.0);
        } else if (type == float.class || type == Float.class) { v.add(Float.NaN); v.add(Float.POSITIVE_INFINITY); v.add(-1f); }
        else if (!type.isPrimitive()) {
            v.add(null);
            if (type == int[].class) v.add(new int[0]);
            if (type == double[].class) v.add(new double[0]);
            if (type == int[][].class) v.add(new int[0][]);
            if (type == double[][].class) v.add(new double[0][]);
            if (type == String.class) v.add("");
        }
        return v;
    }

    /** Good values: small, valid, and the same for every parameter of a type (with a few names that need their own). */
    static Object good(Parameter p, int variant) {
        Class<?> t = p.getType();
        String n = p.getName().toLowerCase(Locale.ROOT);
        if (t == int.class || t == Integer.class) return variant == 0 ? (n.contains("rate") ? 1 : 3) : variant;
        if (t == long.class || t == Long.class) return 3L;
        if (t == double.class || t == Double.class) return variant == 0 ? (n.contains("split") ? 0.2 : 0.5) : 0.1 * variant;
        if (t == float.class || t == Float.class) return 0.5f;
        if (t == boolean.class || t == Boolean.class) return false;
        if (t == String.class) {
            if (n.contains("padding") || n.contains("truncating")) return "pre";
            if (n.contains("recurrent") || n.contains("activation")) return "tanh";
            if (n.contains("optimizer")) return "adam";
            if (n.contains("loss")) return "mse";
            if (n.contains("monitor")) return "val_loss";
            if (n.contains("mode")) return "auto";
            if (n.contains("metric")) return "accuracy";
            return "the movie was good";
        }
        if (t == int[].class) return n.contains("index") ? new int[] {1, 0} : new int[] {3, 2};
        if (t == double[].class) return new double[] {0.25, 0.5, 0.75};
        if (t == int[][].class) return new int[][] {{1, 2, 3}, {4, 5}};
        if (t == double[][].class) return new double[][] {{0.1, 0.2}, {0.3, 0.4}};
        if (t == Random.class) return new Random(1);
        if (t == org.ejml.data.DMatrixRMaj.class) return new org.ejml.data.DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        if (t == org.rnncourse.scratch.Activation.class) return org.rnncourse.scratch.Activation.TANH;
        if (t == org.rnncourse.nn.layers.Activation.class) return org.rnncourse.nn.layers.Activation.of("tanh");
        return NO_GOOD_VALUE;
    }

    static final Object NO_GOOD_VALUE = new Object();

    static final int VARIANTS = 3;

    static Object[] goodArguments(Executable e) {
        return goodArguments(e, 0);
    }

    /** Good values, variant 0 (3, 0.5, …), 1 (ones, 0.1) or 2 (twos, 0.2): some entries take only some of them. */
    static Object[] goodArguments(Executable e, int variant) {
        Parameter[] ps = e.getParameters();
        Object[] args = new Object[ps.length];
        for (int i = 0; i < ps.length; i++) {
            if (e.isVarArgs() && i == ps.length - 1) {
                args[i] = java.lang.reflect.Array.newInstance(ps[i].getType().getComponentType(), 0);
                if (ps[i].getType() == int[].class) args[i] = new int[] {3, 2};
                continue;
            }
            args[i] = good(ps[i], variant);
            if (args[i] == NO_GOOD_VALUE) return null;
        }
        return args;
    }

    static boolean works(Executable e, Object receiver, Object[] args) {
        try {
            invoke(e, receiver, args);
            return true;
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return false;
        }
    }

    static Object invoke(Executable e, Object receiver, Object[] args) throws ReflectiveOperationException {
        if (e instanceof Constructor<?> c) return c.newInstance(args);
        return ((Method) e).invoke(receiver, args);
    }

    static boolean isInstance(Executable e) {
        return e instanceof Method m && !Modifier.isStatic(m.getModifiers());
    }

    /** A receiver for a builder setter: a fresh builder from the class's static builder(…) factory or no-argument constructor. */
    static Object receiver(Executable e) {
        if (!isInstance(e)) return null;
        Class<?> c = e.getDeclaringClass();
        if (c == org.rnncourse.nn.optimizers.Optimizer.class) return new org.rnncourse.nn.optimizers.SGD(0.1);
        try {
            if (c.getEnclosingClass() != null) {
                for (Method m : c.getEnclosingClass().getMethods()) {
                    if (m.getName().equals("builder") && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == c) {
                        Object[] args = goodArguments(m);
                        if (args != null) return m.invoke(null, args);
                    }
                }
            }
            for (Method m : c.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == c) {
                    for (int v = 0; v < VARIANTS; v++) {
                        Object[] args = goodArguments(m, v);
                        if (args == null) break;
                        try {
                            return m.invoke(null, args);
                        } catch (InvocationTargetException ex) {
                            // try the next variant
                        }
                    }
                }
            }
            return c.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    /** Public constructors, public static methods, and fluent setters (instance methods returning their own class). */
    static List<Executable> entries(Class<?> c) {
        List<Executable> out = new ArrayList<>();
        if (Throwable.class.isAssignableFrom(c) || c.isEnum() || c.isInterface() || c.isRecord()) return out;
        if (!Modifier.isAbstract(c.getModifiers())) {
            for (Constructor<?> k : c.getConstructors()) out.add(k);
        }
        // The optimizers' clipping setters are declared once, on the abstract Optimizer.
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.getParameterCount() == 0) continue;
            if (m.getName().startsWith("require")) continue; // the checks themselves: they throw with the name they are given
            boolean fluent = !Modifier.isStatic(m.getModifiers()) && m.getReturnType() == c;
            if (Modifier.isStatic(m.getModifiers()) || fluent) out.add(m);
        }
        return out;
    }

    static List<Class<?>> classes() throws IOException, ClassNotFoundException {
        Path root = Paths.get("target", "classes", "org", "rnncourse");
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    String file = f.getFileName().toString();
                    if (!file.endsWith(".class") || file.equals("package-info.class")) continue;
                    Class<?> c = Class.forName("org.rnncourse." + pkg + "." + file.replace(".class", "").replace('/', '.'),
                            false, BadArgumentSweepTest.class.getClassLoader());
                    if (Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic()
                            && (c.getEnclosingClass() == null || Modifier.isStatic(c.getModifiers()))) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    static String describe(Executable e) {
        StringBuilder b = new StringBuilder(e.getDeclaringClass().getSimpleName());
        if (e instanceof Method) b.append('.').append(e.getName());
        b.append('(');
        Parameter[] ps = e.getParameters();
        for (int i = 0; i < ps.length; i++) b.append(i == 0 ? "" : ", ").append(ps[i].getType().getSimpleName()).append(' ').append(ps[i].getName());
        return b.append(')').toString();
    }

    static String show(Object v) {
        if (v == null) return "null";
        if (v instanceof int[] a) return "int[" + a.length + "]";
        if (v instanceof double[] a) return "double[" + a.length + "]";
        if (v instanceof Object[] a) return v.getClass().getComponentType().getSimpleName() + "[" + a.length + "]";
        if (v instanceof String s) return "\"" + s + "\"";
        return String.valueOf(v);
    }
}
