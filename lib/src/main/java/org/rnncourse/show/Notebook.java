package org.rnncourse.show;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The only place in the library that knows it may be running inside a Jupyter kernel.
 *
 * <p>JJava and IJava (which JJava continues) expose the same notebook helpers under different
 * package names, and the library must load on both, and in plain JUnit with no kernel at all. So
 * the kernel is found by reflection, once; outside a kernel everything falls back to printing text.
 *
 * <p>Why not just the notebook's own {@code display(html, "text/html")}? It also stores the HTML a
 * second time as {@code text/plain}, which doubles a one-megabyte plotly bundle, and a cell that
 * ends with it prints the display id. Sending a {@code DisplayData} we filled ourselves avoids both.
 */
final class Notebook {

    /** How to reach one kernel: the class and static method that return the running kernel. */
    private record Kernel(String kernelClass, String accessor, String displayData) {}

    private static final List<Kernel> KNOWN = List.of(
            new Kernel("org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel",
                    "org.dflib.jjava.jupyter.kernel.display.DisplayData"),
            new Kernel("io.github.spencerpark.ijava.IJava", "getKernelInstance",
                    "io.github.spencerpark.jupyter.kernel.display.DisplayData"));

    private static volatile Optional<Bridge> bridge;

    private Notebook() {}

    /** True when a Jupyter kernel is running this JVM and can show rich output. */
    static boolean available() {
        return bridge().isPresent();
    }

    /**
     * Shows {@code html} in the current cell's output, with {@code text} as the plain-text
     * fallback (null for none). Returns the display id, which {@link #update} takes, or null when
     * there is no kernel (then {@code text} is printed instead).
     */
    static String show(String html, String text) {
        Optional<Bridge> b = bridge();
        if (b.isEmpty()) {
            if (text != null) {
                System.out.println(text);
            }
            return null;
        }
        return b.get().display(html, text);
    }

    /** Replaces what an earlier {@link #show} displayed, in place (progress lines, live plots). */
    static void update(String displayId, String html, String text) {
        Optional<Bridge> b = bridge();
        if (b.isEmpty() || displayId == null) {
            if (text != null) {
                System.out.println(text);
            }
            return;
        }
        b.get().update(displayId, html, text);
    }

    private static Optional<Bridge> bridge() {
        Optional<Bridge> b = bridge;
        if (b == null) {
            b = Bridge.find();
            bridge = b;
        }
        return b;
    }

    /** The running kernel and the reflective handles on its display methods. */
    private static final class Bridge {
        private final Object kernel;
        private final Class<?> displayDataClass;
        private final Method display;
        private final Method setDisplayId;
        private final Method putHtml;
        private final Method putText;

        private Bridge(Object kernel, Class<?> displayDataClass) throws ReflectiveOperationException {
            this.kernel = kernel;
            this.displayDataClass = displayDataClass;
            this.display = kernel.getClass().getMethod("display", displayDataClass);
            this.setDisplayId = displayDataClass.getMethod("setDisplayId", String.class);
            this.putHtml = displayDataClass.getMethod("putHTML", String.class);
            this.putText = displayDataClass.getMethod("putText", String.class);
        }

        static Optional<Bridge> find() {
            for (Kernel k : KNOWN) {
                for (ClassLoader loader : loaders()) {
                    try {
                        Class<?> kernelClass = Class.forName(k.kernelClass(), true, loader);
                        Object kernel = kernelClass.getMethod(k.accessor()).invoke(null);
                        if (kernel != null) {
                            Class<?> data = Class.forName(k.displayData(), true, kernelClass.getClassLoader());
                            return Optional.of(new Bridge(kernel, data));
                        }
                    } catch (ReflectiveOperationException | LinkageError notThisKernel) {
                        // Try the next loader or kernel: the library also runs with no kernel.
                    }
                }
            }
            return Optional.empty();
        }

        private static List<ClassLoader> loaders() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            ClassLoader own = Notebook.class.getClassLoader();
            return context == null ? List.of(own) : List.of(context, own);
        }

        private Object data(String id, String html, String text) throws ReflectiveOperationException {
            Object d = displayDataClass.getConstructor().newInstance();
            if (text != null) {
                putText.invoke(d, text);
            }
            putHtml.invoke(d, html);
            setDisplayId.invoke(d, id);
            return d;
        }

        String display(String html, String text) {
            String id = UUID.randomUUID().toString();
            try {
                display.invoke(kernel, data(id, html, text));
                return id;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The notebook kernel could not display output: " + e, e);
            }
        }

        void update(String id, String html, String text) {
            try {
                Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
                Object stream = io.getClass().getField("display").get(io);
                stream.getClass().getMethod("updateDisplay", String.class, displayDataClass)
                        .invoke(stream, id, data(id, html, text));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The notebook kernel could not update output " + id + ": " + e, e);
            }
        }
    }
}
