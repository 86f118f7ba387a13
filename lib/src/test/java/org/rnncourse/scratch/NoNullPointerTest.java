package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnncourse.lessons.WorkedExample;

/**
 * A learner never sees a NullPointerException or an EJML exception: every public method and
 * constructor of the package, called with null for each object argument in turn (and harmless
 * values for the others), either works or throws IllegalArgumentException.
 */
class NoNullPointerTest {
    static final List<Class<?>> CLASSES = List.of(Activation.class, Bptt.class, Embedding.class, GradCheck.class,
            Loss.class, Matrices.class, OutputLayer.class, Parameters.class, Rnn.class, RnnCell.class,
            TwoLayerRnn.class, WorkedExample.class, RnnCache.class, RnnGradients.class, CellGradients.class);

    static Object instanceOf(Class<?> c) {
        Rnn rnn = Rnn.random(3, 4, 2, Activation.TANH, Activation.SOFTMAX, 0.5, 1);
        List<DMatrixRMaj> xs = List.of(Matrices.row(1, 0, 1), Matrices.row(0, 1, 0));
        if (c == Activation.class) return Activation.TANH;
        if (c == Loss.class) return Loss.CROSS_ENTROPY;
        if (c == Embedding.class) return Embedding.random(5, 3, 1, 1);
        if (c == OutputLayer.class) return rnn.output;
        if (c == Rnn.class) return rnn;
        if (c == RnnCell.class) return rnn.cell;
        if (c == TwoLayerRnn.class) return TwoLayerRnn.random(3, 4, 2, 1, Activation.SIGMOID, 1);
        if (c == WorkedExample.class) return WorkedExample.create();
        if (c == RnnCache.class) return rnn.forward(xs);
        if (c == RnnGradients.class) return Bptt.manyToOne(rnn, rnn.forward(xs), Matrices.oneHotRow(1, 2), Loss.CROSS_ENTROPY);
        if (c == CellGradients.class) return Bptt.cellBackward(rnn.cell, rnn.forward(xs), 1, new DMatrixRMaj(1, 4));
        return null;
    }

    static Object harmless(Class<?> t) {
        if (t == int.class) return 1;
        if (t == long.class) return 1L;
        if (t == double.class) return 1e-5;
        if (t == boolean.class) return false;
        if (t == int[].class) return new int[] {0};
        if (t == double[].class) return new double[] {1};
        if (t == String.class) return "x";
        if (t == DMatrixRMaj.class) return new DMatrixRMaj(1, 1);
        if (t == Random.class) return new Random(1);
        if (t == Activation.class) return Activation.TANH;
        if (t == Loss.class) return Loss.HALF_SQUARED_ERROR;
        if (t == List.class) return List.of(new DMatrixRMaj(1, 1));
        return instanceOf(t);
    }

    @Test
    void nullArgumentsGiveIllegalArgumentException() throws Exception {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Class<?> c : CLASSES) {
            List<Executable> all = new ArrayList<>();
            for (Method m : c.getDeclaredMethods()) {
                boolean enumHelper = c.isEnum() && (m.getName().equals("valueOf") || m.getName().equals("values"));
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !enumHelper) all.add(m);
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) all.add(k);
            }
            for (Executable e : all) {
                Class<?>[] types = e.getParameterTypes();
                for (int nullAt = 0; nullAt < types.length; nullAt++) {
                    if (types[nullAt].isPrimitive()) continue;
                    Object[] args = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        args[i] = i == nullAt ? null : harmless(types[i]);
                    }
                    calls++;
                    try {
                        if (e instanceof Method m) {
                            m.invoke(Modifier.isStatic(m.getModifiers()) ? null : instanceOf(c), args);
                        } else {
                            ((Constructor<?>) e).newInstance(args);
                        }
                    } catch (InvocationTargetException ite) {
                        Throwable cause = ite.getCause();
                        if (!(cause instanceof IllegalArgumentException || cause instanceof UnsupportedOperationException)) {
                            problems.add(c.getSimpleName() + "." + e.getName() + " with null at " + nullAt + ": " + cause);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " of " + calls + " calls threw something else:\n" + String.join("\n", problems));
        }
    }
}
