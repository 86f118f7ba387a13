package org.rnncourse.nn.saving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.GRU;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.optimizers.Optimizer;
import org.rnncourse.nn.optimizers.RMSprop;
import org.rnncourse.nn.optimizers.SGD;

/**
 * A model's architecture and compile settings as the {@code config.json} of a Keras 3 {@code .keras}
 * file: the same class names ({@code SimpleRNN}, {@code Dense}…), the same keys ({@code units},
 * {@code return_sequences}…), so Keras's {@code load_model} rebuilds the same model, and
 * {@link #model} rebuilds it here. Settings that Keras has and this library does not (a bias-free
 * layer, masking…) are written with the values this library uses, and refused on reading.
 */
final class KerasConfig {
    private KerasConfig() {}

    // ---- writing -------------------------------------------------------------------------------

    static Map<String, Object> of(Sequential model) {
        List<Object> layers = new ArrayList<>();
        List<Object> batchShape = batchShape(model.inputShape());
        boolean ids = !model.layers().isEmpty() && model.layers().get(0).readsTokenIds();
        layers.add(entry("InputLayer", map("batch_shape", batchShape, "dtype", ids ? "int32" : "float32",
                "sparse", false, "name", "input_layer"), null));
        int[] shape = model.inputShape();
        for (Layer l : model.layers()) {
            layers.add(entry(l.typeName(), layerConfig(l), map("input_shape", batchShape(shape))));
            shape = l.outputShape(shape);
        }
        Map<String, Object> root = entry("Sequential", map("name", model.name(), "trainable", true,
                "layers", layers, "build_input_shape", batchShape), map("input_shape", batchShape));
        root.put("module", "keras");
        if (model.optimizer() != null) {
            root.put("compile_config", map("optimizer", entry(kerasClass(model.optimizer()),
                    model.optimizer().kerasConfig(), null), "loss", model.loss().name(),
                    "metrics", new ArrayList<>(model.trainer().metricNames())));
        }
        return root;
    }

    private static Map<String, Object> layerConfig(Layer l) {
        Map<String, Object> c = map("name", l.name(), "trainable", true);
        if (l instanceof Embedding e) {
            c.putAll(map("input_dim", e.inputDim(), "output_dim", e.outputDim(), "mask_zero", false));
        } else if (l instanceof Dense d) {
            c.putAll(map("units", d.units(), "activation", d.activation().kerasName(), "use_bias", true));
        } else if (l instanceof Dropout d) {
            c.put("rate", d.rate());
        } else if (l instanceof RecurrentLayer r) {
            c.putAll(map("return_sequences", r.returnSequences(), "return_state", r.returnState(),
                    "go_backwards", false, "stateful", false, "units", r.units(), "use_bias", true));
            if (r instanceof SimpleRNN s) c.put("activation", s.activation().kerasName());
            if (r instanceof LSTM m) {
                c.putAll(map("activation", m.activation().kerasName(), "recurrent_activation",
                        m.recurrentActivation().kerasName(), "unit_forget_bias", m.unitForgetBias()));
            }
            if (r instanceof GRU g) {
                c.putAll(map("activation", g.activation().kerasName(), "recurrent_activation",
                        g.recurrentActivation().kerasName(), "reset_after", true));
            }
        } else if (l instanceof Bidirectional b) {
            c.put("merge_mode", "concat");
            c.put("layer", entry(b.forwardLayer().typeName(), layerConfig(b.forwardLayer()), null));
            Map<String, Object> back = layerConfig(b.backwardLayer());
            back.put("go_backwards", true);
            c.put("backward_layer", entry(b.backwardLayer().typeName(), back, null));
        } else {
            throw new ModelFileException("cannot save " + l.describe() + ": saving does not know the layer type "
                    + l.typeName());
        }
        return c;
    }

    private static String kerasClass(Optimizer o) {
        return switch (o.name()) {
            case "adam" -> "Adam";
            case "rmsprop" -> "RMSprop";
            case "sgd" -> "SGD";
            default -> throw new ModelFileException("cannot save the optimizer " + o + ": unknown type");
        };
    }

    private static List<Object> batchShape(int[] shape) {
        List<Object> s = new ArrayList<>();
        s.add(null);
        for (int d : shape) s.add(d);
        return s;
    }

    private static Map<String, Object> entry(String className, Map<String, Object> config, Map<String, Object> build) {
        Map<String, Object> e = map("module", className.equals("Sequential") ? "keras" : "keras.layers",
                "class_name", className, "config", config, "registered_name", null);
        if (className.equals("Adam") || className.equals("RMSprop") || className.equals("SGD")) {
            e.put("module", "keras.optimizers");
        }
        if (build != null) e.put("build_config", build);
        return e;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Rebuilds (and compiles, if the file says how) the model a config describes; {@code file} is for errors. */
    static Sequential model(Map<String, Object> root, String file) {
        Reader r = new Reader(file);
        if (!"Sequential".equals(root.get("class_name"))) {
            throw r.error("the model is a " + root.get("class_name") + "; this library loads Sequential models");
        }
        Map<String, Object> config = r.map(root, "config", "the model");
        List<Layer> layers = new ArrayList<>();
        int[] inputShape = null;
        for (Object o : r.list(config, "layers", "the model")) {
            Map<String, Object> e = r.asMap(o, "a layer");
            Map<String, Object> c = r.map(e, "config", "a layer");
            if ("InputLayer".equals(e.get("class_name"))) {
                inputShape = r.shape(c.containsKey("batch_shape") ? c.get("batch_shape") : c.get("batch_input_shape"),
                        "the input layer");
            } else {
                layers.add(layer(r, e));
            }
        }
        if (inputShape == null && config.get("build_input_shape") != null) {
            inputShape = r.shape(config.get("build_input_shape"), "the model's build_input_shape");
        }
        Sequential model = new Sequential(layers.toArray(new Layer[0]));
        if (config.get("name") instanceof String n) model.name(n);
        if (inputShape == null) throw r.error("the model has no input shape, so its weights cannot be built");
        model.build(inputShape);
        if (root.get("compile_config") instanceof Map<?, ?> cc) {
            Map<String, Object> compile = r.asMap(cc, "compile_config");
            Optimizer opt = optimizer(r, r.map(compile, "optimizer", "compile_config"));
            Object loss = compile.get("loss");
            if (!(loss instanceof String)) throw r.error("compile_config: the loss must be a Keras name, got " + loss);
            List<String> metrics = new ArrayList<>();
            if (compile.get("metrics") instanceof List<?> ms) {
                for (Object m : ms) {
                    if (!(m instanceof String s)) throw r.error("compile_config: metric " + m + " is not a Keras name");
                    metrics.add(s);
                }
            }
            try {
                model.compile(opt, (String) loss, metrics.toArray(new String[0]));
            } catch (IllegalArgumentException e) {
                throw r.error("compile_config: " + e.getMessage());
            }
        }
        return model;
    }

    private static Layer layer(Reader r, Map<String, Object> e) {
        String type = String.valueOf(e.get("class_name"));
        Map<String, Object> c = r.map(e, "config", type);
        String name = c.get("name") instanceof String s ? s : null;
        String what = type + (name == null ? "" : " '" + name + "'");
        Layer l;
        try {
            l = switch (type) {
                case "Embedding" -> {
                    r.require(c, "mask_zero", false, what);
                    yield new Embedding(r.integer(c, "input_dim", what), r.integer(c, "output_dim", what));
                }
                case "Dense" -> {
                    r.require(c, "use_bias", true, what);
                    yield new Dense(r.integer(c, "units", what), r.string(c, "activation", "linear", what));
                }
                case "Dropout" -> new Dropout(r.number(c, "rate", what));
                case "SimpleRNN", "LSTM", "GRU" -> recurrent(r, type, c, what);
                case "Bidirectional" -> {
                    r.require(c, "merge_mode", "concat", what);
                    Layer inner = layer(r, r.map(c, "layer", what));
                    if (!(inner instanceof RecurrentLayer rl)) throw r.error(what + " wraps a " + inner.typeName());
                    yield new Bidirectional(rl);
                }
                default -> throw r.error("the layer type " + type + " is not one this library has (it has Embedding, "
                        + "SimpleRNN, LSTM, GRU, Bidirectional, Dropout and Dense)");
            };
        } catch (IllegalArgumentException ex) {
            throw r.error(what + ": " + ex.getMessage());
        }
        if (name != null) l.name(name);
        return l;
    }

    private static RecurrentLayer recurrent(Reader r, String type, Map<String, Object> c, String what) {
        for (String off : List.of("go_backwards", "stateful")) r.require(c, off, false, what);
        r.require(c, "use_bias", true, what);
        int units = r.integer(c, "units", what);
        boolean seq = r.bool(c, "return_sequences", what), state = r.bool(c, "return_state", what);
        String act = r.string(c, "activation", "tanh", what);
        return switch (type) {
            case "SimpleRNN" -> new SimpleRNN(units, act, seq, state);
            case "LSTM" -> LSTM.builder(units).activation(act).returnSequences(seq).returnState(state)
                    .recurrentActivation(r.string(c, "recurrent_activation", "sigmoid", what))
                    .unitForgetBias(!Boolean.FALSE.equals(c.get("unit_forget_bias"))).build();
            default -> {
                r.require(c, "reset_after", true, what);
                yield GRU.builder(units).activation(act).returnSequences(seq).returnState(state)
                        .recurrentActivation(r.string(c, "recurrent_activation", "sigmoid", what)).build();
            }
        };
    }

    private static Optimizer optimizer(Reader r, Map<String, Object> e) {
        String type = String.valueOf(e.get("class_name"));
        Map<String, Object> c = r.map(e, "config", type);
        double lr = c.get("learning_rate") instanceof Number n ? n.doubleValue()
                : type.equals("SGD") ? 0.01 : 0.001;
        Optimizer o;
        try {
            o = switch (type) {
                case "Adam" -> new Adam(lr, r.number(c, "beta_1", 0.9), r.number(c, "beta_2", 0.999),
                        r.number(c, "epsilon", 1e-7));
                case "RMSprop" -> new RMSprop(lr, r.number(c, "rho", 0.9), r.number(c, "epsilon", 1e-7));
                case "SGD" -> new SGD(lr, r.number(c, "momentum", 0.0), Boolean.TRUE.equals(c.get("nesterov")));
                default -> throw r.error("the optimizer " + type + " is not one this library has (Adam, RMSprop, SGD)");
            };
            if (c.get("clipnorm") instanceof Number n) o.clipnorm(n.doubleValue());
            if (c.get("global_clipnorm") instanceof Number n) o.globalClipnorm(n.doubleValue());
            if (c.get("clipvalue") instanceof Number n) o.clipvalue(n.doubleValue());
        } catch (IllegalArgumentException ex) {
            throw r.error("optimizer " + type + ": " + ex.getMessage());
        }
        return o;
    }

    /** Typed reads from the parsed JSON, each failing with the file and the key named. */
    private static final class Reader {
        final String file;

        Reader(String file) {
            this.file = file;
        }

        ModelFileException error(String what) {
            return new ModelFileException("cannot load the model from " + file + ": config.json: " + what);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> asMap(Object o, String what) {
            if (!(o instanceof Map)) throw error(what + " is not a JSON object");
            return (Map<String, Object>) o;
        }

        Map<String, Object> map(Map<String, Object> m, String key, String what) {
            if (!(m.get(key) instanceof Map)) throw error(what + " has no \"" + key + "\" object");
            return asMap(m.get(key), what);
        }

        List<?> list(Map<String, Object> m, String key, String what) {
            if (!(m.get(key) instanceof List<?> l)) throw error(what + " has no \"" + key + "\" list");
            return l;
        }

        int integer(Map<String, Object> m, String key, String what) {
            if (!(m.get(key) instanceof Number n) || n.doubleValue() != n.intValue()) {
                throw error(what + ": \"" + key + "\" should be an integer, got " + m.get(key));
            }
            return n.intValue();
        }

        double number(Map<String, Object> m, String key, String what) {
            if (!(m.get(key) instanceof Number n)) throw error(what + ": \"" + key + "\" should be a number, got " + m.get(key));
            return n.doubleValue();
        }

        double number(Map<String, Object> m, String key, double fallback) {
            return m.get(key) instanceof Number n ? n.doubleValue() : fallback;
        }

        boolean bool(Map<String, Object> m, String key, String what) {
            Object v = m.getOrDefault(key, false);
            if (!(v instanceof Boolean b)) throw error(what + ": \"" + key + "\" should be true or false, got " + v);
            return b;
        }

        String string(Map<String, Object> m, String key, String fallback, String what) {
            Object v = m.getOrDefault(key, fallback);
            if (!(v instanceof String s)) throw error(what + ": \"" + key + "\" should be a name, got " + v);
            return s;
        }

        /** A Keras setting this library supports only with one value (e.g. use_bias true). */
        void require(Map<String, Object> m, String key, Object value, String what) {
            Object v = m.get(key);
            if (v != null && !v.equals(value)) {
                throw error(what + " has " + key + "=" + v + "; this library supports only " + key + "=" + value);
            }
        }

        int[] shape(Object o, String what) {
            if (!(o instanceof List<?> l) || l.size() < 2) throw error(what + ": no batch shape such as [null, 200]");
            int[] s = new int[l.size() - 1];
            for (int i = 1; i < l.size(); i++) {
                if (!(l.get(i) instanceof Number n) || n.intValue() <= 0) {
                    throw error(what + ": shape " + l + " needs a positive size at every position after the batch");
                }
                s[i - 1] = n.intValue();
            }
            return s;
        }
    }

    static String shapeText(int[] s) {
        return Arrays.toString(s).replace('[', '(').replace(']', ')');
    }
}
