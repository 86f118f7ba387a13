package org.rnncourse.nn.saving;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.Parameter;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.optimizers.Optimizer;

/**
 * A model's weights (and optionally its optimizer's state) in the HDF5 layout of Keras 3's
 * {@code model.weights.h5}: one group per layer, {@code layers/<name>/vars/0, 1, …} (a recurrent
 * layer keeps its weights in {@code layers/<name>/cell/vars}, a Bidirectional in
 * {@code forward_layer} and {@code backward_layer}), and the optimizer in {@code optimizer/vars}:
 * 0 the step counter, 1 the learning rate, then each weight's slots in the model's weight order
 * (Adam: momentum, velocity). Numbers are stored in double precision, so that training resumes on
 * exactly the same numbers; Keras casts them to its float32 when it loads them.
 *
 * <p>Reading checks everything first (every layer, every shape) and changes the model only when
 * the whole file fits it: a file that does not fit leaves the model as it was.
 */
final class KerasWeights {
    private KerasWeights() {}

    /** The weights one HDF5 "vars" group holds, e.g. layers/simple_rnn/cell/vars: kernel, recurrent_kernel, bias. */
    private record Vars(String path, String name, String layer, List<Parameter> params) {}

    private static List<Vars> layout(Sequential model) {
        List<Vars> out = new ArrayList<>();
        for (Layer l : model.layers()) add(out, "layers/" + l.name(), l, l.name());
        return out;
    }

    private static void add(List<Vars> out, String path, Layer l, String layerName) {
        if (l instanceof Bidirectional b) {
            out.add(new Vars(path + "/vars", l.name(), layerName, List.of()));
            add(out, path + "/forward_layer", b.forwardLayer(), layerName + "/" + b.forwardLayer().name());
            add(out, path + "/backward_layer", b.backwardLayer(), layerName + "/" + b.backwardLayer().name());
        } else if (l instanceof RecurrentLayer) {
            out.add(new Vars(path + "/vars", l.name(), layerName, List.of()));
            out.add(new Vars(path + "/cell/vars", l.namePrefix() + "_cell", layerName, l.parameters()));
        } else {
            out.add(new Vars(path + "/vars", l.name(), layerName, l.parameters()));
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Writes the file; {@code rootAttributes} (a format version, a checksum) go on the HDF5 root group. */
    static void write(Path h5, Sequential model, boolean withOptimizer, Map<String, String> rootAttributes) {
        try (WritableHdfFile file = HdfFile.write(h5)) {
            rootAttributes.forEach(file::putAttribute);
            Map<String, WritableGroup> groups = new HashMap<>();
            // Only groups that hold arrays: Keras reads a missing group as "no weights", and jHDF 0.13
            // writes a damaged file when an empty group sits beside one with datasets.
            for (Vars v : layout(model)) {
                if (v.params.isEmpty()) continue;
                WritableGroup g = group(file, groups, v.path);
                g.putAttribute("name", v.name);
                for (int i = 0; i < v.params.size(); i++) {
                    Parameter p = v.params.get(i);
                    g.putDataset(Integer.toString(i), shaped(p.value(), p.shape()));
                }
            }
            Optimizer opt = model.optimizer();
            if (withOptimizer && opt != null) {
                WritableGroup g = group(file, groups, "optimizer/vars");
                g.putAttribute("name", opt.name());
                g.putDataset("0", opt.iterations());
                g.putDataset("1", opt.learningRate());
                int i = 2;
                for (Parameter p : model.parameters()) {
                    for (double[] slot : opt.state(p).arrays()) {
                        if (slot.length > 0) g.putDataset(Integer.toString(i++), shaped(slot, p.shape()));
                    }
                }
            }
        }
    }

    private static WritableGroup group(WritableHdfFile file, Map<String, WritableGroup> groups, String path) {
        WritableGroup g = groups.get(path);
        if (g != null) return g;
        int slash = path.lastIndexOf('/');
        g = slash < 0 ? file.putGroup(path) : group(file, groups, path.substring(0, slash)).putGroup(path.substring(slash + 1));
        groups.put(path, g);
        return g;
    }

    /** A flat row-major array as the Java array of the weight's rank, which jHDF writes with that shape. */
    private static Object shaped(double[] flat, int[] shape) {
        if (shape.length == 1) return flat.clone();
        if (shape.length != 2) throw new IllegalStateException("weights of rank " + shape.length + " are not saved");
        double[][] m = new double[shape[0]][shape[1]];
        for (int r = 0; r < shape[0]; r++) System.arraycopy(flat, r * shape[1], m[r], 0, shape[1]);
        return m;
    }

    /**
     * SHA-256 of every number the file will hold, in file order: a weights file carries it, so a
     * changed number (a damaged disk, a hand edit) is noticed on loading, not trained on.
     */
    static String digest(Sequential model, boolean withOptimizer) {
        Digest d = new Digest();
        for (Vars v : layout(model)) for (Parameter p : v.params) d.add(p.value());
        Optimizer opt = model.optimizer();
        if (withOptimizer && opt != null) {
            for (Parameter p : model.parameters()) for (double[] slot : opt.state(p).arrays()) if (slot.length > 0) d.add(slot);
            d.add(opt.iterations(), opt.learningRate());
        }
        return d.hex();
    }

    private static final class Digest {
        private final java.security.MessageDigest sha = ModelFile.sha256();
        private final java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 * 1024);

        void add(double[] a) {
            for (double x : a) {
                if (!buf.hasRemaining()) flush();
                buf.putDouble(x);
            }
        }

        void add(long steps, double lr) {
            add(new double[] {steps, lr});
        }

        private void flush() {
            buf.flip();
            sha.update(buf);
            buf.clear();
        }

        String hex() {
            flush();
            return java.util.HexFormat.of().formatHex(sha.digest());
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    /** What a checked file will put into the model: nothing is changed until {@link #apply}. */
    static final class Loaded {
        private final Map<double[], double[]> values = new LinkedHashMap<>();
        private Long iterations;
        private Double learningRate;
        /** The HDF5 root group's attributes (this library's format version and checksum, if it wrote the file). */
        final Map<String, String> attributes = new HashMap<>();

        /** The checksum of what was read, in the order {@link #digest(Sequential, boolean)} reads it. */
        String digest() {
            Digest d = new Digest();
            values.values().forEach(d::add);
            if (iterations != null) d.add(iterations, learningRate);
            return d.hex();
        }

        void apply() {
            values.forEach((target, v) -> System.arraycopy(v, 0, target, 0, v.length));
        }

        void applyOptimizer(Optimizer opt) {
            if (iterations != null) opt.iterations(iterations);
            if (learningRate != null) opt.learningRate(learningRate);
        }
    }

    /**
     * Reads and checks HDF5 weights (a .weights.h5 file, or the model.weights.h5 of a .keras file)
     * against the model, and the optimizer's state too when {@code withOptimizer} and the model is
     * compiled; {@code file} names the file in errors. Nothing in the model changes here.
     */
    static Loaded read(byte[] h5, Sequential model, boolean withOptimizer, String file) {
        String where = Messages.get("nn.weights.where", file) + " ";
        Loaded out = new Loaded();
        try (HdfFile f = HdfFile.fromBytes(h5)) {
            f.getAttributes().forEach((k, a) -> out.attributes.put(k, String.valueOf(a.getData())));
            Group layers = child(f, "layers") instanceof Group g ? g : null;
            if (layers == null) throw new ModelFileException(where + Messages.get("nn.weights.noLayers"));
            List<String> names = new ArrayList<>();
            for (Layer l : model.layers()) names.add(l.name());
            for (String n : layers.getChildren().keySet()) {
                if (!names.contains(n)) {
                    throw new ModelFileException(where + Messages.get("nn.weights.extraLayer", n, names, layers.getChildren().keySet()));
                }
            }
            for (Vars v : layout(model)) {
                if (v.params.isEmpty()) continue;
                Node n = at(f, v.path);
                if (!(n instanceof Group g)) {
                    throw new ModelFileException(where + Messages.get("nn.weights.missingLayer", v.layer, typeOf(model, v.layer),
                            layers.getChildren().keySet()));
                }
                if (g.getChildren().size() != v.params.size()) {
                    throw new ModelFileException(where + Messages.get("nn.weights.arrayCount", v.layer, g.getChildren().size(),
                            v.params.size(), v.params));
                }
                for (int i = 0; i < v.params.size(); i++) {
                    Parameter p = v.params.get(i);
                    out.values.put(p.value(), array(g, Integer.toString(i), p.shape(), where + "layer '" + v.layer
                            + "' weight " + p.name()));
                }
            }
            Optimizer opt = model.optimizer();
            Node ov = at(f, "optimizer/vars");
            if (withOptimizer && opt != null && ov instanceof Group g && !g.getChildren().isEmpty()) {
                List<List<double[]>> slots = new ArrayList<>();
                List<String> wanted = new ArrayList<>();
                for (Parameter p : model.parameters()) {
                    List<double[]> s = opt.state(p).arrays();
                    slots.add(s);
                    for (double[] slot : s) if (slot.length > 0) wanted.add(p.path());
                }
                if (g.getChildren().size() != 2 + wanted.size()) {
                    throw new ModelFileException(where + Messages.get("nn.weights.optimizerState", g.getChildren().size(), opt.name(),
                            2 + wanted.size()));
                }
                out.iterations = (long) scalar(g, "0", where + "the optimizer's step counter");
                out.learningRate = scalar(g, "1", where + "the optimizer's learning rate");
                int i = 2;
                List<Parameter> ps = model.parameters();
                for (int k = 0; k < ps.size(); k++) {
                    for (double[] slot : slots.get(k)) {
                        if (slot.length == 0) continue;
                        out.values.put(slot, array(g, Integer.toString(i++), ps.get(k).shape(),
                                where + "the optimizer's slot for " + ps.get(k).path()));
                    }
                }
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            // jHDF's own errors (a damaged HDF5 structure) become one sentence naming the file.
            throw new ModelFileException(where + Messages.get("nn.weights.damaged", e.getMessage()), e);
        }
        return out;
    }

    private static String typeOf(Sequential model, String layer) {
        String top = layer.contains("/") ? layer.substring(0, layer.indexOf('/')) : layer;
        return model.getLayer(top).typeName();
    }

    private static Node child(Group g, String name) {
        return g.getChildren().get(name);
    }

    private static Node at(Group root, String path) {
        Node n = root;
        for (String part : path.split("/")) {
            if (!(n instanceof Group g)) return null;
            n = g.getChildren().get(part);
            if (n == null) return null;
        }
        return n;
    }

    private static double[] array(Group g, String key, int[] shape, String what) {
        if (!(g.getChildren().get(key) instanceof Dataset d)) {
            throw new ModelFileException(what + ": array '" + key + "' is missing");
        }
        int[] dims = d.getDimensions();
        if (!java.util.Arrays.equals(dims, shape)) {
            throw new ModelFileException(what + " has shape " + Tensor.shapeString(dims) + " in the file but "
                    + Tensor.shapeString(shape) + " in the model");
        }
        Object data = d.getDataFlat();
        double[] out;
        if (data instanceof double[] a) {
            out = a;
        } else if (data instanceof float[] a) {
            out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = a[i];
        } else {
            throw new ModelFileException(what + " holds " + d.getJavaType().getSimpleName() + " values, not numbers");
        }
        for (double x : out) {
            if (!Double.isFinite(x)) throw new ModelFileException(what + " contains " + x + ": the saved model had diverged");
        }
        return out;
    }

    private static double scalar(Group g, String key, String what) {
        if (!(g.getChildren().get(key) instanceof Dataset d) || !d.isScalar() || !(d.getData() instanceof Number n)) {
            throw new ModelFileException(what + " is not a single number");
        }
        return n.doubleValue();
    }
}
